package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The statements kept per connection go with their connection once it is closed. */
class StatementCacheTest {
    @TempDir
    Path dir;

    @Test
    void closedConnectionsAreForgottenWhenANewOneArrives() throws SQLException {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("s.db"));
        int before = StatementCache.connectionsHeld();
        for (int i = 0; i < 20; i++) {
            try (Connection connection = dataSource.getConnection()) {
                StatementCache.prepare(connection, "SELECT 1").executeQuery().close();
            }
        }
        try (Connection open = dataSource.getConnection()) {
            StatementCache.prepare(open, "SELECT 1").executeQuery().close();

            assertThat(StatementCache.connectionsHeld()).as("the twenty closed connections are gone; the open one is kept")
                    .isLessThanOrEqualTo(before + 1);
            assertThat(StatementCache.prepare(open, "SELECT 1")).as("reused on the open connection")
                    .isSameAs(StatementCache.prepare(open, "SELECT 1"));
        }
    }
}
