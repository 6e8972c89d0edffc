-- Policies and named lists (issue 5). A policy is kept as its JSON definition: the engine reads an
-- app's policies whole and never queries inside one. List values are rows, so adding one value to a
-- list of 100,000 is one insert, not a rewrite.
CREATE TABLE policies (
    app_id     VARCHAR(64) NOT NULL,
    id         VARCHAR(64) NOT NULL,
    document   TEXT        NOT NULL,
    created_at BIGINT      NOT NULL,
    updated_at BIGINT      NOT NULL,
    PRIMARY KEY (app_id, id)
);

CREATE TABLE value_lists (
    app_id     VARCHAR(64)  NOT NULL,
    id         VARCHAR(64)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    created_at BIGINT       NOT NULL,
    updated_at BIGINT       NOT NULL,
    PRIMARY KEY (app_id, id),
    UNIQUE (app_id, name)
);

-- position keeps the order values were first added in, for a stable listing.
CREATE TABLE value_list_entries (
    app_id   VARCHAR(64)  NOT NULL,
    list_id  VARCHAR(64)  NOT NULL,
    value    VARCHAR(320) NOT NULL,
    position BIGINT       NOT NULL,
    PRIMARY KEY (app_id, list_id, value)
);

-- Moves with every change to an app's policies or lists; a node caching them reads this one row to
-- learn whether another node changed something.
CREATE TABLE policy_versions (
    app_id  VARCHAR(64) PRIMARY KEY,
    version BIGINT      NOT NULL
);
