package io.seatguard.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Why a body is not one JSON document, in the API's words: Jackson's own messages name its classes and
 * settings ({@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS}, {@code StreamReadConstraints}),
 * which say nothing to a client and something about the server.
 */
final class JsonFaults {
    private JsonFaults() {}

    static String reason(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (original.contains("nesting depth")) {
                return "is nested too deeply (at most " + Json.MAX_NESTING_DEPTH + " levels)";
            }
            if (original.contains("Number value length")) {
                return "has a number longer than " + Json.MAX_NUMBER_LENGTH + " characters";
            }
            return "has a string or document over the size the server reads";
        }
        if (e instanceof MismatchedInputException && original.startsWith("Trailing token")) {
            return "has data after the JSON document (send exactly one JSON object)";
        }
        if (original.startsWith("Duplicate field")) {
            return original.replace("Duplicate field", "has a duplicate key");
        }
        // The parser's own words about the text ("Unexpected character ('x' (code 120))…"), cut at the
        // first line: the rest is Jackson's source description.
        int end = original.indexOf('\n');
        String line = end < 0 ? original : original.substring(0, end);
        return line.contains("com.fasterxml") || line.isBlank() ? "is not valid JSON" : line;
    }
}
