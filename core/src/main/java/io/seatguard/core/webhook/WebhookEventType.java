package io.seatguard.core.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint can subscribe to (issue 6). */
public enum WebhookEventType {
    EVALUATION_CREATED("evaluation.created"),
    CHALLENGE_COMPLETED("challenge.completed"),
    CHALLENGE_FAILED("challenge.failed"),
    DEVICE_ATTACHED("device.attached"),
    DEVICE_DETACHED("device.detached"),
    PATTERN_FLAGGED("pattern.flagged"),
    USER_ACCOUNT_SHARING_SIGNAL("user.account_sharing_signal");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
