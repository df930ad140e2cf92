package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"amur"
)

// CreateSession stores a new session. Expired sessions are deleted in the
// same transaction, so the table holds only live ones plus those that
// expired since the last sign-in.
func (db *DB) CreateSession(ctx context.Context, s *amur.Session) error {
	if s.IDHash == "" {
		return amur.Invalid("id_hash", "err.required")
	}
	now := db.now()
	if s.CreatedAt.IsZero() {
		s.CreatedAt = now
	}
	s.CreatedAt = s.CreatedAt.UTC().Truncate(time.Millisecond)
	s.ExpiresAt = s.ExpiresAt.UTC().Truncate(time.Millisecond)
	return db.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, db.q("DELETE FROM sessions WHERE expires_at <= ?"), ms(now)); err != nil {
			return fmt.Errorf("sqlstore: prune sessions: %w", err)
		}
		_, err := tx.ExecContext(ctx, db.q(`INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at, addr, agent)
			VALUES (?, ?, ?, ?, ?, ?, ?)`),
			s.IDHash, s.UserID, s.CSRFToken, ms(s.CreatedAt), ms(s.ExpiresAt), s.Addr, s.Agent)
		return db.secretErr(err, "sessions", s.UserID)
	})
}

// Session returns the unexpired session whose secret hashes to idHash, or
// ENotFound.
func (db *DB) Session(ctx context.Context, idHash string) (*amur.Session, error) {
	s := &amur.Session{IDHash: idHash}
	err := db.read(ctx, func(tx *sql.Tx) error {
		var created, expires int64
		err := tx.QueryRowContext(ctx, db.q(`SELECT user_id, csrf_token, created_at, expires_at, addr, agent
			FROM sessions WHERE id_hash = ? AND expires_at > ?`), idHash, ms(db.now())).
			Scan(&s.UserID, &s.CSRFToken, &created, &expires, &s.Addr, &s.Agent)
		if errors.Is(err, sql.ErrNoRows) {
			return amur.NotFound("sessions", secretRef(idHash))
		}
		if err != nil {
			return fmt.Errorf("sqlstore: read session: %w", err)
		}
		s.CreatedAt, s.ExpiresAt = fromMS(created), fromMS(expires)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// DeleteSession ends the session whose secret hashes to idHash.
func (db *DB) DeleteSession(ctx context.Context, idHash string) error {
	return db.deleteOne(ctx, "sessions", "id_hash", idHash, secretRef(idHash))
}

// deleteOne deletes the row of table whose col equals v; no such row is
// ENotFound naming ref.
func (db *DB) deleteOne(ctx context.Context, table, col, v, ref string) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, db.q("DELETE FROM "+table+" WHERE "+col+" = ?"), v)
		if err != nil {
			return fmt.Errorf("sqlstore: delete from %s: %w", table, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return amur.NotFound(table, ref)
		}
		return nil
	})
}

// secretErr turns a driver error of an insert into sessions, api_tokens or
// reset_tokens into a domain error: an unknown user is EInvalid naming
// "user_id", a secret stored twice EConflict.
func (db *DB) secretErr(err error, table, userID string) error {
	if err == nil {
		return nil
	}
	switch db.d.violation(err).kind {
	case vForeignKey:
		e := amur.Errorf(amur.EInvalid, "err.ref", "value", userID)
		e.Field, e.Err = "user_id", err
		return e
	case vUnique:
		e := amur.Errorf(amur.EConflict, "err.duplicate_key")
		e.Field, e.Err = "hash", err
		return e
	}
	return fmt.Errorf("sqlstore: write %s: %w", table, err)
}
