package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A schema given back for reuse (the PostgreSQL contract suite's) comes back empty, and one a test
 * altered is dropped, not handed to the next test, whose store would then meet a schema no migration made.
 */
class ReusedSchemasTest {
    private final List<PostgresTestDatabase> taken = new ArrayList<>();

    @Test
    void aSchemaGivenBackIsTakenAgainEmptyOfEveryRow() throws SQLException {
        PostgresTestDatabase first = take();
        execute(first, "INSERT INTO settings (name, value) VALUES ('k', 'v')",
                "INSERT INTO value_list_entries (app_id, list_id, value, position) SELECT 'app_a', 'list_a', 'v' || g, g FROM generate_series(1, 5000) g");
        giveBack(first);
        PostgresTestDatabase again = take();
        assertThat(again.schema()).isEqualTo(first.schema());
        assertThat(count(again, "settings")).isZero();
        assertThat(count(again, "value_list_entries")).isZero();
        assertThat(count(again, "flyway_schema_history")).as("the migration history stays").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ALTER TABLE settings ADD COLUMN extra INTEGER",
        "ALTER TABLE settings ALTER COLUMN value DROP NOT NULL",
        "DROP INDEX evaluations_by_user",
        "CREATE INDEX settings_by_value ON settings (value)",
        "CREATE TABLE leftover (id INTEGER)",
        "DELETE FROM flyway_schema_history WHERE version = (SELECT MAX(version::int)::text FROM flyway_schema_history WHERE version IS NOT NULL)",
        // A Java migration's row, whose checksum is null.
        "DELETE FROM flyway_schema_history WHERE checksum IS NULL AND type = 'JDBC'",
        "DROP TABLE flyway_schema_history",
    })
    void aSchemaATestAlteredIsDroppedNotTakenAgain(String alteration) throws SQLException {
        PostgresTestDatabase first = take();
        execute(first, alteration);
        giveBack(first);
        assertThat(exists(first.schema())).as("dropped").isFalse();
        assertThat(take().schema()).isNotEqualTo(first.schema());
    }

    @AfterEach
    void giveBackWhatIsLeft() {
        taken.forEach(PostgresTestDatabase::giveBack);
    }

    private void giveBack(PostgresTestDatabase database) {
        taken.remove(database);
        database.giveBack();
    }

    private PostgresTestDatabase take() {
        PostgresTestDatabase database = PostgresTestDatabase.takeMigrated();
        taken.add(database);
        return database;
    }

    private static void execute(PostgresTestDatabase database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url()); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(PostgresTestDatabase database, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url()); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean exists(String schema) throws SQLException {
        boolean[] found = new boolean[1];
        PostgresTestDatabase.useAdmin(connection -> {
            try (var query = connection.prepareStatement("SELECT COUNT(*) FROM pg_namespace WHERE nspname = ?")) {
                query.setString(1, schema);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    found[0] = rows.getLong(1) > 0;
                }
            }
        });
        return found[0];
    }
}
