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

    /** Up to {@code ?} of an account's messages. */
    static final String ACCOUNT_MESSAGES = "SELECT id FROM webhook_messages WHERE app_id = ? AND user_id = ? LIMIT ?";
    static final String TRIES_OF_MESSAGES = "DELETE FROM webhook_attempts WHERE app_id = ? AND message_id IN " + KeyList.KEYS;
    static final String DELIVERIES_OF_MESSAGES = "DELETE FROM webhook_deliveries WHERE app_id = ? AND message_id IN " + KeyList.KEYS;
    static final String MESSAGES = "DELETE FROM webhook_messages WHERE app_id = ? AND id IN " + KeyList.KEYS;

    /** Up to {@code ?} of an endpoint's deliveries, oldest first (the order makes SQLite read them through webhook_deliveries_by_endpoint). */
    static final String ENDPOINT_DELIVERIES = "SELECT message_id FROM webhook_deliveries WHERE app_id = ? AND endpoint_id = ? ORDER BY created_at LIMIT ?";
    static final String TRIES_TO_ENDPOINT = "DELETE FROM webhook_attempts WHERE app_id = ? AND endpoint_id = ? AND message_id IN " + KeyList.KEYS;
    static final String DELIVERIES_TO_ENDPOINT = "DELETE FROM webhook_deliveries WHERE app_id = ? AND endpoint_id = ? AND message_id IN " + KeyList.KEYS;
    static final String APP_MESSAGES_WITHOUT_DELIVERY = "DELETE FROM webhook_messages WHERE app_id = ? AND id IN " + KeyList.KEYS
            + " AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.app_id = webhook_messages.app_id AND d.message_id = webhook_messages.id)";

    /**
     * Up to a thousand pending deliveries whose message is gone, looked for endpoint by endpoint: the
     * erasure of an account used to delete a message's deliveries and the message in two statements, and
     * on PostgreSQL a message committed by another node in between lost its message but kept its delivery.
     */
    static final String DELIVERIES_WITHOUT_MESSAGE = "SELECT d.app_id, d.message_id, d.endpoint_id FROM webhook_endpoints e"
            + " JOIN webhook_deliveries d ON d.app_id = e.app_id AND d.endpoint_id = e.id AND d.status = 'pending'"
            + " WHERE NOT EXISTS (SELECT 1 FROM webhook_messages m WHERE m.app_id = d.app_id AND m.id = d.message_id) LIMIT " + SqlAccountRecords.PRUNE_BATCH;
    static final String TRIES_OF_DELIVERIES = "DELETE FROM webhook_attempts WHERE (app_id, message_id, endpoint_id) IN " + KeyList.KEYS;
    static final String DELIVERIES = "DELETE FROM webhook_deliveries WHERE (app_id, message_id, endpoint_id) IN " + KeyList.KEYS;

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

    /**
     * Up to {@code limit} of an account's messages with their deliveries and tries, all chosen by one read
     * of the message ids, so that no delivery outlives its message. Answers how many messages went.
     */
    static int deleteAccountMessages(Connection connection, String appId, String userId, int limit) throws SQLException {
        List<String[]> ids = JdbcRunner.queryList(connection, ACCOUNT_MESSAGES, row -> new String[] {row.getString(1)}, appId, userId, limit);
        for (List<String[]> chunk : KeyList.chunks(ids)) {
            Object[] parameters = KeyList.parameters(chunk, new Object[] {appId});
            for (String statement : List.of(TRIES_OF_MESSAGES, DELIVERIES_OF_MESSAGES, MESSAGES)) {
                JdbcRunner.update(connection, KeyList.statement(statement, 1, chunk.size()), parameters);
            }
        }
        return ids.size();
    }

    /**
     * Up to {@code limit} of an endpoint's deliveries with their tries, and those of their messages that no
     * other endpoint was to receive. Answers how many deliveries went.
     */
    static int deleteEndpointDeliveries(Connection connection, String appId, String endpointId, int limit) throws SQLException {
        List<String[]> ids = JdbcRunner.queryList(connection, ENDPOINT_DELIVERIES, row -> new String[] {row.getString(1)}, appId, endpointId, limit);
        for (List<String[]> chunk : KeyList.chunks(ids)) {
            Object[] endpoint = KeyList.parameters(chunk, new Object[] {appId, endpointId});
            JdbcRunner.update(connection, KeyList.statement(TRIES_TO_ENDPOINT, 1, chunk.size()), endpoint);
            JdbcRunner.update(connection, KeyList.statement(DELIVERIES_TO_ENDPOINT, 1, chunk.size()), endpoint);
            JdbcRunner.update(connection, KeyList.statement(APP_MESSAGES_WITHOUT_DELIVERY, 1, chunk.size()), KeyList.parameters(chunk, new Object[] {appId}));
        }
        return ids.size();
    }

    /** Up to a thousand pending deliveries whose message is gone (see {@link #DELIVERIES_WITHOUT_MESSAGE}), with their tries. */
    static int deleteDeliveriesWithoutMessage(Connection connection) throws SQLException {
        List<String[]> keys = JdbcRunner.queryList(connection, DELIVERIES_WITHOUT_MESSAGE,
                row -> new String[] {row.getString(1), row.getString(2), row.getString(3)});
        if (!keys.isEmpty()) {
            Object[] parameters = KeyList.parameters(keys, NONE);
            JdbcRunner.update(connection, KeyList.statement(TRIES_OF_DELIVERIES, 3, keys.size()), parameters);
            JdbcRunner.update(connection, KeyList.statement(DELIVERIES, 3, keys.size()), parameters);
        }
        return keys.size();
    }
}
