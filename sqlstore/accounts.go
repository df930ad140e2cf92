package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"amur"
)

// userCols are the columns of users that reads return, in scan order. The
// password hash is read only by PasswordHash, so it never rides along with
// a user.
const userCols = "id, email, name, role, side, org_id, disabled, version, created_at, updated_at"

// rowScanner is a *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(dest ...any) error }

// scanUser reads one row of userCols.
func scanUser(row rowScanner) (*amur.User, error) {
	u := new(amur.User)
	var role string
	var org sql.NullString
	var created, updated int64
	if err := row.Scan(&u.ID, &u.Email, &u.Name, &role, &u.Side, &org, &u.Disabled, &u.Version, &created, &updated); err != nil {
		return nil, err
	}
	u.Role, u.OrgID = amur.UserRole(role), org.String
	u.CreatedAt, u.UpdatedAt = fromMS(created), fromMS(updated)
	return u, nil
}

// User returns the account with id.
func (db *DB) User(ctx context.Context, id string) (*amur.User, error) {
	return db.userWhere(ctx, id, "id = ?", id)
}

// UserByEmail returns the account with the e-mail address, compared in
// the canonical lower-case form.
func (db *DB) UserByEmail(ctx context.Context, email string) (*amur.User, error) {
	u := amur.User{Email: email}
	u.Normalize()
	return db.userWhere(ctx, u.Email, "email = ?", u.Email)
}

// userWhere reads the one account selected by where; key names it in the
// ENotFound error.
func (db *DB) userWhere(ctx context.Context, key, where string, args ...any) (*amur.User, error) {
	var u *amur.User
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		u, err = scanUser(tx.QueryRowContext(ctx, db.q("SELECT "+userCols+" FROM users WHERE "+where), args...))
		if errors.Is(err, sql.ErrNoRows) {
			return amur.NotFound("users", key)
		}
		if err != nil {
			return fmt.Errorf("sqlstore: read user: %w", err)
		}
		return nil
	})
	return u, err
}

// Users returns every account ordered by e-mail address; a program has
// dozens, not millions.
func (db *DB) Users(ctx context.Context) ([]*amur.User, error) {
	out := []*amur.User{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+userCols+" FROM users ORDER BY email")
		if err != nil {
			return fmt.Errorf("sqlstore: list users: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			u, err := scanUser(rows)
			if err != nil {
				return fmt.Errorf("sqlstore: list users: %w", err)
			}
			out = append(out, u)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CreateUser normalises, validates and stores a new account with the
// given password hash, and its audit entry. A taken e-mail address is
// EConflict naming "email"; on failure u keeps its old Meta.
func (db *DB) CreateUser(ctx context.Context, u *amur.User, passwordHash string) error {
	u.Normalize()
	if err := u.Validate(); err != nil {
		return err
	}
	saved := u.Meta
	u.Touch(db.now())
	truncMeta(&u.Meta)
	err := db.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, db.q("INSERT INTO users ("+userCols+", password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
			u.ID, u.Email, u.Name, string(u.Role), u.Side, null(u.OrgID), u.Disabled, u.Version,
			ms(u.CreatedAt), ms(u.UpdatedAt), passwordHash)
		if err != nil {
			return db.userErr(u, err)
		}
		return db.auditUser(ctx, tx, amur.AuditCreate, u.ID, nil, u)
	})
	if err != nil {
		u.Meta = saved
	}
	return err
}

// UpdateUser replaces a stored account (not its password) when u.Version
// equals the stored version, else EStale; it increments Version. The audit
// entry keeps both versions, so a change of role shows in the log.
func (db *DB) UpdateUser(ctx context.Context, u *amur.User) error {
	u.Normalize()
	if err := u.Validate(); err != nil {
		return err
	}
	if u.ID == "" {
		return amur.Invalid("id", "err.required")
	}
	saved := u.Meta
	err := db.write(ctx, func(tx *sql.Tx) error {
		old, err := scanUser(tx.QueryRowContext(ctx, db.q("SELECT "+userCols+" FROM users WHERE id = ?"), u.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return amur.NotFound("users", u.ID)
		}
		if err != nil {
			return fmt.Errorf("sqlstore: read user version: %w", err)
		}
		version := old.Version
		if version != u.Version {
			e := amur.Errorf(amur.EStale, "err.stale", "kind", "users", "id", u.ID, "version", version)
			e.Field = "version"
			return e
		}
		u.Version, u.CreatedAt, u.UpdatedAt = version+1, old.CreatedAt, db.now()
		truncMeta(&u.Meta)
		_, err = tx.ExecContext(ctx, db.q(`UPDATE users SET email = ?, name = ?, role = ?, side = ?, org_id = ?, disabled = ?,
			version = ?, updated_at = ? WHERE id = ? AND version = ?`),
			u.Email, u.Name, string(u.Role), u.Side, null(u.OrgID), u.Disabled, u.Version, ms(u.UpdatedAt), u.ID, version)
		if err != nil {
			return db.userErr(u, err)
		}
		return db.auditUser(ctx, tx, amur.AuditUpdate, u.ID, old, u)
	})
	if err != nil {
		u.Meta = saved
	}
	return err
}

// PasswordHash returns the stored password hash of the account, "" when
// it has none yet.
func (db *DB) PasswordHash(ctx context.Context, userID string) (string, error) {
	var hash string
	err := db.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, db.q("SELECT password_hash FROM users WHERE id = ?"), userID).Scan(&hash)
		if errors.Is(err, sql.ErrNoRows) {
			return amur.NotFound("users", userID)
		}
		if err != nil {
			return fmt.Errorf("sqlstore: read password: %w", err)
		}
		return nil
	})
	return hash, err
}

// SetPassword replaces the password hash and, in the same transaction,
// ends every session of the account and cancels its reset tokens: whoever
// knew the old password, or held a link to choose a new one, is out. The
// audit entry says that the password changed, never to what.
func (db *DB) SetPassword(ctx context.Context, userID, passwordHash string) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, db.q("UPDATE users SET password_hash = ? WHERE id = ?"), passwordHash, userID)
		if err != nil {
			return fmt.Errorf("sqlstore: set password: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return amur.NotFound("users", userID)
		}
		for _, table := range []string{"sessions", "reset_tokens"} {
			if _, err := tx.ExecContext(ctx, db.q("DELETE FROM "+table+" WHERE user_id = ?"), userID); err != nil {
				return fmt.Errorf("sqlstore: set password: clear %s: %w", table, err)
			}
		}
		return db.auditUser(ctx, tx, amur.AuditPassword, userID, nil, nil)
	})
}

// userErr turns a driver error of a write to users into a domain error: a
// unique violation of the e-mail address is EConflict naming "email", an
// unknown organisation EInvalid naming "org_id".
func (db *DB) userErr(u *amur.User, err error) error {
	if err == nil {
		return nil
	}
	v := db.d.violation(err)
	switch {
	case v.kind == vUnique && v.primary:
		e := amur.Errorf(amur.EConflict, "err.duplicate", "value", u.ID)
		e.Field, e.Err = "id", err
		return e
	case v.kind == vUnique:
		e := amur.Errorf(amur.EConflict, "err.duplicate", "value", u.Email)
		e.Field, e.Err = "email", err
		return e
	case v.kind == vForeignKey:
		e := amur.Errorf(amur.EInvalid, "err.ref", "value", u.OrgID)
		e.Field, e.Err = "org_id", err
		return e
	}
	return fmt.Errorf("sqlstore: write user: %w", err)
}

// secretRef names a hashed secret in errors and logs by its first
// characters, which identify it without helping anyone forge it.
func secretRef(hash string) string {
	if len(hash) > 8 {
		hash = hash[:8]
	}
	return strings.ToLower(hash) + "…"
}
