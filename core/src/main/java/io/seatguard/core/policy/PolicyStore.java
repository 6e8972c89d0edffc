package io.seatguard.core.policy;

import java.util.List;
import java.util.Optional;

/**
 * Where an app's policies are kept. Every call is scoped to one app: another app's id is simply not
 * found. Every change to an app's policies or lists moves its {@link #version}.
 */
public interface PolicyStore {
    /** A counter that moves with every change to the app's policies or lists; 0 before the first. */
    long version(String appId);

    /** Stores a new policy if the app's version is still {@code expectedVersion}; never {@link VersionedWrite#REFUSED}. */
    VersionedWrite create(Policy policy, long expectedVersion);

    /**
     * Replaces the definition of an existing policy if the app's version is still {@code expectedVersion};
     * {@link VersionedWrite#REFUSED} when the app has no such policy.
     */
    VersionedWrite update(Policy policy, long expectedVersion);

    boolean delete(String appId, String policyId);

    Optional<Policy> find(String appId, String policyId);

    /** The app's policies, oldest first. */
    List<Policy> list(String appId);
}
