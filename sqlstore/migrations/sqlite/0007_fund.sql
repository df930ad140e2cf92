-- The joint fund: calls, hosting offers, proposals and their submitted
-- snapshots, each side's reviewers, review assignments and reviews, and the
-- bytes of proposals' attachments.
--
-- Every fund table has the same shape: the record's JSON in doc and, beside
-- it, the values lists select by (call, proposal, side, owner, status) and
-- the keys that must hold (one assignment and one review per reviewer and
-- proposal). Times are unix milliseconds, as in the registry.

-- +goose Up
CREATE TABLE fund_calls (
    id          TEXT PRIMARY KEY,
    call_id     TEXT,
    proposal_id TEXT,
    side        TEXT,
    owner_id    TEXT,
    status      TEXT,
    version     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    doc         TEXT NOT NULL
);
CREATE TABLE fund_reviewers (
    id          TEXT PRIMARY KEY,
    call_id     TEXT,
    proposal_id TEXT,
    side        TEXT,
    owner_id    TEXT,
    status      TEXT,
    version     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX fund_reviewers_side ON fund_reviewers (side, id);
CREATE INDEX fund_reviewers_user ON fund_reviewers (owner_id) WHERE owner_id IS NOT NULL;
CREATE TABLE fund_hosts (
    id          TEXT PRIMARY KEY,
    call_id     TEXT NOT NULL REFERENCES fund_calls (id),
    proposal_id TEXT,
    side        TEXT,
    owner_id    TEXT,
    status      TEXT,
    version     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX fund_hosts_call ON fund_hosts (call_id, id);
CREATE TABLE fund_proposals (
    id          TEXT PRIMARY KEY,
    call_id     TEXT NOT NULL REFERENCES fund_calls (id),
    proposal_id TEXT,
    side        TEXT,
    owner_id    TEXT,
    status      TEXT,
    version     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX fund_proposals_call ON fund_proposals (call_id, status, id);
CREATE INDEX fund_proposals_owner ON fund_proposals (owner_id, id);
CREATE TABLE fund_snapshots (
    id          TEXT PRIMARY KEY,
    call_id     TEXT NOT NULL REFERENCES fund_calls (id),
    proposal_id TEXT NOT NULL REFERENCES fund_proposals (id),
    side        TEXT,
    owner_id    TEXT,
    status      TEXT,
    version     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX fund_snapshots_proposal ON fund_snapshots (proposal_id, id);
CREATE TABLE fund_assignments (
    id          TEXT PRIMARY KEY,
    call_id     TEXT NOT NULL REFERENCES fund_calls (id),
    proposal_id TEXT NOT NULL REFERENCES fund_proposals (id),
    side        TEXT,
    owner_id    TEXT,
    status      TEXT,
    version     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    doc         TEXT NOT NULL
);
-- owner_id is the reviewer.
CREATE UNIQUE INDEX fund_assignments_pair ON fund_assignments (proposal_id, owner_id);
CREATE INDEX fund_assignments_call ON fund_assignments (call_id, side, id);
CREATE INDEX fund_assignments_reviewer ON fund_assignments (owner_id, id);
CREATE TABLE fund_reviews (
    id          TEXT PRIMARY KEY,
    call_id     TEXT NOT NULL REFERENCES fund_calls (id),
    proposal_id TEXT NOT NULL REFERENCES fund_proposals (id),
    side        TEXT,
    owner_id    TEXT,
    status      TEXT,
    version     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    doc         TEXT NOT NULL
);
-- owner_id is the reviewer.
CREATE UNIQUE INDEX fund_reviews_pair ON fund_reviews (proposal_id, owner_id);
CREATE INDEX fund_reviews_call ON fund_reviews (call_id, side, id);
CREATE INDEX fund_reviews_reviewer ON fund_reviews (owner_id, id);

-- Attachment bytes live apart from the proposal's JSON, which only
-- describes them, so that lists never read them.
CREATE TABLE fund_files (
    id          TEXT PRIMARY KEY,
    proposal_id TEXT NOT NULL REFERENCES fund_proposals (id),
    size        INTEGER NOT NULL,
    data        BLOB NOT NULL
);
CREATE INDEX fund_files_proposal ON fund_files (proposal_id);

-- +goose Down
DROP TABLE fund_files;
DROP TABLE fund_reviews;
DROP TABLE fund_assignments;
DROP TABLE fund_snapshots;
DROP TABLE fund_proposals;
DROP TABLE fund_hosts;
DROP TABLE fund_reviewers;
DROP TABLE fund_calls;
