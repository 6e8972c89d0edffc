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

    /** Review: a second server, about to be refused, chmodded the running server's files (and warned about each). */
    @Test
    void aRefusedSecondServerLeavesTheRunningOnesFilesAsTheyAre() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path data = dir.resolve("data");
        try (SqlDatabase first = SqlDatabase.openForServer(StorageSettings.embedded(data))) {
            Path database = data.resolve("seatguard.db");
            // As an operator may have left them: the first server's files, not the second's to change.
            Files.setPosixFilePermissions(database, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));

            assertThatThrownBy(() -> SqlDatabase.openForServer(StorageSettings.embedded(data))).hasMessageContaining("already served");

            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(database))).isEqualTo("rw-r-----");
        }
    }

    @Test
    void theReasonAFileCannotBeUsedIsSaidInWordsNotAsItsPathAgain() {
        assertThat(FileProblems.reason(new java.nio.file.AccessDeniedException("/d/seatguard.db"))).isEqualTo("permission denied");
        assertThat(FileProblems.reason(new java.nio.file.NoSuchFileException("/d/seatguard.db.lock"))).isEqualTo("no such file or folder");
        assertThat(FileProblems.reason(new java.nio.file.FileSystemException("/d/seatguard.db", null, "Read-only file system"))).isEqualTo("Read-only file system");
        assertThat(FileProblems.reason(new java.io.IOException("No space left on device"))).isEqualTo("No space left on device");
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
