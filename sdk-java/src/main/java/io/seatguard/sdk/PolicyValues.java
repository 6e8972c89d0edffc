package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
    /**
     * The checks whose values hold nothing of a person: an action, a device type, a country code, and the
     * numbers and flags of checks.md and the risk scores (a string there is a value of the wrong kind,
     * refused, such as {@code "2"}). {@code user}, {@code email}, {@code phone}, {@code ip},
     * {@code device_id} and {@code metadata.*} are not among them.
     */
    private static final Set<String> NOT_PERSONAL = Set.of("action", "device_type", "ip_country", "is_new_user", "is_new_device",
            "is_new_fingerprint", "is_new_ip", "token_mismatch", "concurrent_sessions", "device_count", "computer_device_count",
            "tablet_device_count", "mobile_device_count", "impossible_travel", "is_new_country", "country_count_24h", "ip_is_vpn", "ip_is_proxy",
            "ip_is_tor", "ip_is_hosting", "fingerprint_user_count", "event_count", "has_high_velocity");

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

    /** Walks {@code any}, {@code all} and {@code not} (any nesting), taking each string under a {@code value} key of a personal check. */
    private static void collect(JsonNode node, List<String> values) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, values));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode check = node.path("check");
        boolean personal = !(check.isTextual() && (NOT_PERSONAL.contains(check.textValue())
                || check.textValue().startsWith("risk.") || check.textValue().startsWith("detection_flags.")));
        node.properties().forEach(field -> {
            if (field.getKey().equals("value")) {
                if (!personal) {
                    return;
                }
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
