package io.seatguard.core.webhook;

import java.util.Arrays;
import java.util.Optional;

/** A delivery's status as stored and shown: still to be tried, answered 2xx, or every retry used up. */
public enum DeliveryStatus {
    PENDING("pending"),
    DELIVERED("delivered"),
    FAILED("failed");

    private final String wireName;

    DeliveryStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The status of that name, exactly as written (the API's values are lower case). */
    public static Optional<DeliveryStatus> of(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst();
    }
}
