package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One server at a time on an embedded database; tools and PostgreSQL are not held back. (Across processes: OneServerPerDataFolderTest.) */
class ServingLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondServerIsRefusedWhileTheFirstHasTheStoreAndAToolIsNot() throws Exception {
        Path data = dir.resolve("data");
        try (SqlDatabase first = SqlDatabase.openForServer(StorageSettings.embedded(data))) {
            Path lockFile = data.resolve("seatguard.db.lock");
            assertThat(Files.readString(lockFile)).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThatThrownBy(() -> SqlDatabase.openForServer(StorageSettings.embedded(data)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(data.resolve("seatguard.db").toAbsolutePath().toString())
                    .hasMessageContaining("already served by another server in this process");
            try (SqlDatabase tool = SqlDatabase.open(StorageSettings.embedded(data))) {
                assertThat(tool.isReachable()).isTrue();
            }
            assertThat(first.isReachable()).as("the refused one closed nothing of the first").isTrue();
        }
        try (SqlDatabase again = SqlDatabase.openForServer(StorageSettings.embedded(data))) {
            assertThat(again.isReachable()).as("free once the first closed").isTrue();
        }
    }

    @Test
    void anExplicitSqliteUrlIsLockedByItsFile() {
        Path file = dir.resolve("elsewhere.db");
        StorageSettings settings = new StorageSettings(Optional.of("jdbc:sqlite:" + file), dir.resolve("unused"), 2);
        try (SqlDatabase first = SqlDatabase.openForServer(settings)) {
            assertThat(ServingLock.fileFor(file)).exists();
            assertThatThrownBy(() -> SqlDatabase.openForServer(settings)).hasMessageContaining("already served");
        }
    }
}
