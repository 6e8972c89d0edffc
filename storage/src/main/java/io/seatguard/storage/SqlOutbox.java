package io.seatguard.storage;

import io.seatguard.core.webhook.OutboxEvent;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes webhook events into the outbox inside the caller's transaction: the message only when some
 * enabled endpoint of the app subscribes to its type, and one pending delivery per such endpoint. A
 * disabled endpoint gets none, whatever a node's subscription cache still says.
 */
final class SqlOutbox {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SqlOutbox() {}

    static void enqueue(Connection connection, OutboxEvent event) throws SQLException {
        String subscribed = subscribedPattern(event.type().wireName());
        String messageId = newMessageId();
        long at = event.at().toEpochMilli();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type().wireName());
        body.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(event.at()));
        body.put("data", event.data());
        int written = JdbcRunner.update(connection,
                "INSERT INTO webhook_messages (app_id, id, event_type, user_id, payload, created_at) SELECT ?, ?, ?, ?, ?, ?"
                        + " WHERE EXISTS (SELECT 1 FROM webhook_endpoints WHERE app_id = ? AND events LIKE ? ESCAPE '!' AND disabled_at IS NULL)",
                event.appId(), messageId, event.type().wireName(), event.userId().orElse(null), StorageJson.write(body), at, event.appId(), subscribed);
        if (written == 1) {
            JdbcRunner.update(connection,
                    "INSERT INTO webhook_deliveries (app_id, message_id, endpoint_id, status, attempts, next_attempt_at, created_at)"
                            + " SELECT app_id, ?, id, 'pending', 0, ?, ? FROM webhook_endpoints WHERE app_id = ? AND events LIKE ? ESCAPE '!' AND disabled_at IS NULL"
                            + hold(connection),
                    messageId, at, at, event.appId(), subscribed);
        }
    }

    /**
     * The {@code LIKE} pattern of an endpoint subscribed to the event: its name between the commas of the
     * stored list, taken literally. Unescaped, the {@code _} of {@code user.account_sharing_signal} matched
     * any character, so a future name differing there would have been delivered to the other's endpoints.
     */
    static String subscribedPattern(String eventName) {
        // '!', not a backslash: PostgreSQL with standard_conforming_strings=off (a legacy database's setting)
        // read the backslash of ESCAPE '\' as the start of an escape: the literal ran on, and every event's
        // write failed (found in review).
        String literal = eventName.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%," + literal + ",%";
    }

    /**
     * On PostgreSQL the endpoints a delivery is written for are held ({@code FOR KEY SHARE}, the lock a
     * foreign key takes) to the commit: an endpoint's deletion ({@link SqlWebhooks#delete}) deletes the
     * endpoint's row before its last deliveries, so it waits for this transaction and then sees, and
     * deletes, what it wrote; an endpoint deleted first is skipped here. Without it, under read committed,
     * a delivery committed after the deletion had looked stayed pending for an endpoint that is gone, never
     * sent, and kept its message past retention for good (found in review). Events of one app share the
     * lock and do not wait for one another, nor for a rotation (an update of no key). SQLite has one writer.
     */
    private static String hold(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL") ? " FOR KEY SHARE" : "";
    }

    /** {@code msg_} and 24 hex characters: the {@code webhook-id} every try of the message carries. */
    static String newMessageId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "msg_" + HexFormat.of().formatHex(bytes);
    }
}
