package io.seatguard.server.dashboard;

import io.seatguard.core.policy.PolicyField;
import io.seatguard.core.policy.PolicyFields;
import io.seatguard.core.policy.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the dashboard's policy form (up to {@link #ROWS} condition rows joined by "any" or "all", a
 * verdict and its challenge) into the JSON tree the API takes, so the form and the API share one
 * validator. A raw JSON text, when given, is used instead.
 */
final class PolicyForm {
    static final int ROWS = 4;
    /** The actions the form has a checkbox for; any other is typed in "Other actions". */
    static final List<String> CHECKBOX_ACTIONS = List.of("login", "signup", "access");

    private PolicyForm() {}

    /** A path into the built tree's conditions, when they are joined: the filled row's place, then the rest. */
    private static final java.util.regex.Pattern JOINED = java.util.regex.Pattern.compile("^conditions\\.(?:any|all)\\[(\\d+)]\\.?");

    /**
     * The validator's faults with paths into the built tree named by the form's rows instead: empty rows are
     * left out of the tree, so {@code conditions.any[1].value} is the second filled row, which may be
     * "condition 3"; a lone row is {@code conditions.value}.
     */
    static List<io.seatguard.core.error.FieldError> byRow(List<io.seatguard.core.error.FieldError> faults, Function<String, String> form) {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            if (!form.apply("check" + i).isEmpty()) {
                filled.add(i);
            }
        }
        List<io.seatguard.core.error.FieldError> named = new ArrayList<>();
        for (io.seatguard.core.error.FieldError fault : faults) {
            String field = fault.field();
            java.util.regex.Matcher joined = JOINED.matcher(field);
            if (filled.size() > 1 && joined.find() && Integer.parseInt(joined.group(1)) < filled.size()) {
                field = rowName(filled.get(Integer.parseInt(joined.group(1))), field.substring(joined.end()));
            }
            else if (filled.size() == 1 && field.startsWith("conditions.")) {
                field = rowName(filled.get(0), field.substring("conditions.".length()));
            }
            named.add(new io.seatguard.core.error.FieldError(field, fault.message()));
        }
        return named;
    }

    private static String rowName(int row, String part) {
        return "condition " + (row + 1) + (part.isEmpty() ? "" : " " + part);
    }

    /** @param form the posted fields by name; missing ones are empty */
    static Map<String, Object> tree(Function<String, String> form, PolicyFields fields) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", form.apply("name"));
        // Absent (a form from before the field) is enabled, as the API reads an absent "enabled".
        tree.put("enabled", !form.apply("enabled").equals("false"));
        tree.put("mode", form.apply("mode").isEmpty() ? "monitor" : form.apply("mode"));
        // The number as read (a long past int, a fraction, or the text itself when it is none), so the API's
        // validator names what is wrong instead of the form narrowing it to some other priority.
        String priority = form.apply("priority");
        tree.put("priority", priority.isBlank() ? 0 : number(priority).<Object>map(n -> n).orElse(priority));
        List<String> actions = new ArrayList<>();
        for (String action : CHECKBOX_ACTIONS) {
            if (!form.apply("action_" + action).isEmpty()) {
                actions.add(action);
            }
        }
        // An app's own actions (password_reset, …): action names hold no comma or space, so either separates them.
        for (String action : form.apply("other_actions").strip().split("[\\s,]+")) {
            if (!action.isEmpty()) {
                actions.add(action);
            }
        }
        tree.put("actions", actions);
        List<Object> leaves = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String check = form.apply("check" + i);
            if (check.isEmpty()) {
                continue;
            }
            String op = form.apply("op" + i).isEmpty() ? "eq" : form.apply("op" + i);
            Map<String, Object> leaf = new LinkedHashMap<>();
            leaf.put("check", check);
            leaf.put("op", op);
            leaf.put("value", value(fields.find(check).map(PolicyField::type).orElse(ValueType.STRING), op, form.apply("value" + i)));
            leaves.add(leaf);
        }
        tree.put("conditions", leaves.size() == 1 ? leaves.get(0) : Map.of(form.apply("join").equals("all") ? "all" : "any", leaves));
        String verdict = form.apply("verdict").isEmpty() ? "allow" : form.apply("verdict");
        tree.put("verdict", verdict);
        if (verdict.equals("challenge")) {
            Map<String, Object> challenge = new LinkedHashMap<>();
            String type = form.apply("challenge_type").isEmpty() ? "verification" : form.apply("challenge_type");
            challenge.put("type", type);
            if (type.equals("verification")) {
                List<String> channels = new ArrayList<>();
                for (String channel : List.of("email", "sms")) {
                    if (!form.apply("channel_" + channel).isEmpty()) {
                        channels.add(channel);
                    }
                }
                challenge.put("channels", channels);
            }
            else {
                // As read, like the priority: narrowed to an int, 4294967298 would be stored as 2.
                String limit = form.apply("device_limit");
                challenge.put("device_limit", limit.isBlank() ? 0 : number(limit).<Object>map(n -> n).orElse(limit));
            }
            if (!form.apply("success_url").isEmpty()) {
                challenge.put("success_url", form.apply("success_url"));
            }
            if (!form.apply("logout_url").isEmpty()) {
                challenge.put("logout_url", form.apply("logout_url"));
            }
            String expires = form.apply("expires_in_seconds");
            if (!expires.isBlank()) {
                challenge.put("expires_in_seconds", number(expires).<Object>map(n -> n).orElse(expires));
            }
            tree.put("challenge", challenge);
        }
        // Sent whatever the verdict: with a challenge the validator says notify does not apply, rather than
        // the form dropping channels the operator ticked.
        List<String> notify = new ArrayList<>();
        for (String channel : List.of("email", "sms")) {
            if (!form.apply("notify_" + channel).isEmpty()) {
                notify.add(channel);
            }
        }
        if (!notify.isEmpty()) {
            tree.put("notify", Map.of("channels", notify));
        }
        return tree;
    }

    /**
     * The form's fields for an existing policy's tree, to edit it: every field, and the conditions as
     * rows when they are one condition or one any/all of at most {@link #ROWS}; a deeper tree (nested
     * any/all/not) goes to the JSON field instead, with the whole policy.
     */
    static Map<String, String> fields(Map<String, Object> tree, PolicyFields fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", String.valueOf(tree.getOrDefault("name", "")));
        form.put("enabled", String.valueOf(!Boolean.FALSE.equals(tree.get("enabled"))));
        form.put("mode", String.valueOf(tree.getOrDefault("mode", "monitor")));
        form.put("priority", String.valueOf(io.seatguard.core.policy.PolicyTree.wholeNumbers(tree.getOrDefault("priority", 0))));
        if (tree.get("actions") instanceof List<?> actions) {
            List<String> others = new ArrayList<>();
            for (Object action : actions) {
                if (CHECKBOX_ACTIONS.contains(action)) {
                    form.put("action_" + action, "1");
                }
                else {
                    others.add(String.valueOf(action));
                }
            }
            form.put("other_actions", String.join(", ", others));
        }
        if (tree.get("notify") instanceof Map<?, ?> notify && notify.get("channels") instanceof List<?> channels) {
            channels.forEach(channel -> form.put("notify_" + channel, "1"));
        }
        form.put("verdict", String.valueOf(tree.getOrDefault("verdict", "allow")));
        if (tree.get("challenge") instanceof Map<?, ?> challenge) {
            form.put("challenge_type", String.valueOf(challenge.get("type")));
            if (challenge.get("channels") instanceof List<?> channels) {
                channels.forEach(channel -> form.put("channel_" + channel, "1"));
            }
            if (challenge.get("device_limit") != null) {
                form.put("device_limit", String.valueOf(io.seatguard.core.policy.PolicyTree.wholeNumbers(challenge.get("device_limit"))));
            }
            if (challenge.get("expires_in_seconds") != null) {
                form.put("expires_in_seconds", String.valueOf(io.seatguard.core.policy.PolicyTree.wholeNumbers(challenge.get("expires_in_seconds"))));
            }
            for (String url : List.of("success_url", "logout_url")) {
                if (challenge.get(url) != null) {
                    form.put(url, String.valueOf(challenge.get(url)));
                }
            }
        }
        Optional<List<Map<?, ?>>> rows = rows(tree.get("conditions"), form);
        if (rows.isEmpty()) {
            form.put("json", json(tree));
            return form;
        }
        for (int i = 0; i < rows.get().size(); i++) {
            Map<?, ?> leaf = rows.get().get(i);
            String check = String.valueOf(leaf.get("check"));
            ValueType type = fields.find(check).map(PolicyField::type).orElse(ValueType.STRING);
            form.put("check" + i, check);
            form.put("op" + i, String.valueOf(leaf.get("op")));
            Object value = io.seatguard.core.policy.PolicyTree.wholeNumbers(leaf.get("value"));
            form.put("value" + i, value instanceof List<?> list
                    ? String.join("\n", list.stream().map(item -> text(type, item)).toList())
                    : text(type, value));
        }
        return form;
    }

    /** Only the JSON field (and the name, for the heading): the whole tree, for a policy the rows cannot hold as it is. */
    static Map<String, String> jsonFields(Map<String, Object> tree) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", String.valueOf(tree.getOrDefault("name", "")));
        form.put("json", json(tree));
        return form;
    }

    private static String json(Map<String, Object> tree) {
        try {
            return io.seatguard.server.http.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored policy always writes as JSON", e);
        }
    }

    /**
     * A value as typed in the form: a text that {@link #value} would read as another type (a metadata
     * string "45" or "true") is written JSON-quoted, which {@link #value} reads back as that string. So is
     * one holding a line break, which a browser would post back as CRLF; JSON writes it as {@code \n}.
     */
    private static String text(ValueType type, Object value) {
        String text = String.valueOf(value);
        if (type == ValueType.ANY && value instanceof String
                && (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || !(value(type, "eq", text) instanceof String same && same.equals(text)))) {
            try {
                return io.seatguard.server.http.Json.MAPPER.writeValueAsString(text);
            }
            catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("a string always writes as JSON", e);
            }
        }
        return text;
    }

    /** The condition rows of a flat tree (and the join in {@code form}), or empty when it is deeper. */
    private static Optional<List<Map<?, ?>>> rows(Object conditions, Map<String, String> form) {
        if (conditions instanceof Map<?, ?> node && node.containsKey("check")) {
            return Optional.of(List.<Map<?, ?>>of(node));
        }
        if (conditions instanceof Map<?, ?> node && node.size() == 1 && (node.containsKey("any") || node.containsKey("all"))) {
            String join = node.containsKey("all") ? "all" : "any";
            if (node.get(join) instanceof List<?> children && !children.isEmpty() && children.size() <= ROWS
                    && children.stream().allMatch(child -> child instanceof Map<?, ?> leaf && leaf.containsKey("check"))) {
                form.put("join", join);
                return Optional.of(children.stream().<Map<?, ?>>map(child -> (Map<?, ?>) child).toList());
            }
        }
        return Optional.empty();
    }

    /** The typed text: a boolean or number where the field wants one, a list for in/not_in; otherwise the text (the validator says what is wrong). */
    static Object value(ValueType type, String op, String text) {
        String trimmed = text.strip();
        if (op.equals("in") || op.equals("not_in")) {
            // One per line: a comma is part of a value ("doe, john"), so it cannot separate them.
            List<Object> values = new ArrayList<>();
            for (String part : trimmed.split("\\R")) {
                if (!part.isBlank()) {
                    values.add(value(type, "eq", part));
                }
            }
            return values;
        }
        if (op.equals("in_list") || op.equals("not_in_list")) {
            return trimmed;
        }
        return switch (type) {
            case BOOLEAN -> trimmed.equals("true") ? Boolean.TRUE : trimmed.equals("false") ? Boolean.FALSE : trimmed;
            case NUMBER -> number(trimmed).map(Object.class::cast).orElse(trimmed);
            case ANY -> quoted(trimmed).map(Object.class::cast).orElseGet(() -> trimmed.equals("true") || trimmed.equals("false") ? Boolean.valueOf(trimmed) : number(trimmed).map(Object.class::cast).orElse(trimmed));
            case STRING -> trimmed;
        };
    }

    /** A metadata value typed as a JSON string ("45"): that string, not the number. */
    private static Optional<String> quoted(String text) {
        if (text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
            return Optional.empty();
        }
        try {
            return Optional.of(io.seatguard.server.http.Json.MAPPER.readValue(text, String.class));
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Number> number(String text) {
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(text.contains(".") ? (Number) new BigDecimal(text.strip()) : (Number) Long.parseLong(text.strip()));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
