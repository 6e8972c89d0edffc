package io.seatguard.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The one rule for tools that work on a store a server made (the {@code operators} commands, {@code
 * backup}): the embedded database file is there, and the database holds Seatguard's tables. A mistyped
 * {@code --data-dir} or a URL naming another database is then refused, where opening it would have made
 * (or migrated) a new, empty store and the tool would have reported success on it.
 */
public final class ExistingStore {
    /** Flyway's history (every store a server made has it) and the table the first start fills. */
    private static final List<String> TABLES = List.of("flyway_schema_history", "apps");

    private ExistingStore() {}

    /**
     * @return {@code file}, absolute
     * @throws NoStoreException when it is not a file
     */
    public static Path embeddedFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new NoStoreException("no embedded database at " + absolute);
        }
        return absolute;
    }

    /**
     * Checks, without creating or changing anything, that {@code target} is a store a server made.
     *
     * @throws NoStoreException when it is not
     * @throws IllegalStateException when it cannot be read (PostgreSQL does not answer, the file is not a database)
     */
    static void require(JdbcTarget target) {
        target.sqliteFile().ifPresent(ExistingStore::embeddedFile);
        Connection connection;
        try {
            connection = connect(target);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + target.description() + ": " + ConnectFailure.describe(e), e);
        }
        try (connection) {
            for (String table : TABLES) {
                if (!hasTable(connection, table)) {
                    throw new NoStoreException(target.description() + " has no Seatguard tables (no " + table + ")");
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot read " + target.description() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the connection's own schema has the table: PostgreSQL's {@code currentSchema}, else the first
     * of its search path, the one Flyway and every query of the server use. Names are compared here, not
     * as a pattern, where {@code _} would match any character.
     */
    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
            while (tables.next()) {
                if (table.equals(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Read-only for SQLite, so that even a file that vanished since the check above is not created. */
    private static Connection connect(JdbcTarget target) throws SQLException {
        return switch (target.kind()) {
            case SQLITE -> {
                SQLiteConfig config = new SQLiteConfig();
                config.setReadOnly(true);
                config.setBusyTimeout(10_000);
                yield config.createConnection(target.jdbcUrl());
            }
            case POSTGRESQL -> DriverManager.getConnection(target.jdbcUrl(), SqlDatabase.connectionProperties(target, SqlDatabase.REQUEST_SOCKET_TIMEOUT_SECONDS));
        };
    }
}
