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
    id          TEXT PRIMARY KEY,
    activity_id TEXT REFERENCES activities (id),
    kind        TEXT NOT NULL,
    public      INTEGER NOT NULL,
    start_at    BIGINT NOT NULL,
    end_at      BIGINT NOT NULL,
    version     INTEGER NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX events_start ON events (start_at, id);

CREATE TABLE event_registrations (
    id         TEXT PRIMARY KEY,
    event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL,
    status     TEXT NOT NULL,
    ticket     TEXT UNIQUE,
    created_at BIGINT NOT NULL,
    doc        TEXT NOT NULL,
    UNIQUE (event_id, user_id)
);
CREATE INDEX event_registrations_user ON event_registrations (user_id);

CREATE TABLE broker_profiles (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL,
    doc      TEXT NOT NULL,
    PRIMARY KEY (event_id, user_id)
);

CREATE TABLE broker_requests (
    id         TEXT PRIMARY KEY,
    event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    from_user  TEXT NOT NULL,
    to_user    TEXT NOT NULL,
    status     TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    doc        TEXT NOT NULL,
    UNIQUE (event_id, from_user, to_user)
);

-- +goose Down
DROP TABLE broker_requests;
DROP TABLE broker_profiles;
DROP TABLE event_registrations;
DROP TABLE events;
