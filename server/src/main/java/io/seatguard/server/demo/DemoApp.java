package io.seatguard.server.demo;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.core.app.CreatedApp;
import io.seatguard.core.error.SeatguardException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo site's own app, named {@code demo}: the demo plays an integrator, so it has an app and a
 * secret key like one. Its secret is kept in the server's settings (in clear, unlike every other app's,
 * because the demo's backend must present it); it is a demonstration tenant, not one to use for real.
 *
 * <p>The demo knows its app by the id it stored when it made it, never by name: an operator's app that
 * happens to be called {@code demo} (made with {@code --production}, or renamed) is not the demo's, and
 * the demo never turns its policies on in it or rotates its key.
 *
 * @param secretKey the {@code sk_} key the demo's backend calls the API with
 */
public record DemoApp(App app, String secretKey) {
    static final String NAME = "demo";
    static final String ID_SETTING = "demo_app_id";
    static final String SECRET_SETTING = "demo_app_secret_key";
    /** The origins the server gave the demo's app last, space-separated: those it may take away again. */
    static final String ORIGINS_SETTING = "demo_app_origins";

    public DemoApp {
        requireNonNull(app, "app is null");
        requireNonNull(secretKey, "secretKey is null");
    }

    /**
     * The demo's app: the one it made (given a new secret when the stored one is missing or no longer
     * its key), or a new one. Of nodes starting together on a new store, one makes it and the others
     * use that one.
     */
    public static DemoApp ensure(AppService apps, List<String> origins) {
        Optional<String> seenId = apps.setting(ID_SETTING);
        Optional<DemoApp> found = existing(apps, seenId, origins);
        if (found.isPresent()) {
            return found.get();
        }
        // The app, its id, key and origins in one transaction, made only if no other node named its own meanwhile.
        Optional<CreatedApp> created = apps.createNamedBy(ID_SETTING, seenId, NAME, origins,
                made -> Map.of(SECRET_SETTING, made.secretKey(), ORIGINS_SETTING, String.join(" ", origins)));
        if (created.isPresent()) {
            return new DemoApp(created.get().app(), created.get().secretKey());
        }
        // Another node made it: the setting now names that one.
        return existing(apps, apps.setting(ID_SETTING), origins)
                .orElseThrow(() -> new IllegalStateException("the demo's app was made by another node but cannot be found"));
    }

    /** The app the demo made before (given a new secret when the stored one is missing or no longer its key), if any. */
    private static Optional<DemoApp> existing(AppService apps, Optional<String> id, List<String> origins) {
        Optional<App> own = id.flatMap(apps::find).or(() -> madeByAnEarlierVersion(apps))
                // A demo app made before identity secrets existed gets one: its account page signs the identity it evaluates.
                .map(app -> app.identitySecrets().current().isPresent() ? app : apps.rotateIdentitySecret(app.id()))
                .map(app -> servedFrom(apps, app, origins));
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> secret = apps.setting(SECRET_SETTING);
        if (secret.isPresent() && isKeyOf(apps, secret.get(), own.get())) {
            return Optional.of(new DemoApp(own.get(), secret.get()));
        }
        CreatedApp rotated = apps.rotateSecret(own.get().id());
        apps.putSetting(SECRET_SETTING, rotated.secretKey());
        return Optional.of(new DemoApp(rotated.app(), rotated.secretKey()));
    }

    /**
     * The demo's pages call the API from the server's own origins, which change with its port or public
     * URL: the app's origins are those the server gave it before, replaced by today's, and any an
     * operator added, kept. (An app from before this setting keeps all it has and gains today's.)
     */
    private static App servedFrom(AppService apps, App app, List<String> origins) {
        Set<String> givenBefore = apps.setting(ORIGINS_SETTING).map(text -> Set.of(text.split(" "))).orElse(Set.of());
        Set<String> next = new LinkedHashSet<>();
        app.allowedOrigins().stream().filter(origin -> !givenBefore.contains(origin)).forEach(next::add);
        next.addAll(origins);
        App served = next.equals(new LinkedHashSet<>(app.allowedOrigins())) ? app
                : apps.update(app.id(), Optional.empty(), Optional.of(List.copyOf(next)), Optional.empty());
        apps.putSetting(ORIGINS_SETTING, String.join(" ", origins));
        return served;
    }

    /**
     * Earlier versions stored the demo's secret but not its app's id. The app that secret key opens is
     * the demo's, proven by the key rather than guessed from a name; its id is stored from now on.
     */
    private static Optional<App> madeByAnEarlierVersion(AppService apps) {
        if (apps.setting(ID_SETTING).isPresent()) {
            return Optional.empty();
        }
        Optional<App> found = apps.setting(SECRET_SETTING).flatMap(secret -> appOfKey(apps, secret));
        found.ifPresent(app -> apps.putSetting(ID_SETTING, app.id()));
        return found;
    }

    private static boolean isKeyOf(AppService apps, String secret, App app) {
        return appOfKey(apps, secret).map(keyed -> keyed.id().equals(app.id())).orElse(false);
    }

    private static Optional<App> appOfKey(AppService apps, String secret) {
        try {
            return Optional.of(apps.authenticateSecret(secret));
        }
        catch (SeatguardException e) {
            return Optional.empty();
        }
    }
}
