package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a policy's conditions compare with ({@code {"check": "email", "op": "eq", "value":
 * "mia@example.com"}}, an address, an account id, a set of them), so that a 400 quoting one (a value of the
 * wrong kind for its check) does not carry it into the exception's message ({@link CallerValues}). Every
 * string {@code value} under {@code conditions} is taken, whatever its check: telling which checks hold
 * personal data would repeat the server's table here, and a value masked that was not personal (an action's
 * {@code login}, a list's name) costs a word of the message, while one missed stays in the app's log.
 */
final class PolicyValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyValues() {}

    /** The condition values of a policy's JSON document; none for text that is not JSON (refused before it is sent). */
    static CallerValues of(String policyJson) {
        try {
            List<String> values = new ArrayList<>();
            collect(JSON.readTree(policyJson).path("conditions"), values);
            return CallerValues.of(values);
        }
        catch (IOException e) {
            return CallerValues.NONE;
        }
    }

    /** Walks {@code any}, {@code all} and {@code not} (any nesting), taking each string under a {@code value} key. */
    private static void collect(JsonNode node, List<String> values) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, values));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        node.properties().forEach(field -> {
            if (field.getKey().equals("value")) {
                strings(field.getValue(), values);
            }
            else {
                collect(field.getValue(), values);
            }
        });
    }

    /** A value's strings: itself, or a set's members. */
    private static void strings(JsonNode value, List<String> values) {
        if (value.isTextual()) {
            values.add(value.textValue());
        }
        else if (value.isArray()) {
            value.forEach(member -> strings(member, values));
        }
    }
}
