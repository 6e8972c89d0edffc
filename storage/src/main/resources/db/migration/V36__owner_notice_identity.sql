-- Whether an owner notice went out for an evaluation whose account was vouched for (server mode or a
-- signed identity: 1) or for an unsigned browser call (0), whose account, email and phone are the
-- caller's word. A vouched notice counts only vouched ones against its caps (one per account and
-- device, five per account and per recipient a day): unsigned calls naming an account and the caller's
-- own address, or the owner's, must not spend the owner's notices (found in review: five such calls, or
-- one from the device to be used, left the owner's real new-device login untold).
-- Notices stored before this column existed count as vouched: they keep counting as they did.
ALTER TABLE owner_notices ADD COLUMN vouched SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE owner_notice_recipients ADD COLUMN vouched SMALLINT NOT NULL DEFAULT 1;
