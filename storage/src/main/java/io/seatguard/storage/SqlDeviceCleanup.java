package io.seatguard.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Deleting devices that nothing needs any more, each with its tokens, fingerprints and latest
 * components: a device's components are its browser's fingerprint, personal data that must not outlive
 * the account that used it (erasure) or the retention of anonymous traffic (a signup page's visitors).
 *
 * <p>A device is needed while an account links it: every account stays until it is erased, with its IPs,
 * fingerprints and countries, and its devices with it. So erasure deletes the account's devices that no
 * other account links and no other evaluation names, and retention deletes devices no account links and no
 * kept evaluation names that were last seen before its cutoff. A device the account was only challenged or denied on has no link (only an allowed evaluation
 * or a passed challenge makes one): its evaluations are all that tie it to the account, so erasure deletes
 * the devices those evaluations (and the account's challenges) named once they are gone, unless an account
 * links the device or an evaluation still names it (another account's, or one without an account: a
 * signup page's visitor, whose devices retention keeps until they are unseen since its cutoff). Each
 * statement that deletes a device checks its condition again in the same statement, and the dependent
 * rows go by the ids it returns, so a link written after the devices were chosen keeps its device.
 *
 * <p>An evaluation that resolved a device just before the device was deleted is refused when it is
 * written ({@link io.seatguard.core.evaluation.DeletedSinceRead}: its insert checks the device's row) and
 * judged again, finding the browser a new device. It used to record itself against the deleted id, with
 * no link to it, under an account an erasure had just made new again (found in review; docs/architecture.md,
 * "An evaluation is not written as judged once what it was judged with was erased").
 *
 * <p>On PostgreSQL, where another node's write can run beside the cleanup, each chunk's device rows are
 * locked ({@link #LOCK_DEVICES}) before the statement that decides which go. A write that names a device
 * holds its row ({@code FOR KEY SHARE} in the insert that checks it is there): the lock waits for that
 * write to commit, and the deciding statement, which under read committed reads as of its own start,
 * then sees the write's link or evaluation and keeps the device. Without the lock, a delete that began
 * before the write committed decided on what it saw then and deleted a device a new evaluation of
 * another account named (found in review). A write that comes after the lock finds the device gone and
 * is refused and judged again. SQLite has one writer, which runs them one after the other.
 */
final class SqlDeviceCleanup {
    /** Up to {@code ?} of an account's device links. */
    static final String ACCOUNT_LINKS = "SELECT device_id FROM user_devices WHERE app_id = ? AND user_id = ? LIMIT ?";
    /**
     * The listed devices that no account but {@code ?} links and no evaluation names: deleted, their ids
     * returned. Run after the erased account's evaluations went, so an evaluation still naming one is
     * another account's (one only challenged or denied on it, so not linked: found in review, its pass
     * then landed on a device no longer stored) or anonymous (a signup's).
     */
    static final String DEVICES_OF_NO_OTHER_ACCOUNT = "DELETE FROM devices WHERE app_id = ? AND id IN " + KeyList.KEYS
            + " AND NOT EXISTS (SELECT 1 FROM user_devices l WHERE l.app_id = devices.app_id AND l.device_id = devices.id AND l.user_id <> ?)"
            + " AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.app_id = devices.app_id AND e.device_id = devices.id)"
            + " RETURNING id";
    /**
     * The listed devices that no account links and no evaluation names: deleted, their ids returned. Run
     * after the erased account's evaluations naming them went, so an evaluation still naming one is
     * another account's or anonymous (read through {@code evaluations_by_device}).
     */
    static final String DEVICES_NOTHING_NAMES = "DELETE FROM devices WHERE app_id = ? AND id IN " + KeyList.KEYS
            + " AND NOT EXISTS (SELECT 1 FROM user_devices l WHERE l.app_id = devices.app_id AND l.device_id = devices.id)"
            + " AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.app_id = devices.app_id AND e.device_id = devices.id)"
            + " RETURNING id";
    /** The listed devices' rows, locked in id order (so two cleanups never wait on each other in a circle). */
    static final String LOCK_DEVICES = "SELECT id FROM devices WHERE app_id = ? AND id IN " + KeyList.KEYS + " ORDER BY id FOR UPDATE";
    static final String LINKS_OF_ACCOUNT = "DELETE FROM user_devices WHERE app_id = ? AND user_id = ? AND device_id IN " + KeyList.KEYS;

    /**
     * A page of an app's devices in id order (ids tell when a device was made, or nothing for older random
     * ones, never when it was last seen: retention has no age index to follow and walks them all, a page
     * per read, off the writer): each with whether no account links it, no evaluation names it, and it was
     * last seen before {@code ?}.
     */
    static final String DEVICE_PAGE = "SELECT d.id, CASE WHEN d.last_seen < ? AND NOT EXISTS"
            + " (SELECT 1 FROM user_devices l WHERE l.app_id = d.app_id AND l.device_id = d.id) AND NOT EXISTS"
            + " (SELECT 1 FROM evaluations e WHERE e.app_id = d.app_id AND e.device_id = d.id) THEN 1 ELSE 0 END"
            + " FROM devices d WHERE d.app_id = ? AND d.id > ? ORDER BY d.id LIMIT ?";
    /**
     * The listed devices that no account links, no evaluation names, and were last seen before {@code ?}:
     * deleted, their ids returned. Retention prunes evaluations first, so an evaluation still naming one is
     * kept, and its device with it, however old the device's last_seen: that lags the evaluations by up to
     * the write throttle's resolution (five minutes), and an imported evaluation ({@code timestamp}) is kept
     * by when it was recorded while it leaves last_seen at its own, older time. Found in review: such a
     * device went, and the kept evaluation named a device no call could reach (read through
     * {@code evaluations_by_device}).
     */
    static final String UNLINKED_DEVICES_SEEN_BEFORE = "DELETE FROM devices WHERE app_id = ? AND id IN " + KeyList.KEYS
            + " AND last_seen < ? AND NOT EXISTS (SELECT 1 FROM user_devices l WHERE l.app_id = devices.app_id AND l.device_id = devices.id)"
            + " AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.app_id = devices.app_id AND e.device_id = devices.id)"
            + " RETURNING id";

    /** What belongs to a deleted device, by its id. */
    private static final List<String> DEPENDENTS = List.of(
            "DELETE FROM device_tokens WHERE app_id = ? AND device_id IN " + KeyList.KEYS,
            "DELETE FROM device_fingerprints WHERE app_id = ? AND device_id IN " + KeyList.KEYS,
            "DELETE FROM device_components WHERE app_id = ? AND device_id IN " + KeyList.KEYS,
            "DELETE FROM device_users WHERE app_id = ? AND device_id IN " + KeyList.KEYS);

    private SqlDeviceCleanup() {}

    /**
     * Erasure: up to {@code limit} of the account's links go, with the devices among them that no other
     * account links. Answers how many links went, so the caller repeats while a whole batch did.
     */
    static int deleteAccountDevices(Connection connection, DatabaseKind kind, String appId, String userId, int limit) throws SQLException {
        List<String[]> linked = JdbcRunner.queryList(connection, ACCOUNT_LINKS, row -> new String[] {row.getString(1)}, appId, userId, limit);
        for (List<String[]> chunk : KeyList.chunks(linked)) {
            lockBeforeDeciding(connection, kind, appId, chunk);
            deleteDevices(connection, appId, JdbcRunner.queryList(connection, KeyList.statement(DEVICES_OF_NO_OTHER_ACCOUNT, 1, chunk.size()),
                    row -> new String[] {row.getString(1)}, KeyList.parameters(chunk, new Object[] {appId}, userId)));
            JdbcRunner.update(connection, KeyList.statement(LINKS_OF_ACCOUNT, 1, chunk.size()), KeyList.parameters(chunk, new Object[] {appId, userId}));
        }
        return linked.size();
    }

    /**
     * Erasure, in the transaction that deleted some of the account's evaluations or challenges: the devices
     * they named that nothing needs any more ({@link #DEVICES_NOTHING_NAMES}), with their tokens,
     * fingerprints and components. A device the account links is left to {@link #deleteAccountDevices},
     * whose rule (no other account links it) is the one for the account's own devices.
     */
    static void deleteDevicesNamedBy(Connection connection, DatabaseKind kind, String appId, Collection<String> deviceIds) throws SQLException {
        List<String[]> named = new TreeSet<>(deviceIds).stream().map(id -> new String[] {id}).toList();
        for (List<String[]> chunk : KeyList.chunks(named)) {
            lockBeforeDeciding(connection, kind, appId, chunk);
            deleteDevices(connection, appId, JdbcRunner.queryList(connection, KeyList.statement(DEVICES_NOTHING_NAMES, 1, chunk.size()),
                    row -> new String[] {row.getString(1)}, KeyList.parameters(chunk, new Object[] {appId})));
        }
    }

    /** A page of devices from {@link #DEVICE_PAGE}: the last id read, and the ids retention may delete. */
    record Page(int read, String lastId, List<String[]> candidates) {}

    static Page page(Connection connection, String appId, String afterId, long cutoffMillis, int limit) throws SQLException {
        List<String[]> candidates = new ArrayList<>();
        List<String> ids = JdbcRunner.queryList(connection, DEVICE_PAGE, row -> {
            String id = row.getString(1);
            if (row.getInt(2) == 1) {
                candidates.add(new String[] {id});
            }
            return id;
        }, cutoffMillis, appId, afterId, limit);
        return new Page(ids.size(), ids.isEmpty() ? afterId : ids.get(ids.size() - 1), candidates);
    }

    /** Retention: of the listed devices, those still unlinked, unnamed and last seen before the cutoff go. Answers how many. */
    static int deleteUnlinked(Connection connection, DatabaseKind kind, String appId, List<String[]> candidates, long cutoffMillis) throws SQLException {
        int deleted = 0;
        for (List<String[]> chunk : KeyList.chunks(candidates)) {
            lockBeforeDeciding(connection, kind, appId, chunk);
            List<String[]> gone = JdbcRunner.queryList(connection, KeyList.statement(UNLINKED_DEVICES_SEEN_BEFORE, 1, chunk.size()),
                    row -> new String[] {row.getString(1)}, KeyList.parameters(chunk, new Object[] {appId}, cutoffMillis));
            deleteDevices(connection, appId, gone);
            deleted += gone.size();
        }
        return deleted;
    }

    /** PostgreSQL: {@link #LOCK_DEVICES}, so that the statement after it decides on what the writes holding them wrote. */
    private static void lockBeforeDeciding(Connection connection, DatabaseKind kind, String appId, List<String[]> chunk) throws SQLException {
        if (kind == DatabaseKind.POSTGRESQL) {
            JdbcRunner.queryList(connection, KeyList.statement(LOCK_DEVICES, 1, chunk.size()), row -> row.getString(1), KeyList.parameters(chunk, new Object[] {appId}));
        }
    }

    /** The tokens, fingerprints and components of devices whose rows were just deleted. */
    private static void deleteDevices(Connection connection, String appId, List<String[]> deleted) throws SQLException {
        for (List<String[]> chunk : KeyList.chunks(deleted)) {
            Object[] parameters = KeyList.parameters(chunk, new Object[] {appId});
            for (String statement : DEPENDENTS) {
                JdbcRunner.update(connection, KeyList.statement(statement, 1, chunk.size()), parameters);
            }
        }
    }
}
