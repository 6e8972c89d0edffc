package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.app.App;
import io.seatguard.core.app.IdentitySignature;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.evaluation.IdentityProof;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Settles how far a browser evaluation's {@code user}, {@code email} and {@code phone} can be believed
 * (docs/integration-guide.md, "Signed identity"). The client id is public, so unsigned they are the
 * browser's word; a signature made by the app's backend with its identity secret vouches for them.
 *
 * <p>A signature that is sent must verify, whatever the app requires: a page whose signature no longer
 * matches (a rotated secret past its hour, a tampered email) should fail loudly rather than be taken as
 * unsigned. An app that requires signed identity refuses a browser evaluation naming anyone without one,
 * except a signup naming no account: its email is the newcomer's own claim, which the signup's
 * challenge itself proves, and which no backend could vouch for before it has the address.
 *
 * <p>A signature made with an expiry ({@code identity_expires}) is refused once that moment has passed,
 * whatever the app requires: the page that carried it is stale, or it was copied out of one.
 */
final class BrowserIdentity {
    static final String FIELD = "identity_signature";
    static final String EXPIRES_FIELD = EvaluateBodyReader.IDENTITY_EXPIRES;

    private final AppDirectory apps;
    private final InstantSource clock;

    BrowserIdentity(AppDirectory apps, InstantSource clock) {
        this.apps = requireNonNull(apps, "apps is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    IdentityProof of(App app, EvaluateBody body) {
        if (body.identitySignature().isEmpty()) {
            boolean namesSomeone = body.user().isPresent() || body.email().isPresent() || body.phone().isPresent();
            boolean newcomer = body.action().equals("signup") && body.user().isEmpty();
            if (app.requireSignedIdentity() && namesSomeone && !newcomer) {
                throw refused(ErrorCode.MISSING_CREDENTIALS,
                        "is required by this app when a browser names a user, email or phone: sign them on your server with the app's identity secret");
            }
            return IdentityProof.UNSIGNED;
        }
        if (verifies(app, body)) {
            return unlessLapsed(body);
        }
        // This node may hold the app from before a rotation made on another node (AppDirectory.TTL): the
        // store is asked again before a signature made with the new secret is refused.
        Optional<App> stored = apps.reread(app.clientId()).filter(fresh -> !fresh.identitySecrets().equals(app.identitySecrets()));
        if (stored.isPresent() && verifies(stored.get(), body)) {
            return unlessLapsed(body);
        }
        if (app.identitySecrets().current().isEmpty() && stored.flatMap(fresh -> fresh.identitySecrets().current()).isEmpty()) {
            throw refused(ErrorCode.INVALID_CREDENTIALS, "cannot be checked: this app has no identity secret yet (rotate one to sign identities)");
        }
        throw refused(ErrorCode.INVALID_CREDENTIALS, "does not sign this user, email and phone with the app's identity secret");
    }

    private boolean verifies(App app, EvaluateBody body) {
        return IdentitySignature.verifies(body.identitySignature().orElseThrow(), app.identitySecrets().accepted(clock.instant()), body.user(),
                body.email(), body.phone(), body.identityExpires());
    }

    /** A genuine signature, refused all the same when the expiry it was made with has passed (checked after, so a forged one is not told it lapsed). */
    private IdentityProof unlessLapsed(EvaluateBody body) {
        Optional<Long> expires = body.identityExpires();
        if (expires.isPresent() && clock.instant().getEpochSecond() >= expires.get()) {
            String message = "has passed (" + Instant.ofEpochSecond(expires.get()) + "): sign the identity again when rendering the page";
            throw new SeatguardException(ErrorCode.INVALID_CREDENTIALS, EXPIRES_FIELD + ": " + message, List.of(new FieldError(EXPIRES_FIELD, message)));
        }
        return IdentityProof.SIGNED;
    }

    private static SeatguardException refused(ErrorCode code, String message) {
        return new SeatguardException(code, FIELD + ": " + message, List.of(new FieldError(FIELD, message)));
    }
}
