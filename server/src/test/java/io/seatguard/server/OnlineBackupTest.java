package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.server.TestServer.TestApp;
import io.seatguard.server.cli.BackupCommand;
import io.seatguard.server.http.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The backup README.md gives for embedded storage: {@code seatguard backup} ({@code VACUUM INTO} from
 * another connection) while the server runs and evaluations keep arriving. The copy must be a database
 * a server starts on, holding every evaluation acknowledged before the copy began, under the same app keys,
 * including those committed only to the write-ahead log (a copy of seatguard.db alone misses them).
 */
class OnlineBackupTest {
    @TempDir
    Path dir;

    @Test
    void aCopyMadeWhileEvaluationsArriveStartsAServerWithEveryEarlierEvaluation() throws Exception {
        Path live = dir.resolve("live");
        Path restored = dir.resolve("restored");
        Files.createDirectories(restored);
        TestApp app;
        List<String> acknowledged = new ArrayList<>();
        AtomicInteger duringCopy = new AtomicInteger();
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, live);
                // A read transaction held open from before the evaluations: no checkpoint can copy a commit
                // past its snapshot into seatguard.db, so every acknowledged evaluation is still only in
                // seatguard.db-wal when the copy runs. Without it the server's checkpointer (every 50 ms) had
                // moved them into seatguard.db long before, and a bare copy of that file passed this test.
                Connection pin = DriverManager.getConnection("jdbc:sqlite:" + live.resolve("seatguard.db"))) {
            app = server.defaultApp();
            pin.setAutoCommit(false);
            try (Statement read = pin.createStatement(); ResultSet rows = read.executeQuery("SELECT COUNT(*) FROM evaluations")) {
                assertThat(rows.next()).isTrue();
            }
            for (int i = 0; i < 30; i++) {
                acknowledged.add(evaluate(server, app, i));
            }
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 1_000; !stop.get(); i++) {
                    evaluate(server, app, i);
                    duringCopy.incrementAndGet();
                }
            });
            try {
                while (duringCopy.get() < 5) {
                    Thread.sleep(10);
                }
                StringWriter out = new StringWriter();
                int exit = new CommandLine(new BackupCommand()).setOut(new PrintWriter(out))
                        .execute("--data-dir", live.toString(), "--to", restored.resolve("seatguard.db").toString());
                assertThat(exit).as(out.toString()).isZero();
                assertThat(Json.MAPPER.readTree(out.toString()).get("bytes").asLong()).isEqualTo(Files.size(restored.resolve("seatguard.db")));
            }
            finally {
                stop.set(true);
                writer.join();
            }
        }
        assertThat(duringCopy.get()).as("evaluations written while the copy ran").isGreaterThanOrEqualTo(5);

        try (TestServer copy = TestServer.start(TestServer.Store.SQLITE, restored)) {
            assertThat(copy.server().createdDefaultApp()).as("the copy is not a first start").isEmpty();
            for (String id : acknowledged) {
                TestServer.Response read = copy.get("/v3/evaluations/" + id, app.bearer());
                assertThat(read.status()).as(read.body()).isEqualTo(200);
                assertThat(read.json().get("user").get("id").asText()).startsWith("backup-user-");
            }
        }
    }

    private static String evaluate(TestServer server, TestApp app, int i) {
        TestServer.Response response = server.post("/v3/evaluate", """
                {"action": "login", "user": "backup-user-%d", "ip": "203.0.113.%d", "device": {"token": "tok_backup_%d_abcdef"}}"""
                .formatted(i, i % 250, i), app.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("evaluation_id").asText();
    }
}
