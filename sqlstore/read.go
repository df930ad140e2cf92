package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"amur"
)

// get reads into r the record of r's kind selected by where; key names it
// in the ENotFound error.
func (db *DB) get(ctx context.Context, r amur.Record, key, where string, args ...any) error {
	t, err := tableOf(r.RecordKind())
	if err != nil {
		return err
	}
	return db.read(ctx, func(tx *sql.Tx) error {
		var doc []byte
		err := tx.QueryRowContext(ctx, db.q("SELECT doc FROM "+t.name+" WHERE "+where), args...).Scan(&doc)
		if errors.Is(err, sql.ErrNoRows) {
			return amur.NotFound(string(t.kind), key)
		}
		if err != nil {
			return fmt.Errorf("sqlstore: read %s: %w", t.kind, err)
		}
		return decode(doc, r)
	})
}

// getByID reads the record of kind K with id.
func getByID[T any, PT interface {
	*T
	amur.Record
}](ctx context.Context, db *DB, id string) (PT, error) {
	r := PT(new(T))
	if err := db.get(ctx, r, id, "id = ?", id); err != nil {
		return nil, err
	}
	return r, nil
}

// filter collects the conditions of a list query. Lists alias their main
// table as x.
type filter struct {
	conds []string
	args  []any
}

// add appends a condition with its arguments.
func (f *filter) add(cond string, args ...any) {
	f.conds = append(f.conds, cond)
	f.args = append(f.args, args...)
}

// in appends "col IN (...)" for a non-empty list of values.
func in[S ~string](f *filter, col string, vals []S) {
	if len(vals) == 0 {
		return
	}
	args := make([]any, len(vals))
	for i, v := range vals {
		args[i] = string(v)
	}
	f.add(col+" IN ("+placeholders(len(vals))+")", args...)
}

// sql returns the WHERE clause, or "" when there is no condition.
func (f *filter) sql() string {
	if len(f.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(f.conds, " AND ")
}

// orderBy returns the ORDER BY list of sort key s (validated, "" for the
// default) over cols, the columns of the sort names; ties break by id in
// the same direction so that pages never overlap.
func orderBy(s, def string, cols map[string]string) string {
	if s == "" {
		s = def
	}
	name, desc := strings.CutPrefix(s, "-")
	dir := ""
	if desc {
		dir = " DESC"
	}
	col := cols[name]
	if col == "x.id" {
		return col + dir
	}
	return col + dir + ", x.id" + dir
}

// listQuery is a list of one kind of record: FROM table x, conditions and
// the sort columns by sort name.
type listQuery struct {
	table string
	where filter
	sorts []string
	cols  map[string]string
}

// sql returns the FROM clause of q with its conditions, and the query of
// page p's documents, whose arguments are q.where.args, the limit and the
// offset.
func (q listQuery) sql(p amur.Page) (from, query string) {
	from = " FROM " + q.table + " x" + q.where.sql()
	return from, "SELECT x.doc" + from + " ORDER BY " + orderBy(p.Sort, q.sorts[0], q.cols) + " LIMIT ? OFFSET ?"
}

// list runs q for page p: Limit+1 rows tell whether more follow, and the
// total is counted only when p.Count asks for it.
func list[T any, PT interface {
	*T
	amur.Record
}](ctx context.Context, db *DB, q listQuery, p amur.Page) (*amur.List[PT], error) {
	if err := p.Validate(q.sorts); err != nil {
		return nil, err
	}
	from, query := q.sql(p)
	out := &amur.List[PT]{Items: make([]PT, 0, min(p.Limit, 64)), Total: -1}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, db.q(query), append(q.where.args, p.Limit+1, p.Offset)...)
		if err != nil {
			return fmt.Errorf("sqlstore: list %s: %w", q.table, err)
		}
		defer rows.Close()
		for rows.Next() {
			var doc []byte
			if err := rows.Scan(&doc); err != nil {
				return err
			}
			r := PT(new(T))
			if err := decode(doc, r); err != nil {
				return err
			}
			out.Items = append(out.Items, r)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if !p.Count {
			return nil
		}
		return tx.QueryRowContext(ctx, db.q("SELECT count(*)"+from), q.where.args...).Scan(&out.Total)
	})
	if err != nil {
		return nil, err
	}
	if len(out.Items) > p.Limit {
		out.Items, out.More = out.Items[:p.Limit], true
	}
	return out, nil
}
