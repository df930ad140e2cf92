package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
)

// LastChange returns the sequence number of the newest outbox change, 0
// for an empty outbox. A search index built from the records read after
// it follows the outbox from there: outbox numbers commit in order, so no
// change made after the build started is missed.
func (db *DB) LastChange(ctx context.Context) (int64, error) {
	var seq int64
	err := db.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(seq), 0) FROM outbox").Scan(&seq)
	})
	if err != nil {
		return 0, fmt.Errorf("sqlstore: last change: %w", err)
	}
	return seq, nil
}
