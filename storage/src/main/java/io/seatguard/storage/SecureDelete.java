package io.seatguard.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An erasure's writes on SQLite with {@code PRAGMA secure_delete=ON}: SQLite otherwise leaves a deleted
 * row's bytes in the page's free space, and a page freed whole on the free list, readable in the database
 * file until something overwrites them, so an erased account's email and ids stayed in the file. The
 * setting is the connection's, and the writer's connection runs every other write too: it is turned on for
 * the erasure's task alone and put back as it was, since zeroing every freed byte costs every ordinary
 * delete (retention's batches) writes it does not need. PostgreSQL keeps dead tuples until VACUUM, as
 * docs/api.md says; nothing is changed there.
 */
final class SecureDelete {
    /**
     * The writer's setting between erasures: FAST zeroes deleted cells and the leftovers of page splits
     * within pages written anyway, not whole pages freed onto the free list (that would cost retention's
     * deletes a write of every page they free).
     */
    static final String WRITER_DEFAULT = "FAST";

    private SecureDelete() {}

    /** Runs {@code task} on the writer's connection with secure delete on (SQLite), then as it was. */
    static <T> T around(DatabaseKind kind, Connection connection, GroupCommitWriter.Task<T> task) throws SQLException {
        if (kind != DatabaseKind.SQLITE) {
            return task.run(connection);
        }
        long before;
        try (Statement statement = connection.createStatement(); ResultSet setting = statement.executeQuery("PRAGMA secure_delete")) {
            before = setting.next() ? setting.getLong(1) : 0;
        }
        set(connection, "ON");
        try {
            return task.run(connection);
        }
        finally {
            // 0 off, 1 on, 2 fast: SQLite reads "2" back as on, so fast is said by name.
            set(connection, before == 2 ? "FAST" : String.valueOf(before));
        }
    }

    private static void set(Connection connection, String value) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA secure_delete=" + value);
        }
    }
}
