-- Events, registrations and brokerage.
--
-- An event keeps its whole record (sessions, registration rules, brokerage
-- slots) as JSON in doc, and in columns what lists filter and sort by. It
-- points at the registry activity that counts it in the program's figures.
-- Registrations, brokerage profiles and meeting requests are rows of their
-- own, changed under a lock of their event's row so that capacity and
-- waiting-list order hold when many people register at once.

-- +goose Up
CREATE TABLE events (
    id          TEXT COLLATE "C" PRIMARY KEY,
    activity_id TEXT COLLATE "C" REFERENCES activities (id),
    kind        TEXT COLLATE "C" NOT NULL,
    public      BOOLEAN NOT NULL,
    start_at    BIGINT NOT NULL,
    end_at      BIGINT NOT NULL,
    version     INTEGER NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX events_start ON events (start_at, id);

CREATE TABLE event_registrations (
    id         TEXT COLLATE "C" PRIMARY KEY,
    event_id   TEXT COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id    TEXT COLLATE "C" NOT NULL,
    status     TEXT COLLATE "C" NOT NULL,
    ticket     TEXT COLLATE "C" UNIQUE,
    created_at BIGINT NOT NULL,
    doc        TEXT NOT NULL,
    UNIQUE (event_id, user_id)
);
CREATE INDEX event_registrations_user ON event_registrations (user_id);

CREATE TABLE broker_profiles (
    event_id TEXT COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id  TEXT COLLATE "C" NOT NULL,
    doc      TEXT NOT NULL,
    PRIMARY KEY (event_id, user_id)
);

CREATE TABLE broker_requests (
    id         TEXT COLLATE "C" PRIMARY KEY,
    event_id   TEXT COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    from_user  TEXT COLLATE "C" NOT NULL,
    to_user    TEXT COLLATE "C" NOT NULL,
    status     TEXT COLLATE "C" NOT NULL,
    created_at BIGINT NOT NULL,
    doc        TEXT NOT NULL,
    UNIQUE (event_id, from_user, to_user)
);

-- +goose Down
DROP TABLE broker_requests;
DROP TABLE broker_profiles;
DROP TABLE event_registrations;
DROP TABLE events;
