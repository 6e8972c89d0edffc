package io.seatguard.server;

import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Why the server could not listen, said as it is. Javalin calls every failure to bind "Port already in
 * use", so an address of another machine, a host name that does not resolve and a port really taken all
 * read alike; the cause underneath says which.
 */
final class ListenFailure {
    private ListenFailure() {}

    /** Whether {@code failure} is the port taken by another process: the one failure {@link #explained} says in full, with the way out. */
    static boolean portTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind && String.valueOf(bind.getMessage()).contains("already in use")) {
                return true;
            }
        }
        return false;
    }

    static RuntimeException explained(RuntimeException failure, String host, int port) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return new IllegalStateException("cannot resolve the host " + host + " (--host) to an address of this machine", failure);
            }
            if (cause instanceof BindException bind) {
                String reason = String.valueOf(bind.getMessage());
                if (reason.contains("already in use")) {
                    // Says the way out as the --host messages do: the README's first command on a machine where 8080 is
                    // someone else's stopped with no hint of --port (found in review).
                    return new IllegalStateException("port " + port + " on " + host + " is already in use: another process listens on it;"
                            + " stop that one, or give this one another --port", failure);
                }
                if (reason.contains("Permission denied")) {
                    return new IllegalStateException("cannot listen on port " + port + " on " + host + ": ports below 1024 need root or"
                            + " CAP_NET_BIND_SERVICE; give a --port of 1024 or above (the proxy in front can still take 443)", failure);
                }
                if (reason.contains("Cannot assign requested address")) {
                    return new IllegalStateException("cannot listen on " + host + ": no network interface of this machine has that address"
                            + " (use one of this machine's addresses, or 0.0.0.0 for all of them)", failure);
                }
                return new IllegalStateException("cannot listen on " + host + ":" + port + ": " + reason, failure);
            }
        }
        return failure;
    }
}
