-- Research offers, industrial requests and expressions of interest.
--
-- Offers and requests share one shape: the columns lists filter and sort
-- by (status, side, owner, expiry as a "YYYY-MM-DD" key that compares as
-- text, the anonymity mark) beside the JSON document, and their
-- fields of science as child rows, so that a field filter reads an index
-- and a foreign key guards each code. A published listing whose expiry
-- has passed shows as expired; the status filter computes that from
-- expires_on, so nothing has to rewrite rows when a day passes.
-- Interests reference their offer or request, so a listing with
-- interests cannot be deleted under them.

-- +goose Up
CREATE TABLE offers (
    id         TEXT COLLATE "C" PRIMARY KEY,
    status     TEXT COLLATE "C" NOT NULL,
    side       TEXT COLLATE "C" NOT NULL,
    owner_id   TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
    contact_id TEXT COLLATE "C" REFERENCES people (id),
    expires_on TEXT COLLATE "C",
    anonymous  BOOLEAN NOT NULL,
    trl        INTEGER NOT NULL,
    kind       TEXT COLLATE "C" NOT NULL,
    synthetic  BOOLEAN NOT NULL,
    version    INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    doc        TEXT NOT NULL
);
CREATE INDEX offers_created ON offers (created_at, id, status, side);
CREATE INDEX offers_owner ON offers (owner_id, created_at);
CREATE INDEX offers_contact ON offers (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX offers_status ON offers (status, side, expires_on);

CREATE TABLE offer_fields (
    offer_id TEXT COLLATE "C" NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    field_code TEXT COLLATE "C" NOT NULL REFERENCES fields (id),
    PRIMARY KEY (offer_id, field_code)
);
CREATE INDEX offer_fields_field ON offer_fields (field_code, offer_id);

CREATE TABLE requests (
    id         TEXT COLLATE "C" PRIMARY KEY,
    status     TEXT COLLATE "C" NOT NULL,
    side       TEXT COLLATE "C" NOT NULL,
    owner_id   TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
    contact_id TEXT COLLATE "C" REFERENCES people (id),
    expires_on TEXT COLLATE "C",
    anonymous  BOOLEAN NOT NULL,
    trl        INTEGER NOT NULL,
    trl_max    INTEGER NOT NULL,
    synthetic  BOOLEAN NOT NULL,
    version    INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    doc        TEXT NOT NULL
);
CREATE INDEX requests_created ON requests (created_at, id, status, side);
CREATE INDEX requests_owner ON requests (owner_id, created_at);
CREATE INDEX requests_contact ON requests (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX requests_status ON requests (status, side, expires_on);

CREATE TABLE request_fields (
    request_id TEXT COLLATE "C" NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    field_code TEXT COLLATE "C" NOT NULL REFERENCES fields (id),
    PRIMARY KEY (request_id, field_code)
);
CREATE INDEX request_fields_field ON request_fields (field_code, request_id);

CREATE TABLE interests (
    id         TEXT COLLATE "C" PRIMARY KEY,
    offer_id   TEXT COLLATE "C" REFERENCES offers (id),
    request_id TEXT COLLATE "C" REFERENCES requests (id),
    org_id     TEXT COLLATE "C" REFERENCES organizations (id),
    person_id  TEXT COLLATE "C" REFERENCES people (id),
    user_id    TEXT COLLATE "C",
    status     TEXT COLLATE "C" NOT NULL,
    version    INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    doc        TEXT NOT NULL
);
CREATE INDEX interests_offer ON interests (offer_id, created_at) WHERE offer_id IS NOT NULL;
CREATE INDEX interests_request ON interests (request_id, created_at) WHERE request_id IS NOT NULL;
CREATE INDEX interests_org ON interests (org_id, created_at) WHERE org_id IS NOT NULL;
CREATE INDEX interests_person ON interests (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX interests_user ON interests (user_id, created_at) WHERE user_id IS NOT NULL;
CREATE INDEX interests_created ON interests (created_at, id);

-- +goose Down
DROP TABLE interests;
DROP TABLE request_fields;
DROP TABLE requests;
DROP TABLE offer_fields;
DROP TABLE offers;
