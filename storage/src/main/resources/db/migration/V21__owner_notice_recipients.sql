-- To whom each owner notice went (the phone number when it went by SMS, else the email address,
-- lower-cased). A notice's account, email and phone may come from a browser-mode evaluation, which
-- anyone can make with the public client id: counted per account only, a script naming a new account
-- on every call could send one number or address any number of paid messages.
ALTER TABLE owner_notices ADD COLUMN recipient VARCHAR(254);
CREATE INDEX owner_notices_by_recipient ON owner_notices (app_id, recipient, sent_at);
