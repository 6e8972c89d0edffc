package io.seatguard.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.error.FieldErrors;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * Names the fields of a body that a route does not take, each a fault of its own. At most
 * {@value #MAX_NAMED} are named, each cut as {@link Problems#abbreviate} cuts an echoed value: a few are
 * enough to tell the caller, and a body of thousands of fields, or of one field with a name of thousands
 * of characters, gets no answer as long (review: the webhook routes echoed every name, whole).
 */
final class UnknownFields {
    static final int MAX_NAMED = 20;

    private UnknownFields() {}

    /**
     * @param known   whether the route takes a field of that name
     * @param message what is wrong with each, and what to send instead
     */
    static void refuse(JsonNode body, Predicate<String> known, String message, FieldErrors errors) {
        int named = 0;
        for (Iterator<String> fields = body.fieldNames(); fields.hasNext() && named < MAX_NAMED;) {
            String field = fields.next();
            if (!known.test(field)) {
                errors.add(Problems.abbreviate(field), message);
                named++;
            }
        }
    }
}
