package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.challenge.Challenge;
import io.seatguard.core.challenge.ChallengePlan;
import io.seatguard.core.challenge.ChallengeRules;
import io.seatguard.core.challenge.ChallengeStatus;
import io.seatguard.core.challenge.ChallengeStore;
import io.seatguard.core.evaluation.IdentityProof;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.policy.ChallengeType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** Challenges in SQL; a new one is inserted by {@link SqlEvaluationStore} with the evaluation that opened it. */
public final class SqlChallengeStore implements ChallengeStore {
    static final String COLUMNS = "id, app_id, evaluation_id, status, attempts, sends, code_hash, code_sent_at, code_channel, created_at, expires_at,"
            + " finished_at, document, replaced_codes";

    /**
     * The fixed part of a challenge, as stored. {@code identity} is absent from documents written before
     * it was kept: read as unsigned, the least trusted.
     */
    record Document(String type, String policyId, String action, String successUrl, String logoutUrl, String returnTo, Integer deviceLimit,
            String userId, String email, String phone, String deviceId, List<String> channels, List<String> reasons, String identity) {}

    private final SqlDatabase database;

    public SqlChallengeStore(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public Optional<Challenge> find(String challengeId) {
        return database.read(connection -> JdbcRunner.queryOne(connection, "SELECT " + COLUMNS + " FROM challenges WHERE id = ?",
                SqlChallengeStore::challenge, challengeId));
    }

    @Override
    public void recordExit(String challengeId, String exitedTo) {
        database.write(connection -> JdbcRunner.update(connection, "UPDATE challenges SET exited_to = ? WHERE id = ? AND exited_to IS NULL",
                exitedTo, challengeId));
    }

    /** A challenge that has just completed or failed also puts its webhook event in the outbox, in the same transaction. */
    @Override
    public boolean replace(Challenge expected, Challenge next) {
        return database.write(connection -> {
            boolean replaced = JdbcRunner.update(connection,
                    "UPDATE challenges SET status = ?, attempts = ?, sends = ?, code_hash = ?, code_sent_at = ?, code_channel = ?, finished_at = ?,"
                            + " replaced_codes = ? WHERE id = ? AND status = ? AND attempts = ? AND sends = ?",
                    next.status().wireName(), next.attempts(), next.sends(), next.codeHash().orElse(null),
                    next.codeSentAt().map(Instant::toEpochMilli).orElse(null), next.codeChannel().orElse(null),
                    next.finishedAt().map(Instant::toEpochMilli).orElse(null), replacedCodes(next.replacedCodes()),
                    expected.id(), expected.status().wireName(), expected.attempts(), expected.sends()) == 1;
            boolean ended = next.status() != expected.status()
                    && (next.status() == ChallengeStatus.COMPLETED || next.status() == ChallengeStatus.FAILED);
            if (replaced && ended) {
                java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
                data.put("challenge_id", next.id());
                data.put("evaluation_id", next.evaluationId());
                data.put("type", next.type().wireName());
                data.put("status", next.status().wireName());
                data.put("user", next.userId().orElse(null));
                data.put("device_id", next.deviceId());
                SqlOutbox.enqueue(connection, new io.seatguard.core.webhook.OutboxEvent(next.appId(),
                        next.status() == ChallengeStatus.COMPLETED ? io.seatguard.core.webhook.WebhookEventType.CHALLENGE_COMPLETED
                                : io.seatguard.core.webhook.WebhookEventType.CHALLENGE_FAILED,
                        next.userId(), data, next.finishedAt().orElse(Instant.now())));
            }
            return replaced;
        });
    }

    /**
     * A pass counts until the device is logged out of the account after it: the owner's logout must not
     * be undone by the same device's next login, let through on a code given before it.
     */
    @Override
    public boolean verifiedRecently(String appId, String accountKey, String deviceId, Instant since, boolean vouchedOnly) {
        // The identity is in the document: every pass of the window is read (a few at most: each took a
        // code sent within the send limits) and judged here, so unsigned passes cannot crowd a vouched one out.
        String passed = "SELECT c.document FROM challenges c WHERE c.app_id = ? AND c.account_key = ? AND c.device_id = ? AND c.type = 'verification'"
                + " AND c.status = 'completed' AND c.finished_at >= ?";
        List<String> documents = accountKey.startsWith(Challenge.USER_KEY_PREFIX)
                ? database.read(connection -> JdbcRunner.queryList(connection, passed
                        + " AND NOT EXISTS (SELECT 1 FROM user_devices l WHERE l.app_id = c.app_id AND l.user_id = ? AND l.device_id = c.device_id"
                        + " AND l.status <> 'attached' AND l.detached_at >= c.finished_at)", row -> row.getString(1),
                        appId, accountKey, deviceId, since.toEpochMilli(), accountKey.substring(Challenge.USER_KEY_PREFIX.length())))
                : database.read(connection -> JdbcRunner.queryList(connection, passed, row -> row.getString(1), appId, accountKey, deviceId,
                        since.toEpochMilli()));
        return documents.stream().anyMatch(document -> !vouchedOnly || identity(StorageJson.read(document, Document.class)).vouched());
    }

    /** A document written before the identity was kept is read as unsigned, the least trusted. */
    private static IdentityProof identity(Document document) {
        return Optional.ofNullable(document.identity()).flatMap(IdentityProof::fromWireName).orElse(IdentityProof.UNSIGNED);
    }

    /**
     * Inserts a challenge in the evaluation's transaction, overriding the pending challenges of the same
     * account and device first (CONTRACT.md status {@code overridden}), after waiting for another node
     * opening one there ({@link ChallengeOpeningLock}). Not on the unknown device: that id is every
     * unidentified browser, and one of them must not cancel another's (the owner's) challenge, nor wait for it.
     */
    static void open(Connection connection, DatabaseKind kind, ChallengeRules rules, Challenge challenge) throws SQLException {
        if (!DeviceResolution.UNKNOWN_DEVICE_ID.equals(challenge.deviceId())) {
            ChallengeOpeningLock.hold(connection, kind, challenge);
            settleSpent(connection, rules, challenge.appId(), challenge.accountKey(), challenge.deviceId(), challenge.createdAt());
            overridePending(connection, challenge);
        }
        insert(connection, challenge);
    }

    /**
     * When the earliest challenge of the account on the device that has not expired was created, if any:
     * such a device may not be the account's yet (only a passed challenge links it), but it may be logged
     * out. Ended ones count too: a pass links the device just after it ends, and a decline logs it out
     * just after, so a logout landing in between must still find it.
     */
    static Optional<Instant> firstRecentOnDevice(Connection connection, String appId, String userId, String deviceId, Instant at) throws SQLException {
        return JdbcRunner.queryOne(connection, "SELECT created_at FROM challenges WHERE app_id = ? AND account_key = ? AND device_id = ?"
                + " AND expires_at > ? ORDER BY created_at LIMIT 1",
                row -> Instant.ofEpochMilli(row.getLong(1)), appId, Challenge.userKey(userId), deviceId, at.toEpochMilli());
    }

    /**
     * Ends, as {@code failed}, the open challenges of a device just logged out of an account, in the
     * logout's transaction, raising {@code challenge.failed} for each. A page left open on that device
     * would otherwise go on: a device-limit page logging the owner's other devices out, a code still
     * accepted. Expired ones are left to their expiry, and those whose last code ran out are stored as
     * expired first ({@link #settleSpent}).
     */
    static void failOpenOnDevice(Connection connection, ChallengeRules rules, String appId, String userId, String deviceId, Instant at)
            throws SQLException {
        String accountKey = Challenge.userKey(userId);
        settleSpent(connection, rules, appId, accountKey, deviceId, at);
        List<String[]> open = JdbcRunner.queryList(connection,
                "SELECT id, evaluation_id, type FROM challenges WHERE app_id = ? AND account_key = ? AND device_id = ?"
                        + " AND status IN ('created', 'presented', 'code_sent', 'verified') AND expires_at > ?",
                row -> new String[] {row.getString(1), row.getString(2), row.getString(3)}, appId, accountKey, deviceId, at.toEpochMilli());
        for (String[] challenge : open) {
            int ended = JdbcRunner.update(connection, "UPDATE challenges SET status = 'failed', finished_at = ? WHERE id = ?"
                    + " AND status IN ('created', 'presented', 'code_sent', 'verified')", at.toEpochMilli(), challenge[0]);
            if (ended == 1) {
                java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
                data.put("challenge_id", challenge[0]);
                data.put("evaluation_id", challenge[1]);
                data.put("type", challenge[2]);
                data.put("status", ChallengeStatus.FAILED.wireName());
                data.put("user", userId);
                data.put("device_id", deviceId);
                SqlOutbox.enqueue(connection, new io.seatguard.core.webhook.OutboxEvent(appId, io.seatguard.core.webhook.WebhookEventType.CHALLENGE_FAILED,
                        Optional.of(userId), data, at));
            }
        }
    }

    /**
     * Stores as {@code expired} the challenges of the account on the device that {@link
     * io.seatguard.core.challenge.ChallengeMachine#settle} would find expired at {@code at} for their last
     * code: {@code code_sent}, every send used, and the last code past its lifetime (before the challenge's
     * own expiry, the only case left: past that, a row is left to its expiry as the statements after this
     * one leave it). Finished when that code stopped being taken, as the machine finishes it. The logout's
     * fail and the opening's override change rows in SQL without the machine; without this they ended such
     * a challenge as {@code failed} (with a {@code challenge.failed} event) or {@code overridden}, where a
     * read first would have stored it as {@code expired}. An expiry raises no event, here as there.
     */
    private static void settleSpent(Connection connection, ChallengeRules rules, String appId, String accountKey, String deviceId, Instant at)
            throws SQLException {
        long lifetime = rules.codeLifetime().toMillis();
        JdbcRunner.update(connection,
                "UPDATE challenges SET status = 'expired', finished_at = code_sent_at + ? WHERE app_id = ? AND account_key = ? AND device_id = ?"
                        + " AND status = 'code_sent' AND sends >= ? AND expires_at > ? AND code_sent_at + ? <= ?",
                lifetime, appId, accountKey, deviceId, rules.maxSends(), at.toEpochMilli(), lifetime, at.toEpochMilli());
    }

    private static void overridePending(Connection connection, Challenge challenge) throws SQLException {
        JdbcRunner.update(connection,
                "UPDATE challenges SET status = 'overridden', finished_at = ? WHERE app_id = ? AND account_key = ? AND device_id = ?"
                        + " AND status IN ('created', 'presented', 'code_sent', 'verified') AND expires_at > ?",
                challenge.createdAt().toEpochMilli(), challenge.appId(), challenge.accountKey(), challenge.deviceId(), challenge.createdAt().toEpochMilli());
    }

    private static void insert(Connection connection, Challenge challenge) throws SQLException {
        ChallengePlan plan = challenge.plan();
        Document document = new Document(challenge.type().wireName(), plan.policyId(), plan.action(), plan.successUrl().orElse(null),
                plan.logoutUrl().orElse(null), plan.returnTo().orElse(null), plan.deviceLimit().isPresent() ? plan.deviceLimit().getAsInt() : null,
                challenge.userId().orElse(null), challenge.email().orElse(null), challenge.phone().orElse(null), challenge.deviceId(), challenge.channels(),
                challenge.reasons(), plan.identity().wireName());
        JdbcRunner.update(connection,
                "INSERT INTO challenges (id, app_id, evaluation_id, account_key, device_id, type, status, attempts, sends, code_hash, code_sent_at,"
                        + " code_channel, created_at, expires_at, finished_at, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                challenge.id(), challenge.appId(), challenge.evaluationId(), challenge.accountKey(), challenge.deviceId(), challenge.type().wireName(),
                challenge.status().wireName(),
                challenge.attempts(), challenge.sends(), challenge.codeHash().orElse(null), challenge.codeSentAt().map(Instant::toEpochMilli).orElse(null),
                challenge.codeChannel().orElse(null), challenge.createdAt().toEpochMilli(), challenge.expiresAt().toEpochMilli(), challenge.finishedAt().map(Instant::toEpochMilli).orElse(null),
                StorageJson.write(document));
    }

    static Challenge challenge(ResultSet row) throws SQLException {
        Document document = StorageJson.read(row.getString("document"), Document.class);
        long sentAt = row.getLong("code_sent_at");
        Optional<Instant> codeSentAt = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(sentAt));
        long finished = row.getLong("finished_at");
        Optional<Instant> finishedAt = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished));
        ChallengePlan plan = new ChallengePlan(document.policyId(), document.action(), Optional.ofNullable(document.successUrl()),
                Optional.ofNullable(document.logoutUrl()), Optional.ofNullable(document.returnTo()),
                document.deviceLimit() == null ? OptionalInt.empty() : OptionalInt.of(document.deviceLimit()),
                identity(document));
        return new Challenge(row.getString("id"), row.getString("app_id"), row.getString("evaluation_id"),
                ChallengeType.fromWireName(document.type()).orElseThrow(), plan,
                ChallengeStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                Optional.ofNullable(document.userId()), Optional.ofNullable(document.email()), Optional.ofNullable(document.phone()), document.deviceId(),
                document.channels() == null ? List.of() : document.channels(), document.reasons() == null ? List.of() : document.reasons(),
                Optional.ofNullable(row.getString("code_hash")), codeSentAt, Optional.ofNullable(row.getString("code_channel")), row.getInt("attempts"), row.getInt("sends"),
                Instant.ofEpochMilli(row.getLong("created_at")), Instant.ofEpochMilli(row.getLong("expires_at")), finishedAt,
                replacedCodes(row.getString("replaced_codes")));
    }

    /** The replaced codes as V45 keeps them: {@code <hash>@<epoch millis>}, newest first, space-separated; NULL for none. */
    static String replacedCodes(List<Challenge.ReplacedCode> replaced) {
        if (replaced.isEmpty()) {
            return null;
        }
        return String.join(" ", replaced.stream().map(code -> code.hash() + "@" + code.sentAt().toEpochMilli()).toList());
    }

    /**
     * The replaced codes as stored, read leniently: an entry this release would not write (no {@code @}, no
     * hash, a time that is no number) is passed over, and no more than {@link Challenge#KEPT_REPLACED_CODES}
     * are read. A value written otherwise (by hand, by another build) threw here, and every read of its
     * challenge (page, API, evaluation) answered 500 until it expired; a replaced code passed over is
     * judged as a wrong code, as before V45.
     */
    static List<Challenge.ReplacedCode> replacedCodes(String stored) {
        if (stored == null) {
            return List.of();
        }
        List<Challenge.ReplacedCode> read = new java.util.ArrayList<>(Challenge.KEPT_REPLACED_CODES);
        for (String entry : stored.trim().split("\\s+")) {
            int at = entry.lastIndexOf('@');
            if (read.size() == Challenge.KEPT_REPLACED_CODES) {
                break;
            }
            if (at <= 0) {
                continue;
            }
            try {
                read.add(new Challenge.ReplacedCode(entry.substring(0, at), Instant.ofEpochMilli(Long.parseLong(entry.substring(at + 1)))));
            }
            catch (NumberFormatException e) {
                // Not a time this release writes: passed over, as above.
            }
        }
        return List.copyOf(read);
    }
}
