package io.seatguard.server.challenge;

/**
 * How an exit origin is named in a challenge page's {@code form-action}. CSP's host-source grammar has no
 * IPv6 literals, and browsers drop such a source ({@code http://[::1]:8080}: Chromium ignored it and
 * blocked the post), which left the page's forms no way back to an app served at one. Its scheme is
 * named instead ({@code http:}): for that app only, the forms may lead to any host of that scheme, a
 * weaker limit than its origin but not none (forms still cannot lead to {@code javascript:} or
 * {@code data:}).
 */
final class FormActionSources {
    private FormActionSources() {}

    /** @param origin {@code scheme://host[:port]} as {@code Origins.of} writes it */
    static String of(String origin) {
        int host = origin.indexOf("://") + 3;
        return origin.startsWith("[", host) ? origin.substring(0, host - 2) : origin;
    }
}
