package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.app.App;
import io.seatguard.core.app.AppStore;
import io.seatguard.core.app.AppWithSecret;
import io.seatguard.core.app.Branding;
import io.seatguard.core.app.IdentitySecrets;
import io.seatguard.core.app.PreviousSecret;
import io.seatguard.core.app.StoredSecret;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Apps and settings in SQL. */
public final class SqlAppStore implements AppStore {
    private static final String COLUMNS = "id, name, client_id, allowed_origins, created_at, secret_lookup, secret_hash, branding, identity_secret,"
            + " identity_retired_secrets, require_signed_identity";

    private final SqlDatabase database;

    public SqlAppStore(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public void create(App app, StoredSecret secret) {
        database.write(connection -> {
            insert(connection, app, secret);
            return null;
        });
    }

    /** Inserts the app on a connection already in a transaction (with other writes that go with it). */
    static void insert(Connection connection, App app, StoredSecret secret) throws SQLException {
        JdbcRunner.update(connection,
                "INSERT INTO apps (id, name, client_id, secret_lookup, secret_hash, allowed_origins, created_at, branding, identity_secret,"
                        + " identity_retired_secrets, require_signed_identity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                app.id(), app.name(), app.clientId(), secret.lookup(), secret.hash(), StorageJson.write(app.allowedOrigins()),
                app.createdAt().toEpochMilli(), branding(app.branding()), app.identitySecrets().current().orElse(null),
                retired(app.identitySecrets().retired()), app.requireSignedIdentity() ? 1 : 0);
    }

    /**
     * Claims the setting first: on PostgreSQL a second claim of the same name waits for the first's
     * transaction, then finds the setting taken (the insert's conflict) or changed (the update's
     * condition, checked again on the row it waited for), and stores nothing.
     */
    @Override
    public boolean createNamedBy(String idSetting, Optional<String> expected, App app, StoredSecret secret, Map<String, String> settings) {
        return database.write(connection -> createNamedBy(connection, idSetting, expected, app, secret, settings));
    }

    /** {@link #createNamedBy} on a connection already in a transaction. */
    static boolean createNamedBy(Connection connection, String idSetting, Optional<String> expected, App app, StoredSecret secret,
            Map<String, String> settings) throws SQLException {
        boolean claimed = expected.isPresent()
                ? JdbcRunner.update(connection, "UPDATE settings SET value = ? WHERE name = ? AND value = ?", app.id(), idSetting, expected.get()) == 1
                : putSettingIfAbsent(connection, idSetting, app.id());
        if (!claimed) {
            return false;
        }
        insert(connection, app, secret);
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            putSetting(connection, setting.getKey(), setting.getValue());
        }
        return true;
    }

    @Override
    public boolean update(App app) {
        return database.write(connection -> JdbcRunner.update(connection,
                "UPDATE apps SET name = ?, allowed_origins = ?, branding = ?, require_signed_identity = ? WHERE id = ?",
                app.name(), StorageJson.write(app.allowedOrigins()), branding(app.branding()), app.requireSignedIdentity() ? 1 : 0, app.id())) == 1;
    }

    @Override
    public boolean replaceIdentitySecrets(String appId, IdentitySecrets expected, IdentitySecrets next) {
        // COALESCE: one comparison for "had none" too, without a typed NULL parameter PostgreSQL cannot infer.
        return database.write(connection -> JdbcRunner.update(connection,
                "UPDATE apps SET identity_secret = ?, identity_retired_secrets = ? WHERE id = ? AND COALESCE(identity_secret, '') = ?",
                next.current().orElse(null), retired(next.retired()), appId, expected.current().orElse(""))) == 1;
    }

    /** {@code secret@untilMillis} joined by spaces, newest first; null when there is none. */
    private static String retired(List<IdentitySecrets.Retired> secrets) {
        if (secrets.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (IdentitySecrets.Retired old : secrets) {
            text.append(text.isEmpty() ? "" : " ").append(old.secret()).append('@').append(old.acceptedUntil().toEpochMilli());
        }
        return text.toString();
    }

    private static List<IdentitySecrets.Retired> retired(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.trim().split(" ")).map(entry -> {
            int at = entry.lastIndexOf('@');
            return new IdentitySecrets.Retired(entry.substring(0, at), Instant.ofEpochMilli(Long.parseLong(entry.substring(at + 1))));
        }).toList();
    }

    private static String branding(Branding branding) {
        if (branding.equals(Branding.NONE)) {
            return null;
        }
        java.util.Map<String, String> json = new java.util.LinkedHashMap<>();
        branding.logoUrl().ifPresent(url -> json.put("logo_url", url));
        branding.color().ifPresent(color -> json.put("color", color));
        return StorageJson.write(json);
    }

    @Override
    public List<App> list() {
        return database.read(connection -> JdbcRunner.queryList(connection,
                "SELECT " + COLUMNS + " FROM apps ORDER BY created_at, id", SqlAppStore::app));
    }

    @Override
    public Optional<App> findById(String id) {
        return database.read(connection -> JdbcRunner.queryOne(connection, "SELECT " + COLUMNS + " FROM apps WHERE id = ?", SqlAppStore::app, id));
    }

    @Override
    public Optional<App> findByClientId(String clientId) {
        return database.read(connection -> JdbcRunner.queryOne(connection,
                "SELECT " + COLUMNS + " FROM apps WHERE client_id = ?", SqlAppStore::app, clientId));
    }

    @Override
    public Optional<AppWithSecret> findBySecretLookup(String lookup) {
        // A current key first, should a lookup prefix ever be both one app's key and another's previous one.
        return database.read(connection -> JdbcRunner.queryOne(connection,
                "SELECT " + COLUMNS + ", previous_secret_lookup, previous_secret_hash, previous_secret_until FROM apps"
                        + " WHERE secret_lookup = ? OR previous_secret_lookup = ? ORDER BY CASE WHEN secret_lookup = ? THEN 0 ELSE 1 END",
                SqlAppStore::withSecret, lookup, lookup, lookup));
    }

    @Override
    public boolean replaceSecret(String appId, StoredSecret secret, Optional<Instant> previousUntil) {
        // The right-hand sides read the row as it was: the key being replaced becomes the previous one.
        return database.write(connection -> previousUntil.isPresent()
                ? JdbcRunner.update(connection, "UPDATE apps SET previous_secret_lookup = secret_lookup, previous_secret_hash = secret_hash,"
                        + " previous_secret_until = ?, secret_lookup = ?, secret_hash = ? WHERE id = ?",
                        previousUntil.get().toEpochMilli(), secret.lookup(), secret.hash(), appId)
                : JdbcRunner.update(connection, "UPDATE apps SET previous_secret_lookup = NULL, previous_secret_hash = NULL,"
                        + " previous_secret_until = NULL, secret_lookup = ?, secret_hash = ? WHERE id = ?",
                        secret.lookup(), secret.hash(), appId)) == 1;
    }

    private static AppWithSecret withSecret(ResultSet row) throws SQLException {
        // The three are written together, all set or all NULL (replaceSecret).
        String previousLookup = row.getString("previous_secret_lookup");
        Optional<PreviousSecret> previous = previousLookup == null ? Optional.empty()
                : Optional.of(new PreviousSecret(new StoredSecret(previousLookup, row.getString("previous_secret_hash")),
                        Instant.ofEpochMilli(row.getLong("previous_secret_until"))));
        return new AppWithSecret(app(row), new StoredSecret(row.getString("secret_lookup"), row.getString("secret_hash")), previous);
    }

    @Override
    public Optional<String> setting(String key) {
        return database.read(connection -> JdbcRunner.queryOne(connection, "SELECT value FROM settings WHERE name = ?", row -> row.getString(1), key));
    }

    @Override
    public void putSetting(String key, String value) {
        database.write(connection -> {
            putSetting(connection, key, value);
            return null;
        });
    }

    private static void putSetting(Connection connection, String key, String value) throws SQLException {
        JdbcRunner.update(connection, "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value", key, value);
    }

    @Override
    public void putSettingIfAbsent(String key, String value) {
        database.write(connection -> putSettingIfAbsent(connection, key, value));
    }

    /** Stores the setting unless it exists, on a connection already in a transaction; false when it existed. */
    static boolean putSettingIfAbsent(Connection connection, String key, String value) throws SQLException {
        return JdbcRunner.update(connection, "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", key, value) == 1;
    }

    @SuppressWarnings("unchecked")
    private static App app(ResultSet row) throws SQLException {
        List<String> origins = StorageJson.read(row.getString("allowed_origins"), List.class);
        String brandingJson = row.getString("branding");
        Branding branding = Branding.NONE;
        if (brandingJson != null) {
            java.util.Map<String, String> stored = StorageJson.read(brandingJson, java.util.Map.class);
            branding = new Branding(Optional.ofNullable(stored.get("logo_url")), Optional.ofNullable(stored.get("color")));
        }
        IdentitySecrets identity = new IdentitySecrets(Optional.ofNullable(row.getString("identity_secret")),
                retired(row.getString("identity_retired_secrets")));
        return new App(row.getString("id"), row.getString("name"), row.getString("client_id"), origins,
                Instant.ofEpochMilli(row.getLong("created_at")), branding, row.getInt("require_signed_identity") == 1, identity);
    }
}
