package io.seatguard.core.policy;

import java.util.List;
import java.util.Optional;

/** A policy store that passes every call to another: a test overrides the one call it wants to slow or race. */
class ForwardingPolicyStore implements PolicyStore {
    private final PolicyStore store;

    ForwardingPolicyStore(PolicyStore store) {
        this.store = store;
    }

    @Override
    public long version(String appId) {
        return store.version(appId);
    }

    @Override
    public VersionedWrite create(Policy policy, long expectedVersion) {
        return store.create(policy, expectedVersion);
    }

    @Override
    public VersionedWrite update(Policy policy, long expectedVersion) {
        return store.update(policy, expectedVersion);
    }

    @Override
    public boolean delete(String appId, String policyId) {
        return store.delete(appId, policyId);
    }

    @Override
    public Optional<Policy> find(String appId, String policyId) {
        return store.find(appId, policyId);
    }

    @Override
    public List<Policy> list(String appId) {
        return store.list(appId);
    }
}
