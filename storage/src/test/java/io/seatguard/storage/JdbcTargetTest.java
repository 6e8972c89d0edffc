package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcTargetTest {
    @Test
    void libpqUrlsBecomeJdbcUrlsWithCredentialsAsProperties() {
        JdbcTarget target = JdbcTarget.parse("postgresql://seat:s%40cret@db.internal:6543/guard?sslmode=require");
        assertThat(target.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/guard?sslmode=require");
        assertThat(target.properties().getProperty("user")).isEqualTo("seat");
        assertThat(target.properties().getProperty("password")).isEqualTo("s@cret");
        assertThat(target.description()).doesNotContain("s@cret").doesNotContain("s%40cret");
    }

    @Test
    void jdbcUrlsPassThroughWithPasswordsMaskedInDescriptions() {
        JdbcTarget target = JdbcTarget.parse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=hunter2");
        assertThat(target.jdbcUrl()).endsWith("password=hunter2");
        assertThat(target.description()).doesNotContain("hunter2");
        assertThat(JdbcTarget.parse("jdbc:sqlite:/tmp/x.db").kind()).isEqualTo(DatabaseKind.SQLITE);
    }

    /** Review finding: a libpq URL's query went into the description as it was, with a password in it. */
    @Test
    void aPasswordInALibpqUrlsQueryIsMaskedInItsDescription() {
        JdbcTarget target = JdbcTarget.parse("postgresql://seat@db.internal/guard?password=hunter2&sslmode=require");
        assertThat(target.jdbcUrl()).contains("password=hunter2");
        assertThat(target.description()).doesNotContain("hunter2").contains("db.internal/guard");
    }

    /** Review finding: the mask stopped at the first '@', so the rest of an unescaped password was shown. */
    @Test
    void anUnescapedAtInAPasswordDoesNotShowItsRest() {
        assertThatThrownBy(() -> JdbcTarget.parse("postgresql://seat:p@ss@word@db.internal"))
                .hasMessageContaining("host and a database name")
                .hasMessageNotContaining("ss@word").hasMessageNotContaining("word");
    }

    @Test
    void otherUrlsAreRefusedWithoutEchoingTheirPassword() {
        assertThatThrownBy(() -> JdbcTarget.parse("mysql://root:topsecret@localhost/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported database URL")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> JdbcTarget.parse("postgresql://host-only")).hasMessageContaining("host and a database name");
    }

    /**
     * Found in review: with no '/' after the host, pgjdbc said "no suitable driver", as if nothing answered;
     * with an empty name after it, it connected to the user's own database and the schema was made there.
     */
    @Test
    void aJdbcUrlWithoutADatabaseIsRefusedSayingWhatIsMissing() {
        for (String url : java.util.List.of("jdbc:postgresql://127.0.0.1:5432", "jdbc:postgresql://127.0.0.1",
                "jdbc:postgresql://db1:5432,db2:5432?user=seat&password=hunter2",
                "jdbc:postgresql://127.0.0.1:5432/", "jdbc:postgresql://127.0.0.1:5432/?user=postgres&password=hunter2")) {
            assertThatThrownBy(() -> JdbcTarget.parse(url)).as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("database URL needs a '/' and a database name after the host")
                    .hasMessageNotContaining("hunter2");
        }
    }

    /**
     * A port outside 1-65535 is the URL's fault, said as such: pgjdbc would log a warning of its own and
     * answer "no suitable driver", which read as a database that does not answer. One rule for serve and
     * the store commands, both of which parse here.
     */
    @Test
    void aPortOutsideOneTo65535IsRefusedInEitherFormWithoutEchoingThePassword() {
        for (String url : java.util.List.of("jdbc:postgresql://127.0.0.1:99999/test", "jdbc:postgresql://127.0.0.1:0/test",
                "jdbc:postgresql://127.0.0.1:/test", "jdbc:postgresql://127.0.0.1:54x2/test?user=seat&password=hunter2",
                "jdbc:postgresql://db1.internal:5432,db2.internal:65536/test", "jdbc:postgresql://[::1]:99999/test",
                "postgresql://seat:hunter2@127.0.0.1:99999/test", "postgres://seat:hunter2@127.0.0.1:0/test",
                "postgresql://seat:hunter2@127.0.0.1:99999999999/test", "postgresql://seat:hunter2@[::1]:70000/test",
                // Found in review: a port in the query (libpq's port, pgjdbc's PGPORT) is read as the authority's.
                "postgresql://seat:hunter2@127.0.0.1/test?port=70000", "jdbc:postgresql://127.0.0.1/x?port=0&password=hunter2",
                "jdbc:postgresql://127.0.0.1:5432/test?PGPORT=70000", "jdbc:postgresql://db1,db2/test?PGPORT=5432%2C99999")) {
            assertThatThrownBy(() -> JdbcTarget.parse(url)).as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the port must be a number from 1 to 65535: ")
                    .hasMessageNotContaining("hunter2");
        }
    }

    @Test
    void portsFromOneTo65535OrNoneAreTaken() {
        assertThat(JdbcTarget.parse("jdbc:postgresql://127.0.0.1:1/test").jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:1/test");
        assertThat(JdbcTarget.parse("jdbc:postgresql://127.0.0.1:65535/test").jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:65535/test");
        assertThat(JdbcTarget.parse("jdbc:postgresql://db1:5432,db2:5433,[::1]:5434,db3/test?targetServerType=primary").kind())
                .isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(JdbcTarget.parse("jdbc:postgresql://[::1]/test").kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(JdbcTarget.parse("postgresql://seat@127.0.0.1/test?port=6432").jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1/test?port=6432");
        assertThat(JdbcTarget.parse("jdbc:postgresql://db1,db2/test?PGPORT=5432,5433&sslmode=require").kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(JdbcTarget.parse("postgresql://seat:pa:ss@[::1]:65535/test").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:65535/test");
        // As libpq: a ':' with no port after it is the default port.
        assertThat(JdbcTarget.parse("postgresql://seat@127.0.0.1:/test").jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1/test");
    }

    @Test
    void postgresConnectionsTimeOutOnASilentServerUnlessTheUrlSaysOtherwise() {
        JdbcTarget target = JdbcTarget.parse("postgresql://seat:pw@127.0.0.1:5432/test");
        java.util.Properties writer = SqlDatabase.connectionProperties(target, SqlDatabase.REQUEST_SOCKET_TIMEOUT_SECONDS);
        assertThat(writer.getProperty("socketTimeout")).isEqualTo("15");
        assertThat(writer.getProperty("tcpKeepAlive")).isEqualTo("true");
        assertThat(writer.getProperty("connectTimeout")).isEqualTo("5");
        assertThat(writer.getProperty("user")).as("the target's own properties are kept").isEqualTo("seat");

        // pgjdbc lets the URL's parameters win over these properties: an operator's setting stands.
        java.util.Properties parsed = org.postgresql.Driver.parseURL("jdbc:postgresql://127.0.0.1:5432/test?socketTimeout=7", writer);
        assertThat(parsed).isNotNull();
        assertThat(parsed.getProperty("socketTimeout")).isEqualTo("7");
        assertThat(parsed.getProperty("tcpKeepAlive")).isEqualTo("true");
    }

    @Test
    void aSqliteTargetsFileIsItsPathWithoutParameters() {
        assertThat(JdbcTarget.parse("jdbc:sqlite:/var/lib/sg/seatguard.db?journal_mode=WAL").sqliteFile())
                .contains(java.nio.file.Path.of("/var/lib/sg/seatguard.db"));
        assertThat(JdbcTarget.embedded(java.nio.file.Path.of("/tmp/x/../y/seatguard.db")).sqliteFile()).contains(java.nio.file.Path.of("/tmp/y/seatguard.db"));
        assertThat(JdbcTarget.parse("jdbc:sqlite::memory:").sqliteFile()).isEmpty();
        assertThat(JdbcTarget.parse("jdbc:sqlite:file:x.db?mode=memory").sqliteFile()).isEmpty();
        assertThat(JdbcTarget.parse("postgresql://seat@127.0.0.1:5432/test").sqliteFile()).isEmpty();
    }
    /**
     * Review finding: the driver reads a '?' in a {@code jdbc:sqlite:} URL as the start of its parameters, so
     * a data folder {@code a?b} opened a file {@code a} beside it while the serving lock and the start's
     * checks looked at {@code a?b/seatguard.db}. The CLI refused such a --data-dir; the storage API did not.
     */
    @Test
    void anEmbeddedPathWithAQuestionMarkIsRefusedNamingItAndWhy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path file = dir.resolve("a?b").resolve("seatguard.db");
        assertThatThrownBy(() -> JdbcTarget.embedded(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("holds a '?'").hasMessageContaining("parameters")
                .hasMessageContaining("opened at " + dir.resolve("a") + " instead");
        assertThat(JdbcTarget.embedded(dir.resolve("a b").resolve("seatguard.db")).sqliteFile()).as("other characters are kept")
                .contains(dir.resolve("a b").resolve("seatguard.db"));
    }

    /** Through the storage API: refused before anything is made, neither the folder as named nor the file the URL would open. */
    @Test
    void aStoreInAFolderWithAQuestionMarkIsRefusedBeforeAnythingIsMade(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path folder = dir.resolve("a?b");
        assertThatThrownBy(() -> SqlDatabase.open(StorageSettings.embedded(folder)).close()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(folder.toString());
        assertThatThrownBy(() -> SqlDatabase.openForServer(StorageSettings.embedded(folder)).close()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(folder.toString());
        try (java.util.stream.Stream<java.nio.file.Path> made = java.nio.file.Files.list(dir)) {
            assertThat(made).as("nothing made").isEmpty();
        }
    }
}
