package io.seatguard.server.http;

import io.javalin.http.Context;
import io.seatguard.core.error.FieldErrors;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A whole number read from the query string ({@code ?limit=}, {@code ?days=}), one rule for every
 * route: ASCII digits only (no sign, no spaces, no {@code 1e3}), leading zeros read as a person
 * would ({@code 007} is 7), and a range named in the fault.
 */
final class QueryNumbers {
    /** Nine digits always fit an int, so the bound is checked on the number itself, not on its length. */
    private static final Pattern DIGITS = Pattern.compile("0*\\d{1,9}");

    private QueryNumbers() {}

    /** The parameter's value; {@code fallback} when it is absent; a fault added (and {@code fallback}) when it is not in range. */
    static int wholeNumber(Context ctx, String name, int min, int max, int fallback, FieldErrors errors) {
        OptionalInt read = read(ctx.queryParam(name), min, max);
        if (ctx.queryParam(name) != null && read.isEmpty()) {
            errors.add(name, "must be a whole number from " + min + " to " + max);
        }
        return read.orElse(fallback);
    }

    static OptionalInt read(String text, int min, int max) {
        if (text == null || !DIGITS.matcher(text).matches()) {
            return OptionalInt.empty();
        }
        int number = Integer.parseInt(text);
        return number >= min && number <= max ? OptionalInt.of(number) : OptionalInt.empty();
    }
}
