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

// undoLog is what a merge keeps to be undone: every record it changed as
// it was before and the version the merge left it at, the merged record,
// and the accounts whose organisation it moved.
type undoLog struct {
	Records []undoRecord    `json:"records"`
	Drop    json.RawMessage `json:"drop"`
	Users   []string        `json:"users,omitempty"`
}

// undoRecord is one record a merge changed.
type undoRecord struct {
	Kind   amur.Kind       `json:"kind"`
	ID     string          `json:"id"`
	Before json.RawMessage `json:"before"`
	After  int             `json:"after_version"`
}

// referrers lists, for a kind of record, the queries that find the
// records referring to one of them: the kind of the referring record and
// a query of their ids.
var referrers = map[amur.Kind][]struct {
	kind  amur.Kind
	query string
}{
	amur.KindOrganization: {
		{amur.KindOrganization, "SELECT id FROM organizations WHERE parent_id = ?"},
		{amur.KindPerson, "SELECT person_id FROM person_affiliations WHERE org_id = ?"},
		{amur.KindFlagship, "SELECT flagship_id FROM flagship_orgs WHERE org_id = ?"},
		{amur.KindActivity, "SELECT DISTINCT activity_id FROM activity_orgs WHERE org_id = ?"},
		{amur.KindTimeline, "SELECT entry_id FROM timeline_orgs WHERE org_id = ?"},
	},
	amur.KindPerson: {
		{amur.KindActivity, "SELECT DISTINCT activity_id FROM activity_people WHERE person_id = ?"},
		{amur.KindTimeline, "SELECT entry_id FROM timeline_people WHERE person_id = ?"},
	},
}

// readDoc reads the stored document of a record in tx.
func (db *DB) readDoc(ctx context.Context, tx *sql.Tx, t *table, id string) (amur.Record, []byte, error) {
	var doc []byte
	err := tx.QueryRowContext(ctx, db.q("SELECT doc FROM "+t.name+" WHERE id = ?"), id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, amur.NotFound(string(t.kind), id)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("sqlstore: read %s: %w", t.kind, err)
	}
	r := amur.NewRecord(t.kind)
	if err := decode(doc, r); err != nil {
		return nil, nil, err
	}
	return r, doc, nil
}

// rewrite stores r, changed by fn from its stored form, as a new version
// with an audit entry, and returns what undoing it needs.
func (db *DB) rewrite(ctx context.Context, tx *sql.Tx, k amur.Kind, id string, fn func(amur.Record)) (undoRecord, error) {
	t, err := tableOf(k)
	if err != nil {
		return undoRecord{}, err
	}
	r, before, err := db.readDoc(ctx, tx, t, id)
	if err != nil {
		return undoRecord{}, err
	}
	old, err := decodeIfKeyed(t, before)
	if err != nil {
		return undoRecord{}, err
	}
	fn(r)
	if err := amur.Prepare(r); err != nil {
		return undoRecord{}, err
	}
	m := r.Base()
	oldVersion := m.Version
	m.Version, m.UpdatedAt = oldVersion+1, db.now()
	truncMeta(m)
	after, err := db.replace(ctx, tx, t, r, old, oldVersion)
	if err != nil {
		return undoRecord{}, err
	}
	if err := db.changed(ctx, tx, amur.AuditUpdate, k, id, before, after); err != nil {
		return undoRecord{}, err
	}
	return undoRecord{Kind: k, ID: id, Before: before, After: m.Version}, nil
}

// MergeRecords merges the record drop into keep in one transaction: every
// record referring to drop (activity participants, affiliations, flagship
// organisations, parent organisations, timeline entries, accounts) is
// re-pointed to keep, every name of drop becomes an alias of keep, keep
// takes the identifiers it lacks, and drop is deleted; each change is
// audited and the merge keeps what undoing it needs. Records with
// different ROR ids or ORCID iDs never merge.
func (db *DB) MergeRecords(ctx context.Context, k amur.Kind, keep, drop, candidate string) (*amur.Merge, error) {
	if err := validIdentityKind(k); err != nil {
		return nil, err
	}
	if keep == drop {
		return nil, amur.Invalid("drop", "identity.err.same")
	}
	t, _ := tableOf(k)
	var out *amur.Merge
	err := db.write(ctx, func(tx *sql.Tx) error {
		keepRec, _, err := db.readDoc(ctx, tx, t, keep)
		if err != nil {
			return err
		}
		dropRec, dropDoc, err := db.readDoc(ctx, tx, t, drop)
		if err != nil {
			return err
		}
		if f := conflictingID(keepRec, dropRec); f != "" {
			e := amur.Errorf(amur.EConflict, "identity.err.conflicting_id", "field", f)
			e.Field = f
			return e
		}
		log := undoLog{Drop: dropDoc}
		if err := db.repointAll(ctx, tx, k, keep, drop, &log); err != nil {
			return err
		}
		users, err := db.repointUsers(ctx, tx, k, keep, drop)
		if err != nil {
			return err
		}
		log.Users = users
		if err := db.deleteMerged(ctx, tx, t, drop, dropRec, dropDoc); err != nil {
			return err
		}
		u, err := db.rewrite(ctx, tx, k, keep, func(r amur.Record) { absorb(r, dropRec) })
		if err != nil {
			return err
		}
		log.Records = append(log.Records, u)
		out, err = db.recordMerge(ctx, tx, k, keep, drop, candidate, log)
		return err
	})
	return out, err
}

// repointAll re-points every record that refers to drop, keep included
// (a child of drop loses its parent rather than become its own), and logs
// each.
func (db *DB) repointAll(ctx context.Context, tx *sql.Tx, k amur.Kind, keep, drop string, log *undoLog) error {
	for _, ref := range referrers[k] {
		ids, err := db.ids(ctx, tx, ref.query, drop)
		if err != nil {
			return err
		}
		for _, id := range ids {
			u, err := db.rewrite(ctx, tx, ref.kind, id, func(r amur.Record) { repoint(r, drop, keep) })
			if err != nil {
				return err
			}
			log.Records = append(log.Records, u)
		}
	}
	return nil
}

// ids runs a query of ids with one argument.
func (db *DB) ids(ctx context.Context, tx *sql.Tx, query string, arg string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, db.q(query), arg)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: referrers: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, rows.Err()
}

// repointUsers moves the accounts of the organisation drop to keep and
// returns their ids.
func (db *DB) repointUsers(ctx context.Context, tx *sql.Tx, k amur.Kind, keep, drop string) ([]string, error) {
	if k != amur.KindOrganization {
		return nil, nil
	}
	users, err := db.ids(ctx, tx, "SELECT id FROM users WHERE org_id = ?", drop)
	if err != nil || len(users) == 0 {
		return users, err
	}
	if _, err := tx.ExecContext(ctx, db.q("UPDATE users SET org_id = ? WHERE org_id = ?"), keep, drop); err != nil {
		return nil, fmt.Errorf("sqlstore: move accounts: %w", err)
	}
	for _, u := range users {
		b, _ := json.Marshal(map[string]string{"id": u, "org_id": drop})
		a, _ := json.Marshal(map[string]string{"id": u, "org_id": keep})
		if err := db.audit(ctx, tx, amur.AuditUpdate, amur.KindUser, u, b, a); err != nil {
			return nil, err
		}
	}
	return users, nil
}

// deleteMerged deletes the merged record with its child rows and audits it.
func (db *DB) deleteMerged(ctx context.Context, tx *sql.Tx, t *table, id string, old amur.Record, doc []byte) error {
	if err := db.deleteChildren(ctx, tx, t, id, old); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, db.q("DELETE FROM "+t.name+" WHERE id = ?"), id); err != nil {
		if db.d.violation(err).kind == vForeignKey {
			return &amur.Error{Code: amur.EConflict, Key: "err.in_use", Args: map[string]any{"kind": string(t.kind), "id": id}, Err: err}
		}
		return fmt.Errorf("sqlstore: delete merged %s: %w", t.kind, err)
	}
	return db.changed(ctx, tx, amur.AuditDelete, t.kind, id, doc, nil)
}

// recordMerge stores the merge with its undo log, decides its candidate,
// drops the other open proposals of the merged record and audits it.
func (db *DB) recordMerge(ctx context.Context, tx *sql.Tx, k amur.Kind, keep, drop, candidate string, log undoLog) (*amur.Merge, error) {
	undo, err := json.Marshal(log)
	if err != nil {
		return nil, err
	}
	m := &amur.Merge{ID: amur.NewID(), Kind: k, Keep: keep, Drop: drop, At: db.now(), Changed: len(log.Records), Candidate: candidate}
	if u, ok := actorUser(ctx).(string); ok {
		m.By = u
	}
	if _, err := tx.ExecContext(ctx, db.q("INSERT INTO identity_merges (id, kind, keep_id, drop_id, at, user_id, candidate, changed, undo) VALUES ("+placeholders(9)+")"),
		m.ID, string(k), keep, drop, ms(m.At), actorUser(ctx), null(candidate), m.Changed, string(undo)); err != nil {
		return nil, fmt.Errorf("sqlstore: record merge: %w", err)
	}
	a, b := min(keep, drop), max(keep, drop)
	if candidate != "" {
		c, err := db.candidate(ctx, tx, candidate)
		if err != nil {
			return nil, err
		}
		if c.Kind != k || c.A != a || c.B != b {
			return nil, amur.Invalid("candidate", "identity.err.candidate_pair")
		}
	}
	// The pair is remembered as merged, whether or not it was proposed.
	if _, err := tx.ExecContext(ctx, db.q("INSERT INTO identity_candidates ("+candidateCols+") VALUES ("+placeholders(11)+") ON CONFLICT (kind, a_id, b_id) DO NOTHING"),
		amur.NewID(), string(k), a, b, 1.0, "[]", amur.CandidateOpen, ms(m.At), nil, nil, nil); err != nil {
		return nil, fmt.Errorf("sqlstore: record merge: %w", err)
	}
	if _, err := tx.ExecContext(ctx, db.q("UPDATE identity_candidates SET status = ?, decided_at = ?, decided_by = ?, merge_id = ? WHERE kind = ? AND a_id = ? AND b_id = ?"),
		amur.CandidateMerged, ms(m.At), actorUser(ctx), m.ID, string(k), a, b); err != nil {
		return nil, fmt.Errorf("sqlstore: decide duplicate: %w", err)
	}
	if _, err := tx.ExecContext(ctx, db.q("DELETE FROM identity_candidates WHERE status = ? AND (a_id = ? OR b_id = ?)"),
		amur.CandidateOpen, drop, drop); err != nil {
		return nil, fmt.Errorf("sqlstore: drop proposals: %w", err)
	}
	after, _ := json.Marshal(m)
	return m, db.audit(ctx, tx, "merge", k, drop, nil, after)
}

// conflictingID names an identifier both records carry with different
// values, or "".
func conflictingID(a, b amur.Record) string {
	switch x := a.(type) {
	case *amur.Organization:
		y := b.(*amur.Organization)
		if x.ROR != "" && y.ROR != "" && x.ROR != y.ROR {
			return "ror"
		}
	case *amur.Person:
		y := b.(*amur.Person)
		if x.ORCID != "" && y.ORCID != "" && x.ORCID != y.ORCID {
			return "orcid"
		}
	}
	return ""
}
