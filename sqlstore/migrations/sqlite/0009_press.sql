-- The press review queue: happenings read from news pages, proposed for
-- the timeline. The whole event is kept as JSON in doc; status and date
-- are copied into columns so that the queue lists the open events of an
-- office in date order from one index.

-- +goose Up
CREATE TABLE press_events (
    id         TEXT PRIMARY KEY,
    status     TEXT NOT NULL,
    date_key   TEXT NOT NULL,
    version    INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    doc        TEXT NOT NULL
);
CREATE INDEX press_events_status ON press_events (status, date_key, id);

-- +goose Down
DROP TABLE press_events;
