package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The fields every answer of Seatguard's of one kind has, read so that an answer without them is a
 * {@link SeatguardException} naming the field ({@link ForeignAnswer#shape}). A proxy's {@code 200 {}} or
 * another server's JSON failed deep in a record with a {@code DateTimeParseException} or a
 * {@code NullPointerException}, or worse read as an evaluation with an empty verdict.
 */
final class AnswerFields {
    private AnswerFields() {}

    /** A text field that is there and not empty. */
    static String text(JsonNode json, String field, String answer) {
        JsonNode value = json.path(field);
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw new SeatguardException(ForeignAnswer.shape(fault(value, field, "a text"), answer));
        }
        return value.textValue();
    }

    /** A date-time field that is there. */
    static Instant instant(JsonNode json, String field, String answer) {
        return optionalInstant(json, field, answer)
                .orElseThrow(() -> new SeatguardException(ForeignAnswer.shape(fault(json.path(field), field, "a date-time"), answer)));
    }

    /** A date-time field that may be null or left out, but is one when it is there. */
    static Optional<Instant> optionalInstant(JsonNode json, String field, String answer) {
        JsonNode value = json.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        try {
            if (value.isTextual()) {
                return Optional.of(Instant.parse(value.textValue()));
            }
        }
        catch (DateTimeParseException e) {
            // Said below, as for a value of another type.
        }
        throw new SeatguardException(ForeignAnswer.shape(field + " that is no date-time", answer));
    }

    /** An array field that is there: a list answer's {@code data}. */
    static JsonNode array(JsonNode json, String field, String answer) {
        JsonNode value = json.path(field);
        if (!value.isArray()) {
            throw new SeatguardException(ForeignAnswer.shape(fault(value, field, "an array"), answer));
        }
        return value;
    }

    private static String fault(JsonNode value, String field, String kind) {
        return value.isMissingNode() || value.isNull() ? "no " + field + " (" + kind + ")" : field + " that is not " + kind;
    }
}
