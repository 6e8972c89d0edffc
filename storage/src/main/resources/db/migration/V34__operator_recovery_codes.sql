-- Recovery codes of two-factor sign-in: each signs its operator in once in place of the authenticator's
-- code (a lost phone need not mean a locked-out operator). Only SHA-256 hashes are kept: the codes are
-- random (60 bits), so a slow hash would add nothing, and the dashboard shows them once.
CREATE TABLE operator_recovery_codes (
    operator_id VARCHAR(64) NOT NULL,
    code_hash   VARCHAR(64) NOT NULL,
    PRIMARY KEY (operator_id, code_hash)
);
