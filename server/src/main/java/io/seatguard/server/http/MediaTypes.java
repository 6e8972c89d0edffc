package io.seatguard.server.http;

import java.util.Locale;

/** Reading a Content-Type header, for the checks that refuse bodies of another type. */
public final class MediaTypes {
    private MediaTypes() {}

    /**
     * The media type without its parameters, lower-cased (types compare without regard to case, RFC 9110):
     * {@code "Application/JSON; charset=utf-8"} is {@code "application/json"}. Empty for no header.
     */
    public static String essence(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }
}
