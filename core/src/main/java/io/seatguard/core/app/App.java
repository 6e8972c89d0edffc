package io.seatguard.core.app;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/** One integrating product, one tenant (CONTRACT.md "Tenancy and keys"). Its secret never appears here. */
public record App(String id, String name, String clientId, List<String> allowedOrigins, Instant createdAt, Branding branding) {
    public App(String id, String name, String clientId, List<String> allowedOrigins, Instant createdAt) {
        this(id, name, clientId, allowedOrigins, createdAt, Branding.NONE);
    }

    public App {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(clientId, "clientId is null");
        allowedOrigins = List.copyOf(requireNonNull(allowedOrigins, "allowedOrigins is null"));
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(branding, "branding is null");
    }

    public boolean allowsOrigin(String origin) {
        return allowedOrigins.contains(origin);
    }
}
