package io.seatguard.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.error.SeatguardException;
import java.io.IOException;

/**
 * Holds a route that takes no body to it: a body the route would ignore is refused (400) before the
 * route acts. Found in review: {@code DELETE /v3/users/victim} with {@code {"dry_run": true}} erased
 * the account, and a consume with {@code {"peek": true}} consumed the evaluation, as
 * {@code ?dry_run=true} did before the routes refused parameters they do not take (QueryParams). An
 * empty body and an empty object pass: some HTTP clients send {@code {}} with every POST.
 */
final class NoBody {
    private NoBody() {}

    static void refuse(Context ctx) {
        // The body is whole by now (WholeBodyFirst read it, within the size limit), so this never waits on the client.
        String body = new String(ctx.bodyAsBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (body.isBlank()) {
            return;
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        }
        catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw SeatguardException.invalid("body", "must be empty: this route takes no body");
        }
        FieldErrors errors = new FieldErrors();
        UnknownFields.refuse(node, field -> false, "is not a field of this route, which takes no body", errors);
        errors.throwIfAny();
    }
}
