package io.seatguard.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** PostgreSQL sessions of a closed store (named by its connections' application name) that are still there. */
final class SessionsLeftBehind {
    private SessionsLeftBehind() {}

    /**
     * How many sessions named {@code name} {@code watcher} still sees, waiting up to {@code settle} for
     * none: a closed connection's backend leaves pg_stat_activity a moment after the client has gone.
     */
    static long named(Connection watcher, String name, Duration settle) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        try (PreparedStatement query = watcher.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?")) {
            query.setString(1, name);
            while (true) {
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    long count = rows.getLong(1);
                    if (count == 0 || System.nanoTime() - deadline > 0) {
                        return count;
                    }
                }
                Thread.sleep(20);
            }
        }
    }
}
