package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"amur"
)

// maxRateKey bounds a rate-limit key; keys name an account or an address.
const maxRateKey = 512

// window returns the start and end, in unix milliseconds, of the fixed
// window of length w that holds now. Windows are aligned to the Unix epoch
// so that every node computes the same one.
func window(now time.Time, w time.Duration) (start, end int64, err error) {
	size := w.Milliseconds()
	if size <= 0 {
		return 0, 0, amur.Invalid("window", "err.positive")
	}
	t := ms(now)
	start = t - t%size
	return start, start + size, nil
}

// checkRateKey refuses empty and overlong keys.
func checkRateKey(key string) error {
	if key == "" {
		return amur.Invalid("key", "err.required")
	}
	return amur.ValidString("key", key, maxRateKey)
}

// Hit adds one to the counter key in the current window and returns the
// count so far. The upsert is one statement, so concurrent hits from any
// number of nodes all count. Windows that have ended are deleted in the
// same transaction.
func (db *DB) Hit(ctx context.Context, key string, w time.Duration) (int, error) {
	if err := checkRateKey(key); err != nil {
		return 0, err
	}
	now := db.now()
	start, end, err := window(now, w)
	if err != nil {
		return 0, err
	}
	var n int
	err = db.write(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, db.q(`INSERT INTO rate_limits (bucket, window_start, expires_at, n) VALUES (?, ?, ?, 1)
			ON CONFLICT (bucket, window_start) DO UPDATE SET n = rate_limits.n + 1 RETURNING n`),
			key, start, end).Scan(&n)
		if err != nil {
			return fmt.Errorf("sqlstore: rate limit: %w", err)
		}
		if _, err := tx.ExecContext(ctx, db.q("DELETE FROM rate_limits WHERE expires_at <= ?"), ms(now)); err != nil {
			return fmt.Errorf("sqlstore: prune rate limits: %w", err)
		}
		return nil
	})
	return n, err
}

// Hits returns the count of key in the current window without adding to it.
func (db *DB) Hits(ctx context.Context, key string, w time.Duration) (int, error) {
	if err := checkRateKey(key); err != nil {
		return 0, err
	}
	start, _, err := window(db.now(), w)
	if err != nil {
		return 0, err
	}
	var n int
	err = db.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, db.q("SELECT n FROM rate_limits WHERE bucket = ? AND window_start = ?"), key, start).Scan(&n)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	return n, err
}
