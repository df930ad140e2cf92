package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"amur"
)

// Count returns the number of stored records of kind k.
func (db *DB) Count(ctx context.Context, k amur.Kind) (int, error) {
	t, err := tableOf(k)
	if err != nil {
		return 0, err
	}
	var n int
	err = db.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM "+t.name).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("sqlstore: count %s: %w", k, err)
	}
	return n, nil
}

// eachPage is how many records Each reads per query.
const eachPage = 500

// Each calls fn for every record of kind k in ascending id order. It reads
// pages of records by id (keyset pagination), so memory stays bounded and no
// connection or transaction is held while fn runs: fn may call the store.
// Records changed during the walk are seen as they are when their page is
// read.
func (db *DB) Each(ctx context.Context, k amur.Kind, fn func(amur.Record) error) error {
	t, err := tableOf(k)
	if err != nil {
		return err
	}
	query := db.q("SELECT id, doc FROM " + t.name + " WHERE id > ? ORDER BY id LIMIT ?")
	after := ""
	for {
		var page []amur.Record
		err := db.read(ctx, func(tx *sql.Tx) error {
			var rerr error
			page, after, rerr = readPage(ctx, tx, query, k, after)
			return rerr
		})
		if err != nil {
			return err
		}
		for _, r := range page {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(page) < eachPage {
			return nil
		}
	}
}

// readPage reads up to eachPage records of kind k after id and returns them
// with the last id read.
func readPage(ctx context.Context, tx *sql.Tx, query string, k amur.Kind, after string) ([]amur.Record, string, error) {
	rows, err := tx.QueryContext(ctx, query, after, eachPage)
	if err != nil {
		return nil, after, fmt.Errorf("sqlstore: each %s: %w", k, err)
	}
	defer rows.Close()
	page := make([]amur.Record, 0, eachPage)
	for rows.Next() {
		var doc []byte
		if err := rows.Scan(&after, &doc); err != nil {
			return nil, after, err
		}
		r := amur.NewRecord(k)
		if err := decode(doc, r); err != nil {
			return nil, after, err
		}
		page = append(page, r)
	}
	return page, after, rows.Err()
}

// Missing returns those of ids that name no stored record of kind k, in the
// order given and without repeats.
func (db *DB) Missing(ctx context.Context, k amur.Kind, ids []string) ([]string, error) {
	var found map[string]bool
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		found, err = db.existing(ctx, tx, k, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := []string{}
	seen := map[string]bool{}
	for _, id := range ids {
		if !found[id] && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out, nil
}

// maxChanges bounds one page of Changes.
const maxChanges = 10_000

// Changes returns up to limit outbox changes with Seq greater than after,
// in Seq order. A limit of 0 or less means amur.MaxLimit.
func (db *DB) Changes(ctx context.Context, after int64, limit int) ([]amur.Change, error) {
	if limit <= 0 {
		limit = amur.MaxLimit
	}
	limit = min(limit, maxChanges)
	out := []amur.Change{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, db.q("SELECT seq, kind, id, op, at FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?"), after, limit)
		if err != nil {
			return fmt.Errorf("sqlstore: changes: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var c amur.Change
			var at int64
			if err := rows.Scan(&c.Seq, &c.Kind, &c.ID, &c.Op, &at); err != nil {
				return err
			}
			c.At = fromMS(at)
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
