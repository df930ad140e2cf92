package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"amur"
)

// Stats counts the activities matching f by type, status, side, field and
// local month of start, and the sizes of the other registries, all in one
// snapshot. An activity counts once for each of its sides and fields.
func (db *DB) Stats(ctx context.Context, f amur.ActivityFilter) (*amur.Stats, error) {
	w, err := activityWhere(f, db.d)
	if err != nil {
		return nil, err
	}
	s := &amur.Stats{ByType: map[string]int{}, ByStatus: map[string]int{}, BySide: map[string]int{},
		ByField: map[string]int{}, ByMonth: map[string]int{}}
	err = db.read(ctx, func(tx *sql.Tx) error {
		if err := db.activityGroups(ctx, tx, w, s); err != nil {
			return err
		}
		if err := db.fieldGroups(ctx, tx, w, s); err != nil {
			return err
		}
		for _, c := range []struct {
			n *int
			k amur.Kind
		}{{&s.Organizations, amur.KindOrganization}, {&s.People, amur.KindPerson}, {&s.Fields, amur.KindField},
			{&s.Flagships, amur.KindFlagship}, {&s.Timeline, amur.KindTimeline}} {
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+tables[c.k].name).Scan(c.n); err != nil {
				return fmt.Errorf("sqlstore: count %s: %w", c.k, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// activityGroups counts in one scan: grouping by type, status, month and
// the set of sides yields few groups, which Go then adds up per key.
func (db *DB) activityGroups(ctx context.Context, tx *sql.Tx, w filter, s *amur.Stats) error {
	query := "SELECT x.type, x.status, x.start_month, x.sides, count(*) FROM activities x" + w.sql() +
		" GROUP BY x.type, x.status, x.start_month, x.sides"
	rows, err := tx.QueryContext(ctx, db.q(query), w.args...)
	if err != nil {
		return fmt.Errorf("sqlstore: stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var typ, status, month, sides string
		var n int
		if err := rows.Scan(&typ, &status, &month, &sides, &n); err != nil {
			return err
		}
		s.Activities += n
		s.ByType[typ] += n
		s.ByStatus[status] += n
		s.ByMonth[month] += n
		for side := range strings.SplitSeq(sides, ",") {
			if side != "" {
				s.BySide[side] += n
			}
		}
	}
	return rows.Err()
}

// fieldGroups counts matching activities per field code. Grouping by the
// fields column yields one group per combination of fields, which Go adds
// up per code, in the same kind of scan as activityGroups.
func (db *DB) fieldGroups(ctx context.Context, tx *sql.Tx, w filter, s *amur.Stats) error {
	query := "SELECT x.fields, count(*) FROM activities x" + w.sql() + " GROUP BY x.fields"
	rows, err := tx.QueryContext(ctx, db.q(query), w.args...)
	if err != nil {
		return fmt.Errorf("sqlstore: stats by field: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var codes string
		var n int
		if err := rows.Scan(&codes, &n); err != nil {
			return err
		}
		for code := range strings.SplitSeq(codes, ",") {
			if code != "" {
				s.ByField[code] += n
			}
		}
	}
	return rows.Err()
}
