package io.seatguard.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.error.FieldErrors;
import java.time.Duration;

/**
 * The body of a key or secret rotation ({@code POST /v3/apps/{id}/rotate-secret},
 * {@code POST /v3/webhooks/{id}/rotate-secret}): one optional field, how many seconds the replaced one keeps
 * working; any other field refused, named. One reader, so both rotations take and refuse alike.
 */
final class RotationBody {
    private RotationBody() {}

    /**
     * @param field   the overlap's field ({@code previous_key_valid_for}, {@code previous_secret_valid_for})
     * @param meaning what it means, for a caller who sent something else ("seconds the replaced key keeps working")
     * @param absent  the overlap when the field is absent or null
     * @param max     the longest overlap taken, a whole number of days
     */
    static Duration overlap(JsonNode body, String field, String meaning, Duration absent, Duration max) {
        FieldErrors errors = new FieldErrors();
        UnknownFields.refuse(body, field::equals, "is not a field of a rotation; send " + field + " (" + meaning + ") or nothing", errors);
        JsonNode seconds = body.get(field);
        Duration validFor = absent;
        if (seconds != null && !seconds.isNull()) {
            long most = max.toSeconds();
            if (!seconds.isIntegralNumber() || !seconds.canConvertToLong() || seconds.longValue() < 0 || seconds.longValue() > most) {
                errors.add(field, "must be a whole number of seconds from 0 to " + most + (max.equals(Duration.ofDays(7)) ? " (a week)" : ""));
            }
            else {
                validFor = Duration.ofSeconds(seconds.longValue());
            }
        }
        errors.throwIfAny();
        return validFor;
    }
}
