package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * How the SDK's {@code toString()}s show personal data and credentials: apps log the requests they send
 * and the answers they get, and a log is kept longer and read by more people than the data it came from.
 * An email keeps its first character and its domain, a phone number its last two digits (enough to tell
 * which address or number a code went to); anything else personal (an account id, an address, a user
 * agent, device signals, metadata, list values, raw JSON) shows only that it is there.
 */
final class Redacted {
    static final String SET = "(set)";
    static final String NONE = "none";

    private Redacted() {}

    /** {@code m***@example.com}; {@code (set)} for a value with no local part before an {@code @}. */
    static String email(String email) {
        if (email == null) {
            return NONE;
        }
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return SET;
        }
        return email.substring(0, Character.charCount(email.codePointAt(0))) + "***" + email.substring(at);
    }

    static String email(Optional<String> email) {
        return email(email.orElse(null));
    }

    /** {@code ***23}; {@code (set)} for one too short to keep two digits of and still hide the rest. */
    static String phone(String phone) {
        if (phone == null) {
            return NONE;
        }
        return phone.length() < 6 ? SET : "***" + phone.substring(phone.length() - 2);
    }

    static String phone(Optional<String> phone) {
        return phone(phone.orElse(null));
    }

    /** Only whether there is one. */
    static String present(Object value) {
        boolean there = value instanceof Optional<?> optional ? optional.isPresent() : value != null && !(value instanceof JsonNode node && node.isMissingNode());
        return there ? SET : NONE;
    }

    /** JSON as Seatguard sent it (it may hold addresses, emails, signals): its size only; {@code raw()} reads it on purpose. */
    static String json(JsonNode json) {
        return json == null || json.isMissingNode() ? NONE : "(" + json.size() + " fields, hidden)";
    }

    /** A URL without its query, which may carry a credential: {@code https://app.example/hooks?(hidden)}. */
    static String query(String url) {
        int query = url == null ? -1 : url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?" + HIDDEN;
    }

    /** A value the caller gave, repeated by an error answer ({@link CallerValues}): an email masked, anything else hidden. */
    static String echoed(String value) {
        int at = value.lastIndexOf('@');
        return at > 0 && at < value.length() - 1 ? email(value) : HIDDEN;
    }

    static final String HIDDEN = "(hidden)";

    /**
     * An API path, or a URL holding one, as a message names it: the account of {@code /v3/users/{user}}
     * hidden (apps often take the email as the account id), and the query, which may hold an address
     * ({@code /v3/history?ip=…}): {@code GET /v3/users/(hidden)/devices}, {@code /v3/history?(hidden)}.
     */
    static String path(String path) {
        String shown = query(path);
        int users = shown.indexOf(USERS);
        if (users < 0) {
            return shown;
        }
        int start = users + USERS.length();
        int end = start;
        while (end < shown.length() && shown.charAt(end) != '/' && shown.charAt(end) != '?') {
            end++;
        }
        return end == start ? shown : shown.substring(0, start) + HIDDEN + shown.substring(end);
    }

    private static final String USERS = "/v3/users/";

    /** Values of a list (emails, addresses, accounts): how many only. */
    static String values(java.util.Collection<?> values) {
        return "(" + values.size() + " hidden)";
    }
}
