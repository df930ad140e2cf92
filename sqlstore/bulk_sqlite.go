package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"amur"
)

// SQLite bulk tuning: how many records a batch holds, and the most rows and
// parameters one INSERT carries. Few large statements amortise the cost
// of each statement step; SQLite allows 32766 parameters.
const (
	sqliteBatch     = 2048
	sqliteMaxRows   = 256
	sqliteMaxParams = 4096
)

// sqliteBulkCache is the page cache of a bulk's connection, in the form of
// PRAGMA cache_size (negative: KiB). Index inserts of a large import land
// all over the start-time index and the per-organisation keys; once those
// pages stop fitting in the cache, SQLite spills and rereads them and the
// import slows by half. 256 MiB holds them for a million activities.
const sqliteBulkCache = -262144

// bulk returns the SQLite bulk writer: batches of multi-row INSERTs through
// statements prepared once per shape and reused for every batch.
//
// The bulk runs with foreign keys off on its own connection. Put has
// checked every reference already (the store's refs cover every foreign
// key), and the bulk holds the write lock, so nothing can delete a
// referenced record meanwhile; the database's checks would only repeat
// those look-ups. Without them, and with INSERT OR IGNORE, a multi-row
// INSERT can never abort halfway, so SQLite keeps no statement journal;
// the writer counts inserted rows instead and reports any row a unique key
// ignored as a conflict.
func (sqliteDialect) bulk(ctx context.Context, db *DB) (bulkTx, error) {
	conn, err := db.w.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF; PRAGMA cache_size = "+strconv.Itoa(sqliteBulkCache)); err != nil {
		conn.Close()
		return nil, err
	}
	w := &sqliteRows{db: db, conn: conn, stmts: map[string]*sql.Stmt{}}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, errors.Join(err, w.release())
	}
	w.t = tx
	return newPipeBulk(ctx, db, tx, w, sqliteBatch), nil
}

// sqliteRows writes rows with multi-row INSERT statements.
type sqliteRows struct {
	db    *DB
	conn  *sql.Conn
	t     *sql.Tx
	stmts map[string]*sql.Stmt
	args  []any
}

// writeRows inserts rows into table in statements of up to sqliteMaxRows.
func (w *sqliteRows) writeRows(ctx context.Context, table string, cols []string, rows [][]any) error {
	per := max(1, min(sqliteMaxRows, sqliteMaxParams/len(cols)))
	for len(rows) > 0 {
		k := min(per, len(rows))
		stmt, err := w.stmt(ctx, table, cols, k)
		if err != nil {
			return err
		}
		w.args = w.args[:0]
		for _, r := range rows[:k] {
			w.args = append(w.args, r...)
		}
		res, err := stmt.ExecContext(ctx, w.args...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if int(n) != k {
			return w.ignored(ctx, table, rows[:k])
		}
		rows = rows[k:]
	}
	clear(w.args)
	return nil
}

// ignored explains why INSERT OR IGNORE skipped some of rows: the first
// row whose id is taken by another record, or repeated among rows, is a
// duplicate id; a row that is simply absent lost on the table's other
// unique key. Only main rows, whose first column is the id and last the
// document, can conflict.
func (w *sqliteRows) ignored(ctx context.Context, name string, rows [][]any) error {
	var t *table
	for _, c := range tables {
		if c.name == name {
			t = c
		}
	}
	if t == nil {
		return fmt.Errorf("sqlstore: bulk insert into %s skipped rows", name)
	}
	seen := map[any]bool{}
	for _, r := range rows {
		id, doc := r[0], r[len(r)-1]
		var stored string
		err := w.t.QueryRowContext(ctx, "SELECT doc FROM "+name+" WHERE id = ?", id).Scan(&stored)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			field := "id"
			if len(t.unique) > 0 {
				field = t.unique[0].field
			}
			return duplicate(t, field, id)
		case err != nil:
			return err
		case seen[id] || stored != doc:
			return duplicate(t, "id", id)
		}
		seen[id] = true
	}
	return amur.Errorf(amur.EConflict, "err.duplicate", "kind", string(t.kind))
}

// stmt returns the prepared INSERT of k rows into table.
func (w *sqliteRows) stmt(ctx context.Context, table string, cols []string, k int) (*sql.Stmt, error) {
	key := table + "/" + strconv.Itoa(k)
	if s, ok := w.stmts[key]; ok {
		return s, nil
	}
	row := "(" + placeholders(len(cols)) + ")"
	query := "INSERT OR IGNORE INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(row+",", k), ",")
	s, err := w.t.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	w.stmts[key] = s
	return s, nil
}

// close closes the prepared statements.
func (w *sqliteRows) close() error {
	var errs []error
	for _, s := range w.stmts {
		errs = append(errs, s.Close())
	}
	return errors.Join(errs...)
}

// release turns foreign keys back on, shrinks the cache back and returns
// the connection; a
// connection that cannot turn them on is discarded, so that no later
// transaction runs without them.
func (w *sqliteRows) release() error {
	var errs []error
	restore := "PRAGMA foreign_keys = ON; PRAGMA cache_size = " + strconv.Itoa(sqliteWriterCache)
	if _, err := w.conn.ExecContext(context.Background(), restore); err != nil {
		errs = append(errs, err, w.conn.Raw(func(any) error { return driver.ErrBadConn }))
	}
	return errors.Join(append(errs, w.conn.Close())...)
}
