package io.seatguard.core.ids;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text of a UUID (an evaluation id, a device id) as Seatguard keeps, looks up and answers it: lower
 * case. RFC 9562 §4 (as RFC 4122 §3 before it) has the hex digits "output as lower case characters and
 * ... case insensitive on input", and an integrator whose database hands UUIDs back in upper case must
 * find the same evaluation or device; so every UUID taken from a request passes through here before a
 * lookup, and one in another form is refused or not found without a query.
 */
public final class UuidText {
    private static final Pattern FORM = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private UuidText() {}

    /** The UUID in lower case, or empty when the text is not a UUID's 8-4-4-4-12 hex digits in either case. */
    public static Optional<String> canonical(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(text.toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
