package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.app.AppWithSecret;
import io.seatguard.core.operator.Operator;
import io.seatguard.core.setup.FirstStartPlan;
import io.seatguard.core.setup.FirstStartStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A first start's admin token, default app and first operator, stored once per store.
 *
 * <p>One write does it all. It first upserts the setting {@value #LOCK_SETTING}, which holds that row's
 * lock to the end of the transaction on PostgreSQL and SQLite alike (as V30's sign-in locks do), and
 * only then looks at what the store lacks. Nodes starting together on one PostgreSQL so take turns, and
 * under read committed a node that waited reads what the one before it committed. SQLite's single
 * writer already took them one at a time. The lock is a settings row rather than a table of its own, so
 * that it needs no migration; its value means nothing.
 */
public final class SqlFirstStartStore implements FirstStartStore {
    static final String LOCK_SETTING = "first_start_lock";
    private static final String LOCK = "INSERT INTO settings (name, value) VALUES (?, '') ON CONFLICT (name) DO UPDATE SET value = excluded.value";

    private final SqlDatabase database;

    public SqlFirstStartStore(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public FirstStartPlan storeMissing(FirstStartPlan plan) {
        if (plan.isEmpty()) {
            return plan;
        }
        return database.write(connection -> storeMissing(connection, plan));
    }

    /** The parts of {@code plan} the store lacks, stored on a connection already in a transaction. */
    static FirstStartPlan storeMissing(Connection connection, FirstStartPlan plan) throws SQLException {
        JdbcRunner.update(connection, LOCK, LOCK_SETTING);
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, String> setting : plan.settings().entrySet()) {
            if (SqlAppStore.putSettingIfAbsent(connection, setting.getKey(), setting.getValue())) {
                settings.put(setting.getKey(), setting.getValue());
            }
        }
        Optional<AppWithSecret> app = Optional.empty();
        if (plan.appIfNone().isPresent() && isEmpty(connection, "apps")) {
            app = plan.appIfNone();
            SqlAppStore.insert(connection, app.get().app(), app.get().secret());
        }
        Optional<Operator> operator = Optional.empty();
        // The email can still be taken: operators create, which takes no lock, may have made it meanwhile.
        // Only one who manages every app counts (as the last-operator rule counts): a read-only operator made
        // before the first start left nobody to add apps or operators.
        if (plan.operatorIfNone().isPresent() && isEmpty(connection, "operators WHERE app_ids IS NULL AND read_only = 0")
                && SqlOperatorStore.insert(connection, plan.operatorIfNone().get())) {
            operator = plan.operatorIfNone();
        }
        return new FirstStartPlan(settings, app, operator);
    }

    private static boolean isEmpty(Connection connection, String table) throws SQLException {
        return JdbcRunner.queryOne(connection, "SELECT COUNT(*) FROM " + table, row -> row.getLong(1)).orElseThrow() == 0;
    }
}
