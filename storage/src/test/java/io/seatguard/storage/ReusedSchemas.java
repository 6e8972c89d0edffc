package io.seatguard.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The migrated PostgreSQL schemas tests of this JVM gave back, emptied, for the next test to take
 * ({@link PostgresTestDatabase#takeMigrated}). A schema is kept only while its catalog says it is still as
 * migrated: the same relations, columns (in the same order, with the same types, nullability and
 * defaults), indexes, constraints and functions, and the same migration history, as the first schema
 * this JVM migrated. A test that rewinds or alters its schema leaves it different, and it is dropped.
 *
 * <p>Emptied, not reset: a reused schema keeps the statistics earlier tests left (a table analysed full,
 * then emptied), so PostgreSQL plans a test's statements from other figures than a new schema's, as it
 * does in production as tables grow. That found a claim whose result depended on its plan
 * (PostgresWebhookStorageTest, "whatever the plan"). A test about a plan analyses the tables it fills.
 */
final class ReusedSchemas {
    /**
     * A table a test filled past this is vacuumed once emptied: the CI machine's PostgreSQL runs no
     * autovacuum, and the next tests would read past its dead rows.
     */
    private static final long VACUUM_PAST_ROWS = 1_000;
    /**
     * Everything of a schema's shape, one line per item, the schema's own name taken out (index
     * definitions name it), in one text whose hash is compared.
     */
    private static final String SHAPE = """
            SELECT md5(coalesce(string_agg(line, E'\\n' ORDER BY line), '')) FROM (
              SELECT 'relation ' || c.relname || ' ' || c.relkind::text AS line FROM pg_class c WHERE c.relnamespace = ?::regnamespace
              UNION ALL
              SELECT 'column ' || c.relname || ' ' || a.attnum || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                  || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE c.relnamespace = ?::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
              UNION ALL
              SELECT 'index ' || replace(indexdef, schemaname || '.', '') FROM pg_indexes WHERE schemaname = ?
              UNION ALL
              SELECT 'constraint ' || c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
                FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid WHERE k.connamespace = ?::regnamespace
              UNION ALL
              SELECT 'function ' || p.proname FROM pg_proc p WHERE p.pronamespace = ?::regnamespace
            ) shape
            """;
    private static final String HISTORY = "flyway_schema_history";

    private static final Deque<PostgresTestDatabase> SPARES = new ArrayDeque<>();
    private static String pristineShape;
    private static boolean dropSparesAtExit;

    private ReusedSchemas() {}

    /** The spare schema given back last (its pages likeliest still in memory), or null when there is none. */
    static synchronized PostgresTestDatabase take() {
        return SPARES.pollLast();
    }

    /** Notes the shape of a schema just migrated, the first time, as the one spares must keep. */
    static PostgresTestDatabase pristine(PostgresTestDatabase migrated) {
        synchronized (ReusedSchemas.class) {
            if (pristineShape != null) {
                return migrated;
            }
        }
        try {
            String shape = shapeOf(migrated.schema());
            synchronized (ReusedSchemas.class) {
                pristineShape = shape;
            }
            return migrated;
        }
        catch (SQLException e) {
            migrated.close();
            throw new IllegalStateException("could not read the shape of test schema " + migrated.schema(), e);
        }
    }

    static void giveBack(PostgresTestDatabase database) {
        boolean kept;
        try {
            kept = emptiedIfPristine(database.schema());
        }
        catch (SQLException e) {
            database.close();
            throw new IllegalStateException("could not empty test schema " + database.schema(), e);
        }
        if (!kept) {
            database.close();
            return;
        }
        synchronized (ReusedSchemas.class) {
            SPARES.addLast(database);
            if (!dropSparesAtExit) {
                dropSparesAtExit = true;
                Runtime.getRuntime().addShutdownHook(new Thread(ReusedSchemas::dropSpares, "drop-spare-test-schemas"));
            }
        }
    }

    private static boolean emptiedIfPristine(String schema) throws SQLException {
        String expected;
        synchronized (ReusedSchemas.class) {
            expected = pristineShape;
        }
        if (expected == null || !expected.equals(shapeOf(schema))) {
            return false;
        }
        PostgresTestDatabase.useAdmin(connection -> {
            List<String> filled = new ArrayList<>();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String table : tables(connection, schema)) {
                    if (statement.executeUpdate("DELETE FROM " + schema + "." + table) > VACUUM_PAST_ROWS) {
                        filled.add(schema + "." + table);
                    }
                }
                connection.commit();
            }
            catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            finally {
                connection.setAutoCommit(true);
            }
            if (!filled.isEmpty()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("VACUUM " + String.join(", ", filled));
                }
            }
        });
        return true;
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ? AND tablename <> ?")) {
            query.setString(1, schema);
            query.setString(2, HISTORY);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    private static String shapeOf(String schema) throws SQLException {
        String[] shape = new String[1];
        PostgresTestDatabase.useAdmin(connection -> {
            StringBuilder text = new StringBuilder();
            try (PreparedStatement query = connection.prepareStatement(SHAPE)) {
                for (int parameter = 1; parameter <= 5; parameter++) {
                    query.setString(parameter, schema);
                }
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    text.append(rows.getString(1));
                }
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                query.setString(1, schema + "." + HISTORY);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (!rows.getBoolean(1)) {
                        shape[0] = text.append(" without a migration history").toString();
                        return;
                    }
                }
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT md5(coalesce(string_agg(coalesce(version, script) || ' ' || coalesce(checksum::text, '-') || ' ' || success, ','"
                            + " ORDER BY installed_rank),"
                            + " '')) FROM " + schema + "." + HISTORY)) {
                rows.next();
                text.append(' ').append(rows.getString(1));
            }
            shape[0] = text.toString();
        });
        return shape[0];
    }

    private static void dropSpares() {
        PostgresTestDatabase spare;
        while ((spare = take()) != null) {
            spare.close();
        }
    }
}
