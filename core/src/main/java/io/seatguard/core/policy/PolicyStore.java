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

    void create(Policy policy);

    /** Replaces the definition of an existing policy; false when the app has no such policy. */
    boolean update(Policy policy);

    boolean delete(String appId, String policyId);

    Optional<Policy> find(String appId, String policyId);

    /** The app's policies, oldest first. */
    List<Policy> list(String appId);
}
