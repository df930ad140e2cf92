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

-- Fields and sides are also kept as comma-separated columns ("1.1,2.3",
-- "CN,RU") so that list filters test them on the row they read anyway and
-- stats group by them in one scan, instead of probing a child table per
-- candidate row.
CREATE TABLE activities (
    id          TEXT PRIMARY KEY,
    program_id  TEXT REFERENCES programs (id),
    type        TEXT NOT NULL,
    status      TEXT NOT NULL,
    start_at    INTEGER NOT NULL,
    start_month TEXT NOT NULL,
    sides       TEXT NOT NULL,
    fields      TEXT NOT NULL,
    flagship_id TEXT REFERENCES flagships (id),
    synthetic   INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    doc         TEXT NOT NULL
);
-- No index leads with program_id: programs are few, so a program filter
-- reads the start order and checks program_id, and each extra index costs
-- bulk imports a random B-tree insert per activity.
CREATE INDEX activities_start ON activities (start_at, id);
CREATE INDEX activities_type_start ON activities (type, start_at);
CREATE INDEX activities_flagship ON activities (flagship_id) WHERE flagship_id IS NOT NULL;

-- The child rows of an activity are keyed by what they refer to, so one
-- B-tree serves the foreign key, the "in use" check of a delete and the
-- filter by organisation or person. The store deletes them by key when the
-- activity changes, so they need no key leading with activity_id.
CREATE TABLE activity_fields (
    field_code  TEXT NOT NULL REFERENCES fields (id),
    activity_id TEXT NOT NULL,
    PRIMARY KEY (field_code, activity_id)
) WITHOUT ROWID;

CREATE TABLE activity_orgs (
    org_id      TEXT NOT NULL REFERENCES organizations (id),
    activity_id TEXT NOT NULL,
    pos         INTEGER NOT NULL,
    side        TEXT NOT NULL,
    role        TEXT NOT NULL,
    PRIMARY KEY (org_id, activity_id, pos)
) WITHOUT ROWID;

CREATE TABLE activity_people (
    person_id   TEXT NOT NULL REFERENCES people (id),
    activity_id TEXT NOT NULL,
    pos         INTEGER NOT NULL,
    side        TEXT NOT NULL,
    role        TEXT NOT NULL,
    PRIMARY KEY (person_id, activity_id, pos)
) WITHOUT ROWID;

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
DROP TABLE activity_people;
DROP TABLE activity_orgs;
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
