package io.seatguard.server.cli;

import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * A TLS handshake that failed for a reason other than a refused certificate ({@link RefusedCertificate})
 * or a port without TLS ({@link PlainHttpOnTls}): the server's alert ({@code handshake_failure},
 * {@code protocol_version}), no TLS version or cipher suite both sides allow. It said "cannot reach …
 * Is the server running there?", sending an operator after a network problem when the server had
 * answered and only the TLS settings of the two sides disagreed.
 */
final class FailedTlsHandshake {
    private FailedTlsHandshake() {}

    /** The JDK's words for the innermost TLS failure in {@code failure}'s causes; empty when no cause is one. */
    static Optional<String> of(Throwable failure) {
        String reason = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                reason = String.valueOf(cause.getMessage());
            }
        }
        return Optional.ofNullable(reason);
    }

    /** What to tell the operator about {@code shownUrl}: that the server answered, the handshake's failure, and where to look. */
    static String message(String shownUrl, String reason) {
        return "seatguard: the server at " + shownUrl + " answered, but the TLS handshake failed (" + reason + "): the two sides allow"
                + " no TLS version or cipher suite in common, or the server refused this client. Check the TLS settings of the proxy"
                + " in front of Seatguard (TLS 1.2 or 1.3, with current cipher suites, is what this JVM offers).";
    }
}
