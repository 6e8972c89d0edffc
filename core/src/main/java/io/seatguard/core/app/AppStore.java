package io.seatguard.core.app;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: apps and their stored secrets, plus the few server-wide settings (the admin token's hash). */
public interface AppStore {
    /** Stores the app, its identity secrets included. */
    void create(App app, StoredSecret secret);

    List<App> list();

    Optional<App> findById(String id);

    Optional<App> findByClientId(String clientId);

    /** The app whose secret key, or previous key still kept, has this lookup prefix. */
    Optional<AppWithSecret> findBySecretLookup(String lookup);

    /**
     * Replaces the app's secret key. The key it replaces is kept, and accepted, until
     * {@code previousUntil}; without one it is forgotten at once, and so is any earlier previous key.
     *
     * @return false when there is no such app
     */
    boolean replaceSecret(String appId, StoredSecret secret, Optional<Instant> previousUntil);

    /** Replaces the app's name, allowed origins, branding and {@code requireSignedIdentity}; false when there is no such app. */
    boolean update(App app);

    /**
     * Replaces the app's identity secrets with {@code next} if they are still {@code expected}: of two
     * rotations at once, the second then builds on the first's result instead of dropping it.
     *
     * @return false when there is no such app or its secrets changed meanwhile
     */
    boolean replaceIdentitySecrets(String appId, IdentitySecrets expected, IdentitySecrets next);

    Optional<String> setting(String key);

    void putSetting(String key, String value);

    /** Stores the setting unless it exists; the first writer wins. */
    void putSettingIfAbsent(String key, String value);

    /**
     * Stores the app, sets {@code idSetting} to its id and stores {@code settings}, all in one
     * transaction, only if {@code idSetting} still holds {@code expected} (empty: the setting does not
     * exist). Of several such calls at once, one stores; the others (on PostgreSQL they wait for its
     * commit) store nothing and find its app by the setting.
     *
     * @return false when the setting no longer held {@code expected}: nothing was stored
     */
    boolean createNamedBy(String idSetting, Optional<String> expected, App app, StoredSecret secret, Map<String, String> settings);
}
