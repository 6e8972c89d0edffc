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

    @Test
    void otherUrlsAreRefusedWithoutEchoingTheirPassword() {
        assertThatThrownBy(() -> JdbcTarget.parse("mysql://root:topsecret@localhost/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported database URL")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> JdbcTarget.parse("postgresql://host-only")).hasMessageContaining("host and a database name");
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
}
