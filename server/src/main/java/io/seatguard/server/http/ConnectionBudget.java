package io.seatguard.server.http;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * How many client connections the server holds open at once, from the process's open-file limit.
 *
 * <p>Why: every connection is a file descriptor, and nothing else bounded them. Idle keep-alive
 * connections stay open for Jetty's 30 s idle timeout, so one client opening connections faster than
 * that could take every descriptor; then the server can open nothing else (the database's files, a
 * connection to PostgreSQL or Redis, a webhook delivery) and fails requests it could otherwise serve. At
 * the limit Jetty stops accepting (new connections wait in the kernel's backlog) and closes connections
 * idle for {@link #IDLE_TIMEOUT_AT_LIMIT}, so an idle crowd gives way to clients with requests.
 */
final class ConnectionBudget {
    /** Descriptors kept for everything else: the database's files, pools, Redis, IP data, logs, webhooks, mail. */
    static final int RESERVED = 512;
    static final int MIN = 64;
    static final int MAX = 50_000;
    /** Where the open-file limit cannot be read (not a Unix JVM). */
    static final int UNKNOWN_LIMIT_DEFAULT = 10_000;
    /** How long a connection may sit idle while the server is at its limit (30 s otherwise). */
    static final Duration IDLE_TIMEOUT_AT_LIMIT = Duration.ofSeconds(1);

    private ConnectionBudget() {}

    /** The budget for this process's open-file limit. */
    static int forThisProcess() {
        OptionalLong limit = openFileLimit();
        return limit.isPresent() ? forFileLimit(limit.getAsLong()) : UNKNOWN_LIMIT_DEFAULT;
    }

    /** Where {@link #forThisProcess()} comes from, for the log. */
    static String describeThisProcess() {
        OptionalLong limit = openFileLimit();
        return limit.isPresent() ? "the open-file limit " + limit.getAsLong() + " less " + RESERVED + " kept for the rest, within " + MIN + "–" + MAX
                : "the open-file limit is unknown here";
    }

    private static OptionalLong openFileLimit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? OptionalLong.of(unix.getMaxFileDescriptorCount())
                : OptionalLong.empty();
    }

    /** The open-file limit less {@link #RESERVED}, within [{@link #MIN}, {@link #MAX}]. */
    static int forFileLimit(long maxFileDescriptors) {
        return (int) Math.clamp(maxFileDescriptors - RESERVED, MIN, MAX);
    }
}
