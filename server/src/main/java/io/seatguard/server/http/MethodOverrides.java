package io.seatguard.server.http;

import io.javalin.http.Context;
import io.seatguard.core.error.SeatguardException;
import java.util.List;

/**
 * Refuses a request that names a method other than its own. Javalin routes by {@code X-HTTP-Method-Override}
 * when a request carries it, so {@code POST /v3/users/alice} with {@code X-HTTP-Method-Override: DELETE}
 * erased the account (found in review): a proxy or gateway in front of Seatguard that allows or denies by
 * method (POST allowed, DELETE kept to an admin network) was passed by. No client of ours sends one; a
 * request that does is told so, naming the header, and nothing is done.
 */
final class MethodOverrides {
    private static final List<String> HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    private MethodOverrides() {}

    static void refuse(Context ctx) {
        for (String header : HEADERS) {
            if (ctx.header(header) != null) {
                throw SeatguardException.invalid(header, "is not taken: send the request with the method itself");
            }
        }
    }
}
