package io.seatguard.core.policy;

import io.seatguard.core.checks.Check;
import io.seatguard.core.checks.CheckRegistry;
import io.seatguard.core.risk.RiskScorer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every field a condition may name: each registered check, and the evaluation's own facts ({@code
 * action}, {@code user}, {@code email}, {@code ip}, {@code device_id}, {@code device_type}, the risk
 * scores, the detection flags) and any {@code metadata.<key>} the app sends, so one policy can treat
 * plan tiers differently (seed 001).
 */
public final class PolicyFields {
    public static final String METADATA_PREFIX = "metadata.";
    private static final Pattern METADATA_PATH = Pattern.compile("[A-Za-z0-9_-]{1,64}(\\.[A-Za-z0-9_-]{1,64}){0,4}");

    static final List<String> DETECTION_FLAGS = List.of("vpn", "proxy", "tor", "hosting", "relay", "ip_mismatch", "timezone_mismatch");

    private final Map<String, PolicyField> fields;

    private PolicyFields(Map<String, PolicyField> fields) {
        this.fields = fields;
    }

    public static PolicyFields of(CheckRegistry checks) {
        Map<String, PolicyField> fields = new LinkedHashMap<>();
        for (Check check : checks.all()) {
            ValueType type = switch (check.type()) {
                case BOOLEAN -> ValueType.BOOLEAN;
                case NUMBER -> ValueType.NUMBER;
                case STRING -> ValueType.STRING;
            };
            PolicyField field = check.name().equals("ip_country")
                    ? PolicyField.of(check.name(), type, ListKind.COUNTRY).writtenAs(ValueForm.COUNTRY_CODE)
                    : PolicyField.of(check.name(), type);
            fields.put(field.name(), field.limitedTo(check.limit()));
        }
        for (PolicyField field : List.of(
                PolicyField.of("action", ValueType.STRING).writtenAs(ValueForm.ACTION),
                PolicyField.of("user", ValueType.STRING, ListKind.USER).writtenAs(ValueForm.USER),
                PolicyField.of("email", ValueType.STRING, ListKind.EMAIL, ListKind.EMAIL_DOMAIN).writtenAs(ValueForm.EMAIL),
                PolicyField.of("phone", ValueType.STRING).writtenAs(ValueForm.PHONE),
                PolicyField.of("ip", ValueType.STRING, ListKind.IP).writtenAs(ValueForm.IP_ADDRESS),
                PolicyField.of("device_id", ValueType.STRING, ListKind.DEVICE).writtenAs(ValueForm.DEVICE_ID),
                PolicyField.of("device_type", ValueType.STRING).writtenAs(ValueForm.DEVICE_TYPE),
                PolicyField.of("risk.score", ValueType.NUMBER).reportingAtMost(RiskScorer.MAX_SCORE),
                PolicyField.of("risk.account_sharing", ValueType.NUMBER).reportingAtMost(RiskScorer.MAX_SCORE),
                PolicyField.of("risk.ato", ValueType.NUMBER).reportingAtMost(RiskScorer.MAX_SCORE))) {
            fields.putIfAbsent(field.name(), field);
        }
        for (String flag : DETECTION_FLAGS) {
            fields.putIfAbsent("detection_flags." + flag, PolicyField.of("detection_flags." + flag, ValueType.BOOLEAN));
        }
        return new PolicyFields(fields);
    }

    /** The field of that name, including {@code metadata.<key>[.<key>…]}; empty when there is none. */
    public Optional<PolicyField> find(String name) {
        PolicyField field = fields.get(name);
        if (field != null) {
            return Optional.of(field);
        }
        if (name.startsWith(METADATA_PREFIX) && METADATA_PATH.matcher(name.substring(METADATA_PREFIX.length())).matches()) {
            return Optional.of(PolicyField.of(name, ValueType.ANY));
        }
        return Optional.empty();
    }

    /** The named fields (metadata aside), in catalogue order: for error messages and the dashboard's form. */
    public Collection<PolicyField> named() {
        return fields.values();
    }
}
