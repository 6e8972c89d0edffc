package io.seatguard.core.testing;

import io.seatguard.core.app.App;
import io.seatguard.core.app.AppStore;
import io.seatguard.core.app.AppWithSecret;
import io.seatguard.core.app.IdentitySecrets;
import io.seatguard.core.app.StoredSecret;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A store of one app, whatever {@link #app} holds now (another node's change is a {@code set}), for tests
 * of what reads apps: it counts reads by client id, and while {@link #failing} holds a failure every read
 * throws it, as a store that cannot be reached does. Writes change nothing.
 */
public final class OneAppStore implements AppStore {
    public final AtomicReference<App> app;
    /** Reads of the app by client id. */
    public final AtomicInteger clientIdReads = new AtomicInteger();
    /** When set, every read throws what it supplies. */
    public final AtomicReference<Supplier<RuntimeException>> failing = new AtomicReference<>();

    public OneAppStore(App app) {
        this.app = new AtomicReference<>(app);
    }

    private App read() {
        Supplier<RuntimeException> failure = failing.get();
        if (failure != null) {
            throw failure.get();
        }
        return app.get();
    }

    @Override
    public void create(App created, StoredSecret secret) {}

    @Override
    public List<App> list() {
        return List.of(read());
    }

    @Override
    public Optional<App> findById(String id) {
        return Optional.of(read()).filter(held -> held.id().equals(id));
    }

    @Override
    public Optional<App> findByClientId(String clientId) {
        clientIdReads.incrementAndGet();
        return Optional.of(read()).filter(held -> held.clientId().equals(clientId));
    }

    @Override
    public Optional<AppWithSecret> findBySecretLookup(String lookup) {
        return Optional.empty();
    }

    @Override
    public boolean replaceSecret(String appId, StoredSecret secret, Optional<java.time.Instant> previousUntil) {
        return false;
    }

    @Override
    public boolean update(App changed) {
        return false;
    }

    @Override
    public boolean replaceIdentitySecrets(String appId, IdentitySecrets expected, IdentitySecrets next) {
        return false;
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.empty();
    }

    @Override
    public void putSetting(String key, String value) {}

    @Override
    public void putSettingIfAbsent(String key, String value) {}

    @Override
    public boolean createNamedBy(String idSetting, Optional<String> expected, App app, StoredSecret secret, java.util.Map<String, String> settings) {
        return false;
    }
}
