-- The review queue of identity resolution. A candidate is a pair of records
-- proposed as one person or organisation (a_id < b_id), kept after it is
-- decided so that a rescan never proposes a rejected pair again. A merge
-- keeps, as JSON, every record it changed as it was before and the version
-- the merge left, so that undo can restore them exactly or refuse when one
-- changed since. Neither table references the records: merges delete them.

-- +goose Up
CREATE TABLE identity_candidates (
    id          TEXT COLLATE "C" PRIMARY KEY,
    kind        TEXT COLLATE "C" NOT NULL,
    a_id        TEXT COLLATE "C" NOT NULL,
    b_id        TEXT COLLATE "C" NOT NULL,
    score       DOUBLE PRECISION NOT NULL,
    explanation TEXT NOT NULL,
    status      TEXT COLLATE "C" NOT NULL,
    created_at  BIGINT NOT NULL,
    decided_at  BIGINT,
    decided_by  TEXT,
    merge_id    TEXT COLLATE "C",
    UNIQUE (kind, a_id, b_id)
);
CREATE INDEX identity_candidates_status ON identity_candidates (status, kind, score);
CREATE INDEX identity_candidates_b ON identity_candidates (b_id);

CREATE TABLE identity_merges (
    id        TEXT COLLATE "C" PRIMARY KEY,
    kind      TEXT COLLATE "C" NOT NULL,
    keep_id   TEXT COLLATE "C" NOT NULL,
    drop_id   TEXT COLLATE "C" NOT NULL,
    at        BIGINT NOT NULL,
    user_id   TEXT,
    candidate TEXT COLLATE "C",
    changed   INTEGER NOT NULL,
    undo      TEXT NOT NULL,
    undone_at BIGINT
);
CREATE INDEX identity_merges_keep ON identity_merges (keep_id);

-- +goose Down
DROP TABLE identity_merges;
DROP TABLE identity_candidates;
