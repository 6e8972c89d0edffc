package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.challenge.Challenge;
import io.seatguard.core.challenge.ChallengeRules;
import io.seatguard.core.evaluation.ConsumeOutcome;
import io.seatguard.core.evaluation.DeletedSinceRead;
import io.seatguard.core.evaluation.DeviceClaimConflict;
import io.seatguard.core.net.IpAddresses;
import io.seatguard.core.identity.BlockingKey;
import io.seatguard.core.evaluation.DeviceInfo;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.EvaluationStore;
import io.seatguard.core.evaluation.EvaluationWrite;
import io.seatguard.core.evaluation.Touches;
import io.seatguard.core.evaluation.WriteThrottle;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.UserAgentInfo;
import io.seatguard.core.intel.Coordinates;
import io.seatguard.core.intel.Place;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.policy.EvaluationArchive;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Evaluations and the device and account rows each one touches, written in one transaction.
 *
 * <p>Upserts use {@code INSERT … ON CONFLICT … DO UPDATE}, which SQLite (3.24+) and PostgreSQL (9.5+)
 * spell the same way. Last-seen times only move forward, so importing older history (server-mode
 * {@code timestamp}) never makes a device look older than it is.
 */
public final class SqlEvaluationStore implements EvaluationStore, EvaluationArchive {
    static final int ARCHIVE_PAGE = 200;
    // The account upserts, built once: formatting them on every write showed up in the writer's profile.
    /** Its update locks the account's row as {@link AccountRowLock} holds it: an erasure's delete waits for it. */
    private static final String UPSERT_USER = "INSERT INTO users (app_id, id, first_seen, last_seen) VALUES (?, ?, ?, ?) ON CONFLICT (app_id, id) DO UPDATE SET"
            + widenSeen("users");
    /**
     * The row of an account the evaluation was judged with ({@link EvaluationWrite#accountKnown}), when the
     * throttle says its times moved: widened as {@link #UPSERT_USER} does, but never made again, so that its
     * count says whether the account is still there. Its update holds the row as the upsert's does.
     */
    private static final String WIDEN_KNOWN_USER = "UPDATE users SET first_seen = CASE WHEN ? < first_seen THEN ? ELSE first_seen END,"
            + " last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END WHERE app_id = ? AND id = ?";
    private static final String UPSERT_USER_IP = "INSERT INTO user_ips (app_id, user_id, ip, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (app_id, user_id, ip) DO UPDATE SET" + widenSeen("user_ips");
    /** A vouched evaluation marks the row vouched (V44), and nothing unmarks it (Seen.vouched). */
    private static final String UPSERT_USER_FINGERPRINT = "INSERT INTO user_fingerprints (app_id, user_id, fingerprint_id, first_seen, last_seen, vouched)"
            + " VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (app_id, user_id, fingerprint_id) DO UPDATE SET" + widenSeen("user_fingerprints") + ","
            + " vouched = CASE WHEN excluded.vouched = 1 THEN 1 ELSE user_fingerprints.vouched END";
    /** The account among the device's accounts (V46); a vouched evaluation marks it vouched, and nothing unmarks it. */
    private static final String UPSERT_DEVICE_USER = "INSERT INTO device_users (app_id, user_id, device_id, first_seen, last_seen, vouched)"
            + " VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (app_id, user_id, device_id) DO UPDATE SET" + widenSeen("device_users") + ","
            + " vouched = CASE WHEN excluded.vouched = 1 THEN 1 ELSE device_users.vouched END";
    /**
     * A login attaches again only if it is not older than the logout (SqlDeviceLinks.detach); an attach
     * that lands marks the link vouched when it is, and nothing unmarks it (LinkedDevice.vouched).
     */
    private static final String ATTACH_LANDS = "excluded.status = '" + LinkStatus.ATTACHED.wireName() + "'"
            + " AND (user_devices.detached_at IS NULL OR excluded.last_seen >= user_devices.detached_at)";
    static final String UPSERT_USER_DEVICE = "INSERT INTO user_devices (app_id, user_id, device_id, status, first_seen, last_seen, vouched)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (app_id, user_id, device_id) DO UPDATE SET" + widenSeen("user_devices") + ","
            + " status = CASE WHEN " + ATTACH_LANDS + " THEN excluded.status ELSE user_devices.status END,"
            + " vouched = CASE WHEN " + ATTACH_LANDS + " AND excluded.vouched = 1 THEN 1 ELSE user_devices.vouched END";

    /**
     * How stale a (account, country) row's last_seen may become: it is rewritten only when an evaluation
     * is later by more than this (or earlier than its first_seen), so most evaluations of a known country
     * leave the row, and its page, alone. The account's latest event in that country is therefore within
     * this after last_seen (SqlActivityReader reads the exact time there when it needs it).
     */
    static final long COUNTRY_SEEN_RESOLUTION_MILLIS = WriteThrottle.RESOLUTION.toMillis();
    /**
     * A vouched evaluation also moves the row's vouched_last_seen (V39), as last_seen moves: forward only,
     * and only when it is later by more than the resolution (or was never set); an unsigned one (NULL)
     * leaves it.
     */
    private static final String UPSERT_USER_COUNTRY = "INSERT INTO user_countries (app_id, user_id, country, first_seen, last_seen, vouched_last_seen)"
            + " VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (app_id, user_id, country) DO UPDATE SET" + widenSeen("user_countries") + ","
            + " vouched_last_seen = CASE WHEN excluded.vouched_last_seen > COALESCE(user_countries.vouched_last_seen, -1)"
            + " THEN excluded.vouched_last_seen ELSE user_countries.vouched_last_seen END"
            + " WHERE excluded.first_seen < user_countries.first_seen OR excluded.last_seen > user_countries.last_seen + " + COUNTRY_SEEN_RESOLUTION_MILLIS
            + " OR (excluded.vouched_last_seen IS NOT NULL AND (user_countries.vouched_last_seen IS NULL"
            + " OR excluded.vouched_last_seen > user_countries.vouched_last_seen + " + COUNTRY_SEEN_RESOLUTION_MILLIS + "))";

    /**
     * Whether an (account, country) row with these times already records an evaluation at {@code at} as
     * closely as it is kept: the negation of {@link #UPSERT_USER_COUNTRY}'s condition, kept beside it, so
     * that a reader's "no write needed" means exactly "the upsert would change nothing".
     *
     * @param vouchedLastSeen the row's vouched_last_seen, empty when NULL
     * @param vouched whether the evaluation at {@code at} is vouched for (it then writes vouched_last_seen too)
     */
    static boolean countryRowCovers(long firstSeen, long lastSeen, java.util.OptionalLong vouchedLastSeen, long at, boolean vouched) {
        return at >= firstSeen && at <= lastSeen + COUNTRY_SEEN_RESOLUTION_MILLIS
                && (!vouched || vouchedLastSeen.isPresent() && at <= vouchedLastSeen.getAsLong() + COUNTRY_SEEN_RESOLUTION_MILLIS);
    }

    private final SqlDatabase database;
    /** The limits the server's challenges run under: opening one settles the spent ones it overrides ({@link SqlChallengeStore#open}). */
    private final ChallengeRules challengeRules;
    /** {@link AccountRowLock#ensureAndHold} for this database. */
    private final String ensureUser;
    /** {@link #insertEvaluationOfStoredDevice} for this database. */
    private final String insertOfStoredDevice;

    /** With {@link ChallengeRules#DEFAULTS}; a server passes the rules it was configured with. */
    public SqlEvaluationStore(SqlDatabase database) {
        this(database, ChallengeRules.DEFAULTS);
    }

    public SqlEvaluationStore(SqlDatabase database, ChallengeRules challengeRules) {
        this.database = requireNonNull(database, "database is null");
        this.challengeRules = requireNonNull(challengeRules, "challengeRules is null");
        this.ensureUser = AccountRowLock.ensureAndHold(database.kind());
        this.insertOfStoredDevice = insertEvaluationOfStoredDevice(database.kind());
    }

    @Override
    public void record(EvaluationWrite write) {
        write(write);
    }

    /**
     * What a write settled that its caller cannot tell from the write alone.
     *
     * @param fingerprintClaimed the device is new and its fingerprint became its own: nobody held it
     *     when the write ran. Fingerprint rows never move or go, so this stays true; the embedded store's
     *     cache keeps it ({@link AccountStateCache#record}) instead of asking again on the device's
     *     next visit.
     */
    record Written(boolean fingerprintClaimed) {}

    /** {@link #record}, saying what the write settled. */
    Written write(EvaluationWrite write) {
        // Encode the document and the network on the caller's thread: the writer thread is the one serial
        // step of every evaluation.
        String document = StorageJson.write(EvaluationDocumentMapper.toDocument(write.evaluation()));
        String network = IpAddresses.parse(write.evaluation().publicIp().address()).map(IpAddresses::network).orElse(null);
        // The device, account and evaluation rows are queued with those of the batch's other evaluations and
        // written in one order, table by table and key by key (OrderedWrites), the account's patterns after
        // them by account and pattern: two nodes' batches never take them in opposite orders. What follows
        // (the checks of their counts, the challenge, the webhook messages) runs in the order of the accounts,
        // and within an account of the devices: opening a challenge ends the account's open ones on that
        // device, and two batches that took two devices' in opposite orders deadlocked (PostgresBatchLockOrderTest).
        // Within a device, by the challenge's account key: opening one takes a lock on it (ChallengeOpeningLock),
        // and signups' challenges, keyed by email, all fall under the empty account.
        String order = write.evaluation().appId() + '\u0000' + write.userId().orElse("") + '\u0000' + write.evaluation().device().id()
                + '\u0000' + write.challenge().map(Challenge::accountKey).orElse("");
        return database.writeOrdered(order, writes -> {
            // The account's row before any other (AccountRowLock; USERS is the first table), the device's among
            // them: an erasure on another node deletes the account's row and then its devices, and neither must
            // hold what the other waits for.
            StillThere account = write.userId().isPresent() ? writeUser(writes, write, write.userId().get()) : StillThere.NOT_ASKED;
            DeviceCounts device = writeDevice(writes, write);
            if (write.userId().isPresent()) {
                writeAccount(writes, write, write.userId().get());
            }
            StillThere named = insertEvaluation(writes, write, document, network, insertOfStoredDevice);
            if (write.userId().isPresent()) {
                observePatterns(writes, write, write.userId().get());
            }
            return connection -> {
                device.check();
                account.check();
                named.check();
                Written written = new Written(write.device().isNew() && device.fingerprintInsert() != null && device.fingerprintInsert().get() == 1);
                // The rarer writes below run their own statements, after the ones above.
                if (write.challenge().isPresent()) {
                    SqlChallengeStore.open(connection, database.kind(), challengeRules, write.challenge().get());
                }
                for (io.seatguard.core.webhook.OutboxEvent event : write.events()) {
                    SqlOutbox.enqueue(connection, event);
                }
                return written;
            };
        });
    }

    /**
     * Keeps when the device had last been seen (V18): read before this write touches the device row, and
     * NULL for a token that creates its device, whose row is written after it. Also NULL when the device
     * was last seen after the token's first sighting (imported history): when it had been seen before
     * then is not kept, and a later sighting would make the token a companion of its device for good
     * (DeviceToken.joinedWithin), never separable as a second install.
     */
    private static final String INSERT_TOKEN = "INSERT INTO device_tokens (app_id, token_hash, device_id, created_at, last_seen, browser_major,"
            + " device_seen_at_join) VALUES (?, ?, ?, ?, ?, ?, (SELECT last_seen FROM devices WHERE app_id = ? AND id = ? AND last_seen <= ?))"
            + " ON CONFLICT (app_id, token_hash) DO NOTHING";
    /**
     * Written only when the version changed or the sighting is a day newer: last_seen is exact to a day,
     * far finer than the 30 days it is read over, and an unchanged row costs the writer no page. A
     * version only moves forward in time: an imported older event does not overwrite a later sighting.
     */
    private static final String TOUCH_TOKEN = "UPDATE device_tokens SET last_seen = ?, browser_major = COALESCE(?, browser_major)"
            + " WHERE app_id = ? AND token_hash = ? AND (last_seen IS NULL OR (last_seen <= ?"
            + " AND (last_seen < ? OR COALESCE(browser_major, -1) <> COALESCE(?, browser_major, -1))))";
    /** A known device's row: its times, its type as {@code DeviceType.kept} says, and its browser and OS where they are unknown. */
    private static final String TOUCH_DEVICE = "UPDATE devices SET last_seen = CASE WHEN last_seen < ? THEN ? ELSE last_seen END,"
            + " first_seen = CASE WHEN first_seen > ? THEN ? ELSE first_seen END,"
            + " type = CASE WHEN type = 'unknown' OR (type = 'computer' AND ? = 'tablet') THEN ? ELSE type END,"
            + " browser = CASE WHEN ? = 'unknown' OR browser <> 'unknown' THEN browser ELSE ? END,"
            + " os = CASE WHEN ? = 'unknown' OR os <> 'unknown' THEN os ELSE ? END WHERE app_id = ? AND id = ?";
    /** The same, renaming its browser and OS after the reading of the device's own token. */
    private static final String TOUCH_DEVICE_RENAMING = "UPDATE devices SET last_seen = CASE WHEN last_seen < ? THEN ? ELSE last_seen END,"
            + " first_seen = CASE WHEN first_seen > ? THEN ? ELSE first_seen END,"
            + " type = CASE WHEN type = 'unknown' OR (type = 'computer' AND ? = 'tablet') THEN ? ELSE type END,"
            + " browser = CASE WHEN ? = 'unknown' THEN browser ELSE ? END,"
            + " os = CASE WHEN ? = 'unknown' THEN os ELSE ? END WHERE app_id = ? AND id = ?";
    /** A token that proved to be another install's goes to that install's new device (DeviceResolver.separate). */
    private static final String MOVE_TOKEN = "UPDATE device_tokens SET device_id = ?, last_seen = ?, browser_major = COALESCE(?, browser_major)"
            + " WHERE app_id = ? AND token_hash = ? AND device_id = ?";
    private static final long TOKEN_SEEN_RESOLUTION_MILLIS = java.time.Duration.ofDays(1).toMillis();

    /**
     * Whether the device's token or fingerprint went where the resolver meant it to: a count of its
     * statement, known once it has run, and checked then. A token another request claimed or moved
     * meanwhile, or a fingerprint another device claimed since resolution found it free, fails the write
     * with {@link DeviceClaimConflict} (the evaluation is then resolved again); the rows written with it in
     * the same transaction go with it.
     */
    private record DeviceClaim(UpdateCount count, boolean conflictIfNone, String reason) {
        static final DeviceClaim NONE = new DeviceClaim(null, false, "");

        void check() {
            if (conflictIfNone && count.get() == 0) {
                throw new DeviceClaimConflict(reason);
            }
        }
    }

    /**
     * The counts of the device's statements that are read once they have run: the token's claim, the
     * fingerprint's, and the fingerprint's insert ({@code null} when none was made).
     */
    private record DeviceCounts(DeviceClaim token, DeviceClaim fingerprint, UpdateCount fingerprintInsert) {
        static final DeviceCounts NONE = new DeviceCounts(DeviceClaim.NONE, DeviceClaim.NONE, null);

        void check() {
            token.check();
            fingerprint.check();
        }
    }

    private static DeviceCounts writeDevice(OrderedWrites writes, EvaluationWrite write) {
        DeviceResolution device = write.device();
        if (!device.isKnownDevice()) {
            return DeviceCounts.NONE;
        }
        Evaluation evaluation = write.evaluation();
        String appId = evaluation.appId();
        DeviceInfo info = evaluation.device();
        long at = evaluation.createdAt().toEpochMilli();
        // A mapping the device was just found by exists already; any other is claimed if nobody holds it.
        // Tokens first: a joining token keeps when its device was last seen, before the row below moves it.
        Integer major = write.browserMajor() == UserAgentInfo.UNKNOWN_VERSION ? null : write.browserMajor();
        DeviceClaim claim = DeviceClaim.NONE;
        OrderedWrites.Row token = OrderedWrites.Row.of(OrderedWrites.Table.DEVICE_TOKENS, appId, device.tokenHash().orElse(""));
        OrderedWrites.Row deviceRow = OrderedWrites.Row.of(OrderedWrites.Table.DEVICES, appId, device.deviceId());
        if (device.separatedFrom().isPresent()) {
            // Only if the token is still where the resolver found it: a concurrent request may have moved it.
            claim = new DeviceClaim(writes.update(token, MOVE_TOKEN, device.deviceId(), at, major, appId, device.tokenHash().orElseThrow(),
                    device.separatedFrom().get()), true, "token no longer belongs to the device it was separated from");
        }
        else if (device.tokenHash().isPresent() && device.matchedBy() != DeviceResolution.MatchKind.TOKEN) {
            claim = new DeviceClaim(writes.update(token, INSERT_TOKEN, appId, device.tokenHash().get(), device.deviceId(), at, at, major, appId,
                    device.deviceId(), at), device.isNew(), "token already belongs to another device");
        }
        else if (device.tokenHash().isPresent() && write.touches().device()) {
            // The token's latest sighting and version ride on the device row's throttle: once per WriteThrottle.RESOLUTION at most.
            writes.update(token, TOUCH_TOKEN, at, major, appId, device.tokenHash().get(), at, at - TOKEN_SEEN_RESOLUTION_MILLIS, major);
        }
        if (device.isNew()) {
            // Let in now by an allowed signup without an account (Touches.deviceLetIn); else new to the app until
            // one, a passed challenge or an account's link lets it in.
            writes.update(deviceRow, "INSERT INTO devices (app_id, id, type, browser, os, first_seen, last_seen, let_in_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    appId, device.deviceId(), info.type().wireName(), info.browser(), info.os(), at, at,
                    write.attachDevice() && write.touches().deviceLetIn() ? at : null);
        }
        else if (write.touches().device()) {
            String type = info.type().wireName();
            // Only a user agent we could classify may rename the device's browser and OS: a backend call
            // without one must not turn a known iPhone into "unknown". And only one that came with the
            // device's own token (DeviceResolution.renamesDevice); any other fills in an unknown reading only.
            writes.update(deviceRow, device.renamesDevice() ? TOUCH_DEVICE_RENAMING : TOUCH_DEVICE,
                    at, at, at, at, type, type, type, info.browser(), type, info.os(), appId, device.deviceId());
        }
        if (!device.isNew() && write.attachDevice() && write.touches().deviceLetIn()) {
            // Its first allowed signup without an account (DeviceDirectory.wasLetIn): rare, so a statement of its own.
            writes.update(deviceRow, "UPDATE devices SET let_in_at = ? WHERE app_id = ? AND id = ? AND (let_in_at IS NULL OR let_in_at > ?)",
                    at, appId, device.deviceId(), at);
        }
        UpdateCount inserted = null;
        DeviceClaim fingerprintClaim = DeviceClaim.NONE;
        // Set when only the fingerprint's insert can tell whether the components are written.
        java.util.function.BooleanSupplier componentsIf = null;
        if (device.fingerprintId().isPresent() && device.matchedBy() != DeviceResolution.MatchKind.EXACT_FINGERPRINT) {
            boolean components = !write.components().isEmpty();
            if (!device.fingerprintHeld()) {
                // A fingerprint stays with the device that showed it first; later devices with the same
                // components (identical machines of a common model) do not steal it, which would merge them.
                // Skipped when resolution saw it held: most evaluations come with their device's own token
                // and fingerprint, and the claim would find it taken (and on PostgreSQL cost a round trip).
                inserted = writes.update(OrderedWrites.Row.of(OrderedWrites.Table.DEVICE_FINGERPRINTS, appId, device.fingerprintId().get()),
                        "INSERT INTO device_fingerprints (app_id, fingerprint_id, device_id, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)"
                                + " ON CONFLICT (app_id, fingerprint_id) DO NOTHING",
                        appId, device.fingerprintId().get(), device.deviceId(), at, at);
                // A new device here was made because resolution found nobody holding the fingerprint. If
                // somebody holds it now, a concurrent request with these components (most likely another
                // tab of this browser, perhaps on another node) made its device meanwhile: resolved again,
                // this one resolves as it would have one request later (usually to that device). A
                // look-alike that resolution saw holding it and kept apart (DeviceResolver.settle) comes
                // with fingerprintHeld and claims nothing.
                fingerprintClaim = new DeviceClaim(inserted, device.isNew(), "fingerprint claimed by another device since it was looked up");
                if (components && !device.isNew() && !device.replacesComponents()) {
                    // Only the insert's count tells whether this device showed the fingerprint first: read when
                    // the components' turn comes (their table is written after the fingerprints').
                    UpdateCount claimed = inserted;
                    componentsIf = () -> claimed.get() == 1;
                }
            }
            else {
                // Held by a device already: the components are this device's latest only if it is new or
                // resolution says they replace its stored ones.
                components = components && (device.isNew() || device.replacesComponents());
            }
            if (components) {
                // Components this device never showed before (or that an identical unit showed first): keep
                // them as its latest, for fuzzy matching.
                // Encoded here, not up front: most evaluations show a fingerprint their device already has.
                String encoded = StorageJson.write(new java.util.TreeMap<>(write.components()));
                writes.updateIf(OrderedWrites.Row.of(OrderedWrites.Table.DEVICE_COMPONENTS, appId, device.deviceId()), componentsIf,
                        "INSERT INTO device_components (app_id, device_id, components, updated_at, blocking_key) VALUES (?, ?, ?, ?, ?)"
                                + " ON CONFLICT (app_id, device_id) DO UPDATE SET components = excluded.components, updated_at = excluded.updated_at,"
                                + " blocking_key = excluded.blocking_key WHERE device_components.updated_at <= excluded.updated_at",
                        appId, device.deviceId(), encoded, at, BlockingKey.of(write.components()).orElse(null));
            }
        }
        return new DeviceCounts(claim, fingerprintClaim, inserted);
    }

    /**
     * Whether a row the evaluation was judged with is still there, told by the count of a statement once it
     * has run: a write that finds it gone fails with {@link DeletedSinceRead} (the evaluation is then judged
     * again), and the rows written with it in the same transaction go with it.
     */
    private record StillThere(UpdateCount count, int countIfThere, String reason) {
        static final StillThere NOT_ASKED = new StillThere(null, 0, "");

        void check() {
            if (count != null && count.get() != countIfThere) {
                throw new DeletedSinceRead(reason);
            }
        }
    }

    /**
     * The account's row, held against its erasure to the end of the transaction ({@link AccountRowLock}).
     * When the throttle spares the row it is still made sure of: an erasure that committed after this
     * evaluation read the account would otherwise leave the evaluation (and its IP and country rows) under
     * an account that answers 404, so that it could neither be seen nor erased again.
     *
     * <p>An account the evaluation was judged with ({@link EvaluationWrite#accountKnown}) must still be
     * there: made again, it would hold an evaluation that says {@code is_new_user: false} for an account
     * that is new, judged by the devices, IPs and countries the erasure deleted. The statement's count says
     * whether it was ({@link StillThere}).
     */
    private StillThere writeUser(OrderedWrites writes, EvaluationWrite write, String user) {
        String appId = write.evaluation().appId();
        OrderedWrites.Row row = OrderedWrites.Row.of(OrderedWrites.Table.USERS, appId, user);
        long at = write.evaluation().createdAt().toEpochMilli();
        String gone = "the account was erased after the evaluation read it";
        if (write.touches().user() && write.accountKnown()) {
            return new StillThere(writes.update(row, WIDEN_KNOWN_USER, at, at, at, at, appId, user), 1, gone);
        }
        if (write.touches().user()) {
            writes.update(row, UPSERT_USER, appId, user, at, at);
            return StillThere.NOT_ASKED;
        }
        // Counts 1 only when it made the row again.
        UpdateCount made = writes.update(row, ensureUser, appId, user, appId, user, at, at);
        return write.accountKnown() ? new StillThere(made, 0, gone) : StillThere.NOT_ASKED;
    }

    /** The rows under the account besides its own ({@link #writeUser}, written first). */
    private static void writeAccount(OrderedWrites writes, EvaluationWrite write, String user) {
        Evaluation evaluation = write.evaluation();
        Touches touches = write.touches();
        String appId = evaluation.appId();
        long at = evaluation.createdAt().toEpochMilli();
        if (touches.ip()) {
            // Under the address's key, as SqlAccountReader reads it: an IPv6 address's /64.
            String ipKey = io.seatguard.core.account.AccountIpKey.of(evaluation.publicIp().address());
            writes.update(OrderedWrites.Row.of(OrderedWrites.Table.USER_IPS, appId, user, ipKey), UPSERT_USER_IP, appId, user, ipKey, at, at);
        }
        DeviceResolution device = write.device();
        if (touches.fingerprint() && device.fingerprintId().isPresent()) {
            writes.update(OrderedWrites.Row.of(OrderedWrites.Table.USER_FINGERPRINTS, appId, user, device.fingerprintId().get()), UPSERT_USER_FINGERPRINT, appId, user, device.fingerprintId().get(), at, at,
                    write.vouched() ? 1 : 0);
        }
        if (touches.deviceLink() && device.isKnownDevice()) {
            // Not attaching, a new link is a logout carried to a token separated from a logged-out device:
            // that device id was never let in, so it is refused (still new to the account), whatever the
            // origin's status; an existing link keeps its status (UPSERT_USER_DEVICE).
            writes.update(OrderedWrites.Row.of(OrderedWrites.Table.USER_DEVICES, appId, user, device.deviceId()), UPSERT_USER_DEVICE, appId, user, device.deviceId(),
                    write.attachDevice() ? LinkStatus.ATTACHED.wireName() : LinkStatus.REFUSED.wireName(), at, at, write.attachesVouched() ? 1 : 0);
        }
        if (touches.deviceUser() && device.isKnownDevice()) {
            writes.update(OrderedWrites.Row.of(OrderedWrites.Table.DEVICE_USERS, appId, user, device.deviceId()), UPSERT_DEVICE_USER, appId, user,
                    device.deviceId(), at, at, write.vouched() ? 1 : 0);
        }
        Optional<String> country = write.place().country();
        if (country.isPresent() && touches.country()) {
            // Skipped when the activity read found the row current; the statement's own condition keeps it
            // exact when two evaluations of the account race, or a reader could not tell.
            writes.update(OrderedWrites.Row.of(OrderedWrites.Table.USER_COUNTRIES, appId, user, country.get()), UPSERT_USER_COUNTRY, appId, user, country.get(), at, at, write.vouched() ? at : null);
        }
    }

    /**
     * The account's patterns, each a step of its own on its row (read, then upserted), so that the batch's
     * writes take those rows in one order too. Before, a batch with two evaluations of one account that
     * moved two patterns took their rows in its own order.
     */
    private static void observePatterns(OrderedWrites writes, EvaluationWrite write, String user) {
        String appId = write.evaluation().appId();
        Instant at = write.evaluation().createdAt();
        for (io.seatguard.core.pattern.PatternObservation observation : write.patterns()) {
            writes.then(OrderedWrites.Row.of(OrderedWrites.Table.ACCOUNT_PATTERNS, appId, user, observation.kind().wireName()),
                    connection -> SqlPatterns.observe(connection, appId, user, List.of(observation), at));
        }
    }

    /** " first_seen = the earlier, last_seen = the later" of the stored row and the new one. */
    private static String widenSeen(String table) {
        return " first_seen = CASE WHEN excluded.first_seen < %1$s.first_seen THEN excluded.first_seen ELSE %1$s.first_seen END,".formatted(table)
                + " last_seen = CASE WHEN excluded.last_seen > %1$s.last_seen THEN excluded.last_seen ELSE %1$s.last_seen END".formatted(table);
    }

    private static final String EVALUATION_COLUMNS = "INSERT INTO evaluations (app_id, id, user_id, action, verdict, device_id, ip, created_at,"
            + " consumed_at, document, country, latitude, longitude, accuracy_km, network, vouched)";
    private static final String INSERT_EVALUATION = EVALUATION_COLUMNS + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * The same row, only while its device's row is there: see {@link #insertEvaluation}. On PostgreSQL the
     * device's row is held ({@code FOR KEY SHARE}) to the commit, so that another node's cleanup deciding
     * whether the device goes waits for this write and sees it (SqlDeviceCleanup).
     */
    private static String insertEvaluationOfStoredDevice(DatabaseKind kind) {
        return EVALUATION_COLUMNS + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?"
                + " WHERE EXISTS (SELECT 1 FROM devices WHERE app_id = ? AND id = ?" + (kind == DatabaseKind.POSTGRESQL ? " FOR KEY SHARE" : "") + ")";
    }

    /**
     * The evaluation's row. One naming a device the evaluation found stored ({@link DeviceResolution#isKnownDevice},
     * not new) is inserted only while that device's row is there, and the count says whether it was
     * ({@link StillThere}): an erasure (or retention) that deleted the device after the evaluation found it
     * would otherwise leave an evaluation naming a device no call can reach, with no link to it, that the
     * browser's next visit never finds again. A device made by this write is inserted before it.
     * {@code vouched}: whether the evaluation counts in the history a vouched evaluation is judged by (V39).
     */
    private static StillThere insertEvaluation(OrderedWrites writes, EvaluationWrite write, String document, String network, String insertOfStoredDevice) {
        Evaluation evaluation = write.evaluation();
        Place place = write.place();
        Optional<Coordinates> point = place.coordinates();
        Object[] row = {evaluation.appId(), evaluation.id(), evaluation.user().id().orElse(null), evaluation.action(),
                evaluation.verdict().wireName(), evaluation.device().id(), evaluation.publicIp().address(), evaluation.createdAt().toEpochMilli(),
                document, place.country().orElse(null), point.map(Coordinates::latitude).orElse(null), point.map(Coordinates::longitude).orElse(null),
                point.map(Coordinates::accuracyKm).orElse(null), network, write.vouched() ? 1 : 0};
        DeviceResolution device = write.device();
        OrderedWrites.Row key = OrderedWrites.Row.of(OrderedWrites.Table.EVALUATIONS, evaluation.appId(), evaluation.id());
        if (!device.isKnownDevice() || device.isNew()) {
            writes.update(key, INSERT_EVALUATION, row);
            return StillThere.NOT_ASKED;
        }
        // The row's values, then the device the probe looks for.
        Object[] parameters = java.util.Arrays.copyOf(row, row.length + 2);
        parameters[row.length] = evaluation.appId();
        parameters[row.length + 1] = device.deviceId();
        return new StillThere(writes.update(key, insertOfStoredDevice, parameters), 1, "the device was deleted after the evaluation found it");
    }

    /**
     * The archive's read: evaluations created in {@code [from, to)} (their {@code created_at}, an imported
     * one's own time), the most recently stored first, below an id. Walked on the primary key: an id holds
     * the time its evaluation was stored, never before its {@code created_at} (imported history is at most
     * 30 days old and never ahead of the node's clock, and a live evaluation is stamped before its id is
     * made), so every evaluation created in the window lies in the ids stored since {@code from}, and
     * {@code created_at} leaves out the history imported then but created earlier. Found in review: the ids
     * alone chose, and an evaluation imported now but stamped 20 days ago was replayed by {@code ?days=1}.
     * The ids are not bounded by {@code to}: history created before it may be stored after it (a backtest's
     * {@code to} is now, so nothing is). No index on {@code (app_id, created_at)} is needed
     * (SqliteStorageContractTest and PostgresStorageContractTest hold the plan to the primary key).
     */
    static final String ARCHIVE_READ = "SELECT consumed_at, document, id FROM evaluations"
            + " WHERE app_id = ? AND id >= ? AND id < ? AND created_at >= ? AND created_at < ? ORDER BY id DESC LIMIT ?";
    /** Above every id, where {@link #ARCHIVE_READ}'s first page starts. */
    private static final String ABOVE_EVERY_ID = IdGenerator.lowerBound(Instant.MAX);

    /** Evaluations created in {@code [from, to)}, the most recently stored first ({@link #ARCHIVE_READ}). */
    @Override
    public List<Evaluation> between(String appId, Instant from, Instant to, int limit) {
        return database.read(connection -> JdbcRunner.queryList(connection, ARCHIVE_READ, row -> evaluation(appId, row.getString(3), row), appId,
                IdGenerator.lowerBound(from), ABOVE_EVERY_ID, from.toEpochMilli(), to.toEpochMilli(), limit));
    }

    /**
     * The same evaluations a page at a time ({@value #ARCHIVE_PAGE}, each page below the last id read), so
     * a backtest holds one page of documents rather than ten thousand; on PostgreSQL a single query's rows
     * would all be fetched at once.
     */
    @Override
    public void forEachBetween(String appId, Instant from, Instant to, int limit, Consumer<Evaluation> each) {
        forEachBetween(appId, from, to, limit, ARCHIVE_PAGE, each);
    }

    void forEachBetween(String appId, Instant from, Instant to, int limit, int page, Consumer<Evaluation> each) {
        String lowest = IdGenerator.lowerBound(from);
        String below = ABOVE_EVERY_ID;
        for (int left = limit; left > 0; ) {
            int asked = Math.min(page, left);
            String under = below;
            // A backtest reads page after page: on the scans' connections, not on those of requests.
            List<Evaluation> read = database.scan(connection -> JdbcRunner.queryList(connection, ARCHIVE_READ,
                    row -> evaluation(appId, row.getString(3), row), appId, lowest, under, from.toEpochMilli(), to.toEpochMilli(), asked));
            read.forEach(each);
            if (read.size() < asked) {
                return;
            }
            left -= read.size();
            below = read.getLast().id();
        }
    }

    @Override
    public Optional<Evaluation> find(String appId, String evaluationId) {
        return database.read(connection -> select(connection, appId, evaluationId));
    }

    @Override
    public ConsumeOutcome consume(String appId, String evaluationId, Instant at) {
        return database.write(connection -> {
            int won = JdbcRunner.update(connection,
                    "UPDATE evaluations SET consumed_at = ? WHERE app_id = ? AND id = ? AND consumed_at IS NULL", at.toEpochMilli(), appId, evaluationId);
            Optional<Evaluation> evaluation = select(connection, appId, evaluationId);
            if (evaluation.isEmpty()) {
                return new ConsumeOutcome.NotFound();
            }
            return won == 1 ? new ConsumeOutcome.Consumed(evaluation.get()) : new ConsumeOutcome.AlreadyConsumed();
        });
    }

    private static Optional<Evaluation> select(Connection connection, String appId, String evaluationId) throws SQLException {
        return JdbcRunner.queryOne(connection, "SELECT consumed_at, document FROM evaluations WHERE app_id = ? AND id = ?",
                row -> evaluation(appId, evaluationId, row), appId, evaluationId);
    }

    private static Evaluation evaluation(String appId, String id, ResultSet row) throws SQLException {
        long consumedAt = row.getLong(1);
        Optional<Instant> consumed = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(consumedAt));
        return EvaluationDocumentMapper.toDomain(appId, id, consumed, StorageJson.read(row.getString(2), EvaluationDocument.class));
    }
}
