package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which accounts, device tokens and fingerprints the embedded database may hold, in Bloom filters, so
 * that a first visit — a new account, a new browser — answers "never seen" without asking SQLite.
 *
 * <p>Why: in a profile of the evaluate benchmark the caches in front of SQLite still sent about a
 * fifth of the server's CPU to SQLite reads, and most of those reads were for keys that did not exist
 * yet (a cache cannot remember what it was never asked). A Bloom filter has no false negatives: "no"
 * means the key was never written, "maybe" means ask the database as before.
 *
 * <p>Why it stays exact: used only with the embedded store, where one process owns the database. A key
 * is added <em>before</em> the write that stores it (see {@link AccountStateCache#record}), so every
 * committed key is in the filter; a reader that misses a key being written sees what a database read a
 * moment earlier would have seen. Until the start-up scan of the stored keys has finished, every
 * question is answered "maybe". Keys are never taken out (erasure, pruning): a stale "maybe" costs only
 * the query it would have cost anyway.
 *
 * <p>Size: each filter is made for twice the keys stored at start (at least {@link #MIN_EXPECTED}) at a
 * 1 % false-positive rate, about 1.2 bytes a key. Past that size the false-positive rate rises (about
 * 16 % at twice the planned keys) until the next start sizes it anew; answers stay correct.
 */
public final class KnownKeys {
    private static final Logger log = LoggerFactory.getLogger(KnownKeys.class);
    static final int MIN_EXPECTED = 1_000_000;
    private static final double FALSE_POSITIVES = 0.01;

    /** The kinds of key, each in its own filter. */
    enum Kind {
        USER("SELECT COUNT(*) FROM users", "SELECT app_id, id FROM users"),
        TOKEN("SELECT COUNT(*) FROM device_tokens", "SELECT app_id, token_hash FROM device_tokens"),
        // A fingerprint may be linked to an account without a device row of its own (the zero device).
        FINGERPRINT("SELECT (SELECT COUNT(*) FROM device_fingerprints) + (SELECT COUNT(*) FROM user_fingerprints)",
                "SELECT app_id, fingerprint_id FROM device_fingerprints UNION SELECT app_id, fingerprint_id FROM user_fingerprints");

        private final String count;
        private final String scan;

        Kind(String count, String scan) {
            this.count = count;
            this.scan = scan;
        }
    }

    private final BloomFilter<CharSequence> users;
    private final BloomFilter<CharSequence> tokens;
    private final BloomFilter<CharSequence> fingerprints;
    private final AtomicBoolean loaded = new AtomicBoolean();

    private KnownKeys(long users, long tokens, long fingerprints) {
        this.users = filterFor(users);
        this.tokens = filterFor(tokens);
        this.fingerprints = filterFor(fingerprints);
    }

    /**
     * Filters sized for what the database holds now, answering "maybe" to everything until
     * {@link #load} has read the stored keys.
     */
    public static KnownKeys sizedFor(SqlDatabase database) {
        requireNonNull(database, "database is null");
        return database.read(connection -> new KnownKeys(count(connection, Kind.USER), count(connection, Kind.TOKEN), count(connection, Kind.FINGERPRINT)));
    }

    /** Reads every stored key into the filters, then starts answering "no" for keys never written. */
    public void load(SqlDatabase database) {
        long started = System.nanoTime();
        long keys = database.read(connection -> scan(connection, Kind.USER, users) + scan(connection, Kind.TOKEN, tokens)
                + scan(connection, Kind.FINGERPRINT, fingerprints));
        loaded.set(true);
        log.info("known keys loaded: {} keys in {} ms", keys, (System.nanoTime() - started) / 1_000_000);
    }

    /** Loads on a thread of its own, so a large database does not hold up the start; until then every answer is "maybe". */
    public Thread loadInBackground(SqlDatabase database) {
        return Thread.ofVirtual().name("seatguard-known-keys").start(() -> {
            try {
                load(database);
            }
            catch (RuntimeException e) {
                // Stays unloaded: every lookup goes to the database, as without the filters.
                log.warn("known keys not loaded; lookups of new keys will query the database", e);
            }
        });
    }

    boolean isLoaded() {
        return loaded.get();
    }

    /** False only when no evaluation ever named this account in this app. */
    public boolean mayHaveUser(String appId, String userId) {
        return !loaded.get() || users.mightContain(key(appId, userId));
    }

    /** False only when no device of this app ever presented this token (by its hash). */
    public boolean mayHaveToken(String appId, String tokenHash) {
        return !loaded.get() || tokens.mightContain(key(appId, tokenHash));
    }

    /** False only when this fingerprint was never stored for a device or an account of this app. */
    public boolean mayHaveFingerprint(String appId, String fingerprintId) {
        return !loaded.get() || fingerprints.mightContain(key(appId, fingerprintId));
    }

    void addUser(String appId, String userId) {
        users.put(key(appId, userId));
    }

    void addToken(String appId, String tokenHash) {
        tokens.put(key(appId, tokenHash));
    }

    void addFingerprint(String appId, String fingerprintId) {
        fingerprints.put(key(appId, fingerprintId));
    }

    private static BloomFilter<CharSequence> filterFor(long stored) {
        long expected = Math.max(MIN_EXPECTED, 2 * stored);
        return BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), expected, FALSE_POSITIVES);
    }

    private static long count(Connection connection, Kind kind) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(kind.count); ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static long scan(Connection connection, Kind kind, BloomFilter<CharSequence> filter) throws SQLException {
        long keys = 0;
        try (PreparedStatement statement = connection.prepareStatement(kind.scan)) {
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    filter.put(key(rows.getString(1), rows.getString(2)));
                    keys++;
                }
            }
        }
        return keys;
    }

    private static String key(String appId, String value) {
        return appId + '\u0000' + value;
    }
}
