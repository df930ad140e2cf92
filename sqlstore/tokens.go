package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"amur"
)

// tokenUseGranularity is how stale a token's LastUsed may get: a script
// calling the API many times a second records its use once a minute rather
// than writing on every request.
const tokenUseGranularity = time.Minute

// maxTokenName bounds the name of an API token.
const maxTokenName = 100

// tokenCols are the columns of api_tokens that reads return, in scan order.
const tokenCols = "id, hash, user_id, name, created_at, expires_at, last_used"

// scanToken reads one row of tokenCols.
func scanToken(row rowScanner) (*amur.Token, error) {
	t := new(amur.Token)
	var created, expires, used int64
	if err := row.Scan(&t.ID, &t.Hash, &t.UserID, &t.Name, &created, &expires, &used); err != nil {
		return nil, err
	}
	t.CreatedAt, t.ExpiresAt, t.LastUsed = fromMS(created), zeroMS(expires), zeroMS(used)
	return t, nil
}

// zeroMS is fromMS with 0 read as the zero time (never).
func zeroMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return fromMS(v)
}

// msZero is ms with the zero time written as 0.
func msZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return ms(t)
}

// CreateToken stores a new API token, assigning its id and creation time.
// The user's expired tokens are deleted in the same transaction.
func (db *DB) CreateToken(ctx context.Context, t *amur.Token) error {
	switch {
	case t.Hash == "":
		return amur.Invalid("hash", "err.required")
	case t.Name == "":
		return amur.Invalid("name", "err.required")
	}
	if err := amur.ValidString("name", t.Name, maxTokenName); err != nil {
		return err
	}
	now := db.now()
	if t.ID == "" {
		t.ID = amur.NewID()
	}
	t.CreatedAt = now.UTC().Truncate(time.Millisecond)
	t.ExpiresAt = t.ExpiresAt.UTC().Truncate(time.Millisecond)
	t.LastUsed = time.Time{}
	return db.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, db.q("DELETE FROM api_tokens WHERE user_id = ? AND expires_at > 0 AND expires_at <= ?"),
			t.UserID, ms(now)); err != nil {
			return fmt.Errorf("sqlstore: prune tokens: %w", err)
		}
		_, err := tx.ExecContext(ctx, db.q("INSERT INTO api_tokens ("+tokenCols+") VALUES (?, ?, ?, ?, ?, ?, 0)"),
			t.ID, t.Hash, t.UserID, t.Name, ms(t.CreatedAt), msZero(t.ExpiresAt))
		return db.secretErr(err, "api_tokens", t.UserID)
	})
}

// TokenByHash returns the unexpired token with the hash, or ENotFound, and
// records its use at most once per tokenUseGranularity. The check runs on a
// reader, so the usual request writes nothing.
func (db *DB) TokenByHash(ctx context.Context, hash string) (*amur.Token, error) {
	now := db.now()
	var t *amur.Token
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		t, err = scanToken(tx.QueryRowContext(ctx, db.q("SELECT "+tokenCols+" FROM api_tokens WHERE hash = ? AND (expires_at = 0 OR expires_at > ?)"),
			hash, ms(now)))
		if errors.Is(err, sql.ErrNoRows) {
			return amur.NotFound("api_tokens", secretRef(hash))
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if now.Sub(t.LastUsed) < tokenUseGranularity {
		return t, nil
	}
	err = db.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, db.q("UPDATE api_tokens SET last_used = ? WHERE id = ?"), ms(now), t.ID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlstore: record token use: %w", err)
	}
	t.LastUsed = now.UTC().Truncate(time.Millisecond)
	return t, nil
}

// Tokens returns the API tokens of a user, oldest first.
func (db *DB) Tokens(ctx context.Context, userID string) ([]*amur.Token, error) {
	out := []*amur.Token{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, db.q("SELECT "+tokenCols+" FROM api_tokens WHERE user_id = ? ORDER BY created_at, id"), userID)
		if err != nil {
			return fmt.Errorf("sqlstore: list tokens: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			t, err := scanToken(rows)
			if err != nil {
				return fmt.Errorf("sqlstore: list tokens: %w", err)
			}
			out = append(out, t)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteToken revokes the API token with id.
func (db *DB) DeleteToken(ctx context.Context, id string) error {
	return db.deleteOne(ctx, "api_tokens", "id", id, id)
}

// CreateResetToken stores a one-time password-reset token hash valid until
// expires. Expired reset tokens are deleted in the same transaction.
func (db *DB) CreateResetToken(ctx context.Context, userID, hash string, expires time.Time) error {
	if hash == "" {
		return amur.Invalid("hash", "err.required")
	}
	return db.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, db.q("DELETE FROM reset_tokens WHERE expires_at <= ?"), ms(db.now())); err != nil {
			return fmt.Errorf("sqlstore: prune reset tokens: %w", err)
		}
		_, err := tx.ExecContext(ctx, db.q("INSERT INTO reset_tokens (hash, user_id, expires_at) VALUES (?, ?, ?)"),
			hash, userID, ms(expires))
		return db.secretErr(err, "reset_tokens", userID)
	})
}

// ResetTokenUser returns the user of the unexpired reset token with the
// hash without consuming it.
func (db *DB) ResetTokenUser(ctx context.Context, hash string) (string, error) {
	var userID string
	err := db.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, db.q("SELECT user_id FROM reset_tokens WHERE hash = ? AND expires_at > ?"),
			hash, ms(db.now())).Scan(&userID)
		if errors.Is(err, sql.ErrNoRows) {
			return amur.NotFound("reset_tokens", secretRef(hash))
		}
		return err
	})
	return userID, err
}

// UseResetToken consumes the unexpired reset token with the hash and
// returns its user. One DELETE … RETURNING both checks and spends the
// token, so of two concurrent calls exactly one gets the user.
func (db *DB) UseResetToken(ctx context.Context, hash string) (string, error) {
	var userID string
	err := db.write(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, db.q("DELETE FROM reset_tokens WHERE hash = ? AND expires_at > ? RETURNING user_id"),
			hash, ms(db.now())).Scan(&userID)
		if errors.Is(err, sql.ErrNoRows) {
			return amur.NotFound("reset_tokens", secretRef(hash))
		}
		if err != nil {
			return fmt.Errorf("sqlstore: use reset token: %w", err)
		}
		return nil
	})
	return userID, err
}
