-- Whether the evaluation's account was vouched for (server mode or a signed identity: 1) or named by an
-- unsigned browser call (0), whose account is the caller's word. An evaluation vouched for judges travel,
-- the countries of the day and velocity by vouched evaluations alone (docs/checks.md): anyone holding the
-- public client id can send unsigned evaluations naming any account, and those got the owner's backend
-- refused (an impossible trip, a second country, a burst of events; found in review).
-- Evaluations stored before this column, and those a node of the release before writes during a rolling
-- upgrade, are NULL and count as unsigned: that reading cannot get an owner refused, where counting them
-- as vouched would let events made up before the upgrade do so. What it costs is detection: a vouched
-- evaluation's windows (the travel horizon, the day, the velocity window) see nothing from before the
-- upgrade until they have passed it.
ALTER TABLE evaluations ADD COLUMN vouched SMALLINT;
-- The vouched evaluations by account, as evaluations_by_user holds them all: a vouched evaluation's reads
-- walk this range, so an account flooded with unsigned evaluations costs them no more than a quiet one
-- (the counts stop at a limit, docs/benchmarks.md). Only a vouched evaluation writes an entry here.
-- "vouched" is in it so that it covers the counts on both engines.
CREATE INDEX evaluations_vouched_by_user ON evaluations (app_id, user_id, created_at, country, vouched) WHERE vouched = 1;
-- When a vouched evaluation last placed the account in the country, kept as last_seen is (moved at most
-- once a resolution, SqlEvaluationStore); NULL when none did, or only before this column.
ALTER TABLE user_countries ADD COLUMN vouched_last_seen BIGINT;
