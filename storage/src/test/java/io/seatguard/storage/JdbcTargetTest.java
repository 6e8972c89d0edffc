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
}
