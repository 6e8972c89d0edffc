package io.seatguard.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.seatguard.storage.OrderedWrites.Row;
import io.seatguard.storage.OrderedWrites.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch's keyed statements run by table, then by key, whatever order its writes queued them in; a row's
 * statements from several writes keep those writes' order; a conditional statement reads counts of those
 * sorted before it; steps run after every statement, by table and key too. On both engines, on PostgreSQL for one write (one exchange) and for several (JDBC
 * batches of one text).
 */
class OrderedWritesTest {
    /** Appends a step: the order the statements ran in is the order of {@code n}. */
    private static final String STEP = "INSERT INTO steps (n, label) SELECT COALESCE(MAX(n), 0) + 1, ? FROM steps";
    private static final String OTHER_STEP = "INSERT INTO steps (label, n) SELECT ?, COALESCE(MAX(n), 0) + 1 FROM steps";

    @TempDir
    Path dataDir;

    @Test
    void severalWritesRunByTableThenKeyOnSqlite() throws SQLException {
        EngineConnections.onSqlite(dataDir.resolve("ordered.db"), connection -> severalWrites(connection, DatabaseKind.SQLITE));
    }

    @Test
    void severalWritesRunByTableThenKeyOnPostgres() throws SQLException {
        EngineConnections.onPostgres(connection -> severalWrites(connection, DatabaseKind.POSTGRESQL));
    }

    @Test
    void oneWriteRunsByTableOnPostgres() throws SQLException {
        EngineConnections.onPostgres(connection -> {
            createSteps(connection);
            OrderedWrites writes = new OrderedWrites(connection, DatabaseKind.POSTGRESQL);
            writes.nextWrite();
            UpdateCount evaluation = writes.update(Row.of(Table.EVALUATIONS, "app", "ev-1"), STEP, "evaluation");
            UpdateCount country = writes.update(Row.of(Table.USER_COUNTRIES, "app", "ann", "FR"), OTHER_STEP, "country");
            UpdateCount user = writes.update(Row.of(Table.USERS, "app", "ann"), STEP, "user");
            assertThrows(IllegalStateException.class, user::get);
            writes.flush();
            assertEquals(List.of(1, 1, 1), List.of(user.get(), country.get(), evaluation.get()));
            assertEquals(List.of("user", "country", "evaluation"), steps(connection));
        });
    }

    /** One run of a text with a parameter bound as NULL in some statements and as a number in others, as vouched_last_seen is. */
    @Test
    void aRunMixesNullsAndValuesOnPostgres() throws SQLException {
        EngineConnections.onPostgres(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE seen (k TEXT PRIMARY KEY, at BIGINT)");
            }
            String upsert = "INSERT INTO seen (k, at) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET at = COALESCE(excluded.at, seen.at)";
            for (int run = 0; run < 6; run++) {
                OrderedWrites writes = new OrderedWrites(connection, DatabaseKind.POSTGRESQL);
                List<UpdateCount> counts = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    writes.nextWrite();
                    counts.add(writes.update(Row.of(Table.USER_COUNTRIES, "app", "ann", "c" + i), upsert, "c" + i, i % 2 == 0 ? null : (long) (run * 10 + i)));
                }
                writes.flush();
                assertEquals(List.of(1, 1, 1, 1), counts.stream().map(UpdateCount::get).toList());
            }
            assertEquals(java.util.Arrays.asList(null, 51L, null, 53L), JdbcRunner.queryList(connection, "SELECT at FROM seen ORDER BY k",
                    row -> row.getObject(1) == null ? null : row.getLong(1)));
        });
    }

    private static void severalWrites(Connection connection, DatabaseKind kind) throws SQLException {
        createSteps(connection);
        for (int run = 0; run < 3; run++) { // the same texts again, as the writer runs them: cached, and on PostgreSQL server-prepared
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM steps");
            }
            OrderedWrites writes = new OrderedWrites(connection, kind);
            writes.nextWrite();
            writes.update(Row.of(Table.USER_COUNTRIES, "app", "ann", "FR"), STEP, "1: ann FR");
            UpdateCount firstUser = writes.update(Row.of(Table.USERS, "app", "ann"), STEP, "1: ann");
            writes.update(Row.of(Table.EVALUATIONS, "app", "ev-1"), OTHER_STEP, "1: evaluation");
            writes.nextWrite();
            writes.update(Row.of(Table.USER_COUNTRIES, "app", "ann", "DE"), STEP, "2: ann DE");
            writes.update(Row.of(Table.USERS, "app", "ann"), STEP, "2: ann");
            writes.update(Row.of(Table.USER_IPS, "app", "ann", "198.51.100.1"), OTHER_STEP, "2: ann's address");
            UpdateCount components = writes.updateIf(Row.of(Table.DEVICE_COMPONENTS, "app", "dev-1"), () -> firstUser.get() == 1, STEP,
                    "2: components");
            UpdateCount skipped = writes.updateIf(Row.of(Table.DEVICE_COMPONENTS, "app", "dev-2"), () -> firstUser.get() == 0, STEP,
                    "2: skipped");
            writes.update(Row.of(Table.USERS, "app", "abe"), STEP, "2: abe");
            writes.update(Row.of(Table.EVALUATIONS, "app", "ev-0"), OTHER_STEP, "2: evaluation");
            writes.then(Row.of(Table.ACCOUNT_PATTERNS, "app", "ann", "multiple_countries"), step -> JdbcRunner.update(step, STEP, "2: ann's countries"));
            writes.then(Row.of(Table.ACCOUNT_PATTERNS, "app", "ann", "many_devices"), step -> JdbcRunner.update(step, STEP, "2: ann's devices"));
            writes.nextWrite();
            // A step runs after every statement, whatever its table.
            writes.then(Row.of(Table.ACCOUNT_PATTERNS, "app", "ann", "many_devices"), step -> JdbcRunner.update(step, STEP, "3: ann's devices"));
            writes.update(Row.of(Table.USERS, "app", "cy"), STEP, "3: cy");
            writes.flush();
            assertEquals(List.of("2: abe", "1: ann", "2: ann", "3: cy", "2: components", "2: ann's address", "2: ann DE", "1: ann FR", "2: evaluation",
                    "1: evaluation", "2: ann's devices", "3: ann's devices", "2: ann's countries"), steps(connection), kind.name());
            assertEquals(List.of(1, 0), List.of(components.get(), skipped.get()));
            writes.flush(); // nothing queued: nothing sent
        }
    }

    private static void createSteps(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE steps (n BIGINT PRIMARY KEY, label TEXT)");
        }
    }

    private static List<String> steps(Connection connection) throws SQLException {
        return JdbcRunner.queryList(connection, "SELECT label FROM steps ORDER BY n", row -> row.getString(1));
    }
}
