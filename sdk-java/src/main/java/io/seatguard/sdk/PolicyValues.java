package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The values a policy's conditions compare with ({@code {"check": "email", "op": "eq", "value":
 * "mia@example.com"}}, an address, an account id, a set of them), so that a 400 quoting one (a value of the
 * wrong kind for its check) does not carry it into the exception's message ({@link CallerValues}). Every
 * string {@code value} under {@code conditions} is taken, except one of Seatguard's own words, numbers or
 * flags under a check that takes nothing else ({@link #NOT_PERSONAL}, {@link #ownWord}): a value is masked
 * wherever it stands as a word, so an action's {@code "login"} hid every "login" of the 400 ({@code the policy
 * applies to (hidden) only}), and a count written as a string, {@code "2"}, the 2 of {@code 2 fields are
 * invalid} and of {@code conditions.all[2]}. A check not named there (a misspelt {@code emial}, one added
 * later) is masked, and so is a list's name: a value masked that was not personal costs a word, one missed
 * stays in the app's log.
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
            "ip_is_tor", "ip_is_hosting", "fingerprint_user_count", "device_user_count", "event_count", "has_high_velocity");
    /** An action evaluate takes (login, signup, access, a custom one). */
    private static final Pattern ACTION = Pattern.compile("[a-z0-9_.-]{1,64}");
    /** A device type in any case ({@code "Mobile"} is stored as {@code "mobile"}). */
    private static final Pattern DEVICE_TYPE = Pattern.compile("(?i)computer|tablet|mobile|unknown");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern NUMBER_OR_FLAG = Pattern.compile("\\s*(-?[0-9.]+([eE][-+]?[0-9]+)?|true|false|null)\\s*");

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
        String check = node.path("check").isTextual() ? node.path("check").textValue() : "";
        node.properties().forEach(field -> {
            if (field.getKey().equals("value")) {
                strings(check, field.getValue(), values);
            }
            else {
                collect(field.getValue(), values);
            }
        });
    }

    /**
     * Whether a value is a word of its check's own vocabulary, left unmasked: an action name, a device type,
     * a country code, or a number or flag written as a string under a number or flag check. Anything else
     * there (an email put under {@code action} by mistake, which the 400 quotes) is masked as elsewhere.
     */
    private static boolean ownWord(String check, String value) {
        if (!NOT_PERSONAL.contains(check) && !check.startsWith("risk.") && !check.startsWith("detection_flags.")) {
            return false;
        }
        return switch (check) {
            case "action" -> ACTION.matcher(value).matches();
            case "device_type" -> DEVICE_TYPE.matcher(value).matches();
            case "ip_country" -> COUNTRY.matcher(value).matches();
            default -> NUMBER_OR_FLAG.matcher(value).matches();
        };
    }

    /** A value's strings, or a set's members, but its check's own words ({@link #ownWord}). */
    private static void strings(String check, JsonNode value, List<String> values) {
        if (value.isTextual()) {
            if (!ownWord(check, value.textValue())) {
                values.add(value.textValue());
            }
        }
        else if (value.isArray()) {
            value.forEach(member -> strings(check, member, values));
        }
    }
}
