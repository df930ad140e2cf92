package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"amur"
)

var _ amur.PressStore = (*DB)(nil)

// ProposePress stores new proposed events in one transaction, each with an
// audit entry.
func (db *DB) ProposePress(ctx context.Context, evs []*amur.PressEvent) error {
	for i, e := range evs {
		e.Status = amur.PressProposed
		if err := preparePress(e); err != nil {
			return amur.WithField(err, fmt.Sprintf("events[%d]", i))
		}
	}
	saved := make([]amur.Meta, len(evs))
	err := db.write(ctx, func(tx *sql.Tx) error {
		for i, e := range evs {
			saved[i] = e.Meta
			e.Touch(db.now())
			truncMeta(&e.Meta)
			doc, err := json.Marshal(e)
			if err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, db.q("INSERT INTO press_events (id, status, date_key, version, created_at, updated_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?)"),
				e.ID, string(e.Status), e.Date.String(), e.Version, ms(e.CreatedAt), ms(e.UpdatedAt), string(doc))
			if err != nil {
				return db.pressErr(err)
			}
			if err := db.auditPress(ctx, tx, amur.AuditCreate, e.ID, nil, doc); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		for i, e := range evs {
			e.Meta = saved[i]
		}
	}
	return err
}

// preparePress normalises and validates a proposed event.
func preparePress(e *amur.PressEvent) error {
	e.Normalize()
	return e.Validate()
}

// pressErr turns a driver error of a queue write into a domain error.
func (db *DB) pressErr(err error) error {
	if db.d.violation(err).kind == vUnique {
		e := amur.Errorf(amur.EConflict, "err.duplicate", "kind", string(amur.KindPress))
		e.Field, e.Err = "id", err
		return e
	}
	return fmt.Errorf("sqlstore: press: %w", err)
}

// auditPress writes the audit entry of a change of the queue. The outbox
// lock keeps audit sequence numbers committing in order on PostgreSQL, as
// for account changes.
func (db *DB) auditPress(ctx context.Context, tx *sql.Tx, action, id string, before, after []byte) error {
	if err := db.d.lockOutbox(ctx, tx); err != nil {
		return fmt.Errorf("sqlstore: lock outbox: %w", err)
	}
	return db.audit(ctx, tx, action, amur.KindPress, id, before, after)
}

// PressEvent returns one proposed event.
func (db *DB) PressEvent(ctx context.Context, id string) (*amur.PressEvent, error) {
	var e *amur.PressEvent
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		e, _, err = db.pressRow(ctx, tx, id)
		return err
	})
	return e, err
}

// pressRow reads a proposed event and its stored document in tx.
func (db *DB) pressRow(ctx context.Context, tx *sql.Tx, id string) (*amur.PressEvent, []byte, error) {
	var doc []byte
	err := tx.QueryRowContext(ctx, db.q("SELECT doc FROM press_events WHERE id = ?"), id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, amur.NotFound(string(amur.KindPress), id)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("sqlstore: press: %w", err)
	}
	var e amur.PressEvent
	if err := json.Unmarshal(doc, &e); err != nil {
		return nil, nil, fmt.Errorf("sqlstore: decode press event: %w", err)
	}
	return &e, doc, nil
}

// PressEvents lists proposed events, by date unless f.Sort says otherwise.
func (db *DB) PressEvents(ctx context.Context, f amur.PressFilter) (*amur.List[*amur.PressEvent], error) {
	if err := f.Page.Validate(amur.PressSorts); err != nil {
		return nil, err
	}
	var w filter
	in(&w, "status", f.Statuses)
	order := map[string]string{"": "date_key, id", "date": "date_key, id", "-date": "date_key DESC, id DESC",
		"created": "created_at, id", "-created": "created_at DESC, id DESC"}[f.Sort]
	from := " FROM press_events" + w.sql()
	out := &amur.List[*amur.PressEvent]{Items: []*amur.PressEvent{}, Total: -1}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, db.q("SELECT doc"+from+" ORDER BY "+order+" LIMIT ? OFFSET ?"), append(w.args, f.Limit+1, f.Offset)...)
		if err != nil {
			return fmt.Errorf("sqlstore: press: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var doc []byte
			var e amur.PressEvent
			if err := rows.Scan(&doc); err != nil {
				return err
			}
			if err := json.Unmarshal(doc, &e); err != nil {
				return fmt.Errorf("sqlstore: decode press event: %w", err)
			}
			out.Items = append(out.Items, &e)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if !f.Count {
			return nil
		}
		return tx.QueryRowContext(ctx, db.q("SELECT count(*)"+from), w.args...).Scan(&out.Total)
	})
	if err != nil {
		return nil, err
	}
	if len(out.Items) > f.Limit {
		out.Items, out.More = out.Items[:f.Limit], true
	}
	return out, nil
}

// UpdatePressEvent replaces an open proposed event whose version matches.
func (db *DB) UpdatePressEvent(ctx context.Context, e *amur.PressEvent) error {
	if err := preparePress(e); err != nil {
		return err
	}
	return db.write(ctx, func(tx *sql.Tx) error {
		old, _, err := db.openPress(ctx, tx, e.ID)
		if err != nil {
			return err
		}
		if old.Version != e.Version {
			ee := amur.Errorf(amur.EStale, "err.stale", "kind", string(amur.KindPress), "id", e.ID, "version", old.Version)
			ee.Field = "version"
			return ee
		}
		e.Status, e.CreatedAt, e.EntryID, e.MergedInto = old.Status, old.CreatedAt, old.EntryID, old.MergedInto
		return db.savePress(ctx, tx, old, e, amur.AuditUpdate)
	})
}

// openPress reads an event that is still proposed; a decided one is a
// conflict.
func (db *DB) openPress(ctx context.Context, tx *sql.Tx, id string) (*amur.PressEvent, []byte, error) {
	e, doc, err := db.pressRow(ctx, tx, id)
	if err != nil {
		return nil, nil, err
	}
	if e.Status != amur.PressProposed {
		return nil, nil, amur.Errorf(amur.EConflict, "press.decided", "id", id, "status", string(e.Status))
	}
	return e, doc, nil
}

// savePress writes a new version of an event with its audit entry.
func (db *DB) savePress(ctx context.Context, tx *sql.Tx, old, e *amur.PressEvent, action string) error {
	before, err := json.Marshal(old)
	if err != nil {
		return err
	}
	e.Version = old.Version + 1
	e.UpdatedAt = db.now()
	truncMeta(&e.Meta)
	after, err := json.Marshal(e)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, db.q("UPDATE press_events SET status = ?, date_key = ?, version = ?, updated_at = ?, doc = ? WHERE id = ? AND version = ?"),
		string(e.Status), e.Date.String(), e.Version, ms(e.UpdatedAt), string(after), e.ID, old.Version)
	if err != nil {
		return db.pressErr(err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return amur.Errorf(amur.EStale, "err.stale", "kind", string(amur.KindPress), "id", e.ID)
	}
	return db.auditPress(ctx, tx, action, e.ID, before, after)
}

// RejectPressEvent marks an open event rejected.
func (db *DB) RejectPressEvent(ctx context.Context, id string) (*amur.PressEvent, error) {
	var out *amur.PressEvent
	err := db.write(ctx, func(tx *sql.Tx) error {
		old, _, err := db.openPress(ctx, tx, id)
		if err != nil {
			return err
		}
		e := *old
		e.Status = amur.PressRejected
		out = &e
		return db.savePress(ctx, tx, old, &e, "decision")
	})
	return out, err
}

// MergePressEvents folds the open events from into the open event into.
func (db *DB) MergePressEvents(ctx context.Context, into string, from []string) (*amur.PressEvent, error) {
	if len(from) == 0 {
		return nil, amur.Invalid("from", "err.required")
	}
	if slices.Contains(from, into) {
		return nil, amur.Invalid("from", "press.merge_self")
	}
	var out *amur.PressEvent
	err := db.write(ctx, func(tx *sql.Tx) error {
		old, _, err := db.openPress(ctx, tx, into)
		if err != nil {
			return err
		}
		target := *old
		for _, id := range from {
			src, _, err := db.openPress(ctx, tx, id)
			if err != nil {
				return err
			}
			foldPress(&target, src)
			gone := *src
			gone.Status, gone.MergedInto = amur.PressMerged, into
			if err := db.savePress(ctx, tx, src, &gone, "merge"); err != nil {
				return err
			}
		}
		target.Normalize()
		out = &target
		return db.savePress(ctx, tx, old, &target, "merge")
	})
	return out, err
}

// foldPress adds the names and sources of src to e.
func foldPress(e, src *amur.PressEvent) {
	add := func(list []string, vs []string) []string {
		for _, v := range vs {
			if !slices.Contains(list, v) {
				list = append(list, v)
			}
		}
		return list
	}
	e.People, e.Organizations, e.Fields = add(e.People, src.People), add(e.Organizations, src.Organizations), add(e.Fields, src.Fields)
	e.PersonIDs, e.OrgIDs = add(e.PersonIDs, src.PersonIDs), add(e.OrgIDs, src.OrgIDs)
	for _, s := range src.Sources {
		if !slices.Contains(e.Sources, s) {
			e.Sources = append(e.Sources, s)
		}
	}
}
