package io.seatguard.server.challenge;

import io.javalin.http.Context;

/**
 * The hosted pages' double-submit CSRF cookie, named and scoped for one request, as the dashboard's
 * ({@code DashboardCookies}). On a secure request its name carries the {@code __Host-} prefix, which a
 * browser accepts only from this host, {@code Secure}, with {@code Path=/} and no {@code Domain}: a page on
 * a sibling subdomain cannot plant a token of its choosing (the plain name it could plant for the parent
 * domain would let its own form, carrying that token, pass the check). Only the prefixed name is read then,
 * so a planted plain {@code sg_csrf} is never honoured. A plain-http request cannot have a {@code __Host-}
 * cookie, and keeps the plain name under {@code /challenge}.
 *
 * @param secure whether the request is secure (as {@code ChallengePages} decides it)
 */
record ChallengeCsrfCookie(boolean secure) {
    static final String PLAIN = "sg_csrf";
    static final String HOST_PREFIX = "__Host-";

    String name() {
        return secure ? HOST_PREFIX + PLAIN : PLAIN;
    }

    /** The token this request presents under this request's name; null when none. */
    String read(Context ctx) {
        return ctx.cookie(name());
    }

    /** The {@code Set-Cookie} value giving the browser the token, for its session only. */
    String set(String token) {
        // __Host- requires Path=/ (and Secure, no Domain): the cookie then goes with every path of this host,
        // still HttpOnly and SameSite=Strict.
        return name() + "=" + token + (secure ? "; Path=/" : "; Path=/challenge") + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
