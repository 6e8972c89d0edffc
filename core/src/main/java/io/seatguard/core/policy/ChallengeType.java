package io.seatguard.core.policy;

import java.util.Arrays;
import java.util.Optional;

/** The hosted challenge a policy opens (CONTRACT.md "Challenges"). */
public enum ChallengeType {
    /** A code sent to the account owner by email or SMS. */
    VERIFICATION("verification"),
    /** A page where the person logs devices out until the account is within its limit. */
    DEVICE_LIMIT("device_limit");

    private final String wireName;

    ChallengeType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ChallengeType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
