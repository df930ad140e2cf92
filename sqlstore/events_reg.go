package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"amur"
)

// Registrations runs fn over the event and its registrations, oldest
// first, under a lock of the event's row, then writes each registration fn
// returns (inserting new ids, replacing known ones) with an audit entry.
// fn's decisions about capacity and the waiting list therefore see every
// registration committed before and none committed during.
func (db *DB) Registrations(ctx context.Context, eventID string, fn func(*amur.Event, []*amur.Registration) ([]*amur.Registration, error)) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		e, err := db.eventIn(ctx, tx, eventID, true)
		if err != nil {
			return err
		}
		regs, err := db.registrations(ctx, tx, eventID)
		if err != nil {
			return err
		}
		byID := make(map[string]*amur.Registration, len(regs))
		for _, r := range regs {
			c := *r
			byID[r.ID] = &c
		}
		changed, err := fn(e, regs)
		if err != nil {
			return err
		}
		for _, r := range changed {
			r.UpdatedAt = db.now()
			if err := db.putRegistration(ctx, tx, r, byID[r.ID]); err != nil {
				return err
			}
		}
		return nil
	})
}

// UserRegistrations returns every registration of userID, oldest first.
func (db *DB) UserRegistrations(ctx context.Context, userID string) ([]*amur.Registration, error) {
	var out []*amur.Registration
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readDocs[amur.Registration](ctx, db, tx, "SELECT doc FROM event_registrations WHERE user_id = ? ORDER BY created_at, id", userID)
		return err
	})
	return out, err
}

// registrations reads an event's registrations in order of creation.
func (db *DB) registrations(ctx context.Context, tx *sql.Tx, eventID string) ([]*amur.Registration, error) {
	rows, err := tx.QueryContext(ctx, db.q("SELECT doc FROM event_registrations WHERE event_id = ? ORDER BY created_at, id"), eventID)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: read registrations: %w", err)
	}
	defer rows.Close()
	var out []*amur.Registration
	for rows.Next() {
		var doc []byte
		if err := rows.Scan(&doc); err != nil {
			return nil, err
		}
		r := &amur.Registration{}
		if err := json.Unmarshal(doc, r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// putRegistration inserts r, or replaces it when old is its stored version.
func (db *DB) putRegistration(ctx context.Context, tx *sql.Tx, r, old *amur.Registration) error {
	doc, err := json.Marshal(r)
	if err != nil {
		return err
	}
	action := amur.AuditUpdate
	if old == nil {
		action = amur.AuditCreate
		_, err = tx.ExecContext(ctx, db.q(`INSERT INTO event_registrations (id, event_id, user_id, status, ticket, created_at, doc)
			VALUES (?, ?, ?, ?, ?, ?, ?)`), r.ID, r.EventID, r.UserID, string(r.Status), null(r.Ticket), ms(r.CreatedAt), string(doc))
	} else {
		_, err = tx.ExecContext(ctx, db.q(`UPDATE event_registrations SET status = ?, ticket = ?, doc = ? WHERE id = ?`),
			string(r.Status), null(r.Ticket), string(doc), r.ID)
	}
	if err != nil {
		if db.d.violation(err).kind == vUnique {
			return &amur.Error{Code: amur.EConflict, Key: "events.already_registered", Field: "user_id", Err: err}
		}
		return fmt.Errorf("sqlstore: write registration: %w", err)
	}
	var before any
	if old != nil {
		before = old
	}
	return db.auditDoc(ctx, tx, action, kindRegistrations, r.ID, before, r)
}

// Brokerage runs fn over the event, its profiles and its meeting requests
// under a lock of the event's row and writes the profiles and requests fn
// returns, each with an audit entry.
func (db *DB) Brokerage(ctx context.Context, eventID string, fn func(*amur.Event, []*amur.BrokerProfile, []*amur.MeetingRequest) ([]*amur.BrokerProfile, []*amur.MeetingRequest, error)) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		e, err := db.eventIn(ctx, tx, eventID, true)
		if err != nil {
			return err
		}
		profiles, err := readDocs[amur.BrokerProfile](ctx, db, tx, "SELECT doc FROM broker_profiles WHERE event_id = ? ORDER BY user_id", eventID)
		if err != nil {
			return err
		}
		reqs, err := readDocs[amur.MeetingRequest](ctx, db, tx, "SELECT doc FROM broker_requests WHERE event_id = ? ORDER BY created_at, id", eventID)
		if err != nil {
			return err
		}
		oldP := map[string]amur.BrokerProfile{}
		for _, p := range profiles {
			oldP[p.UserID] = *p
		}
		oldR := map[string]amur.MeetingRequest{}
		for _, r := range reqs {
			oldR[r.ID] = *r
		}
		cp, cr, err := fn(e, profiles, reqs)
		if err != nil {
			return err
		}
		for _, p := range cp {
			p.UpdatedAt = db.now()
			old, ok := oldP[p.UserID]
			if err := db.putProfile(ctx, tx, p, ok, old); err != nil {
				return err
			}
		}
		for _, r := range cr {
			r.UpdatedAt = db.now()
			old, ok := oldR[r.ID]
			if err := db.putRequest(ctx, tx, r, ok, old); err != nil {
				return err
			}
		}
		return nil
	})
}

// readDocs reads the JSON documents a query returns.
func readDocs[T any](ctx context.Context, db *DB, tx *sql.Tx, query string, args ...any) ([]*T, error) {
	rows, err := tx.QueryContext(ctx, db.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: read: %w", err)
	}
	defer rows.Close()
	var out []*T
	for rows.Next() {
		var doc []byte
		if err := rows.Scan(&doc); err != nil {
			return nil, err
		}
		v := new(T)
		if err := json.Unmarshal(doc, v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// putProfile inserts or replaces a brokerage profile.
func (db *DB) putProfile(ctx context.Context, tx *sql.Tx, p *amur.BrokerProfile, exists bool, old amur.BrokerProfile) error {
	doc, err := json.Marshal(p)
	if err != nil {
		return err
	}
	var before any
	action := amur.AuditCreate
	if exists {
		action, before = amur.AuditUpdate, old
		_, err = tx.ExecContext(ctx, db.q("UPDATE broker_profiles SET doc = ? WHERE event_id = ? AND user_id = ?"), string(doc), p.EventID, p.UserID)
	} else {
		_, err = tx.ExecContext(ctx, db.q("INSERT INTO broker_profiles (event_id, user_id, doc) VALUES (?, ?, ?)"), p.EventID, p.UserID, string(doc))
	}
	if err != nil {
		return fmt.Errorf("sqlstore: write profile: %w", err)
	}
	return db.auditDoc(ctx, tx, action, kindProfiles, p.EventID+"/"+p.UserID, before, p)
}

// putRequest inserts or replaces a meeting request.
func (db *DB) putRequest(ctx context.Context, tx *sql.Tx, r *amur.MeetingRequest, exists bool, old amur.MeetingRequest) error {
	doc, err := json.Marshal(r)
	if err != nil {
		return err
	}
	var before any
	action := amur.AuditCreate
	if exists {
		action, before = amur.AuditUpdate, old
		_, err = tx.ExecContext(ctx, db.q("UPDATE broker_requests SET status = ?, doc = ? WHERE id = ?"), string(r.Status), string(doc), r.ID)
	} else {
		_, err = tx.ExecContext(ctx, db.q(`INSERT INTO broker_requests (id, event_id, from_user, to_user, status, created_at, doc)
			VALUES (?, ?, ?, ?, ?, ?, ?)`), r.ID, r.EventID, r.From, r.To, string(r.Status), ms(r.CreatedAt), string(doc))
	}
	if err != nil {
		if db.d.violation(err).kind == vUnique {
			return &amur.Error{Code: amur.EConflict, Key: "events.request_exists", Field: "to", Err: err}
		}
		return fmt.Errorf("sqlstore: write request: %w", err)
	}
	return db.auditDoc(ctx, tx, action, kindRequests, r.ID, before, r)
}
