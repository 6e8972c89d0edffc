package io.seatguard.server.http;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;

/** Reading a Content-Type header, for the checks that refuse bodies of another type. */
public final class MediaTypes {
    /** What a refusal of the body's type names as its field: the header that said it. */
    public static final String HEADER = "Content-Type";
    private static final String FORM = "application/x-www-form-urlencoded";

    private MediaTypes() {}

    /**
     * The media type without its parameters, lower-cased (types compare without regard to case, RFC 9110):
     * {@code "Application/JSON; charset=utf-8"} is {@code "application/json"}. Empty for no header.
     */
    public static String essence(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the body is an HTML form ({@code application/x-www-form-urlencoded}), as every page's form posts. */
    public static boolean isForm(String contentType) {
        return essence(contentType).equals(FORM);
    }

    /**
     * Refuses a {@code charset} parameter naming no charset this JVM knows, with 415, before anything asks
     * Jetty for the request's content type or form: Jetty throws from inside those calls, which would be
     * a 500 (and a stack trace in the log) on every route, without credentials.
     */
    public static void refuseUnknownCharset(String contentType) {
        if (contentType == null || contentType.indexOf(';') < 0) {
            return;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals < 0 || !parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                continue;
            }
            String name = parameter.substring(equals + 1).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            if (!isKnownCharset(name)) {
                String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
                throw new SeatguardException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The charset " + io.seatguard.core.error.LogText.oneLine(shown)
                        + " is not supported; send UTF-8", List.of(new FieldError(HEADER, "names a charset this server does not know")));
            }
        }
    }

    /**
     * Refuses a multipart body with 415 before anything reads a form field from it. No route takes one:
     * the API reads JSON and every page's form posts {@code application/x-www-form-urlencoded}. Javalin
     * would read form fields from multipart too, through the servlet layer's parser, and when that parser
     * fails on a malformed body after the body arrived apart from its headers, Jetty (12.1) ends the
     * request and then, on the same thread, trips over its recycled servlet channel: the client had its
     * 400, but the server logged a failed job and two 500s that were never sent. Nothing useful is lost.
     */
    public static void refuseMultipart(String contentType) {
        if (isMultipart(contentType)) {
            throw new SeatguardException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Multipart bodies are not taken; send forms as application/x-www-form-urlencoded and API bodies as application/json",
                    List.of(new FieldError(HEADER, "is multipart, which no route takes")));
        }
    }

    /** Whether the type is {@code multipart/*}, in any case; read in place, as every request asks. */
    static boolean isMultipart(String contentType) {
        if (contentType == null) {
            return false;
        }
        int start = 0;
        while (start < contentType.length() && Character.isWhitespace(contentType.charAt(start))) {
            start++;
        }
        return contentType.regionMatches(true, start, "multipart/", 0, "multipart/".length());
    }

    private static boolean isKnownCharset(String name) {
        try {
            return Charset.isSupported(name);
        }
        catch (IllegalArgumentException e) {  // IllegalCharsetNameException among them
            return false;
        }
    }
}
