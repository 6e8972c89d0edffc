package io.seatguard.server.http;

/** CSV fields for pattern exports (the API's and the dashboard's). */
public final class PatternCsv {
    private PatternCsv() {}

    /**
     * RFC 4180 quoting, and a leading quote mark on text a spreadsheet would run as a formula (CSV
     * injection): account ids come from the integrator's users.
     */
    public static String field(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r") || !safe.equals(value);
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
