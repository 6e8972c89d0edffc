-- The dashboard's overview (issue 7). Where the browser was sent when it left a challenge page
-- (success_url, return_to or logout_url): "conversions to success_url" are counted from it. And one
-- index per app over time, for the overview's counts of challenges in a period.
ALTER TABLE challenges ADD COLUMN exited_to VARCHAR(16);
CREATE INDEX challenges_by_app_time ON challenges (app_id, created_at);
-- Evaluations per app over time: the overview groups a period's rows by action and verdict.
CREATE INDEX evaluations_by_app_time ON evaluations (app_id, created_at);
