package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.error.FieldErrors;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The query parameters a route takes, declared with the route ({@link Routes}): a misspelt filter
 * ({@code ?levels=dangerous}) was ignored, so the answer held everything it should have left out, and a
 * repeated one ({@code ?level=a&level=b}) quietly used the first (found in review). Every route of the
 * JSON API refuses the others, those that take none too: {@code DELETE /v3/users/victim?dry_run=true}
 * erased the account. A request body refuses unknown keys for the same reason.
 *
 * <p>Scripts, probes and pages take {@link #ANY}: a script tag adds {@code ?v=…} to bust caches, and a
 * load balancer's probe or a browser's address bar may add what it likes. CORS preflights read no query
 * at all and take {@link #UNREAD}: a preflight refused for its query (one with a malformed escape) was a
 * refusal no page could read, since the browser then never sends the call, whose own refusal it can
 * (found in review).
 *
 * @param any whether the route takes whatever it is given
 * @param read whether the route reads its query at all; one that does not is never refused for it
 * @param names the parameters the route reads, in order; empty for a route that takes none or any
 */
public record QueryParams(boolean any, boolean read, List<String> names) {
    /** Takes whatever it is given, and reads what it reads leniently. */
    public static final QueryParams ANY = new QueryParams(true, true, List.of());
    /** Reads no query, so none is checked, not even for its form. */
    public static final QueryParams UNREAD = new QueryParams(true, false, List.of());
    /** Takes none: most routes of the API. */
    public static final QueryParams NONE = new QueryParams(false, true, List.of());

    public QueryParams {
        requireNonNull(names, "names is null");
        if (!read && !any) {
            throw new IllegalArgumentException("a route that reads no query must take any");
        }
        names = names.stream().sorted().distinct().toList();
    }

    /** A route that takes these parameters and no others. */
    public static QueryParams only(String... names) {
        return new QueryParams(false, true, Stream.of(names).toList());
    }

    /** Refuses, all at once, each parameter not among {@link #names}, and each given more than once. */
    void refuseOthers(Map<String, List<String>> given) {
        if (any) {
            return;
        }
        FieldErrors errors = new FieldErrors();
        for (Map.Entry<String, List<String>> parameter : given.entrySet()) {
            if (parameter.getKey().isEmpty()) {
                errors.add("request", "has a query parameter with no name (=…)");
            }
            else if (!names.contains(parameter.getKey())) {
                errors.add(parameter.getKey(), names.isEmpty()
                        ? "is not a parameter of this route, which takes none"
                        : "is not a parameter of this route; it takes " + String.join(", ", names));
            }
            else if (parameter.getValue().size() > 1) {
                errors.add(parameter.getKey(), "is given more than once");
            }
        }
        errors.throwIfAny();
    }
}
