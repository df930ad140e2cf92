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

// createIn stores a new record inside tx the way create does in its own
// transaction: prepared, references and unique keys checked, with its
// outbox change and audit entry.
func (db *DB) createIn(ctx context.Context, tx *sql.Tx, r amur.Record) error {
	if err := amur.Prepare(r); err != nil {
		return err
	}
	t, err := tableOf(r.RecordKind())
	if err != nil {
		return err
	}
	m := r.Base()
	m.Touch(db.now())
	truncMeta(m)
	if err := db.checkRefs(ctx, tx, t.refs(r)); err != nil {
		return err
	}
	if err := db.checkUnique(ctx, tx, t, r, true); err != nil {
		return err
	}
	doc, err := db.insert(ctx, tx, t, r)
	if err != nil {
		return err
	}
	return db.changed(ctx, tx, amur.AuditCreate, t.kind, m.ID, nil, doc)
}
