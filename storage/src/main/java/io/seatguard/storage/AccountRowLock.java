package io.seatguard.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How a write under an account and the account's erasure on another node keep to one order: the erasure
 * deletes the account's row first ({@link SqlAccountRecords#erase}), and the write holds that row before
 * anything else it writes under the account. An evaluation makes sure of the row ({@link #ensureAndHold});
 * a device link, a refusal or an owner notice only holds the row that is there ({@link #holdIfPresent}),
 * and writes nothing for an account that is gone.
 *
 * <p>A write that holds the row makes the erasure's delete wait until the write has committed, and the
 * erasure's later statements then see, and delete, what it wrote. A write that comes after the delete
 * waits until the erasure commits: an evaluation then makes the row again, so that its rows have an
 * account that can be seen and erased, unless it was judged with the account there, when it is refused
 * and judged again ({@link io.seatguard.core.evaluation.DeletedSinceRead}); the others find no account
 * and write nothing (docs/api.md).
 * Without the hold, under PostgreSQL's read committed, another node's write could commit after the
 * erasure's statements had looked and before the erasure committed, and leave the evaluation, its IP,
 * link, pattern and webhook messages, or a link made or refused with its message, or an owner notice,
 * under no account: answered 204, unreachable by any call, and read again by the checks of an account
 * of the same id (found in review; PostgresErasureRaceTest, PostgresErasureRaceLinksAndNoticesTest).
 * Since the erasure deletes the row before anything else, a write that holds it before anything else it
 * writes (the device's rows and links included) never holds what the erasure waits for while waiting
 * for the erasure.
 *
 * <p>The hold is {@code FOR KEY SHARE}, the lock a foreign key takes: evaluations of one account on
 * several nodes share it and never wait for one another, nor for the account row's upsert (an update
 * of no key); only a delete waits for it. SQLite has one writer, which runs an erasure and an evaluation
 * one after the other, and no row locks: there the statement is the same without the clause.
 */
final class AccountRowLock {
    private static final String LOOK = "SELECT 1 FROM users WHERE app_id = ? AND id = ?";
    private static final String LOOK_AND_HOLD = LOOK + " FOR KEY SHARE";

    private AccountRowLock() {}

    /**
     * Makes sure the account's row exists and holds it to the end of the transaction; parameters: the app
     * and the account, twice, then first and last seen for a row it makes. A row that is there is held
     * and left as it is (the throttle spared it). One another writer made after this statement looked
     * conflicts: the update that never applies ({@code WHERE 1 = 0}) still locks the row it conflicts
     * with, as PostgreSQL's {@code ON CONFLICT DO UPDATE} locks every such row, so the write holds it then
     * too. The look waits for an erasure that deleted the row and has not committed; once it has, the
     * insert makes the row again.
     */
    static String ensureAndHold(DatabaseKind kind) {
        String hold = kind == DatabaseKind.POSTGRESQL ? " FOR KEY SHARE" : "";
        return "WITH held AS (SELECT 1 FROM users WHERE app_id = ? AND id = ?" + hold + ")"
                + " INSERT INTO users (app_id, id, first_seen, last_seen) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM held)"
                + " ON CONFLICT (app_id, id) DO UPDATE SET last_seen = users.last_seen WHERE 1 = 0";
    }

    /**
     * Whether the account exists, its row then held to the end of the transaction: for a write that must
     * not make the account again (a link, a refusal, an owner notice: docs/api.md), and so writes nothing
     * when this answers false. The look waits for an erasure that deleted the row and has not committed,
     * and then finds no row; before the erasure's delete, the hold makes the delete wait for this write.
     * A plain read, as these writes made before, did neither: under read committed it still saw the row
     * of an erasure under way, and the write landed after the erasure's statements had looked
     * (PostgresErasureRaceLinksAndNoticesTest).
     */
    static boolean holdIfPresent(Connection connection, DatabaseKind kind, String appId, String userId) throws SQLException {
        return JdbcRunner.queryOne(connection, kind == DatabaseKind.POSTGRESQL ? LOOK_AND_HOLD : LOOK, row -> true, appId, userId).isPresent();
    }
}
