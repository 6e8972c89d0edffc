package io.seatguard.server.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page a browser gets when the HTTP layer refuses a request before the page itself could answer, on
 * the paths a browser opens: the hosted challenge pages ({@code /challenge/}) and the dashboard. A path
 * that does not decode, headers too large, a query or form the route cannot read, a route that does not
 * exist: the API answers those with a problem document, which a browser shows as raw JSON.
 *
 * <p>Minimal on purpose: the status in a sentence, fixed English text that repeats nothing the request
 * sent (it may come from a crafted link), no script, and the security headers the pages send. The
 * request's id is in {@code X-Request-Id}, as on every answer, and on the log line about the refusal.
 */
final class RefusalPages {
    static final String CONTENT_TYPE = "text/html; charset=utf-8";
    /** As the challenge pages and the dashboard send them: nothing may run, frame or cache the page. */
    static final Map<String, String> HEADERS = headers();

    private RefusalPages() {}

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", "default-src 'none'; style-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cache-Control", "no-store");
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Whether a browser opens {@code path} (as sent, still percent-encoded): the challenge pages, which an
     * app sends its users to, and the dashboard. The API, the SDK scripts and the demo keep their answers.
     */
    static boolean forBrowser(String path) {
        return path != null && (path.startsWith("/challenge/") || path.equals("/dashboard") || path.startsWith("/dashboard/"));
    }

    /** Set on a request this page answered, so that nothing answers (and logs) its refusal again. */
    private static final String ANSWERED = "seatguard.refusal-page";

    /** Answers a route's refusal ({@code status}) with the page. */
    static void answer(Context ctx, int status) {
        HEADERS.forEach(ctx::header);
        ctx.status(status).contentType(CONTENT_TYPE).result(page(status));
        ctx.attribute(ANSWERED, Boolean.TRUE);
    }

    /** Whether {@link #answer} answered this request. */
    static boolean answered(Context ctx) {
        return ctx.attribute(ANSWERED) != null;
    }

    static byte[] page(int status) {
        Wording wording = Wording.of(status);
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + wording.title() + " · Seatguard</title><link rel=\"stylesheet\" href=\"/challenge/assets/challenge.css\"></head>"
                + "<body><main class=\"card\"><h1>" + wording.title() + "</h1><p class=\"notice error\" role=\"alert\">" + wording.advice()
                + "</p><p class=\"hint\">Error " + status + "</p></main></body></html>";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    /** Fixed text for each status, HTML as it stands: none of it comes from the request. */
    private record Wording(String title, String advice) {
        private static final String CHECK_THE_LINK = "Check the address, or open the link again from the message or page that gave it to you.";
        private static final String TRY_AGAIN = "Try again in a moment.";

        static Wording of(int status) {
            return switch (status) {
                case 404 -> new Wording("Page not found", "There is no page at this address. " + CHECK_THE_LINK);
                case 405 -> new Wording("This page cannot be used that way", CHECK_THE_LINK);
                case 408 -> new Wording("The request took too long", TRY_AGAIN);
                case 413 -> new Wording("What was sent is too large", "Go back and send less.");
                case 414 -> new Wording("The address is too long", CHECK_THE_LINK);
                case 415 -> new Wording("What was sent could not be read", "Go back and send the form again.");
                case 431 -> new Wording("The request is too large",
                        "Your browser sent more than this server takes, most likely too many cookies. Removing this site's cookies may help.");
                case 503 -> new Wording("The service is busy", TRY_AGAIN);
                default -> status >= 500 && status != 505
                        ? new Wording("Something went wrong", TRY_AGAIN)
                        : new Wording("The request could not be read", CHECK_THE_LINK);
            };
        }
    }
}
