-- Each device's latest components, for drift-tolerant matching (issue 3). Written when a device is
-- created and whenever it shows a fingerprint it had not shown before (its components drifted).
CREATE TABLE device_components (
    app_id     VARCHAR(64) NOT NULL,
    device_id  VARCHAR(36) NOT NULL,
    components TEXT        NOT NULL,
    updated_at BIGINT      NOT NULL,
    PRIMARY KEY (app_id, device_id)
);
