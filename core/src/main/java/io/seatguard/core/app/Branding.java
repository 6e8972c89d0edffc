package io.seatguard.core.app;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How an app's hosted pages look to its customers: its logo and its colour.
 *
 * @param logoUrl an https image URL
 * @param color {@code #rrggbb}
 */
public record Branding(Optional<String> logoUrl, Optional<String> color) {
    public static final Branding NONE = new Branding(Optional.empty(), Optional.empty());

    public Branding {
        requireNonNull(logoUrl, "logoUrl is null");
        requireNonNull(color, "color is null");
        color.ifPresent(value -> {
            if (!value.matches("#[0-9a-f]{6}")) {
                throw new IllegalArgumentException("color must be #rrggbb in lower case: " + value);
            }
        });
    }
}
