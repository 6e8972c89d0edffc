package io.seatguard.server.http;

import io.javalin.http.Context;

/**
 * Whether the browser reached us over https: the request's own scheme, or what the proxies in front say
 * in {@code X-Forwarded-Proto}.
 *
 * <p>Behind two proxies (a CDN, then nginx) the header can be a list, {@code https, http}: like
 * {@code X-Forwarded-For}, each hop that appends adds the scheme it was reached by, so the left-most
 * element is the browser's own connection and the ones to its right are hops between proxies. The
 * browser's connection is what a {@code Secure} or {@code __Host-} cookie is about, so the left-most
 * element decides. {@code X-Forwarded-For} instead walks from the right past {@code --trusted-proxies},
 * because a forged address there would be believed against other people's requests (rate limits, the
 * checks); a forged scheme here only makes the sender's own cookies stricter (a page of another site
 * cannot add the header to a browser's request), and tying it to the trusted list would let a TLS proxy
 * left off that list cost the cookies their {@code Secure}. Only the first header line is read: a
 * second line was added after it, further from the browser.
 *
 * <p>The standard {@code Forwarded} header (RFC 7239) says the same in its {@code proto} parameter, and
 * some proxies send only it ({@code Forwarded: for=192.0.2.60;proto=https, for=10.0.0.2;proto=http}):
 * its left-most element is the browser's hop, read the same way. Either header saying https makes the
 * request secure, as either can only make its own cookies stricter.
 */
public final class ForwardedProto {
    private ForwardedProto() {}

    /** True when the request came over https, or the left-most element of {@code X-Forwarded-Proto} or {@code Forwarded} says https. */
    public static boolean https(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(browserHop(ctx.header("X-Forwarded-Proto")))
                || "https".equalsIgnoreCase(forwardedProto(ctx.header("Forwarded")));
    }

    /**
     * Whether cookies set in answer to this request are {@code Secure}: always when {@code publicUrl} is
     * https, since that is where browsers reach us whatever the request says (a proxy that terminates TLS
     * and sends no {@code X-Forwarded-Proto} makes it look like plain http); else when {@link #https} says
     * the browser came over https. The dashboard's, the hosted pages' and the demo's cookies all decide so.
     */
    public static boolean secureCookies(Context ctx, String publicUrl) {
        return isHttpsUrl(publicUrl) || https(ctx);
    }

    /** Whether {@code url} is an https URL (the scheme in any case); false for an empty one. */
    public static boolean isHttpsUrl(String url) {
        return url.regionMatches(true, 0, "https://", 0, "https://".length());
    }

    /**
     * The {@code proto} of a {@code Forwarded} header's left-most element ({@code https} of
     * {@code for="[2001:db8::1]";proto=https, for=10.0.0.2}), unquoted, or null when it has none. A comma
     * or semicolon inside a quoted value does not end the element or the pair.
     */
    static String forwardedProto(String header) {
        if (header == null) {
            return null;
        }
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i <= header.length(); i++) {
            char c = i < header.length() ? header.charAt(i) : ',';
            if (c == '"' && (i == 0 || header.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == ';' || c == ',')) {
                String pair = header.substring(start, i).trim();
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase("proto")) {
                    return unquoted(pair.substring(equals + 1).trim());
                }
                if (c == ',') {
                    return null;
                }
                start = i + 1;
            }
        }
        return null;
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** The left-most element of a header value ({@code https} of {@code https, http}), or null for none. */
    static String browserHop(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }
}
