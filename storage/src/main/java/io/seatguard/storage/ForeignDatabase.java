package io.seatguard.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * Refuses to make a store in a database that holds another application's tables: tables, and no Seatguard
 * migration history ({@code flyway_schema_history}). A {@code seatguard.db} that is some other app's SQLite
 * file (or a database URL naming the wrong database) was refused only by Flyway's own words ("Use
 * baseline() or set baselineOnMigrate"), which point the wrong way, and only after the server had turned
 * the file to WAL mode and narrowed its permissions (review finding). A database with no tables (a new
 * PostgreSQL schema, an empty or 0-byte SQLite file) is Seatguard's to set up.
 */
final class ForeignDatabase {
    private static final String HISTORY = "flyway_schema_history";

    private ForeignDatabase() {}

    /**
     * Checks an embedded database file before anything opens it for writing, on a read-only connection, so
     * that a refused file is left exactly as it was. A missing or empty file is a new store.
     */
    static void refuseFile(JdbcTarget target, Path file) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return;
            }
        }
        catch (IOException e) {
            return; // What cannot be read here is said by the open that follows, as before.
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try (Connection connection = config.createConnection(target.jdbcUrl())) {
            refuse(connection, target);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot read " + target.description() + ": " + e.getMessage(), e);
        }
    }

    /** @throws NoStoreException when the connection's schema has tables but no Seatguard migration history */
    static void refuse(Connection connection, JdbcTarget target) throws SQLException {
        boolean anyTable = false;
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                if (HISTORY.equals(name)) {
                    return;
                }
                anyTable |= !name.startsWith("sqlite_");
            }
        }
        if (anyTable) {
            String where = target.kind() == DatabaseKind.SQLITE ? "point --data-dir at another folder, or move the file away"
                    : "point --database-url at another database or schema";
            throw new NoStoreException(target.description() + " holds tables but no Seatguard migration history (no " + HISTORY
                    + "): it is another application's database, left as it was; " + where);
        }
    }
}
