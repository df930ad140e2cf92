package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"amur"
)

// The kinds under which event changes are audited. They are not registry
// kinds: they write no outbox change, since nothing derived is built from
// them, and take the outbox lock only to keep audit order (see auditUser).
const (
	kindEvents        = amur.KindEvents
	kindRegistrations = amur.KindRegistrations
	kindProfiles      = amur.KindBrokerProfiles
	kindRequests      = amur.KindBrokerRequests
)

var _ amur.EventStore = (*DB)(nil)

// auditDoc writes an audit entry with the JSON of before and after (nil
// when absent), under the outbox lock.
func (db *DB) auditDoc(ctx context.Context, tx *sql.Tx, action string, k amur.Kind, id string, before, after any) error {
	if err := db.d.lockOutbox(ctx, tx); err != nil {
		return fmt.Errorf("sqlstore: lock outbox: %w", err)
	}
	var docs [2][]byte
	for i, v := range []any{before, after} {
		if v == nil {
			continue
		}
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		docs[i] = b
	}
	return db.audit(ctx, tx, action, k, id, docs[0], docs[1])
}

// CreateEvent stores e and, when a is not nil, the registry activity that
// counts it, in one transaction; e.ActivityID is set to a's id.
func (db *DB) CreateEvent(ctx context.Context, e *amur.Event, a *amur.Activity) error {
	e.Normalize()
	if err := e.Validate(); err != nil {
		return err
	}
	saved := e.Meta
	e.Touch(db.now())
	truncMeta(&e.Meta)
	err := db.write(ctx, func(tx *sql.Tx) error {
		if a != nil {
			if err := db.createIn(ctx, tx, a); err != nil {
				return amur.WithField(err, "activity")
			}
			e.ActivityID = a.ID
		}
		doc, err := json.Marshal(e)
		if err != nil {
			return err
		}
		start, end, _ := e.Span()
		_, err = tx.ExecContext(ctx, db.q(`INSERT INTO events (id, activity_id, kind, public, start_at, end_at, version, created_at, updated_at, doc)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`), e.ID, null(e.ActivityID), string(e.Kind), e.Public, ms(start), ms(end),
			e.Version, ms(e.CreatedAt), ms(e.UpdatedAt), string(doc))
		if err != nil {
			return db.eventErr(err)
		}
		return db.auditDoc(ctx, tx, amur.AuditCreate, kindEvents, e.ID, nil, e)
	})
	if err != nil {
		e.Meta = saved
	}
	return err
}

// eventErr turns a driver error of an event write into a domain error.
func (db *DB) eventErr(err error) error {
	switch db.d.violation(err).kind {
	case vUnique:
		return &amur.Error{Code: amur.EConflict, Key: "err.duplicate", Args: map[string]any{"kind": "events"}, Err: err}
	case vForeignKey:
		return &amur.Error{Code: amur.EInvalid, Key: "err.ref", Args: map[string]any{"kind": "events"}, Field: "activity_id", Err: err}
	}
	return fmt.Errorf("sqlstore: write event: %w", err)
}

// Event returns the event with id.
func (db *DB) Event(ctx context.Context, id string) (*amur.Event, error) {
	var e *amur.Event
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		e, err = db.eventIn(ctx, tx, id, false)
		return err
	})
	return e, err
}

// eventIn reads the event with id in tx; lock takes a write lock on its
// row first (a no-op update, which PostgreSQL locks and SQLite serialises).
func (db *DB) eventIn(ctx context.Context, tx *sql.Tx, id string, lock bool) (*amur.Event, error) {
	if !amur.ValidID(id) {
		return nil, amur.NotFound("events", id)
	}
	if lock {
		if _, err := tx.ExecContext(ctx, db.q("UPDATE events SET version = version WHERE id = ?"), id); err != nil {
			return nil, fmt.Errorf("sqlstore: lock event: %w", err)
		}
	}
	var doc []byte
	err := tx.QueryRowContext(ctx, db.q("SELECT doc FROM events WHERE id = ?"), id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, amur.NotFound("events", id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlstore: read event: %w", err)
	}
	e := &amur.Event{}
	if err := json.Unmarshal(doc, e); err != nil {
		return nil, fmt.Errorf("sqlstore: decode event %s: %w", id, err)
	}
	return e, nil
}

// UpdateEvent replaces the event when e.Version is the stored version.
func (db *DB) UpdateEvent(ctx context.Context, e *amur.Event) error {
	e.Normalize()
	if err := e.Validate(); err != nil {
		return err
	}
	saved := e.Meta
	err := db.write(ctx, func(tx *sql.Tx) error {
		old, err := db.eventIn(ctx, tx, e.ID, true)
		if err != nil {
			return err
		}
		if old.Version != e.Version {
			x := amur.Errorf(amur.EStale, "err.stale", "kind", "events", "id", e.ID, "version", old.Version)
			x.Field = "version"
			return x
		}
		e.Version, e.CreatedAt, e.UpdatedAt = old.Version+1, old.CreatedAt, db.now()
		e.ActivityID = old.ActivityID
		truncMeta(&e.Meta)
		doc, err := json.Marshal(e)
		if err != nil {
			return err
		}
		start, end, _ := e.Span()
		_, err = tx.ExecContext(ctx, db.q(`UPDATE events SET kind = ?, public = ?, start_at = ?, end_at = ?, version = ?, updated_at = ?, doc = ? WHERE id = ?`),
			string(e.Kind), e.Public, ms(start), ms(end), e.Version, ms(e.UpdatedAt), string(doc), e.ID)
		if err != nil {
			return db.eventErr(err)
		}
		if err := db.syncActivity(ctx, tx, e); err != nil {
			return err
		}
		return db.auditDoc(ctx, tx, amur.AuditUpdate, kindEvents, e.ID, old, e)
	})
	if err != nil {
		e.Meta = saved
	}
	return err
}

// syncActivity copies the event's title, description, venue and times to
// the registry activity that counts it, in tx, so that the program's
// figures and lists follow a rescheduled event.
func (db *DB) syncActivity(ctx context.Context, tx *sql.Tx, e *amur.Event) error {
	if e.ActivityID == "" {
		return nil
	}
	t, err := tableOf(amur.KindActivity)
	if err != nil {
		return err
	}
	var doc []byte
	err = tx.QueryRowContext(ctx, db.q("SELECT doc FROM activities WHERE id = ?"), e.ActivityID).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // the activity was deleted from the registry; the event stands alone
	}
	if err != nil {
		return fmt.Errorf("sqlstore: read event activity: %w", err)
	}
	a := &amur.Activity{}
	if err := decode(doc, a); err != nil {
		return err
	}
	a.Title, a.Description, a.Location, a.Start, a.End, a.Zone = e.Title, e.Description, e.Venue, e.Start, e.End, e.Zone
	if err := amur.Prepare(a); err != nil {
		return amur.WithField(err, "activity")
	}
	stored := a.Version
	old, before, err := db.bumpMeta(ctx, tx, t, &a.Meta)
	if err != nil {
		return err
	}
	after, err := db.replace(ctx, tx, t, a, old, stored)
	if err != nil {
		return err
	}
	return db.changed(ctx, tx, amur.AuditUpdate, t.kind, a.ID, before, after)
}

// DeleteEvent deletes the event with its registrations and brokerage; its
// activity stays in the registry, since the event did take place.
func (db *DB) DeleteEvent(ctx context.Context, id string) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		old, err := db.eventIn(ctx, tx, id, true)
		if err != nil {
			return err
		}
		for _, t := range []string{"broker_requests", "broker_profiles", "event_registrations"} {
			if _, err := tx.ExecContext(ctx, db.q("DELETE FROM "+t+" WHERE event_id = ?"), id); err != nil {
				return fmt.Errorf("sqlstore: delete event: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, db.q("DELETE FROM events WHERE id = ?"), id); err != nil {
			return fmt.Errorf("sqlstore: delete event: %w", err)
		}
		return db.auditDoc(ctx, tx, amur.AuditDelete, kindEvents, id, old, nil)
	})
}

// Events lists events by start.
func (db *DB) Events(ctx context.Context, f amur.EventFilter) (*amur.List[*amur.Event], error) {
	if err := f.Page.Validate([]string{"start", "-start"}); err != nil {
		return nil, err
	}
	var where []string
	var args []any
	if f.PublicOnly {
		where = append(where, "public = ?")
		args = append(args, true)
	}
	if !f.From.IsZero() {
		where = append(where, "end_at >= ?")
		args = append(args, ms(f.From))
	}
	if !f.To.IsZero() {
		where = append(where, "start_at <= ?")
		args = append(args, ms(f.To))
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	order := "start_at, id"
	if f.Sort == "-start" {
		order = "start_at DESC, id DESC"
	}
	out := &amur.List[*amur.Event]{Items: []*amur.Event{}, Total: -1}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, db.q("SELECT doc FROM events"+cond+" ORDER BY "+order+" LIMIT ? OFFSET ?"),
			append(args, f.Limit+1, f.Offset)...)
		if err != nil {
			return fmt.Errorf("sqlstore: list events: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var doc []byte
			if err := rows.Scan(&doc); err != nil {
				return err
			}
			e := &amur.Event{}
			if err := json.Unmarshal(doc, e); err != nil {
				return err
			}
			out.Items = append(out.Items, e)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if f.Count {
			return tx.QueryRowContext(ctx, db.q("SELECT COUNT(*) FROM events"+cond), args...).Scan(&out.Total)
		}
		return nil
	})
	if len(out.Items) > f.Limit {
		out.Items, out.More = out.Items[:f.Limit], true
	}
	return out, err
}
