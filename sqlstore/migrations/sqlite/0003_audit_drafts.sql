-- Drafts and the audit log.
--
-- An activity's draft mark is copied into a column so that lists and stats
-- can leave drafts out in SQL; a partial index finds the few drafts an
-- office reviews without reading the published ones.
--
-- The audit log keeps one row per change of a record, written in the
-- transaction of the change: who (user id and the e-mail they had, so the
-- row stays readable after the account changes; no foreign key, for the
-- same reason), from where, what, and the record's JSON before and after.
-- A bulk import writes one row per kind it stored, summarising it.

-- +goose Up
ALTER TABLE activities ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;
CREATE INDEX activities_drafts ON activities (start_at, id) WHERE draft;

CREATE TABLE audit (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    user_id    TEXT,
    email      TEXT,
    addr       TEXT,
    via        TEXT,
    action     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    id         TEXT NOT NULL,
    before_doc TEXT,
    after_doc  TEXT
);
-- Each filter of the log reads its own index newest first.
CREATE INDEX audit_record ON audit (id, seq);
CREATE INDEX audit_kind ON audit (kind, seq);
CREATE INDEX audit_user ON audit (user_id, seq) WHERE user_id IS NOT NULL;
CREATE INDEX audit_email ON audit (email, seq) WHERE email IS NOT NULL;
CREATE INDEX audit_at ON audit (at);

-- +goose Down
DROP TABLE audit;
DROP INDEX activities_drafts;
ALTER TABLE activities DROP COLUMN draft;
