package sqlstore

import (
	"context"
	"database/sql"

	"amur"
)

// PublishPressEvent creates the timeline entry of an open event in the
// program and marks the event published, in one transaction with the
// entry's outbox change and both audit entries.
func (db *DB) PublishPressEvent(ctx context.Context, id, programID string) (*amur.TimelineEntry, error) {
	if programID == "" {
		return nil, amur.Invalid("program_id", "err.required")
	}
	var entry *amur.TimelineEntry
	err := db.write(ctx, func(tx *sql.Tx) error {
		old, _, err := db.openPress(ctx, tx, id)
		if err != nil {
			return err
		}
		entry = old.Entry(programID)
		if err := db.createIn(ctx, tx, entry); err != nil {
			return err
		}
		e := *old
		e.Status, e.EntryID = amur.PressPublished, entry.ID
		return db.savePress(ctx, tx, old, &e, "decision")
	})
	if err != nil {
		return nil, err
	}
	return entry, nil
}
