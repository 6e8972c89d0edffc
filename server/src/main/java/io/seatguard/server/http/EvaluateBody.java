package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.identity.DeviceSignals;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A syntactically valid evaluate body, before the app and client IP are settled.
 *
 * @param identitySignature the backend's signature of user, email and phone, lower-case hex; not yet checked
 * @param identityExpires   when that signature stops vouching (seconds since 1970), signed with it; only with a signature
 * @param acceptLanguage    the browser's {@code Accept-Language} as the backend passes it on (server mode only)
 */
record EvaluateBody(
        Optional<String> clientId,
        String action,
        Optional<String> user,
        Optional<String> email,
        Optional<String> phone,
        Map<String, Object> metadata,
        Optional<String> session,
        Optional<String> returnTo,
        DeviceSignals device,
        Optional<InetAddress> ip,
        Optional<String> userAgent,
        Optional<Instant> timestamp,
        Optional<String> identitySignature,
        Optional<Long> identityExpires,
        Optional<String> acceptLanguage) {
    EvaluateBody {
        requireNonNull(clientId, "clientId is null");
        requireNonNull(action, "action is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(device, "device is null");
        requireNonNull(identitySignature, "identitySignature is null");
        requireNonNull(identityExpires, "identityExpires is null");
        requireNonNull(acceptLanguage, "acceptLanguage is null");
    }
}
