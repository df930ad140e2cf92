package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"amur"
)

// batchSize bounds the ids of one IN list: well under the parameter limits
// of both databases and large enough to need few round trips.
const batchSize = 500

// checkRefs reports the first reference in refs to a record that does not
// exist as EInvalid "err.ref" naming the referring field.
func (db *DB) checkRefs(ctx context.Context, tx *sql.Tx, refs []ref) error {
	if len(refs) == 0 {
		return nil
	}
	byKind := map[amur.Kind][]string{}
	for _, r := range refs {
		byKind[r.kind] = append(byKind[r.kind], r.id)
	}
	found := map[amur.Kind]map[string]bool{}
	for k, ids := range byKind {
		f, err := db.existing(ctx, tx, k, ids)
		if err != nil {
			return err
		}
		found[k] = f
	}
	for _, r := range refs {
		if !found[r.kind][r.id] {
			return amur.Invalid(r.name(), "err.ref", "value", r.id, "kind", string(r.kind))
		}
	}
	return nil
}

// existing returns which of ids name stored records of kind k, querying in
// batches.
func (db *DB) existing(ctx context.Context, q querier, k amur.Kind, ids []string) (map[string]bool, error) {
	t, err := tableOf(k)
	if err != nil {
		return nil, err
	}
	found := make(map[string]bool, len(ids))
	for start := 0; start < len(ids); start += batchSize {
		part := ids[start:min(start+batchSize, len(ids))]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		query := "SELECT id FROM " + t.name + " WHERE id IN (" + placeholders(len(part)) + ")"
		rows, err := q.QueryContext(ctx, db.q(query), args...)
		if err != nil {
			return nil, fmt.Errorf("sqlstore: look up %s: %w", k, err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			found[id] = true
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return nil, err
		}
	}
	return found, nil
}

// checkUnique reports a unique key of r already held by another record as
// EConflict "err.duplicate" naming the key's field. On create the id is a
// key too.
func (db *DB) checkUnique(ctx context.Context, tx *sql.Tx, t *table, r amur.Record, create bool) error {
	id := r.Base().ID
	if create {
		if taken, err := db.exists(ctx, tx, "SELECT 1 FROM "+t.name+" WHERE id = ?", id); err != nil {
			return err
		} else if taken {
			return duplicate(t, "id", id)
		}
	}
	for _, u := range t.unique {
		args := u.vals(r)
		if args == nil {
			continue
		}
		taken, err := db.exists(ctx, tx, "SELECT 1 FROM "+t.name+" WHERE "+u.where+" AND id <> ?", append(args, id)...)
		if err != nil {
			return err
		}
		if taken {
			return duplicate(t, u.field, args[len(args)-1])
		}
	}
	return nil
}

// duplicate returns the EConflict error of a taken unique key.
func duplicate(t *table, field string, value any) error {
	e := amur.Errorf(amur.EConflict, "err.duplicate", "kind", string(t.kind), "value", value)
	e.Field = field
	return e
}

// exists reports whether query returns a row.
func (db *DB) exists(ctx context.Context, q querier, query string, args ...any) (bool, error) {
	var one int
	err := q.QueryRowContext(ctx, db.q(query), args...).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("sqlstore: %w", err)
	}
	return true, nil
}

// querier is what reads need from a transaction or a pool.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}
