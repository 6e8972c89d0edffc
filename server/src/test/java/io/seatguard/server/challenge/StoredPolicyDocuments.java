package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.server.http.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Consumer;

/**
 * Rewrites a stored policy's challenge in the embedded database of a stopped server, as a policy stored
 * under an earlier, looser rule would be: the API refuses such a policy now, so tests make it behind its back.
 */
final class StoredPolicyDocuments {
    private StoredPolicyDocuments() {}

    static void rewriteChallenge(Path dataDir, String policyId, Consumer<ObjectNode> change) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("seatguard.db"));
                PreparedStatement read = connection.prepareStatement("SELECT document FROM policies WHERE id = ?");
                PreparedStatement write = connection.prepareStatement("UPDATE policies SET document = ? WHERE id = ?")) {
            read.setString(1, policyId);
            ResultSet row = read.executeQuery();
            assertThat(row.next()).as("policy " + policyId + " is stored").isTrue();
            ObjectNode document = (ObjectNode) Json.MAPPER.readTree(row.getString(1));
            change.accept((ObjectNode) document.get("challenge"));
            write.setString(1, document.toString());
            write.setString(2, policyId);
            assertThat(write.executeUpdate()).isEqualTo(1);
        }
    }
}
