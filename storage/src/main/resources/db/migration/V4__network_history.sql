-- Network history (issue 4): where each evaluation placed the person (the real network when the browser
-- exposed it, never an anonymising network), for impossible travel and country history. Read only
-- inside one (app, user); the country index makes "seen in this country before?" one index probe.
ALTER TABLE evaluations ADD COLUMN country VARCHAR(2);
ALTER TABLE evaluations ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE evaluations ADD COLUMN longitude DOUBLE PRECISION;
ALTER TABLE evaluations ADD COLUMN accuracy_km DOUBLE PRECISION;
CREATE INDEX evaluations_by_user_country ON evaluations (app_id, user_id, country, created_at);
-- fingerprint_user_count: accounts of an app that showed one fingerprint.
CREATE INDEX user_fingerprints_by_fingerprint ON user_fingerprints (app_id, fingerprint_id);
