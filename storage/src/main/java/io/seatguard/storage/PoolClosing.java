package io.seatguard.storage;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Closes a connection pool whatever the caller's interrupt. HikariCP's close waits for its executors,
 * and on an interrupted thread the first of those waits throws: it logs "Interrupted during closing" and
 * gives up, its housekeeper thread and its connections left open for the life of the process. So the
 * interrupt is set aside for the close and set again after it: the caller still sees it.
 */
final class PoolClosing {
    private PoolClosing() {}

    static void close(HikariDataSource pool) {
        boolean interrupted = Thread.interrupted();
        try {
            pool.close();
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
