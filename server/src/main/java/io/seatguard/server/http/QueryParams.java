package io.seatguard.server.http;

import io.javalin.http.Context;
import io.seatguard.core.error.FieldErrors;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters a route reads, and no others: a misspelt filter ({@code ?levels=dangerous}) was
 * ignored, so the answer held everything it should have left out, and a repeated one
 * ({@code ?level=a&level=b}) quietly used the first (found in review). A request body refuses unknown
 * keys for the same reason.
 */
final class QueryParams {
    private QueryParams() {}

    /** Adds a fault for each parameter not in {@code known}, and for each given more than once. */
    static void takesOnly(Context ctx, FieldErrors errors, Set<String> known) {
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            if (!known.contains(parameter.getKey())) {
                errors.add(parameter.getKey(), "is not a parameter of this route; it takes " + String.join(", ", known.stream().sorted().toList()));
            }
            else if (parameter.getValue().size() > 1) {
                errors.add(parameter.getKey(), "is given more than once");
            }
        }
    }
}
