package io.seatguard.server.http;

import java.util.List;

/**
 * RFC 9110 §13.1.2: whether an {@code If-None-Match} header names the current representation. It is a
 * list, and compared weakly: a cache or proxy in front of Seatguard that compresses the SDK (nginx with
 * gzip does) turns its {@code ETag} into {@code W/"…"}, and browsers send that back; an exact comparison
 * answered every such revalidation with the whole script.
 */
final class EntityTags {
    private EntityTags() {}

    /** Whether any of the {@code If-None-Match} header values lists {@code etag} ({@code "…"}, strong), or is {@code *}. */
    static boolean listed(List<String> ifNoneMatch, String etag) {
        for (String header : ifNoneMatch) {
            if (header.strip().equals("*")) {
                return true;
            }
            int at = 0;
            while (at < header.length()) {
                char c = header.charAt(at);
                if (c == ' ' || c == '\t' || c == ',') {
                    at++;
                    continue;
                }
                int start = header.startsWith("W/", at) ? at + 2 : at;
                if (start >= header.length() || header.charAt(start) != '"') {
                    return false; // not a list of entity tags: ignore the header, as RFC 9110 allows
                }
                int end = header.indexOf('"', start + 1);
                if (end < 0) {
                    return false;
                }
                if (header.regionMatches(start, etag, 0, etag.length()) && end + 1 - start == etag.length()) {
                    return true;
                }
                at = end + 1;
            }
        }
        return false;
    }
}
