-- The registry schema for SQLite. Every entity table keeps the whole record
-- as JSON in doc (the canonical form, returned byte for byte) and copies the
-- columns that filters, sort orders, unique keys and foreign keys need.
-- Times are unix milliseconds so that they round-trip exactly.

-- +goose Up
CREATE TABLE programs (
    id         TEXT PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    doc        TEXT NOT NULL
);

CREATE TABLE fields (
    id         TEXT PRIMARY KEY,
    parent     TEXT REFERENCES fields (id),
    version    INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    doc        TEXT NOT NULL
);
CREATE INDEX fields_parent ON fields (parent);

CREATE TABLE program_fields (
    program_id TEXT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    field_code TEXT NOT NULL REFERENCES fields (id),
    PRIMARY KEY (program_id, field_code)
) WITHOUT ROWID;
CREATE INDEX program_fields_field ON program_fields (field_code);

CREATE TABLE organizations (
    id         TEXT PRIMARY KEY,
    ror        TEXT UNIQUE,
    country    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    parent_id  TEXT REFERENCES organizations (id),
    sort_name  TEXT NOT NULL,
    search     TEXT NOT NULL,
    version    INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    doc        TEXT NOT NULL
);
CREATE INDEX organizations_parent ON organizations (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX organizations_sort ON organizations (sort_name, id);
CREATE INDEX organizations_created ON organizations (created_at, id);

CREATE TABLE people (
    id         TEXT PRIMARY KEY,
    orcid      TEXT UNIQUE,
    country    TEXT NOT NULL,
    sort_name  TEXT NOT NULL,
    search     TEXT NOT NULL,
    version    INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    doc        TEXT NOT NULL
);
CREATE INDEX people_sort ON people (sort_name, id);
CREATE INDEX people_created ON people (created_at, id);

CREATE TABLE person_affiliations (
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    org_id    TEXT NOT NULL REFERENCES organizations (id),
    PRIMARY KEY (person_id, org_id)
) WITHOUT ROWID;
CREATE INDEX person_affiliations_org ON person_affiliations (org_id, person_id);

CREATE TABLE flagships (
    id         TEXT PRIMARY KEY,
    program_id TEXT REFERENCES programs (id),
    slug       TEXT NOT NULL,
    version    INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    doc        TEXT NOT NULL
);
-- COALESCE makes the slug unique among flagships without a program too.
CREATE UNIQUE INDEX flagships_slug ON flagships (COALESCE(program_id, ''), slug);
CREATE INDEX flagships_program ON flagships (program_id, slug);

CREATE TABLE flagship_fields (
    flagship_id TEXT NOT NULL REFERENCES flagships (id) ON DELETE CASCADE,
    field_code  TEXT NOT NULL REFERENCES fields (id),
    PRIMARY KEY (flagship_id, field_code)
) WITHOUT ROWID;
CREATE INDEX flagship_fields_field ON flagship_fields (field_code);

CREATE TABLE flagship_orgs (
    flagship_id TEXT NOT NULL REFERENCES flagships (id) ON DELETE CASCADE,
    org_id      TEXT NOT NULL REFERENCES organizations (id),
    PRIMARY KEY (flagship_id, org_id)
) WITHOUT ROWID;
CREATE INDEX flagship_orgs_org ON flagship_orgs (org_id);

CREATE TABLE activities (
    id          TEXT PRIMARY KEY,
    program_id  TEXT REFERENCES programs (id),
    type        TEXT NOT NULL,
    status      TEXT NOT NULL,
    start_at    INTEGER NOT NULL,
    start_month TEXT NOT NULL,
    sides       TEXT NOT NULL,
    flagship_id TEXT REFERENCES flagships (id),
    synthetic   INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX activities_start ON activities (start_at, id);
CREATE INDEX activities_type_start ON activities (type, start_at);
CREATE INDEX activities_program ON activities (program_id, start_at);
CREATE INDEX activities_flagship ON activities (flagship_id) WHERE flagship_id IS NOT NULL;

CREATE TABLE activity_fields (
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    field_code  TEXT NOT NULL REFERENCES fields (id),
    PRIMARY KEY (activity_id, field_code)
) WITHOUT ROWID;
CREATE INDEX activity_fields_field ON activity_fields (field_code, activity_id);

CREATE TABLE activity_participants (
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    org_id      TEXT REFERENCES organizations (id),
    person_id   TEXT REFERENCES people (id),
    side        TEXT NOT NULL,
    role        TEXT NOT NULL,
    PRIMARY KEY (activity_id, pos)
) WITHOUT ROWID;
CREATE INDEX activity_participants_org ON activity_participants (org_id, activity_id) WHERE org_id IS NOT NULL;
CREATE INDEX activity_participants_person ON activity_participants (person_id, activity_id) WHERE person_id IS NOT NULL;

CREATE TABLE timeline (
    id             TEXT PRIMARY KEY,
    program_id     TEXT REFERENCES programs (id),
    date_key       INTEGER NOT NULL,
    date_precision TEXT NOT NULL,
    kind           TEXT NOT NULL,
    flagship_id    TEXT REFERENCES flagships (id),
    activity_id    TEXT REFERENCES activities (id),
    version        INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    doc            TEXT NOT NULL
);
CREATE INDEX timeline_date ON timeline (date_key, id);
CREATE INDEX timeline_program ON timeline (program_id, date_key);
CREATE INDEX timeline_flagship ON timeline (flagship_id) WHERE flagship_id IS NOT NULL;
CREATE INDEX timeline_activity ON timeline (activity_id) WHERE activity_id IS NOT NULL;

CREATE TABLE timeline_people (
    entry_id  TEXT NOT NULL REFERENCES timeline (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id),
    PRIMARY KEY (entry_id, person_id)
) WITHOUT ROWID;
CREATE INDEX timeline_people_person ON timeline_people (person_id);

CREATE TABLE timeline_orgs (
    entry_id TEXT NOT NULL REFERENCES timeline (id) ON DELETE CASCADE,
    org_id   TEXT NOT NULL REFERENCES organizations (id),
    PRIMARY KEY (entry_id, org_id)
) WITHOUT ROWID;
CREATE INDEX timeline_orgs_org ON timeline_orgs (org_id);

-- The outbox is the ordered change feed that derived state follows.
CREATE TABLE outbox (
    seq  INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    id   TEXT NOT NULL,
    op   TEXT NOT NULL,
    at   INTEGER NOT NULL
);

-- +goose Down
DROP TABLE outbox;
DROP TABLE timeline_orgs;
DROP TABLE timeline_people;
DROP TABLE timeline;
DROP TABLE activity_participants;
DROP TABLE activity_fields;
DROP TABLE activities;
DROP TABLE flagship_orgs;
DROP TABLE flagship_fields;
DROP TABLE flagships;
DROP TABLE person_affiliations;
DROP TABLE people;
DROP TABLE organizations;
DROP TABLE program_fields;
DROP TABLE fields;
DROP TABLE programs;
