-- The registry schema for PostgreSQL. Every entity table keeps the whole record
-- as JSON in doc (the canonical form, returned byte for byte) and copies the
-- columns that filters, sort orders, unique keys and foreign keys need.
-- Times are unix milliseconds so that they round-trip exactly. Keys use the
-- "C" collation so that they sort by code point, as SQLite does.

-- +goose Up
CREATE TABLE programs (
    id         TEXT COLLATE "C" PRIMARY KEY,
    slug       TEXT COLLATE "C" NOT NULL UNIQUE,
    version    INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    doc        TEXT NOT NULL
);

CREATE TABLE fields (
    id         TEXT COLLATE "C" PRIMARY KEY,
    parent     TEXT COLLATE "C" REFERENCES fields (id),
    version    INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    doc        TEXT NOT NULL
);
CREATE INDEX fields_parent ON fields (parent);

CREATE TABLE program_fields (
    program_id TEXT COLLATE "C" NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    field_code TEXT COLLATE "C" NOT NULL REFERENCES fields (id),
    PRIMARY KEY (program_id, field_code)
);
CREATE INDEX program_fields_field ON program_fields (field_code);

CREATE TABLE organizations (
    id         TEXT COLLATE "C" PRIMARY KEY,
    ror        TEXT COLLATE "C" UNIQUE,
    country    TEXT COLLATE "C" NOT NULL,
    kind       TEXT COLLATE "C" NOT NULL,
    parent_id  TEXT COLLATE "C" REFERENCES organizations (id),
    sort_name  TEXT COLLATE "C" NOT NULL,
    search     TEXT COLLATE "C" NOT NULL,
    version    INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    doc        TEXT NOT NULL
);
CREATE INDEX organizations_parent ON organizations (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX organizations_sort ON organizations (sort_name, id);
CREATE INDEX organizations_created ON organizations (created_at, id);

CREATE TABLE people (
    id         TEXT COLLATE "C" PRIMARY KEY,
    orcid      TEXT COLLATE "C" UNIQUE,
    country    TEXT COLLATE "C" NOT NULL,
    sort_name  TEXT COLLATE "C" NOT NULL,
    search     TEXT COLLATE "C" NOT NULL,
    version    INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    doc        TEXT NOT NULL
);
CREATE INDEX people_sort ON people (sort_name, id);
CREATE INDEX people_created ON people (created_at, id);

CREATE TABLE person_affiliations (
    person_id TEXT COLLATE "C" NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    org_id    TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
    PRIMARY KEY (person_id, org_id)
);
CREATE INDEX person_affiliations_org ON person_affiliations (org_id, person_id);

CREATE TABLE flagships (
    id         TEXT COLLATE "C" PRIMARY KEY,
    program_id TEXT COLLATE "C" REFERENCES programs (id),
    slug       TEXT COLLATE "C" NOT NULL,
    version    INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    doc        TEXT NOT NULL
);
-- COALESCE makes the slug unique among flagships without a program too.
CREATE UNIQUE INDEX flagships_slug ON flagships (COALESCE(program_id, ''), slug);
CREATE INDEX flagships_program ON flagships (program_id, slug);

CREATE TABLE flagship_fields (
    flagship_id TEXT COLLATE "C" NOT NULL REFERENCES flagships (id) ON DELETE CASCADE,
    field_code  TEXT COLLATE "C" NOT NULL REFERENCES fields (id),
    PRIMARY KEY (flagship_id, field_code)
);
CREATE INDEX flagship_fields_field ON flagship_fields (field_code);

CREATE TABLE flagship_orgs (
    flagship_id TEXT COLLATE "C" NOT NULL REFERENCES flagships (id) ON DELETE CASCADE,
    org_id      TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
    PRIMARY KEY (flagship_id, org_id)
);
CREATE INDEX flagship_orgs_org ON flagship_orgs (org_id);

-- Fields and sides are also kept as comma-separated columns ("1.1,2.3",
-- "CN,RU") so that list filters test them on the row they read anyway and
-- stats group by them in one scan, instead of probing a child table per
-- candidate row.
CREATE TABLE activities (
    id          TEXT COLLATE "C" PRIMARY KEY,
    program_id  TEXT COLLATE "C" REFERENCES programs (id),
    type        TEXT COLLATE "C" NOT NULL,
    status      TEXT COLLATE "C" NOT NULL,
    start_at    BIGINT NOT NULL,
    start_month TEXT COLLATE "C" NOT NULL,
    sides       TEXT COLLATE "C" NOT NULL,
    fields      TEXT COLLATE "C" NOT NULL,
    flagship_id TEXT COLLATE "C" REFERENCES flagships (id),
    synthetic   BOOLEAN NOT NULL,
    version     INTEGER NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
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
    field_code  TEXT COLLATE "C" NOT NULL REFERENCES fields (id),
    activity_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (field_code, activity_id)
);

CREATE TABLE activity_orgs (
    org_id      TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
    activity_id TEXT COLLATE "C" NOT NULL,
    pos         INTEGER NOT NULL,
    side        TEXT COLLATE "C" NOT NULL,
    role        TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (org_id, activity_id, pos)
);

CREATE TABLE activity_people (
    person_id   TEXT COLLATE "C" NOT NULL REFERENCES people (id),
    activity_id TEXT COLLATE "C" NOT NULL,
    pos         INTEGER NOT NULL,
    side        TEXT COLLATE "C" NOT NULL,
    role        TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (person_id, activity_id, pos)
);

CREATE TABLE timeline (
    id             TEXT COLLATE "C" PRIMARY KEY,
    program_id     TEXT COLLATE "C" REFERENCES programs (id),
    date_key       BIGINT NOT NULL,
    date_precision TEXT COLLATE "C" NOT NULL,
    kind           TEXT COLLATE "C" NOT NULL,
    flagship_id    TEXT COLLATE "C" REFERENCES flagships (id),
    activity_id    TEXT COLLATE "C" REFERENCES activities (id),
    version        INTEGER NOT NULL,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    doc            TEXT NOT NULL
);
CREATE INDEX timeline_date ON timeline (date_key, id);
CREATE INDEX timeline_program ON timeline (program_id, date_key);
CREATE INDEX timeline_flagship ON timeline (flagship_id) WHERE flagship_id IS NOT NULL;
CREATE INDEX timeline_activity ON timeline (activity_id) WHERE activity_id IS NOT NULL;

CREATE TABLE timeline_people (
    entry_id  TEXT COLLATE "C" NOT NULL REFERENCES timeline (id) ON DELETE CASCADE,
    person_id TEXT COLLATE "C" NOT NULL REFERENCES people (id),
    PRIMARY KEY (entry_id, person_id)
);
CREATE INDEX timeline_people_person ON timeline_people (person_id);

CREATE TABLE timeline_orgs (
    entry_id TEXT COLLATE "C" NOT NULL REFERENCES timeline (id) ON DELETE CASCADE,
    org_id   TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
    PRIMARY KEY (entry_id, org_id)
);
CREATE INDEX timeline_orgs_org ON timeline_orgs (org_id);

-- The outbox is the ordered change feed that derived state follows.
CREATE TABLE outbox (
    seq  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT COLLATE "C" NOT NULL,
    id   TEXT COLLATE "C" NOT NULL,
    op   TEXT COLLATE "C" NOT NULL,
    at   BIGINT NOT NULL
);

-- +goose Down
DROP TABLE outbox CASCADE;
DROP TABLE timeline_orgs CASCADE;
DROP TABLE timeline_people CASCADE;
DROP TABLE timeline CASCADE;
DROP TABLE activity_people CASCADE;
DROP TABLE activity_orgs CASCADE;
DROP TABLE activity_fields CASCADE;
DROP TABLE activities CASCADE;
DROP TABLE flagship_orgs CASCADE;
DROP TABLE flagship_fields CASCADE;
DROP TABLE flagships CASCADE;
DROP TABLE person_affiliations CASCADE;
DROP TABLE people CASCADE;
DROP TABLE organizations CASCADE;
DROP TABLE program_fields CASCADE;
DROP TABLE fields CASCADE;
DROP TABLE programs CASCADE;
