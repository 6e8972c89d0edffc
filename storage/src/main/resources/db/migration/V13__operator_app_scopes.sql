-- Operators limited to some apps (issue 7: the dashboard refuses another app's data). NULL: every app,
-- and the apps page itself; otherwise the app ids the operator may see, separated by commas.
ALTER TABLE operators ADD COLUMN app_ids VARCHAR(4000);
