package sqlstore

import (
	"context"

	"amur"
)

// WithAfterAudit returns ctx carrying fn, which every audit write then runs
// right after its row, inside the change's transaction. It lets the
// external tests fail a transaction after its audit row.
func WithAfterAudit(ctx context.Context, fn func() error) context.Context {
	return context.WithValue(ctx, afterAuditKey{}, fn)
}

// ActivityPlan returns SQLite's EXPLAIN QUERY PLAN of the page query that
// Activities runs for f, one line per step.
func ActivityPlan(ctx context.Context, db *DB, f amur.ActivityFilter) ([]string, error) {
	q, err := activityQuery(f, db.d)
	if err != nil {
		return nil, err
	}
	if f.Limit == 0 {
		f.Limit = amur.DefaultLimit
	}
	_, query := q.sql(f.Page)
	rows, err := db.r.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, append(q.where.args, f.Limit+1, f.Offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			return nil, err
		}
		out = append(out, detail)
	}
	return out, rows.Err()
}
