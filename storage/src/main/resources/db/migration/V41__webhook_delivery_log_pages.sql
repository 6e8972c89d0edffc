-- The delivery log is read in pages, newest first, optionally of one status (GET /v3/webhooks/{id}/deliveries
-- ?status=&cursor=). Before, it showed the latest 1,000 and no more: a failed delivery behind 1,000 newer
-- ones could not be found (review finding). This index finds the failed deliveries behind a million
-- delivered ones without reading those; the log without a status walks webhook_deliveries_by_endpoint.
-- Neither holds the message id, the order's tie-break: deliveries of one millisecond are sorted among
-- themselves, and an index holding it would cover the retention's look-up by message, which SQLite then
-- walked for the whole app instead of the primary key.
CREATE INDEX webhook_deliveries_by_endpoint_status ON webhook_deliveries (app_id, endpoint_id, status, created_at);
