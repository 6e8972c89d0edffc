package io.seatguard.core.app;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One integrating product, one tenant (CONTRACT.md "Tenancy and keys"). Its secret key never appears
 * here; its identity secrets do (they must be read to check signatures), and never leave the server
 * but in the answer that made one.
 *
 * @param requireSignedIdentity whether a browser evaluation naming an account, email or phone must carry
 *     the backend's {@link IdentitySignature}
 */
public record App(String id, String name, String clientId, List<String> allowedOrigins, Instant createdAt, Branding branding,
        boolean requireSignedIdentity, IdentitySecrets identitySecrets) {
    public App(String id, String name, String clientId, List<String> allowedOrigins, Instant createdAt) {
        this(id, name, clientId, allowedOrigins, createdAt, Branding.NONE);
    }

    public App(String id, String name, String clientId, List<String> allowedOrigins, Instant createdAt, Branding branding) {
        this(id, name, clientId, allowedOrigins, createdAt, branding, false, IdentitySecrets.NONE);
    }

    public App {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(clientId, "clientId is null");
        allowedOrigins = List.copyOf(requireNonNull(allowedOrigins, "allowedOrigins is null"));
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(branding, "branding is null");
        requireNonNull(identitySecrets, "identitySecrets is null");
    }

    public boolean allowsOrigin(String origin) {
        return allowedOrigins.contains(origin);
    }

    /** This app, allowing {@code origins} instead. */
    public App withAllowedOrigins(List<String> origins) {
        return new App(id, name, clientId, origins, createdAt, branding, requireSignedIdentity, identitySecrets);
    }

    public App withIdentitySecrets(IdentitySecrets secrets) {
        return new App(id, name, clientId, allowedOrigins, createdAt, branding, requireSignedIdentity, secrets);
    }
}
