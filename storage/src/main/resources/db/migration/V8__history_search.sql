-- History search by device and by IP (issue 6): each reads one app's rows of that device or address,
-- newest first, as a range of one index.
CREATE INDEX evaluations_by_device ON evaluations (app_id, device_id, created_at);
CREATE INDEX evaluations_by_ip ON evaluations (app_id, ip, created_at);
