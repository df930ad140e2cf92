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

var _ amur.IdentityStore = (*DB)(nil)

// candidateCols are the columns of a candidate row.
const candidateCols = "id, kind, a_id, b_id, score, explanation, status, created_at, decided_at, decided_by, merge_id"

// validIdentityKind checks that k is a kind identity resolution handles.
func validIdentityKind(k amur.Kind) error {
	if k != amur.KindPerson && k != amur.KindOrganization {
		return amur.Invalid("kind", "err.enum", "value", string(k), "allowed", "people, organizations")
	}
	return nil
}

// ProposeDuplicates adds the candidates whose pair is not yet known, in
// one transaction, and returns how many it added. A pair is keyed by its
// kind and its two ids in order, so a pair rejected or merged before is
// never proposed again.
func (db *DB) ProposeDuplicates(ctx context.Context, cands []amur.DuplicateCandidate) (int, error) {
	for i, c := range cands {
		if err := validIdentityKind(c.Kind); err != nil {
			return 0, err
		}
		if !amur.ValidID(c.A) || !amur.ValidID(c.B) || c.A == c.B {
			e := amur.Invalid("a", "err.id")
			e.Line = i + 1
			return 0, e
		}
	}
	added := 0
	err := db.write(ctx, func(tx *sql.Tx) error {
		added = 0
		query := db.q("INSERT INTO identity_candidates (" + candidateCols + ") VALUES (" + placeholders(11) +
			") ON CONFLICT (kind, a_id, b_id) DO NOTHING")
		for _, c := range cands {
			a, b := c.A, c.B
			if b < a {
				a, b = b, a
			}
			expl := c.Explanation
			if len(expl) == 0 {
				expl = json.RawMessage("[]")
			}
			res, err := tx.ExecContext(ctx, query, amur.NewID(), string(c.Kind), a, b, c.Score, string(expl),
				amur.CandidateOpen, ms(db.now()), nil, nil, nil)
			if err != nil {
				return fmt.Errorf("sqlstore: propose duplicate: %w", err)
			}
			if n, err := res.RowsAffected(); err == nil {
				added += int(n)
			}
		}
		return nil
	})
	return added, err
}

// DuplicateCandidates lists candidates of one status (open by default),
// best score first, leaving out pairs whose records no longer both exist.
func (db *DB) DuplicateCandidates(ctx context.Context, f amur.DuplicateFilter) (*amur.List[*amur.DuplicateCandidate], error) {
	if f.Status == "" {
		f.Status = amur.CandidateOpen
	}
	switch f.Status {
	case amur.CandidateOpen, amur.CandidateMerged, amur.CandidateRejected:
	default:
		return nil, amur.Invalid("status", "err.enum", "value", f.Status, "allowed", "open, merged, rejected")
	}
	if err := f.Page.Validate(nil); err != nil {
		return nil, err
	}
	var where []string
	args := []any{f.Status}
	where = append(where, "c.status = ?")
	if f.Kind != "" {
		if err := validIdentityKind(f.Kind); err != nil {
			return nil, err
		}
		where = append(where, "c.kind = ?")
		args = append(args, string(f.Kind))
	}
	if f.Status == amur.CandidateOpen {
		where = append(where, existsBoth("people", amur.KindPerson)+" OR "+existsBoth("organizations", amur.KindOrganization))
	}
	query := "SELECT " + prefixed("c.", candidateCols) + " FROM identity_candidates c WHERE (" +
		strings.Join(where, ") AND (") + ") ORDER BY c.score DESC, c.id LIMIT ? OFFSET ?"
	args = append(args, f.Limit+1, f.Offset)
	out := &amur.List[*amur.DuplicateCandidate]{Items: []*amur.DuplicateCandidate{}, Total: -1}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, db.q(query), args...)
		if err != nil {
			return fmt.Errorf("sqlstore: list duplicates: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanCandidate(rows)
			if err != nil {
				return err
			}
			out.Items = append(out.Items, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	if len(out.Items) > f.Limit {
		out.Items, out.More = out.Items[:f.Limit], true
	}
	return out, nil
}

// existsBoth is the condition that a candidate of kind k names two stored
// records of table.
func existsBoth(table string, k amur.Kind) string {
	return "c.kind = '" + string(k) + "' AND EXISTS (SELECT 1 FROM " + table + " x WHERE x.id = c.a_id)" +
		" AND EXISTS (SELECT 1 FROM " + table + " y WHERE y.id = c.b_id)"
}

// prefixed qualifies a list of columns.
func prefixed(p, cols string) string {
	f := strings.Split(cols, ", ")
	for i := range f {
		f[i] = p + f[i]
	}
	return strings.Join(f, ", ")
}

// scanCandidate reads one candidate row.
func scanCandidate(r rowScanner) (*amur.DuplicateCandidate, error) {
	var c amur.DuplicateCandidate
	var kind, expl string
	var created int64
	var decided sql.NullInt64
	var by, merge sql.NullString
	if err := r.Scan(&c.ID, &kind, &c.A, &c.B, &c.Score, &expl, &c.Status, &created, &decided, &by, &merge); err != nil {
		return nil, err
	}
	c.Kind, c.Explanation, c.CreatedAt = amur.Kind(kind), json.RawMessage(expl), fromMS(created)
	if decided.Valid {
		t := fromMS(decided.Int64)
		c.DecidedAt = &t
	}
	c.DecidedBy, c.MergeID = by.String, merge.String
	return &c, nil
}

// candidate reads one candidate in tx.
func (db *DB) candidate(ctx context.Context, tx *sql.Tx, id string) (*amur.DuplicateCandidate, error) {
	c, err := scanCandidate(tx.QueryRowContext(ctx, db.q("SELECT "+candidateCols+" FROM identity_candidates WHERE id = ?"), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, amur.NotFound("duplicate", id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlstore: read duplicate: %w", err)
	}
	return c, nil
}

// actorUser returns the user id of the actor of ctx, or nil.
func actorUser(ctx context.Context) any {
	if a := amur.ActorFrom(ctx); a != nil && a.Principal != nil {
		return null(a.Principal.UserID)
	}
	return nil
}

// RejectDuplicate marks an open candidate rejected, with an audit entry,
// so that no scan proposes the pair again.
func (db *DB) RejectDuplicate(ctx context.Context, id string) (*amur.DuplicateCandidate, error) {
	var out *amur.DuplicateCandidate
	err := db.write(ctx, func(tx *sql.Tx) error {
		c, err := db.candidate(ctx, tx, id)
		if err != nil {
			return err
		}
		if c.Status != amur.CandidateOpen {
			return amur.Errorf(amur.EConflict, "identity.err.decided", "status", c.Status)
		}
		before, _ := json.Marshal(c)
		now := db.now()
		if _, err := tx.ExecContext(ctx, db.q("UPDATE identity_candidates SET status = ?, decided_at = ?, decided_by = ? WHERE id = ?"),
			amur.CandidateRejected, ms(now), actorUser(ctx), id); err != nil {
			return fmt.Errorf("sqlstore: reject duplicate: %w", err)
		}
		c.Status, c.DecidedAt = amur.CandidateRejected, &now
		if u, ok := actorUser(ctx).(string); ok {
			c.DecidedBy = u
		}
		after, _ := json.Marshal(c)
		out = c
		if err := db.d.lockOutbox(ctx, tx); err != nil {
			return fmt.Errorf("sqlstore: lock outbox: %w", err)
		}
		return db.audit(ctx, tx, "decision", c.Kind, c.A, before, after)
	})
	return out, err
}
