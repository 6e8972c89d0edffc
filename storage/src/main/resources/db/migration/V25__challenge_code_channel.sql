-- The channel the current code went on (email or sms): a challenge offering both named both addresses
-- on its page, "code sent to m•••@example.com, +33•••78", when the code went to one. Empty for codes
-- sent before this column, whose page keeps naming every channel offered.
ALTER TABLE challenges ADD COLUMN code_channel VARCHAR(8);
