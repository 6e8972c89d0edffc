package io.seatguard.storage;

import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Why a connection to the database failed, in words for the {@code cannot connect to …:} line of a start
 * or a command. A host name that does not resolve was said as its bare name ("cannot connect to PostgreSQL
 * jdbc:postgresql://db.internl:5432/x: db.internl") by {@code serve}, and as "The connection attempt
 * failed." by the commands, neither saying that the name is what is wrong.
 */
final class ConnectFailure {
    private ConnectFailure() {}

    static String describe(Throwable failure) {
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnknownHostException unknown) {
                return "the host " + (unknown.getMessage() == null ? "" : unknown.getMessage() + " ")
                        + "is not known: its name does not resolve (check the URL's host, and this machine's DNS)";
            }
            root = cause;
        }
        // The driver's own sentence (PSQLException: "Connection to host:5432 refused. Check that …") says more
        // than its root, a bare "Connection refused"; a pool's wrapper says less than the root.
        Throwable said = failure instanceof SQLException && failure.getMessage() != null ? failure : root;
        return said.getMessage() == null ? said.getClass().getSimpleName() : said.getMessage();
    }
}
