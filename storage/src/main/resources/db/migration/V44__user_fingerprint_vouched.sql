-- Whether a vouched-for evaluation (server mode, or a signed identity: 1) showed the fingerprint for the
-- account, or only unsigned browser calls did (0), whose account is the caller's word. A vouched
-- evaluation's fingerprint_user_count counts only the accounts of vouched rows (and its own): with the
-- public client id, anyone could otherwise send unsigned evaluations naming made-up accounts with the
-- owner's browser fingerprint (its components are observable), and a policy on fingerprint_user_count
-- then refused the owner's backend (docs/checks.md, "Whose history a vouched evaluation is judged by").
-- Nothing unmarks a row once a vouched evaluation marked it.
-- Rows stored before this column, and rows a node of the release before writes during a rolling upgrade,
-- count as unvouched (0): unlike the device links of V37 (vouched, a fixed set the owner can see and log
-- out), these rows belong to other accounts, which the owner can neither see nor remove, and they do not
-- expire; counting them could refuse the owner for good. An account counts again in vouched evaluations
-- once a vouched evaluation shows the fingerprint for it; unsigned evaluations count every row, as before.
ALTER TABLE user_fingerprints ADD COLUMN vouched SMALLINT NOT NULL DEFAULT 0;
-- The vouched accounts by fingerprint, as user_fingerprints_by_fingerprint (V4) holds them all: a vouched
-- evaluation's count walks this range, so a fingerprint flooded with made-up unsigned accounts costs it
-- no more than a quiet one (the count stops at 1,000). "vouched" is in it so that it covers the count on
-- both engines, as in evaluations_vouched_by_user (V39).
CREATE INDEX user_fingerprints_vouched_by_fingerprint ON user_fingerprints (app_id, fingerprint_id, vouched) WHERE vouched = 1;
