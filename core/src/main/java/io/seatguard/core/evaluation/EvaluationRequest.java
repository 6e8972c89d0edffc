package io.seatguard.core.evaluation;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.identity.DeviceSignals;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A validated evaluate request, after the HTTP edge has settled who is asking (the app), from where
 * (the client IP through trusted proxies) and when.
 *
 * @param metadata the integrator's free-form object; values are strings, numbers, booleans, null, lists and maps
 * @param timestamp the event time for imported history (server mode), else empty for "now"
 * @param identity how {@code userId}, {@code email} and {@code phone} came to be believed
 */
public record EvaluationRequest(
        String appId,
        String action,
        Optional<String> userId,
        Optional<String> email,
        Optional<String> phone,
        Map<String, Object> metadata,
        Optional<String> sessionId,
        Optional<String> returnTo,
        DeviceSignals device,
        InetAddress clientIp,
        Optional<String> userAgent,
        Optional<Instant> timestamp,
        IdentityProof identity) {
    /** A request whose identity nothing vouches for ({@link IdentityProof#UNSIGNED}): the least it can claim. */
    public EvaluationRequest(String appId, String action, Optional<String> userId, Optional<String> email, Optional<String> phone,
            Map<String, Object> metadata, Optional<String> sessionId, Optional<String> returnTo, DeviceSignals device, InetAddress clientIp,
            Optional<String> userAgent, Optional<Instant> timestamp) {
        this(appId, action, userId, email, phone, metadata, sessionId, returnTo, device, clientIp, userAgent, timestamp, IdentityProof.UNSIGNED);
    }

    public EvaluationRequest {
        requireNonNull(appId, "appId is null");
        requireNonNull(action, "action is null");
        requireNonNull(userId, "userId is null");
        requireNonNull(email, "email is null");
        requireNonNull(phone, "phone is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(returnTo, "returnTo is null");
        requireNonNull(device, "device is null");
        requireNonNull(clientIp, "clientIp is null");
        requireNonNull(userAgent, "userAgent is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(identity, "identity is null");
        if (!Actions.isValidName(action)) {
            throw new IllegalArgumentException("invalid action " + action);
        }
    }
}
