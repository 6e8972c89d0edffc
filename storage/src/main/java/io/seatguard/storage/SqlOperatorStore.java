package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.operator.Operator;
import io.seatguard.core.operator.OperatorStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Operators, their failed sign-ins and sessions, in SQL. */
public final class SqlOperatorStore implements OperatorStore {
    private final SqlDatabase database;

    public SqlOperatorStore(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public boolean create(Operator operator) {
        return database.write(connection -> insert(connection, operator));
    }

    /** Inserts the operator on a connection already in a transaction; false when the email is taken. */
    static boolean insert(Connection connection, Operator operator) throws SQLException {
        return JdbcRunner.update(connection,
                "INSERT INTO operators (id, email, password_hash, created_at, app_ids, read_only) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING",
                operator.id(), operator.email(), operator.passwordHash(), operator.createdAt().toEpochMilli(),
                operator.apps().map(apps -> String.join(",", new java.util.TreeSet<>(apps))).orElse(null), operator.readOnly() ? 1 : 0) == 1;
    }

    @Override
    public Optional<Operator> findByEmail(String email) {
        return database.read(connection -> JdbcRunner.queryOne(connection, "SELECT id, email, password_hash, created_at, app_ids, read_only FROM operators WHERE email = ?",
                SqlOperatorStore::operator, email));
    }

    @Override
    public Optional<Operator> findById(String id) {
        return database.read(connection -> JdbcRunner.queryOne(connection, "SELECT id, email, password_hash, created_at, app_ids, read_only FROM operators WHERE id = ?",
                SqlOperatorStore::operator, id));
    }

    @Override
    public long count() {
        return database.read(connection -> JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM operators", row -> row.getLong(1)).orElse(0L));
    }

    /**
     * The email's two counts in one pass over its rows (the index leads with the email), and the client's
     * count of every email from its own index (V40), in one statement: one round trip.
     */
    static final String FAILURES = "SELECT COALESCE(SUM(CASE WHEN client_key = ? THEN 1 ELSE 0 END), 0), COUNT(*),"
            + " MAX(CASE WHEN client_key = ? THEN at END), MIN(at),"
            + " (SELECT COUNT(*) FROM operator_failures WHERE client_key = ? AND at >= ?),"
            + " (SELECT MIN(at) FROM operator_failures WHERE client_key = ? AND at >= ?)"
            + " FROM operator_failures WHERE email = ? AND at >= ?";

    @Override
    public Failures failures(String email, String clientKey, Instant since) {
        return database.read(connection -> failures(connection, email, clientKey, since));
    }

    private static Failures failures(java.sql.Connection connection, String email, String clientKey, Instant since) throws SQLException {
        long from = since.toEpochMilli();
        return JdbcRunner.queryOne(connection, FAILURES,
                row -> new Failures(row.getInt(1), row.getInt(2), instant(row, 3), instant(row, 4), row.getInt(5), instant(row, 6)),
                clientKey, clientKey, clientKey, from, clientKey, from, email, from).orElse(Failures.NONE);
    }

    private static Optional<Instant> instant(java.sql.ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    /**
     * Takes (or waits for) the lock of an email's bucket: an upsert holds the row's lock until the
     * transaction ends, on PostgreSQL and SQLite alike (V30).
     */
    private static final String LOCK = "INSERT INTO operator_signin_locks (bucket) VALUES (?) ON CONFLICT (bucket) DO UPDATE SET bucket = excluded.bucket";

    /** How many lock rows the emails share (V30): enough that two emails rarely wait for each other. */
    static final int LOCK_BUCKETS = 4096;

    /** How often a node deletes old failed sign-ins, at most (more often only while a backlog is left). */
    static final java.time.Duration PRUNE_EVERY = java.time.Duration.ofMinutes(1);
    /** How many old failed sign-ins one deletion takes, at most: a bounded write in the node's one writer. */
    static final int PRUNE_BATCH = 1_000;
    /** How long failed sign-ins are kept: well past the back-off's hour, for whoever reads the table. */
    private static final java.time.Duration KEPT = java.time.Duration.ofDays(1);
    /**
     * The failures before the cutoff, a batch at a time and the oldest first, found through their age
     * index (V40); with the batch's latest time rather than keys, as the table has none (ties at that
     * millisecond go too).
     */
    static final String OLD_FAILURES = "DELETE FROM operator_failures WHERE at < ? AND at <= (SELECT MAX(at) FROM"
            + " (SELECT at FROM operator_failures WHERE at < ? ORDER BY at LIMIT " + PRUNE_BATCH + ") oldest)";

    /** When this node next deletes old failures (epoch millis of a try's time). */
    private final java.util.concurrent.atomic.AtomicLong nextPrune = new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);

    @Override
    public Reservation reserveAttempt(String email, String clientKey, Instant at, Instant since, java.util.function.Predicate<Failures> mayTry) {
        boolean prune = pruneDue(at);
        return database.write(connection -> {
            Reservation reservation = reserveAttempt(connection, email, clientKey, at, since, mayTry);
            // Old failures go as new ones come, so the table stays small; not at every try, which would put a
            // deletion in the writer for each (every app's evaluations wait behind it).
            if (prune && JdbcRunner.update(connection, OLD_FAILURES, at.minus(KEPT).toEpochMilli(), at.minus(KEPT).toEpochMilli()) >= PRUNE_BATCH) {
                nextPrune.set(Long.MIN_VALUE);
            }
            return reservation;
        });
    }

    /** Whether this try deletes old failures: the first due at {@code at} takes the turn, and the next is a minute on. */
    private boolean pruneDue(Instant at) {
        long next = nextPrune.get();
        return at.toEpochMilli() >= next && nextPrune.compareAndSet(next, at.plus(PRUNE_EVERY).toEpochMilli());
    }

    /**
     * The reservation on a connection already in a transaction. The failures are counted only once this
     * transaction holds its email's lock, so a try at the same email on another node has either committed
     * (and is counted) or waits for this one: two nodes cannot each record a try past the limit.
     */
    static Reservation reserveAttempt(Connection connection, String email, String clientKey, Instant at, Instant since,
            java.util.function.Predicate<Failures> mayTry) throws SQLException {
        JdbcRunner.update(connection, LOCK, Math.floorMod(email.hashCode(), LOCK_BUCKETS));
        Failures before = failures(connection, email, clientKey, since);
        if (!mayTry.test(before)) {
            return new Reservation(false, before);
        }
        JdbcRunner.update(connection, "INSERT INTO operator_failures (email, client_key, at) VALUES (?, ?, ?)", email, clientKey, at.toEpochMilli());
        return new Reservation(true, before);
    }

    @Override
    public java.util.List<Operator> list() {
        return database.read(connection -> JdbcRunner.queryList(connection,
                "SELECT id, email, password_hash, created_at, app_ids, read_only FROM operators ORDER BY email", SqlOperatorStore::operator));
    }

    @Override
    public boolean deleteUnlessLastOfEveryApp(String id) {
        return database.write(connection -> deleteUnlessLastOfEveryApp(connection, id));
    }

    /**
     * The deletion on a connection already in a transaction. The count of operators who manage every
     * app (every app, not read-only) is read where the row is deleted, and only once this transaction
     * holds the locks on all of them (an update that changes nothing): on PostgreSQL, two nodes deleting
     * the last two at once would otherwise each count two and leave none. The second waits, then counts
     * one. A read-only operator of every app does not count: they could not manage anything.
     */
    static boolean deleteUnlessLastOfEveryApp(Connection connection, String id) throws SQLException {
        JdbcRunner.update(connection, "UPDATE operators SET app_ids = NULL WHERE app_ids IS NULL AND read_only = 0");
        int deleted = JdbcRunner.update(connection, "DELETE FROM operators WHERE id = ?"
                + " AND (app_ids IS NOT NULL OR read_only = 1 OR (SELECT COUNT(*) FROM operators WHERE app_ids IS NULL AND read_only = 0) > 1)", id);
        if (deleted == 1) {
            JdbcRunner.update(connection, "DELETE FROM operator_sessions WHERE operator_id = ?", id);
            JdbcRunner.update(connection, "DELETE FROM operator_recovery_codes WHERE operator_id = ?", id);
        }
        return deleted == 1;
    }

    /**
     * One row of that try goes: the table has no key, so the rows of this email, client and instant are
     * deleted and all but one written again (two tries of one email from one client in one millisecond
     * are two equal rows, and only one was given back).
     */
    @Override
    public void releaseAttempt(String email, String clientKey, Instant at) {
        database.write(connection -> {
            int same = JdbcRunner.update(connection, "DELETE FROM operator_failures WHERE email = ? AND client_key = ? AND at = ?", email, clientKey,
                    at.toEpochMilli());
            for (int kept = 1; kept < same; kept++) {
                JdbcRunner.update(connection, "INSERT INTO operator_failures (email, client_key, at) VALUES (?, ?, ?)", email, clientKey, at.toEpochMilli());
            }
            return same;
        });
    }

    @Override
    public void clearFailures(String email, String clientKey) {
        database.write(connection -> JdbcRunner.update(connection, "DELETE FROM operator_failures WHERE email = ? AND client_key = ?", email, clientKey));
    }

    @Override
    public void clearFailures(String email) {
        database.write(connection -> JdbcRunner.update(connection, "DELETE FROM operator_failures WHERE email = ?", email));
    }

    /**
     * The operator's row is locked first, by an update that changes nothing and matches only while the
     * password and the two-factor secret are the ones checked: on PostgreSQL a password replaced (or the
     * operator removed) on another node either commits before, and this matches nothing, or waits for this
     * session and then ends it; two-factor sign-in turned on on another node either commits before, and
     * this matches nothing (PostgreSQL rechecks the condition on the row it waited for), or after, and the
     * session opened before the second factor was asked for, as any earlier one did.
     */
    @Override
    public boolean createSession(String tokenHash, String operatorId, String checkedPasswordHash, Optional<String> checkedTotpSecret,
            Optional<String> recoveryCodeHash, String csrfToken, Instant createdAt, Instant expiresAt) {
        return database.write(connection -> {
            int locked = checkedTotpSecret.isPresent()
                    ? JdbcRunner.update(connection, "UPDATE operators SET password_hash = password_hash WHERE id = ? AND password_hash = ? AND totp_secret = ?",
                            operatorId, checkedPasswordHash, checkedTotpSecret.get())
                    : JdbcRunner.update(connection, "UPDATE operators SET password_hash = password_hash WHERE id = ? AND password_hash = ? AND totp_secret IS NULL",
                            operatorId, checkedPasswordHash);
            if (locked == 0) {
                return false;
            }
            // The code is taken under the operator's row lock, in the session's own transaction: new recovery
            // codes (which take that lock first) either come after and end this session, or before, and the
            // code is gone.
            if (recoveryCodeHash.isPresent() && JdbcRunner.update(connection, "DELETE FROM operator_recovery_codes WHERE operator_id = ? AND code_hash = ?",
                    operatorId, recoveryCodeHash.get()) == 0) {
                return false;
            }
            JdbcRunner.update(connection, "DELETE FROM operator_sessions WHERE expires_at < ?", createdAt.toEpochMilli());
            JdbcRunner.update(connection,
                    "INSERT INTO operator_sessions (token_hash, operator_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)", tokenHash,
                    operatorId, csrfToken, createdAt.toEpochMilli(), expiresAt.toEpochMilli());
            return true;
        });
    }

    @Override
    public Optional<Session> session(String tokenHash, Instant now) {
        return database.read(connection -> JdbcRunner.queryOne(connection,
                "SELECT operator_id, csrf_token FROM operator_sessions WHERE token_hash = ? AND expires_at > ?",
                row -> new Session(row.getString(1), row.getString(2)), tokenHash, now.toEpochMilli()));
    }

    @Override
    public void deleteSession(String tokenHash) {
        database.write(connection -> JdbcRunner.update(connection, "DELETE FROM operator_sessions WHERE token_hash = ?", tokenHash));
    }

    @Override
    public Optional<String> totpSecret(String operatorId) {
        return database.read(connection -> JdbcRunner.queryOne(connection, "SELECT totp_secret FROM operators WHERE id = ? AND totp_secret IS NOT NULL",
                row -> row.getString(1), operatorId));
    }

    @Override
    public void setTotpSecret(String operatorId, Optional<String> secret, java.util.List<String> recoveryCodeHashes, long usedStep) {
        if (secret.isEmpty() && (!recoveryCodeHashes.isEmpty() || usedStep != 0)) {
            throw new IllegalArgumentException("recovery codes or a used step without two-factor sign-in");
        }
        if (usedStep < 0) {
            throw new IllegalArgumentException("a used step is not negative");
        }
        database.write(connection -> {
            // The step that proved the secret is used by this same statement: in a write of its own after it,
            // that code still signed in when the node stopped between the two. The last used step never goes
            // back (OperatorStore#setTotpSecret): set to usedStep, or to 0 by turning it off, a code just used
            // to sign in was good again once the same secret was turned on anew with the step before it.
            int updated = JdbcRunner.update(connection,
                    "UPDATE operators SET totp_secret = ?, totp_last_step = CASE WHEN totp_last_step > ? THEN totp_last_step ELSE ? END WHERE id = ?",
                    secret.orElse(null), usedStep, usedStep, operatorId);
            insertRecoveryCodes(connection, operatorId, updated == 1 ? recoveryCodeHashes : java.util.List.of());
            if (secret.isPresent()) {
                // In the same transaction: the sessions were opened without this factor, and a stop between
                // two writes left them alive.
                endSessions(connection, operatorId);
            }
            return updated;
        });
    }

    @Override
    public boolean replaceRecoveryCodes(String operatorId, java.util.List<String> recoveryCodeHashes) {
        return database.write(connection -> {
            // Read in the write, so that a turn-off this node committed just before is seen. (Codes left by a
            // race with a turn-off on another node never sign in: they are read only while two-factor
            // sign-in is on, and turning it on again replaces them.)
            // It locks the operator's row, as a session's write does (createSession): on PostgreSQL a sign-in with
            // a recovery code then commits either wholly before (and its session is ended below) or after (and
            // finds its code gone), never in between.
            boolean on = JdbcRunner.update(connection, "UPDATE operators SET totp_secret = totp_secret WHERE id = ? AND totp_secret IS NOT NULL",
                    operatorId) == 1;
            if (on) {
                insertRecoveryCodes(connection, operatorId, recoveryCodeHashes);
                // One may have been opened with a code now replaced; in the same transaction, as on turning it on.
                endSessions(connection, operatorId);
            }
            return on;
        });
    }

    /** Replaces every recovery code of the operator with these. */
    private static void insertRecoveryCodes(Connection connection, String operatorId, java.util.List<String> hashes) throws SQLException {
        JdbcRunner.update(connection, "DELETE FROM operator_recovery_codes WHERE operator_id = ?", operatorId);
        for (String hash : new java.util.LinkedHashSet<>(hashes)) {
            JdbcRunner.update(connection, "INSERT INTO operator_recovery_codes (operator_id, code_hash) VALUES (?, ?)", operatorId, hash);
        }
    }

    @Override
    public int recoveryCodesLeft(String operatorId) {
        return database.read(connection -> JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM operator_recovery_codes WHERE operator_id = ?",
                row -> row.getInt(1), operatorId).orElse(0));
    }

    @Override
    public boolean useTotpStep(String operatorId, long step) {
        return database.write(connection -> JdbcRunner.update(connection,
                "UPDATE operators SET totp_last_step = ? WHERE id = ? AND totp_secret IS NOT NULL AND totp_last_step < ?", step, operatorId, step) == 1);
    }

    private static void endSessions(Connection connection, String operatorId) throws SQLException {
        JdbcRunner.update(connection, "DELETE FROM operator_sessions WHERE operator_id = ?", operatorId);
    }

    @Override
    public boolean replacePassword(String operatorId, String passwordHash, String keptSessionHash) {
        return database.write(connection -> {
            if (JdbcRunner.update(connection, "UPDATE operators SET password_hash = ? WHERE id = ?", passwordHash, operatorId) == 0) {
                return false;
            }
            JdbcRunner.update(connection, "DELETE FROM operator_sessions WHERE operator_id = ? AND token_hash <> ?", operatorId, keptSessionHash);
            return true;
        });
    }

    private static Operator operator(ResultSet row) throws SQLException {
        String apps = row.getString(5);
        return new Operator(row.getString(1), row.getString(2), row.getString(3), Instant.ofEpochMilli(row.getLong(4)),
                apps == null ? java.util.Optional.empty() : java.util.Optional.of(java.util.Set.of(apps.split(","))), row.getInt(6) == 1);
    }
}
