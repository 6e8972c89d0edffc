package io.seatguard.core.error;

import static java.util.Objects.requireNonNull;

/** Every error Seatguard reports, each with a stable machine name, a human title and a category. */
public enum ErrorCode {
    INVALID_INPUT("Invalid input", ErrorCategory.CLIENT),
    MALFORMED_JSON("Malformed JSON", ErrorCategory.CLIENT),
    MISSING_CREDENTIALS("Missing credentials", ErrorCategory.AUTH),
    INVALID_CREDENTIALS("Invalid credentials", ErrorCategory.AUTH),
    ORIGIN_NOT_ALLOWED("Origin not allowed", ErrorCategory.FORBIDDEN),
    LOGIN_REFUSED("Login refused", ErrorCategory.FORBIDDEN),
    NOT_FOUND("Not found", ErrorCategory.NOT_FOUND),
    /**
     * A path no route serves: told apart from {@link #NOT_FOUND} (a route that holds no such thing) so a
     * client whose base URL is wrong is not told "nothing stored" (an SDK's deletion answered false).
     */
    NO_ROUTE("No such route", ErrorCategory.NOT_FOUND),
    METHOD_NOT_ALLOWED("Method not allowed", ErrorCategory.CLIENT),
    ALREADY_CONSUMED("Evaluation already consumed", ErrorCategory.CONFLICT),
    NAME_TAKEN("Name already in use", ErrorCategory.CONFLICT),
    IN_USE("Still in use", ErrorCategory.CONFLICT),
    LIMIT_REACHED("Limit reached", ErrorCategory.CONFLICT),
    CONCURRENT_CHANGE("Changed concurrently", ErrorCategory.CONFLICT),
    /** A webhook endpoint that is disabled was asked to send (a redelivery): it must be enabled first. */
    ENDPOINT_DISABLED("Webhook endpoint disabled", ErrorCategory.CONFLICT),
    BODY_TOO_LARGE("Request body too large", ErrorCategory.TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("Unsupported media type", ErrorCategory.UNSUPPORTED_MEDIA),
    RATE_LIMITED("Too many requests", ErrorCategory.RATE_LIMITED),
    STORAGE_UNAVAILABLE("Storage unavailable", ErrorCategory.UNAVAILABLE),
    INTERNAL("Internal error", ErrorCategory.INTERNAL);

    private final String title;
    private final ErrorCategory category;

    ErrorCode(String title, ErrorCategory category) {
        this.title = requireNonNull(title, "title is null");
        this.category = requireNonNull(category, "category is null");
    }

    public String title() {
        return title;
    }

    public ErrorCategory category() {
        return category;
    }

    /**
     * The stable name in logs and in problem documents' {@code type}, e.g. {@code invalid_input}; the
     * {@code type} spells it with hyphens ({@code …/problems/invalid-input}), as the docs do.
     */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
