package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seatguard.core.evaluation.Evaluation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Evaluation documents exactly as earlier releases stored them ({@code evaluations.document}), read by
 * today's mapper as {@code GET /v3/evaluations/{id}}, history and the dashboard read them after an
 * upgrade. The fixtures were written by the first release (2026-11-23: no identity, no monitored
 * policies, flags without sources, no policies at all) and by 2026-12-01's (a verification challenge, a
 * device-limit challenge), each a real row of a server of that release. A field added to the document
 * must read as absent from these, never fail them: such a failure is a 500 on every old evaluation.
 */
class StoredDocumentsOfEarlierReleasesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23-login-allow", "2026-11-23-access-allow", "2026-11-23-signup-allow", "2026-12-01-login-challenge",
            "2026-12-01-access-challenge", "2026-12-01-access-allow"})
    void anEarlierReleasesDocumentReadsAsItWasWritten(String fixture) throws IOException {
        String stored = fixture(fixture);
        JsonNode written = JSON.readTree(stored);

        Evaluation read = EvaluationDocumentMapper.toDomain("app_old", "ev_old", Optional.empty(), StorageJson.read(stored, EvaluationDocument.class));

        assertThat(read.action()).isEqualTo(written.get("action").asText());
        assertThat(read.verdict().wireName()).isEqualTo(written.get("verdict").asText());
        assertThat(read.createdAt()).isEqualTo(Instant.ofEpochMilli(written.get("createdAt").asLong()));
        assertThat(read.user().id()).isEqualTo(Optional.ofNullable(written.get("userId")).map(JsonNode::asText));
        assertThat(read.user().identity()).as("no release before 2026-12-03 recorded how the identity was established").isEmpty();
        assertThat(read.device().id()).isEqualTo(written.get("device").get("id").asText());
        assertThat(read.device().type().wireName()).isEqualTo(written.get("device").get("type").asText());
        assertThat(read.device().browser()).isEqualTo(written.get("device").get("browser").asText());
        assertThat(read.publicIp().address()).isEqualTo(written.get("publicIp").get("address").asText());
        assertThat(read.checks().keySet()).containsExactlyInAnyOrderElementsOf(names(written.get("checks")));
        assertThat(read.checks().get("device_count")).isEqualTo(written.get("checks").get("device_count").asLong());
        assertThat(read.risk().score()).isEqualTo(written.get("risk").get("score").asInt());
        assertThat(read.risk().signals()).hasSize(written.get("risk").get("signals").size());
        assertThat(read.monitoredPolicies()).isEmpty();
        JsonNode policy = written.get("policy");
        assertThat(read.policy().map(match -> match.id())).isEqualTo(Optional.ofNullable(policy).map(node -> node.get("id").asText()));
        read.policy().ifPresent(match -> assertThat(match.verdict().wireName()).isEqualTo(policy.get("verdict").asText()));
        JsonNode challenge = written.get("challenge");
        assertThat(read.challenge().map(ref -> ref.id())).isEqualTo(Optional.ofNullable(challenge).map(node -> node.get("id").asText()));
        assertThat(read.redirect().isPresent()).isEqualTo(written.hasNonNull("redirect"));

        // Written again as today's document, it reads back the same: an old row that a change rewrites
        // (an erasure's batch, a consume) keeps what it said.
        String rewritten = StorageJson.write(EvaluationDocumentMapper.toDocument(read));
        assertThat(EvaluationDocumentMapper.toDomain("app_old", "ev_old", Optional.empty(), StorageJson.read(rewritten, EvaluationDocument.class)))
                .isEqualTo(read);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = StoredDocumentsOfEarlierReleasesTest.class.getResourceAsStream("/stored-documents/" + name + ".json")) {
            assertThat(in).as("fixture " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
