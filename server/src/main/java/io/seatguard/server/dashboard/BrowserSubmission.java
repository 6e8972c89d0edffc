package io.seatguard.server.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a browser posts for the values a page put in a form. HTML's form submission writes every line
 * break in a value (LF, CR or CRLF) as CRLF, so a value holding a lone LF or CR does not come back as it
 * was shown: a page that proves a save reads back unchanged must prove it on these values, not on its own.
 */
final class BrowserSubmission {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private BrowserSubmission() {}

    /** @param fields the values the page shows, by field name */
    static Map<String, String> of(Map<String, String> fields) {
        Map<String, String> posted = new LinkedHashMap<>();
        fields.forEach((name, value) -> posted.put(name, value(value)));
        return posted;
    }

    /** One value as posted. */
    static String value(String value) {
        return LINE_BREAK.matcher(value).replaceAll("\r\n");
    }
}
