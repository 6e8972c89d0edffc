package io.seatguard.server.dashboard;

import io.javalin.http.Context;

/**
 * The dashboard's two cookies (the session's, and the sign-in form's double-submit CSRF token), named and
 * scoped for one request. On a secure request (https, directly, through a proxy that says so, or an https
 * public URL) their names carry the {@code __Host-} prefix, which a browser accepts only from this host,
 * {@code Secure}, with {@code Path=/} and no {@code Domain}: a page on a sibling subdomain cannot plant one
 * for the parent domain (signing the operator into the planter's session, or fixing the form's token). Only
 * the prefixed names are read then, so a planted unprefixed cookie is never honoured. A plain-http request (a
 * try on one's own machine) cannot have a {@code __Host-} cookie, and keeps the plain names under
 * {@code /dashboard}.
 *
 * @param secure whether the request is secure ({@code DashboardPages#secure})
 */
record DashboardCookies(boolean secure) {
    static final String SESSION = "sg_dash";
    static final String LOGIN_CSRF = "sg_dash_csrf";
    static final String HOST_PREFIX = "__Host-";

    String sessionName() {
        return name(SESSION);
    }

    String loginCsrfName() {
        return name(LOGIN_CSRF);
    }

    /** The session token this request presents under this request's name; null when none. */
    String session(Context ctx) {
        return ctx.cookie(sessionName());
    }

    /** The sign-in form's CSRF token this request presents under this request's name; null when none. */
    String loginCsrf(Context ctx) {
        return ctx.cookie(loginCsrfName());
    }

    /** The {@code Set-Cookie} value giving the browser a session that lasts {@code maxAgeSeconds}. */
    String setSession(String token, long maxAgeSeconds) {
        return sessionName() + "=" + token + attributes() + "; Max-Age=" + maxAgeSeconds;
    }

    /** The {@code Set-Cookie} value dropping the session cookie (the same name and path, or the browser keeps it). */
    String clearSession() {
        return sessionName() + "=" + attributes() + "; Max-Age=0";
    }

    /** The {@code Set-Cookie} value of the sign-in form's token, for the browser's session only. */
    String setLoginCsrf(String token) {
        return loginCsrfName() + "=" + token + attributes();
    }

    private String name(String plain) {
        return secure ? HOST_PREFIX + plain : plain;
    }

    private String attributes() {
        // __Host- requires Path=/ (and Secure, no Domain): the cookie then goes with every path of this host,
        // still HttpOnly and SameSite=Strict.
        return (secure ? "; Path=/" : "; Path=/dashboard") + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
