package io.seatguard.core.app;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.ids.IdGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Creating apps, rotating their secrets and authenticating secret keys and the admin token. */
public final class AppService {
    /** The setting holding the admin token's hash (SHA-256, as {@link Keys#hash}); the token itself is never stored. */
    public static final String ADMIN_TOKEN_HASH = "admin_token_hash";
    /**
     * How long a replaced identity secret is still accepted: pages rendered with it before the rotation
     * are still open, and their evaluations must not fail. An hour covers a page left open a while; a
     * leaked secret is still cut off soon.
     */
    public static final Duration IDENTITY_SECRET_OVERLAP = Duration.ofHours(1);
    /** The longest a replaced secret key may keep working: a week covers a deployment done by hand. */
    public static final Duration MAX_PREVIOUS_KEY_OVERLAP = Duration.ofDays(7);
    static final int ROTATION_ROUNDS = 8;

    private final AppStore store;
    private final IdGenerator ids;
    private final InstantSource clock;

    public AppService(AppStore store, IdGenerator ids, InstantSource clock) {
        this.store = requireNonNull(store, "store is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A new app, with its secret key and its first identity secret (both in the answer, once). */
    public CreatedApp create(String name, List<String> allowedOrigins) {
        CreatedApp created = newApp(name, allowedOrigins);
        store.create(created.app(), Keys.store(created.secretKey()));
        return created;
    }

    /**
     * A new app and its keys, not stored: for a caller that stores it with other things in one
     * transaction ({@link #createNamedBy}, a first start's default app).
     */
    public CreatedApp newApp(String name, List<String> allowedOrigins) {
        String secretKey = Keys.newSecretKey(ids);
        IdentitySecrets identity = new IdentitySecrets(Optional.of(IdentitySignature.newSecret(ids)), List.of());
        App app = new App("app_" + ids.newSecret(16), name, Keys.newClientId(ids), allowedOrigins, creationTime(), Branding.NONE, false, identity);
        return new CreatedApp(app, secretKey);
    }

    /**
     * A new app that the setting {@code idSetting} will name, made unless that setting changed since it
     * was read as {@code seen} (empty: it did not exist). The app, the setting and the caller's
     * {@code settings} are stored in one transaction, so that of nodes starting together, one makes the
     * app and the others find it ({@link AppStore#createNamedBy}).
     *
     * @return the app made, or empty when another was named meanwhile (read the setting again)
     */
    public Optional<CreatedApp> createNamedBy(String idSetting, Optional<String> seen, String name, List<String> allowedOrigins,
            Function<CreatedApp, Map<String, String>> settings) {
        CreatedApp created = newApp(name, allowedOrigins);
        boolean stored = store.createNamedBy(idSetting, seen, created.app(), Keys.store(created.secretKey()), settings.apply(created));
        return stored ? Optional.of(created) : Optional.empty();
    }

    /** Changes what is given of the app's name, allowed origins and branding. */
    public App update(String appId, Optional<String> name, Optional<List<String>> allowedOrigins, Optional<Branding> branding) {
        return update(appId, name, allowedOrigins, branding, Optional.empty());
    }

    /**
     * Changes what is given of the app's name, allowed origins, branding and whether browser evaluations
     * must carry a signed identity. Requiring it of an app with no identity secret would refuse every
     * browser evaluation that names someone, with no way for its backend to sign: that is refused.
     */
    public App update(String appId, Optional<String> name, Optional<List<String>> allowedOrigins, Optional<Branding> branding,
            Optional<Boolean> requireSignedIdentity) {
        App current = find(appId).orElseThrow(() -> SeatguardException.notFound("app " + appId));
        boolean requires = requireSignedIdentity.orElse(current.requireSignedIdentity());
        if (requires && !current.requireSignedIdentity() && current.identitySecrets().current().isEmpty()) {
            throw SeatguardException.invalid("require_signed_identity",
                    "cannot be turned on before the app has an identity secret: rotate one first (POST /v3/apps/{id}/rotate-identity-secret)");
        }
        App next = new App(current.id(), name.orElse(current.name()), current.clientId(), allowedOrigins.orElse(current.allowedOrigins()),
                current.createdAt(), branding.orElse(current.branding()), requires, current.identitySecrets());
        if (!store.update(next)) {
            throw SeatguardException.notFound("app " + appId);
        }
        return next;
    }

    /**
     * A new identity secret for the app; the one it replaces is still accepted for
     * {@link #IDENTITY_SECRET_OVERLAP}, and so are those earlier rotations replaced, until their own time.
     *
     * @return the app holding its new secret as {@code identitySecrets().current()}
     */
    public App rotateIdentitySecret(String appId) {
        for (int round = 0; round < ROTATION_ROUNDS; round++) {
            App current = find(appId).orElseThrow(() -> SeatguardException.notFound("app " + appId));
            Instant now = clock.instant();
            IdentitySecrets next = current.identitySecrets().rotatedTo(IdentitySignature.newSecret(ids), now, now.plus(IDENTITY_SECRET_OVERLAP));
            if (store.replaceIdentitySecrets(appId, current.identitySecrets(), next)) {
                return current.withIdentitySecrets(next);
            }
        }
        throw new SeatguardException(ErrorCode.CONCURRENT_CHANGE, "The app's identity secret kept changing during this rotation; try again");
    }

    /**
     * Now, or a millisecond after the newest app when that is not earlier. Apps are listed in creation
     * order and ids are random, so two apps made in one millisecond (the default and the demo's, on a
     * first start) would otherwise come back in a different order from one listing to the next.
     */
    private Instant creationTime() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<App> existing = store.list();
        if (existing.isEmpty()) {
            return now;
        }
        Instant newest = existing.getLast().createdAt();
        return now.isAfter(newest) ? now : newest.plusMillis(1);
    }

    /** A new secret key for the app; the one it replaces stops working at once. */
    public CreatedApp rotateSecret(String appId) {
        return rotateSecret(appId, Duration.ZERO).created();
    }

    /**
     * A new secret key for the app. The key it replaces is still accepted for {@code previousValidFor}
     * (zero: not at all), so that every backend can move to the new one before the old one stops; only
     * the key replaced now is kept, any earlier one stops at once.
     *
     * @param previousValidFor from zero to {@link #MAX_PREVIOUS_KEY_OVERLAP}
     */
    public RotatedSecret rotateSecret(String appId, Duration previousValidFor) {
        if (previousValidFor.isNegative() || previousValidFor.compareTo(MAX_PREVIOUS_KEY_OVERLAP) > 0) {
            throw new IllegalArgumentException("previousValidFor must be within 0 and " + MAX_PREVIOUS_KEY_OVERLAP + ": " + previousValidFor);
        }
        App app = store.findById(appId).orElseThrow(() -> SeatguardException.notFound("app " + appId));
        String secretKey = Keys.newSecretKey(ids);
        Optional<Instant> previousUntil = previousValidFor.isZero() ? Optional.empty()
                : Optional.of(clock.instant().plus(previousValidFor).truncatedTo(ChronoUnit.MILLIS));
        if (!store.replaceSecret(appId, Keys.store(secretKey), previousUntil)) {
            throw SeatguardException.notFound("app " + appId);
        }
        return new RotatedSecret(new CreatedApp(app, secretKey), previousUntil);
    }

    /** A rotation's outcome: the app with its new key (shown once), and until when the key it replaced works. */
    public record RotatedSecret(CreatedApp created, Optional<Instant> previousValidUntil) {}

    public List<App> list() {
        return store.list();
    }

    public Optional<App> find(String appId) {
        return store.findById(appId);
    }

    public Optional<App> findByClientId(String clientId) {
        return store.findByClientId(clientId);
    }

    /** The app a secret key belongs to; a malformed or unknown key is {@link ErrorCode#INVALID_CREDENTIALS}. */
    public App authenticateSecret(String secretKey) {
        if (Keys.looksLikeSecretKey(secretKey)) {
            String lookup = Keys.lookupOf(secretKey);
            Optional<AppWithSecret> candidate = store.findBySecretLookup(lookup);
            if (candidate.isPresent() && Keys.matches(secretKey, candidate.get().secret().hash())) {
                return candidate.get().app();
            }
            // The key a rotation replaced, while its overlap lasts.
            Optional<PreviousSecret> previous = candidate.flatMap(AppWithSecret::previous);
            if (previous.isPresent() && previous.get().secret().lookup().equals(lookup) && Keys.matches(secretKey, previous.get().secret().hash())
                    && previous.get().acceptedAt(clock.instant())) {
                return candidate.get().app();
            }
        }
        throw new SeatguardException(ErrorCode.INVALID_CREDENTIALS, "The secret key is not valid");
    }

    /**
     * Makes the token given by the operator the admin token, replacing the stored one. Without one, the
     * first start makes a token ({@code FirstStart}), once per store.
     */
    public void useAdminToken(String configured) {
        requireNonNull(configured, "configured is null");
        store.putSetting(ADMIN_TOKEN_HASH, Keys.hash(configured));
    }

    /** Whether an admin token is stored (its hash). */
    public boolean hasAdminToken() {
        return store.setting(ADMIN_TOKEN_HASH).isPresent();
    }

    /**
     * A server-wide secret kept in the settings, generated on first use, the same on every node that
     * shares the database (e.g. the key verification codes are hashed with).
     */
    public String ensureSecret(String name) {
        Optional<String> stored = store.setting(name);
        if (stored.isPresent()) {
            return stored.get();
        }
        // Two nodes starting together may both try; the first write stays and both read it back.
        store.putSettingIfAbsent(name, ids.newSecret(43));
        return store.setting(name).orElseThrow();
    }

    public Optional<String> setting(String name) {
        return store.setting(name);
    }

    public void putSetting(String name, String value) {
        store.putSetting(name, value);
    }

    public boolean isAdminToken(String presented) {
        return presented != null && store.setting(ADMIN_TOKEN_HASH).map(hash -> Keys.matches(presented, hash)).orElse(false);
    }
}
