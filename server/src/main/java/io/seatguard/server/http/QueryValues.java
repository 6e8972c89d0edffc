package io.seatguard.server.http;

import io.javalin.http.Context;
import io.seatguard.core.error.FieldErrors;
import java.util.Optional;
import java.util.function.Function;

/**
 * An optional query parameter read as one of a set of values ({@code ?status=}, {@code ?level=}) or a
 * cursor the API gave out: one rule for every route, the fault naming the parameter.
 */
final class QueryValues {
    /** What a cursor the API did not give out is told, on every paged route. */
    static final String NOT_A_CURSOR = "is not a cursor this API gave out";

    private QueryValues() {}

    /** The parameter's value as {@code parse} reads it; empty when absent, and a fault added when {@code parse} does not take it. */
    static <T> Optional<T> optional(Context ctx, String name, Function<String, Optional<T>> parse, String fault, FieldErrors errors) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return Optional.empty();
        }
        Optional<T> value = parse.apply(text);
        if (value.isEmpty()) {
            errors.add(name, fault);
        }
        return value;
    }
}
