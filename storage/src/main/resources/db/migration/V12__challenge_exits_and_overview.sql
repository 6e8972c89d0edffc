-- The dashboard's overview (issue 7). Where the browser was sent when it left a challenge page
-- (success_url, return_to or logout_url): "conversions to success_url" are counted from it. And one
-- index per app over time, for the overview's counts of challenges in a period (challenges are few).
ALTER TABLE challenges ADD COLUMN exited_to VARCHAR(16);
CREATE INDEX challenges_by_app_time ON challenges (app_id, created_at);
-- Evaluations need no index of their own for it: their ids are time-ordered, so the primary key
-- (app_id, id) already reads one app's period, and every index is one more write per evaluation.
