package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.storage.SqlDatabase;
import io.seatguard.storage.StorageSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second server on a data folder another server has is refused at start: each keeps what it wrote in
 * memory, so two answered from their own (a user and a device called new that the other had stored).
 * Tools that write straight to the store still may, and a killed server does not leave the folder locked.
 */
class OneServerPerDataFolderTest {
    @TempDir
    Path work;

    @Test
    void aSecondServerOnTheSameDataFolderIsRefusedUntilTheFirstIsGone() throws Exception {
        Path dataDir = work.resolve("data");
        ServerProcess first = ServerProcess.start(work, "--data-dir", dataDir.toString());
        try {
            long pid = first.process().pid();
            assertThatThrownBy(() -> TestServer.startWith(TestServer.config(dataDir).build()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already served by another process (pid " + pid + ")")
                    .hasMessageContaining("--data-dir");

            try (SqlDatabase tool = SqlDatabase.open(StorageSettings.embedded(dataDir))) {
                assertThat(tool.isReachable()).as("a tool such as operators create still opens the store").isTrue();
            }

            first.kill();

            try (TestServer second = TestServer.startWith(TestServer.config(dataDir).build())) {
                TestServer.Response apps = second.get("/v3/apps", java.util.Map.of("Authorization", "Bearer " + TestServer.ADMIN_TOKEN));
                assertThat(apps.status()).as("served once the first was killed (-9): the lock went with its process").isEqualTo(200);
                assertThat(apps.json().get("data")).as("the first server's default app").isNotEmpty();
                assertThatThrownBy(() -> TestServer.startWith(TestServer.config(dataDir).build()))
                        .hasMessageContaining("already served by another server in this process");
            }
            try (TestServer third = TestServer.startWith(TestServer.config(dataDir).build())) {
                assertThat(third.get("/readyz", java.util.Map.of()).status()).as("after a clean stop too").isEqualTo(200);
            }
        }
        finally {
            first.close();
        }
    }
}
