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
 * @param acceptLanguage the person's language preferences as their browser's {@code Accept-Language}
 *     header states them (its own header in browser mode, the backend's {@code accept_language} in server
 *     mode), unread here: the adapter that words an owner notice picks among its languages with it
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
        IdentityProof identity,
        Optional<String> acceptLanguage) {
    /** A request whose identity nothing vouches for ({@link IdentityProof#UNSIGNED}): the least it can claim. */
    public EvaluationRequest(String appId, String action, Optional<String> userId, Optional<String> email, Optional<String> phone,
            Map<String, Object> metadata, Optional<String> sessionId, Optional<String> returnTo, DeviceSignals device, InetAddress clientIp,
            Optional<String> userAgent, Optional<Instant> timestamp) {
        this(appId, action, userId, email, phone, metadata, sessionId, returnTo, device, clientIp, userAgent, timestamp, IdentityProof.UNSIGNED);
    }

    /** A request that states no language preferences: an owner notice about it goes out in English. */
    public EvaluationRequest(String appId, String action, Optional<String> userId, Optional<String> email, Optional<String> phone,
            Map<String, Object> metadata, Optional<String> sessionId, Optional<String> returnTo, DeviceSignals device, InetAddress clientIp,
            Optional<String> userAgent, Optional<Instant> timestamp, IdentityProof identity) {
        this(appId, action, userId, email, phone, metadata, sessionId, returnTo, device, clientIp, userAgent, timestamp, identity, Optional.empty());
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
        requireNonNull(acceptLanguage, "acceptLanguage is null");
        if (!Actions.isValidName(action)) {
            throw new IllegalArgumentException("invalid action " + action);
        }
    }
}
