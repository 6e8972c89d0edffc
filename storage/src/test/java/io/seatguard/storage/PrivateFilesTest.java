package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review finding 4: the embedded database holds secrets in clear, so its folder and files are the server user's alone. */
class PrivateFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDataFolderAndItsDatabaseFilesAreTheOwnersAlone() throws Exception {
        Path data = dir.resolve("new/data");
        try (SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(data))) {
            new SqlAppStore(database).putSetting("challenge_code_key", "a secret");
            assertThat(mode(data)).isEqualTo("rwx------");
            for (String name : new String[] {"seatguard.db", "seatguard.db-wal", "seatguard.db-shm"}) {
                assertThat(data.resolve(name)).exists();
                assertThat(mode(data.resolve(name))).as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void filesAnEarlierVersionLeftReadableAreNarrowedAndTheFolderIsLeftAlone() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-x---"));
        try (SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(data))) {
            new SqlAppStore(database).putSetting("challenge_code_key", "a secret");
        }
        for (String name : new String[] {"seatguard.db", "seatguard.db-wal", "seatguard.db-shm"}) {
            if (Files.exists(data.resolve(name))) {
                Files.setPosixFilePermissions(data.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        try (SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(data))) {
            assertThat(new SqlAppStore(database).setting("challenge_code_key")).contains("a secret");
            for (String name : new String[] {"seatguard.db", "seatguard.db-wal", "seatguard.db-shm"}) {
                assertThat(mode(data.resolve(name))).as(name).isEqualTo("rw-------");
            }
        }
        assertThat(mode(data)).as("the operator's own folder").isEqualTo("rwxr-x---");
    }

    @Test
    void aNewPrivateFileIsMadeOnceAndNeverReplaced() throws Exception {
        Path file = PrivateFiles.createNew(dir.resolve("copy.db"));
        assertThat(mode(file)).isEqualTo("rw-------");
        Files.writeString(file, "the first run's copy");
        assertThatThrownBy(() -> PrivateFiles.createNew(file)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(file).hasContent("the first run's copy");
    }

    @Test
    void aFileWhereTheDataFolderShouldBeIsRefusedSayingSo() throws Exception {
        Path file = Files.writeString(dir.resolve("data"), "not a folder");
        assertThatThrownBy(() -> SqlDatabase.open(StorageSettings.embedded(file)))
                .hasMessageContaining("cannot create the data folder " + file.toAbsolutePath())
                .hasMessageContaining("a file by that name is in the way; it must be a folder");
        assertThat(file).hasContent("not a folder");
    }
}
