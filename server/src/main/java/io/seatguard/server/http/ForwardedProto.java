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
 */
public final class ForwardedProto {
    private ForwardedProto() {}

    /** True when the request came over https, or the left-most {@code X-Forwarded-Proto} element says https. */
    public static boolean https(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(browserHop(ctx.header("X-Forwarded-Proto")));
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
