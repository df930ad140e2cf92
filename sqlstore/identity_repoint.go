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

// repoint replaces every reference to the record from in r by one to to,
// dropping what the replacement makes a repeat.
func repoint(r amur.Record, from, to string) {
	swap := func(ids []string) []string {
		for i, id := range ids {
			if id == from {
				ids[i] = to
			}
		}
		slices.Sort(ids)
		return slices.Compact(ids)
	}
	switch x := r.(type) {
	case *amur.Organization:
		if x.ParentID == from {
			x.ParentID = to
			if x.ID == to {
				x.ParentID = ""
			}
		}
	case *amur.Person:
		seen := map[string]bool{}
		out := x.Affiliations[:0]
		for _, a := range x.Affiliations {
			if a.OrgID == from {
				a.OrgID = to
			}
			k := a.OrgID + "\x00" + a.From.String() + "\x00" + a.To.String()
			if !seen[k] {
				seen[k] = true
				out = append(out, a)
			}
		}
		x.Affiliations = out
	case *amur.Flagship:
		x.OrgIDs = swap(x.OrgIDs)
	case *amur.TimelineEntry:
		x.PersonIDs = swap(x.PersonIDs)
		x.OrgIDs = swap(x.OrgIDs)
	case *amur.Activity:
		seen := map[amur.Participant]bool{}
		out := x.Participants[:0]
		for _, p := range x.Participants {
			if p.OrgID == from {
				p.OrgID = to
			}
			if p.PersonID == from {
				p.PersonID = to
			}
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
		x.Participants = out
	}
}

// absorb makes keep take in the merged record: every name of drop becomes
// an alias of keep, and keep takes the identifiers, acronyms, affiliations
// and contact data it lacks.
func absorb(keep, drop amur.Record) {
	switch k := keep.(type) {
	case *amur.Person:
		d := drop.(*amur.Person)
		for _, n := range []amur.PersonName{d.Native, d.Latin} {
			if f := n.FamilyFirst(); f != "" && f != k.Native.FamilyFirst() && f != k.Latin.FamilyFirst() {
				k.Aliases = append(k.Aliases, f)
			}
		}
		k.Aliases = append(k.Aliases, d.Aliases...)
		if k.ORCID == "" {
			k.ORCID = d.ORCID
		}
		if k.Contact.Email == "" {
			k.Contact.Email = d.Contact.Email
		}
		if k.Contact.Phone == "" {
			k.Contact.Phone = d.Contact.Phone
		}
		for _, a := range d.Affiliations {
			if !slices.ContainsFunc(k.Affiliations, func(b amur.Affiliation) bool { return b.OrgID == a.OrgID }) && a.OrgID != k.ID {
				k.Affiliations = append(k.Affiliations, a)
			}
		}
		k.Keywords = append(k.Keywords, d.Keywords...)
	case *amur.Organization:
		d := drop.(*amur.Organization)
		for _, n := range []string{d.Name.ZH, d.Name.RU, d.Name.EN} {
			if n != "" && n != k.Name.ZH && n != k.Name.RU && n != k.Name.EN {
				k.Aliases = append(k.Aliases, n)
			}
		}
		k.Aliases = append(k.Aliases, d.Aliases...)
		k.Acronyms = append(k.Acronyms, d.Acronyms...)
		if k.ROR == "" {
			k.ROR = d.ROR
		}
		if k.Website == "" {
			k.Website = d.Website
		}
		if k.ParentID == "" && d.ParentID != k.ID {
			k.ParentID = d.ParentID
		}
	}
}

// UndoMerge restores, in one transaction, every record a merge changed to
// what it was before (the same document, version included), re-creates
// the merged record and moves its accounts back. It fails with EStale
// naming the record when one changed after the merge, and with EConflict
// when the merge was undone already.
func (db *DB) UndoMerge(ctx context.Context, id string) (*amur.Merge, error) {
	var out *amur.Merge
	err := db.write(ctx, func(tx *sql.Tx) error {
		m, log, err := db.merge(ctx, tx, id)
		if err != nil {
			return err
		}
		if m.UndoneAt != nil {
			return amur.Errorf(amur.EConflict, "identity.err.undone")
		}
		// Backwards: keep first loses what it took (its ROR, for one), then
		// the merged record returns, then what referred to it.
		for i := len(log.Records) - 1; i >= 0; i-- {
			u := log.Records[i]
			if u.ID == m.Keep && u.Kind == m.Kind && i == len(log.Records)-1 {
				if err := db.restore(ctx, tx, u); err != nil {
					return err
				}
				if err := db.recreate(ctx, tx, m.Kind, log.Drop); err != nil {
					return err
				}
				continue
			}
			if err := db.restore(ctx, tx, u); err != nil {
				return err
			}
		}
		return db.finishUndo(ctx, tx, m, log)
	})
	if err == nil {
		out, err = db.Merge(ctx, id)
	}
	return out, err
}

// restore puts back the document a record had before a merge, provided it
// is still at the version the merge left it at.
func (db *DB) restore(ctx context.Context, tx *sql.Tx, u undoRecord) error {
	t, err := tableOf(u.Kind)
	if err != nil {
		return err
	}
	cur, curDoc, err := db.readDoc(ctx, tx, t, u.ID)
	if err != nil {
		return err
	}
	if cur.Base().Version != u.After {
		e := amur.Errorf(amur.EStale, "err.stale", "kind", string(u.Kind), "id", u.ID, "version", cur.Base().Version)
		e.Field = "version"
		return e
	}
	r := amur.NewRecord(u.Kind)
	if err := decode(u.Before, r); err != nil {
		return err
	}
	old, err := decodeIfKeyed(t, curDoc)
	if err != nil {
		return err
	}
	after, err := db.replace(ctx, tx, t, r, old, u.After)
	if err != nil {
		return err
	}
	return db.changed(ctx, tx, amur.AuditUpdate, u.Kind, u.ID, curDoc, after)
}

// recreate inserts the merged record again from its document.
func (db *DB) recreate(ctx context.Context, tx *sql.Tx, k amur.Kind, doc []byte) error {
	t, err := tableOf(k)
	if err != nil {
		return err
	}
	r := amur.NewRecord(k)
	if err := decode(doc, r); err != nil {
		return err
	}
	stored, err := db.insert(ctx, tx, t, r)
	if err != nil {
		return err
	}
	return db.changed(ctx, tx, amur.AuditCreate, k, r.Base().ID, nil, stored)
}

// finishUndo moves the accounts back, marks the merge undone, reopens its
// pair and audits the undo.
func (db *DB) finishUndo(ctx context.Context, tx *sql.Tx, m *amur.Merge, log undoLog) error {
	for _, u := range log.Users {
		if _, err := tx.ExecContext(ctx, db.q("UPDATE users SET org_id = ? WHERE id = ? AND org_id = ?"), m.Drop, u, m.Keep); err != nil {
			return fmt.Errorf("sqlstore: move accounts back: %w", err)
		}
		b, _ := json.Marshal(map[string]string{"id": u, "org_id": m.Keep})
		a, _ := json.Marshal(map[string]string{"id": u, "org_id": m.Drop})
		if err := db.audit(ctx, tx, amur.AuditUpdate, amur.KindUser, u, b, a); err != nil {
			return err
		}
	}
	now := db.now()
	if _, err := tx.ExecContext(ctx, db.q("UPDATE identity_merges SET undone_at = ? WHERE id = ?"), ms(now), m.ID); err != nil {
		return fmt.Errorf("sqlstore: undo merge: %w", err)
	}
	if _, err := tx.ExecContext(ctx, db.q("UPDATE identity_candidates SET status = ?, decided_at = NULL, decided_by = NULL, merge_id = NULL WHERE merge_id = ?"),
		amur.CandidateOpen, m.ID); err != nil {
		return fmt.Errorf("sqlstore: reopen duplicate: %w", err)
	}
	before, _ := json.Marshal(m)
	m.UndoneAt = &now
	after, _ := json.Marshal(m)
	return db.audit(ctx, tx, "merge", m.Kind, m.Drop, before, after)
}

// Merge returns a merge by its id.
func (db *DB) Merge(ctx context.Context, id string) (*amur.Merge, error) {
	var out *amur.Merge
	err := db.read(ctx, func(tx *sql.Tx) error {
		m, _, err := db.merge(ctx, tx, id)
		out = m
		return err
	})
	return out, err
}

// merge reads a merge and its undo log in tx.
func (db *DB) merge(ctx context.Context, tx *sql.Tx, id string) (*amur.Merge, undoLog, error) {
	var m amur.Merge
	var kind, undo string
	var at int64
	var user, cand sql.NullString
	var undone sql.NullInt64
	err := tx.QueryRowContext(ctx, db.q("SELECT id, kind, keep_id, drop_id, at, user_id, candidate, changed, undo, undone_at FROM identity_merges WHERE id = ?"), id).
		Scan(&m.ID, &kind, &m.Keep, &m.Drop, &at, &user, &cand, &m.Changed, &undo, &undone)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, undoLog{}, amur.NotFound("merge", id)
	}
	if err != nil {
		return nil, undoLog{}, fmt.Errorf("sqlstore: read merge: %w", err)
	}
	m.Kind, m.At, m.By, m.Candidate = amur.Kind(kind), fromMS(at), user.String, cand.String
	if undone.Valid {
		t := fromMS(undone.Int64)
		m.UndoneAt = &t
	}
	var log undoLog
	if err := json.Unmarshal([]byte(undo), &log); err != nil {
		return nil, undoLog{}, fmt.Errorf("sqlstore: read merge: %w", err)
	}
	return &m, log, nil
}
