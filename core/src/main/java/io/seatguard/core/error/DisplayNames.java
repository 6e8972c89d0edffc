package io.seatguard.core.error;

import java.util.Optional;

/**
 * The rule for a name a person gives something that the dashboard shows and the logs name (a policy, an
 * app): not blank, at most so many characters once stripped, and nothing that forges a log line or
 * changes how the name reads on screen ({@link LogText#isUnfitForName}). One rule, so the API and the
 * dashboard, and policies and apps, refuse alike.
 */
public final class DisplayNames {
    private DisplayNames() {}

    /** What is wrong with {@code name} (a string), or empty when it may be kept, stripped. */
    public static Optional<String> fault(String name, int maxCharacters) {
        if (name.isBlank()) {
            return Optional.of("must be a non-blank string");
        }
        String stripped = name.strip();
        // Characters, as the OpenAPI's maxLength and PostgreSQL's VARCHAR count them: an emoji is one, not two.
        if (stripped.codePointCount(0, stripped.length()) > maxCharacters) {
            return Optional.of("must be at most " + maxCharacters + " characters");
        }
        // Controls would let a name forge lines where it is logged (the start-up warnings name a policy, the
        // banner an app), and direction overrides would let it read on the dashboard as something it is not.
        if (LogText.isUnfitForName(stripped)) {
            return Optional.of(LogText.UNFIT_NAME);
        }
        return Optional.empty();
    }
}
