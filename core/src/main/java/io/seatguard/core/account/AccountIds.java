package io.seatguard.core.account;

import java.util.Optional;

/**
 * What an account id ({@code user}) may be, wherever one is read: evaluate's body, a
 * {@code /v3/users/{user}} path, a policy's value. One rule, so that what evaluate refuses is refused
 * everywhere else too, rather than answered "not found" or stored in a condition that can never match.
 */
public final class AccountIds {
    public static final int MAX_LENGTH = 256;

    private AccountIds() {}

    /** Why {@code id} cannot be an account id, or empty when it can. */
    public static Optional<String> fault(String id) {
        if (id.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (id.equals(".") || id.equals("..")) {
            // A dot segment: /v3/users/{user} could not name it, since a proxy in front may resolve it away.
            return Optional.of("must not be \".\" or \"..\": an account must be nameable in a URL path");
        }
        return Optional.empty();
    }
}
