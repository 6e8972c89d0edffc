package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.policy.Policy;
import io.seatguard.core.policy.PolicyStore;
import io.seatguard.core.policy.PolicyTree;
import io.seatguard.core.policy.VersionedWrite;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Policies in SQL, each kept as the JSON tree of its definition. */
public final class SqlPolicyStore implements PolicyStore {
    private static final String COLUMNS = "app_id, id, document, created_at, updated_at";

    private final SqlDatabase database;

    public SqlPolicyStore(SqlDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public long version(String appId) {
        return database.read(connection -> PolicyVersions.read(connection, appId));
    }

    @Override
    public VersionedWrite create(Policy policy, long expectedVersion) {
        return database.write(connection -> {
            if (!PolicyVersions.bumpIf(connection, policy.appId(), expectedVersion)) {
                return VersionedWrite.STALE;
            }
            JdbcRunner.update(connection, "INSERT INTO policies (app_id, id, document, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    policy.appId(), policy.id(), StorageJson.write(PolicyTree.of(policy.definition())), policy.createdAt().toEpochMilli(),
                    policy.updatedAt().toEpochMilli());
            return VersionedWrite.WRITTEN;
        });
    }

    @Override
    public VersionedWrite update(Policy policy, long expectedVersion) {
        return database.write(connection -> {
            if (!PolicyVersions.bumpIf(connection, policy.appId(), expectedVersion)) {
                return VersionedWrite.STALE;
            }
            int changed = JdbcRunner.update(connection, "UPDATE policies SET document = ?, updated_at = ? WHERE app_id = ? AND id = ?",
                    StorageJson.write(PolicyTree.of(policy.definition())), policy.updatedAt().toEpochMilli(), policy.appId(), policy.id());
            return changed == 1 ? VersionedWrite.WRITTEN : VersionedWrite.REFUSED;
        });
    }

    @Override
    public boolean delete(String appId, String policyId) {
        return database.write(connection -> {
            PolicyVersions.bump(connection, appId);
            return JdbcRunner.update(connection, "DELETE FROM policies WHERE app_id = ? AND id = ?", appId, policyId) == 1;
        });
    }

    @Override
    public Optional<Policy> find(String appId, String policyId) {
        return database.read(connection -> JdbcRunner.queryOne(connection,
                "SELECT " + COLUMNS + " FROM policies WHERE app_id = ? AND id = ?", SqlPolicyStore::policy, appId, policyId));
    }

    @Override
    public List<Policy> list(String appId) {
        return database.read(connection -> JdbcRunner.queryList(connection,
                "SELECT " + COLUMNS + " FROM policies WHERE app_id = ? ORDER BY created_at, id", SqlPolicyStore::policy, appId));
    }

    private static Policy policy(ResultSet row) throws SQLException {
        Map<?, ?> tree = StorageJson.read(row.getString("document"), Map.class);
        return new Policy(row.getString("id"), row.getString("app_id"), PolicyTree.read(tree), Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("updated_at")));
    }
}
