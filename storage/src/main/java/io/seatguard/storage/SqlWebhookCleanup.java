package io.seatguard.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Deleting webhook messages, deliveries and tries by keys chosen once ({@link KeyList}): for retention,
 * an account's erasure and an endpoint's deletion, each a thousand messages per transaction so that the
 * single writer is never held for long. Every statement reads its rows through a primary key.
 */
final class SqlWebhookCleanup {
    /** Deliveries of the listed messages with nothing left to send. */
    static final String FINISHED_DELIVERIES = "DELETE FROM webhook_deliveries WHERE (app_id, message_id) IN " + KeyList.KEYS
            + " AND status <> 'pending'";
    /** Tries of the listed messages whose delivery is gone. */
    static final String TRIES_WITHOUT_DELIVERY = "DELETE FROM webhook_attempts WHERE (app_id, message_id) IN " + KeyList.KEYS
            + " AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.app_id = webhook_attempts.app_id"
            + " AND d.message_id = webhook_attempts.message_id AND d.endpoint_id = webhook_attempts.endpoint_id)";
    /** The listed messages that no delivery is left to send. */
    static final String MESSAGES_WITHOUT_DELIVERY = "DELETE FROM webhook_messages WHERE (app_id, id) IN " + KeyList.KEYS
            + " AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.app_id = webhook_messages.app_id AND d.message_id = webhook_messages.id)";

    private static final Object[] NONE = {};

    private SqlWebhookCleanup() {}

    /**
     * Retention: the listed messages ({@code app_id, id}), their deliveries and their tries, except a
     * delivery that is pending again (redelivered since the messages were chosen), its tries and its
     * message.
     */
    static void deleteFinished(Connection connection, List<String[]> messages) throws SQLException {
        for (List<String[]> chunk : KeyList.chunks(messages)) {
            Object[] parameters = KeyList.parameters(chunk, NONE);
            for (String statement : List.of(FINISHED_DELIVERIES, TRIES_WITHOUT_DELIVERY, MESSAGES_WITHOUT_DELIVERY)) {
                JdbcRunner.update(connection, KeyList.statement(statement, 2, chunk.size()), parameters);
            }
        }
    }
}
