package io.seatguard.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.seatguard.core.error.FieldErrors;
import io.seatguard.core.identity.DeviceSignals;
import java.util.Optional;

/**
 * Validates the body of {@code POST /v3/sessions/heartbeat} and {@code /v3/sessions/end}:
 * {@code {client_id, user, session, device: {token}}}, every field named in its error.
 */
final class SessionBodyReader {
    private SessionBodyReader() {}

    /** A validated session call. */
    record SessionBody(String clientId, String user, String session, Optional<String> token) {}

    static SessionBody read(JsonNode body) {
        FieldErrors errors = new FieldErrors();
        String clientId = required(body, "client_id", 80, errors);
        if (clientId != null && !EvaluateBodyReader.CLIENT_ID.matcher(clientId).matches()) {
            errors.add("client_id", "must be a client id starting with pk_");
        }
        String user = required(body, "user", EvaluateBodyReader.MAX_USER, errors);
        if (user != null) {
            // The rule evaluate's user follows: a session of an account no evaluation could name is none.
            io.seatguard.core.account.AccountIds.fault(user).ifPresent(fault -> errors.add("user", fault));
        }
        String session = required(body, "session", EvaluateBodyReader.MAX_SESSION, errors);
        DeviceSignals device = EvaluateBodyReader.device(body, errors);
        errors.throwIfAny();
        return new SessionBody(clientId, user, session, device.token());
    }

    private static String required(JsonNode body, String name, int maxLength, FieldErrors errors) {
        Optional<String> text = EvaluateBodyReader.optionalText(body, name, errors, maxLength);
        JsonNode node = body.get(name);
        if (text.isEmpty() && (node == null || node.isNull())) {
            errors.add(name, "is required");
        }
        return text.orElse(null);
    }
}
