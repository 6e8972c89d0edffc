package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A stored policy of one app. */
public record Policy(String id, String appId, PolicyDefinition definition, Instant createdAt, Instant updatedAt) {
    public Policy {
        requireNonNull(id, "id is null");
        requireNonNull(appId, "appId is null");
        requireNonNull(definition, "definition is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
