-- Devices go when nothing needs them any more: erasing the only account that used one, or retention
-- once no account links it and it has not been seen since the cutoff (SqlDeviceCleanup). Both read a
-- device's links and fingerprints by device, which had no index: each would have read the whole table.
-- Neither column changes after its row is written, so an update of last_seen leaves these indexes alone.
CREATE INDEX user_devices_by_device ON user_devices (app_id, device_id);
CREATE INDEX device_fingerprints_by_device ON device_fingerprints (app_id, device_id);

-- Retention deletes the addresses owner notices went to by age, a thousand at a time, as it does
-- webhook messages and challenges (V27).
CREATE INDEX owner_notice_recipients_by_age ON owner_notice_recipients (sent_at);
