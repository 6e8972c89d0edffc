package io.seatguard.sdk;

import java.net.http.HttpHeaders;
import java.util.Locale;

/**
 * The words for an answer that is not Seatguard's JSON. Seatguard answers every error with a problem+json
 * object and every success with JSON, so anything else came from something in between (a proxy's or load
 * balancer's HTML 502) or from another server at the base URL. Said plainly because "HTTP 502" alone read as
 * Seatguard failing, and "HTTP 301" hid that the base URL is redirected (http:// to https://, typically).
 */
final class ForeignAnswer {
    /** Enough of a Location or a content type to recognise it; a hostile one is not repeated at any length. */
    private static final int MAX_ECHO = 200;

    private ForeignAnswer() {}

    /**
     * @param expected what Seatguard would have sent: {@code problem+json} for an error, {@code JSON} for a success
     */
    static String describe(int status, String body, HttpHeaders headers, String expected) {
        String location = headers.firstValue("Location").orElse("");
        if (status >= 300 && status < 400 && !location.isBlank()) {
            // Never followed: the secret key would go wherever the Location points, and a POST would turn into a GET.
            // Named without the account or the query: a proxy's redirect repeats the path it was asked for.
            return "HTTP " + status + " redirecting to " + cut(Redacted.path(location)) + ": the client follows no redirect; if that is Seatguard,"
                    + " give its address (scheme, host and any path prefix before /v3) as the base URL";
        }
        return "HTTP " + status + " " + what(body, headers) + ", not Seatguard's " + expected + ": " + WHOSE;
    }

    /** Whose an answer that is not Seatguard's may be, after what was wrong with it. */
    private static final String WHOSE = "the answer of something in between (a proxy or load balancer) or of another server at the base URL";

    /**
     * A success whose JSON lacks what Seatguard's answer always has (a proxy's {@code 200 {}}, another
     * API's JSON at a wrong base URL): said so, naming what was missing, where reading the record on failed
     * with a {@code DateTimeParseException} or an empty id.
     *
     * @param fault what is wrong, e.g. {@code "no created_at (a date-time)"}
     * @param answer what Seatguard would have answered, e.g. {@code "an evaluation"}
     */
    static String shape(String fault, String answer) {
        return "a success with " + fault + ", not Seatguard's JSON for " + answer + ": " + WHOSE;
    }

    private static String what(String body, HttpHeaders headers) {
        if (body == null || body.isEmpty()) {
            return "with no body";
        }
        return headers.firstValue("Content-Type")
                .map(type -> type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .filter(type -> !type.isEmpty())
                .map(type -> "with a " + cut(type) + " body")
                .orElse("with a body of no stated type");
    }

    private static String cut(String text) {
        return text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "…" : text;
    }
}
