package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// pgBatch is how many records a PostgreSQL bulk batch holds; each table of
// a batch is one COPY, so larger batches mean fewer round trips.
const pgBatch = 8192

// bulk returns the PostgreSQL bulk writer: COPY of each table of a batch
// inside the bulk's transaction, on the transaction's own connection.
func (postgresDialect) bulk(ctx context.Context, db *DB) (bulkTx, error) {
	conn, err := db.w.Conn(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, errors.Join(err, conn.Close())
	}
	return newPipeBulk(ctx, db, tx, &pgRows{conn: conn}, pgBatch), nil
}

// pgRows writes rows with COPY through the pgx connection under the
// database/sql one; the transaction begun on that connection holds it.
type pgRows struct {
	conn *sql.Conn
}

// writeRows copies rows into table.
func (w *pgRows) writeRows(ctx context.Context, table string, cols []string, rows [][]any) error {
	return w.conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("sqlstore: COPY needs a pgx connection, have %T", dc)
		}
		n, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
		if err == nil && int(n) != len(rows) {
			err = fmt.Errorf("sqlstore: COPY into %s wrote %d of %d rows", table, n, len(rows))
		}
		return err
	})
}

func (w *pgRows) close() error   { return nil }
func (w *pgRows) release() error { return w.conn.Close() }
