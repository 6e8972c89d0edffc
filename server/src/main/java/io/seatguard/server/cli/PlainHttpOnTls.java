package io.seatguard.server.cli;

import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Tells an {@code https://} URL whose port answered without TLS from the other ways a connection fails.
 * Seatguard itself speaks plain HTTP (TLS ends at the proxy in front), so {@code apps --url https://host:8080}
 * aimed straight at serve's port is an easy slip; it said "cannot reach … Is the server running there?",
 * sending an operator after a network problem when the server had answered, only not in TLS (found in review).
 */
final class PlainHttpOnTls {
    private PlainHttpOnTls() {}

    /**
     * Whether {@code failure} is the TLS handshake finding no TLS record in the answer. The JDK has no type
     * of its own for it: a plain {@link SSLException} whose message (sun.security.ssl's record readers)
     * names it, whatever the port speaks instead (HTTP, or another protocol that talks first).
     */
    static boolean of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException && String.valueOf(cause.getMessage()).startsWith("Unrecognized SSL message")) {
                return true;
            }
        }
        return false;
    }

    /** What to tell the operator about {@code shownUrl}: that the port answered, not in TLS, and the http:// URL to try. */
    static String message(String shownUrl) {
        String http = shownUrl.toLowerCase(Locale.ROOT).startsWith("https://") ? "http://" + shownUrl.substring("https://".length()) : shownUrl;
        return "seatguard: the server at " + shownUrl + " answered, but not in TLS: the TLS handshake got an answer that is no TLS record,"
                + " as a port speaking plain HTTP gives (Seatguard does: TLS ends at the proxy in front). If Seatguard listens there itself,"
                + " give --url (or SEATGUARD_URL) " + http + " instead.";
    }
}
