package io.seatguard.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seatguard.core.pattern.AccountPattern;
import java.util.List;

/** Flagged accounts as the API's JSON and CSV documents: one format for {@code /v3/patterns} and the dashboard's exports. */
public final class PatternExport {
    /** Says on both formats whether more accounts matched than were listed (the JSON says it in {@code truncated} too). */
    public static final String TRUNCATED_HEADER = "Seatguard-Truncated";

    private PatternExport() {}

    public static String csv(List<AccountPattern> patterns) {
        StringBuilder csv = new StringBuilder("user,pattern,level,current_value,first_detected,last_seen\r\n");
        for (AccountPattern pattern : patterns) {
            csv.append(field(pattern.userId())).append(',').append(pattern.kind().wireName()).append(',').append(pattern.level().wireName())
                    .append(',').append(pattern.currentValue()).append(',').append(EvaluationJson.time(pattern.firstDetected())).append(',')
                    .append(EvaluationJson.time(pattern.lastSeen())).append("\r\n");
        }
        return csv.toString();
    }

    /** {@code {"data": [...]}}. */
    public static String json(List<AccountPattern> patterns) {
        return json(patterns, false);
    }

    /** {@code {data, truncated}}: {@code truncated} when more accounts matched than were listed. */
    public static String json(List<AccountPattern> patterns, boolean truncated) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode data = json.putArray("data");
        patterns.forEach(pattern -> data.add(json(pattern)));
        json.put("truncated", truncated);
        return json.toString();
    }

    static ObjectNode json(AccountPattern pattern) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("user", pattern.userId());
        json.put("pattern", pattern.kind().wireName());
        json.put("level", pattern.level().wireName());
        json.put("current_value", pattern.currentValue());
        json.put("first_detected", EvaluationJson.time(pattern.firstDetected()));
        json.put("last_seen", EvaluationJson.time(pattern.lastSeen()));
        return json;
    }

    /** The signs a spreadsheet starts a formula with, and their full-width forms, which it reads as them. */
    private static final String FORMULA_SIGNS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

    /**
     * RFC 4180 quoting, and a leading quote mark on text a spreadsheet would run as a formula (CSV
     * injection): account ids come from the integrator's users.
     */
    public static String field(String value) {
        String safe = couldRunAsFormula(value) ? "'" + value : value;
        boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r") || !safe.equals(value);
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /**
     * Whether a cell could start a formula: it starts with a tab or a line break (OWASP's list), or, past
     * any spaces and line breaks, with a formula sign, ASCII or full-width ({@code ＝}, {@code ＋},
     * {@code －}, {@code ＠}). Found in review: {@code "\n=cmd"} and {@code "＝cmd"} got no quote mark,
     * and spreadsheets that drop a cell's leading break, or read full-width signs as ASCII ones, ran them.
     */
    static boolean couldRunAsFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') {
            return true;
        }
        int start = 0;
        while (start < value.length() && (Character.isWhitespace(value.charAt(start)) || Character.isSpaceChar(value.charAt(start)))) {
            start++;
        }
        return start < value.length() && FORMULA_SIGNS.indexOf(value.charAt(start)) >= 0;
    }
}
