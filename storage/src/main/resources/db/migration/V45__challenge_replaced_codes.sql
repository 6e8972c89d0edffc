-- The codes a resend replaced, newest first, at most two (Challenge.KEPT_REPLACED_CODES), each as its keyed
-- hash and the epoch milliseconds it was sent at ("<hash>@<millis>", separated by a space). A replaced code is
-- never taken; one typed within its lifetime is told apart from a wrong code and costs no attempt, since an
-- SMS or mail often arrives after the resend its delay prompted (docs/challenges.md, "Codes").
-- Rows stored before this column, and rows a node of the release before writes, have none (NULL): their
-- replaced codes count as wrong, as they did.
ALTER TABLE challenges ADD COLUMN replaced_codes TEXT;
