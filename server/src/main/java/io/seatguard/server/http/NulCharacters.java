package io.seatguard.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.error.SeatguardException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses text carrying U+0000 or a lone UTF-16 surrogate. PostgreSQL cannot store a NUL in a text column
 * or a JSON document, so one that got through would fail the request in the database, after validation,
 * as if the storage were down; SQLite would store it, and the two stores would disagree. A lone surrogate
 * (an escaped {@code ud800} alone) is no character at all: encoded for storage it becomes {@code ?}, so two different
 * user ids would become one account.
 */
public final class NulCharacters {
    static final String MESSAGE = "must not contain the NUL character (U+0000)";
    static final String SURROGATE_MESSAGE = "must not contain a lone UTF-16 surrogate (\\ud800-\\udfff without its pair)";

    private NulCharacters() {}

    /**
     * Checks a parsed JSON body that {@link JsonBody} found to be well-formed UTF-8 (so no overlong form
     * spells a NUL, and no surrogate is encoded raw). A NUL or a surrogate can then only arrive as an
     * escape (backslash-u 0000, backslash-u d800 to dfff; JSON forbids the raw NUL byte in strings), so the tree is
     * walked only when the raw body holds one.
     */
    public static void refuseInJson(byte[] raw, JsonNode body) {
        if (mayHoldEscapedNulOrSurrogate(raw)) {
            firstPath(body, "").ifPresent(found -> {
                throw SeatguardException.invalid(found.path().isEmpty() ? "body" : found.path(), found.nul() ? MESSAGE : SURROGATE_MESSAGE);
            });
        }
    }

    /**
     * Checks the query and a form's fields, as {@link QueryString} read them (not Javalin's readers again):
     * the dashboard and the hosted pages read both. A NUL arrives escaped ({@code %00}) or as the raw byte,
     * which decoding passes on just the same.
     */
    static void refuseInParameters(Map<String, List<String>> query, Map<String, List<String>> form) {
        firstName(query).ifPresent(NulCharacters::refuse);
        firstName(form).ifPresent(NulCharacters::refuse);
    }

    private static void refuse(String field) {
        throw SeatguardException.invalid(field, MESSAGE);
    }

    private static Optional<String> firstName(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0 || parameter.getValue().stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                return Optional.of(parameter.getKey().replace('\0', '?'));
            }
        }
        return Optional.empty();
    }

    /** The escape of U+0000, or of U+D800 to U+DFFF in either case: a surrogate escape, paired or not. */
    private static boolean mayHoldEscapedNulOrSurrogate(byte[] raw) {
        for (int i = 0; i + 5 < raw.length; i++) {
            if (raw[i] != '\\' || raw[i + 1] != 'u') {
                continue;
            }
            boolean nul = raw[i + 2] == '0' && raw[i + 3] == '0' && raw[i + 4] == '0' && raw[i + 5] == '0';
            boolean surrogate = (raw[i + 2] == 'd' || raw[i + 2] == 'D') && "89abcdefABCDEF".indexOf(raw[i + 3]) >= 0;
            if (nul || surrogate) {
                return true;
            }
        }
        return false;
    }

    /** Where the first bad string is, and whether it holds a NUL (else a lone surrogate). */
    private record Found(String path, boolean nul) {}

    /** The dotted path of the first string (a value or a member's name) that cannot be stored, as field errors name fields. */
    private static Optional<Found> firstPath(JsonNode node, String path) {
        if (node.isTextual()) {
            return unstorable(node.textValue()).map(nul -> new Found(path, nul));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<Found> found = firstPath(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext();) {
                Map.Entry<String, JsonNode> member = members.next();
                String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                Optional<Boolean> badName = unstorable(member.getKey());
                if (badName.isPresent()) {
                    return Optional.of(new Found(printable(memberPath), badName.get()));
                }
                Optional<Found> found = firstPath(member.getValue(), memberPath);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** True for a NUL, false for a lone surrogate, empty when the text can be stored. */
    private static Optional<Boolean> unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return Optional.of(true);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    /** A field name fit for a problem document: what cannot be stored cannot be echoed either. */
    private static String printable(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < path.length() && Character.isLowSurrogate(path.charAt(i + 1))) {
                out.append(c).append(path.charAt(++i));
            }
            else {
                out.append(c == '\0' || Character.isSurrogate(c) ? '?' : c);
            }
        }
        return out.toString();
    }
}
