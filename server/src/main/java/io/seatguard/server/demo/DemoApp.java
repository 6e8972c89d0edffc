package io.seatguard.server.demo;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.app.App;
import io.seatguard.core.app.AppService;
import io.seatguard.core.app.CreatedApp;
import java.util.List;
import java.util.Optional;

/**
 * The demo site's own app, {@code demo}: the demo plays an integrator, so it has an app and a secret key
 * like one. Its secret is kept in the server's settings (in clear, unlike every other app's, because
 * the demo's backend must present it); it is a demonstration tenant, not one to use for real.
 *
 * @param secretKey the {@code sk_} key the demo's backend calls the API with
 */
public record DemoApp(App app, String secretKey) {
    static final String NAME = "demo";
    static final String SECRET_SETTING = "demo_app_secret_key";

    public DemoApp {
        requireNonNull(app, "app is null");
        requireNonNull(secretKey, "secretKey is null");
    }

    /** The demo app, created (or given a new secret, when the stored one is missing) as needed. */
    public static DemoApp ensure(AppService apps, List<String> origins) {
        Optional<App> existing = apps.list().stream().filter(app -> app.name().equals(NAME)).findFirst();
        Optional<String> secret = apps.setting(SECRET_SETTING);
        if (existing.isPresent() && secret.isPresent()) {
            return new DemoApp(existing.get(), secret.get());
        }
        CreatedApp created = existing.isPresent() ? apps.rotateSecret(existing.get().id()) : apps.create(NAME, origins);
        apps.putSetting(SECRET_SETTING, created.secretKey());
        return new DemoApp(created.app(), created.secretKey());
    }
}
