package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"amur"
)

// create prepares r, fills its bookkeeping fields and stores it with an
// outbox change and an audit entry in one transaction. On failure r keeps
// its old Meta.
func (db *DB) create(ctx context.Context, r amur.Record) error {
	if err := amur.Prepare(r); err != nil {
		return err
	}
	t, err := tableOf(r.RecordKind())
	if err != nil {
		return err
	}
	m := r.Base()
	saved := *m
	m.Touch(db.now())
	truncMeta(m)
	err = db.write(ctx, func(tx *sql.Tx) error {
		if err := db.checkRefs(ctx, tx, t.refs(r)); err != nil {
			return err
		}
		if err := db.checkUnique(ctx, tx, t, r, true); err != nil {
			return err
		}
		doc, err := db.insert(ctx, tx, t, r)
		if err != nil {
			return err
		}
		return db.changed(ctx, tx, amur.AuditCreate, t.kind, m.ID, nil, doc)
	})
	if err != nil {
		*m = saved
	}
	return err
}

// update prepares r and replaces the stored record when r.Version equals
// the stored version; it increments Version, sets UpdatedAt and keeps the
// stored CreatedAt. The audit entry keeps both versions. On failure r keeps
// its old Meta.
func (db *DB) update(ctx context.Context, r amur.Record) error {
	if err := amur.Prepare(r); err != nil {
		return err
	}
	t, err := tableOf(r.RecordKind())
	if err != nil {
		return err
	}
	m := r.Base()
	if m.ID == "" {
		return amur.Invalid("id", "err.required")
	}
	saved := *m
	err = db.write(ctx, func(tx *sql.Tx) error {
		old, before, err := db.bumpMeta(ctx, tx, t, m)
		if err != nil {
			return err
		}
		if err := db.checkRefs(ctx, tx, t.refs(r)); err != nil {
			return err
		}
		if err := db.checkUnique(ctx, tx, t, r, false); err != nil {
			return err
		}
		after, err := db.replace(ctx, tx, t, r, old, saved.Version)
		if err != nil {
			return err
		}
		return db.changed(ctx, tx, amur.AuditUpdate, t.kind, m.ID, before, after)
	})
	if err != nil {
		*m = saved
	}
	return err
}

// bumpMeta reads the stored version of m's record, reports EStale when it
// differs from m.Version, and sets m to the new version and times. It
// returns the stored document, and the stored record when t's children are
// deleted by key.
func (db *DB) bumpMeta(ctx context.Context, tx *sql.Tx, t *table, m *amur.Meta) (amur.Record, []byte, error) {
	var version int
	var created int64
	var doc []byte
	err := tx.QueryRowContext(ctx, db.q("SELECT version, created_at, doc FROM "+t.name+" WHERE id = ?"), m.ID).Scan(&version, &created, &doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, amur.NotFound(string(t.kind), m.ID)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("sqlstore: read %s version: %w", t.kind, err)
	}
	if version != m.Version {
		e := amur.Errorf(amur.EStale, "err.stale", "kind", string(t.kind), "id", m.ID, "version", version)
		e.Field = "version"
		return nil, nil, e
	}
	m.Version = version + 1
	m.CreatedAt = fromMS(created)
	m.UpdatedAt = db.now()
	truncMeta(m)
	old, err := decodeIfKeyed(t, doc)
	return old, doc, err
}

// decodeIfKeyed decodes the stored document of a record of t when its
// child rows are deleted by key, and returns nil otherwise.
func decodeIfKeyed(t *table, doc []byte) (amur.Record, error) {
	if !t.keyedChildren() {
		return nil, nil
	}
	old := amur.NewRecord(t.kind)
	if err := decode(doc, old); err != nil {
		return nil, err
	}
	return old, nil
}

// remove deletes the record of kind k with id and writes an outbox change
// and an audit entry. A record that others reference is EConflict
// "err.in_use".
func (db *DB) remove(ctx context.Context, k amur.Kind, id string) error {
	t, err := tableOf(k)
	if err != nil {
		return err
	}
	return db.write(ctx, func(tx *sql.Tx) error {
		var doc []byte
		err := tx.QueryRowContext(ctx, db.q("SELECT doc FROM "+t.name+" WHERE id = ?"), id).Scan(&doc)
		if errors.Is(err, sql.ErrNoRows) {
			return amur.NotFound(string(k), id)
		}
		if err != nil {
			return fmt.Errorf("sqlstore: delete %s: %w", k, err)
		}
		old, err := decodeIfKeyed(t, doc)
		if err != nil {
			return err
		}
		if err := db.deleteChildren(ctx, tx, t, id, old); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, db.q("DELETE FROM "+t.name+" WHERE id = ?"), id); err != nil {
			if db.d.violation(err).kind == vForeignKey {
				return &amur.Error{Code: amur.EConflict, Key: "err.in_use",
					Args: map[string]any{"kind": string(k), "id": id}, Err: err}
			}
			return fmt.Errorf("sqlstore: delete %s: %w", k, err)
		}
		return db.changed(ctx, tx, amur.AuditDelete, k, id, doc, nil)
	})
}

// deleteChildren deletes the child rows of the record id of t: by owner,
// or by the keys of old, the stored record, for children keyed otherwise.
func (db *DB) deleteChildren(ctx context.Context, tx *sql.Tx, t *table, id string, old amur.Record) error {
	for _, c := range t.children {
		if c.nkey == 0 {
			if _, err := tx.ExecContext(ctx, db.q("DELETE FROM "+c.name+" WHERE "+c.cols[0]+" = ?"), id); err != nil {
				return fmt.Errorf("sqlstore: clear %s: %w", c.name, err)
			}
			continue
		}
		query := db.q("DELETE FROM " + c.name + " WHERE " + strings.Join(c.cols[:c.nkey], " = ? AND ") + " = ?")
		for _, row := range c.rows(old) {
			if _, err := tx.ExecContext(ctx, query, row[:c.nkey]...); err != nil {
				return fmt.Errorf("sqlstore: clear %s: %w", c.name, err)
			}
		}
	}
	return nil
}

// insert writes the main row and child rows of r and returns the stored
// document.
func (db *DB) insert(ctx context.Context, tx *sql.Tx, t *table, r amur.Record) ([]byte, error) {
	doc, err := encode(r)
	if err != nil {
		return nil, err
	}
	cols := t.allCols()
	query := "INSERT INTO " + t.name + " (" + strings.Join(cols, ", ") + ") VALUES (" + placeholders(len(cols)) + ")"
	if _, err := tx.ExecContext(ctx, db.q(query), t.rowValues(r, doc)...); err != nil {
		return nil, db.writeErr(t, err)
	}
	return []byte(doc), db.insertChildren(ctx, tx, t, r)
}

// replace rewrites the main row of r, guarded by its old version, and
// replaces its child rows; old is the stored record when t's children are
// deleted by key. It returns the new stored document.
func (db *DB) replace(ctx context.Context, tx *sql.Tx, t *table, r amur.Record, old amur.Record, oldVersion int) ([]byte, error) {
	doc, err := encode(r)
	if err != nil {
		return nil, err
	}
	m := r.Base()
	set := make([]string, 0, len(t.cols)+3)
	for _, c := range t.cols {
		set = append(set, c+" = ?")
	}
	set = append(set, "version = ?", "updated_at = ?", "doc = ?")
	args := append(t.vals(r), m.Version, ms(m.UpdatedAt), doc, m.ID, oldVersion)
	query := "UPDATE " + t.name + " SET " + strings.Join(set, ", ") + " WHERE id = ? AND version = ?"
	res, err := tx.ExecContext(ctx, db.q(query), args...)
	if err != nil {
		return nil, db.writeErr(t, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return nil, err
	} else if n != 1 {
		return nil, amur.Errorf(amur.EStale, "err.stale", "kind", string(t.kind), "id", m.ID)
	}
	if err := db.deleteChildren(ctx, tx, t, m.ID, old); err != nil {
		return nil, err
	}
	return []byte(doc), db.insertChildren(ctx, tx, t, r)
}

// insertChildren writes the child rows of r, one multi-row statement per
// child table.
func (db *DB) insertChildren(ctx context.Context, tx *sql.Tx, t *table, r amur.Record) error {
	for _, c := range t.children {
		rows := c.rows(r)
		if len(rows) == 0 {
			continue
		}
		row := "(" + placeholders(len(c.cols)) + ")"
		args := make([]any, 0, len(rows)*len(c.cols))
		for _, v := range rows {
			args = append(args, v...)
		}
		query := "INSERT INTO " + c.name + " (" + strings.Join(c.cols, ", ") + ") VALUES " +
			strings.TrimSuffix(strings.Repeat(row+",", len(rows)), ",")
		if _, err := tx.ExecContext(ctx, db.q(query), args...); err != nil {
			return db.writeErr(t, err)
		}
	}
	return nil
}

// changed records one change of a record in the transaction that makes it:
// the outbox entry that keeps derived state current and the audit entry
// that says who changed what. Every create, update and delete ends here, so
// neither can be forgotten without the other.
func (db *DB) changed(ctx context.Context, tx *sql.Tx, action string, k amur.Kind, id string, before, after []byte) error {
	if err := db.outbox(ctx, tx, k, action, id); err != nil {
		return err
	}
	return db.audit(ctx, tx, action, k, id, before, after)
}

// outbox records a change of the record of kind k with id.
func (db *DB) outbox(ctx context.Context, tx *sql.Tx, k amur.Kind, op, id string) error {
	if err := db.d.lockOutbox(ctx, tx); err != nil {
		return fmt.Errorf("sqlstore: lock outbox: %w", err)
	}
	_, err := tx.ExecContext(ctx, db.q("INSERT INTO outbox (kind, id, op, at) VALUES (?, ?, ?, ?)"),
		string(k), id, op, ms(db.now()))
	if err != nil {
		return fmt.Errorf("sqlstore: outbox: %w", err)
	}
	return nil
}

// writeErr turns a driver error of a write to table t into a domain error:
// a unique violation is EConflict naming the key's field, a foreign key
// violation EInvalid "err.ref". The driver's error code decides, never its
// message.
func (db *DB) writeErr(t *table, err error) error {
	v := db.d.violation(err)
	switch v.kind {
	case vUnique:
		field := "id"
		if !v.primary && len(t.unique) > 0 {
			field = t.unique[0].field
		}
		e := amur.Errorf(amur.EConflict, "err.duplicate", "kind", string(t.kind))
		e.Field, e.Err = field, err
		return e
	case vForeignKey:
		e := amur.Errorf(amur.EInvalid, "err.ref", "kind", string(t.kind))
		e.Err = err
		return e
	}
	return fmt.Errorf("sqlstore: write %s: %w", t.kind, err)
}

// createIn stores a new record inside tx the way create does in its own
// transaction: prepared, references and unique keys checked, with its
// outbox change and audit entry. Capabilities that create registry records
// as part of a larger change (an event's activity, a published press
// event, an imported ROR organisation) call it.
func (db *DB) createIn(ctx context.Context, tx *sql.Tx, r amur.Record) error {
	if err := amur.Prepare(r); err != nil {
		return err
	}
	t, err := tableOf(r.RecordKind())
	if err != nil {
		return err
	}
	m := r.Base()
	m.Touch(db.now())
	truncMeta(m)
	if err := db.checkRefs(ctx, tx, t.refs(r)); err != nil {
		return err
	}
	if err := db.checkUnique(ctx, tx, t, r, true); err != nil {
		return err
	}
	doc, err := db.insert(ctx, tx, t, r)
	if err != nil {
		return err
	}
	return db.changed(ctx, tx, amur.AuditCreate, t.kind, m.ID, nil, doc)
}
