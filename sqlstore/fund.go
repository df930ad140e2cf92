package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"amur"
)

// fundTables maps each kind of fund record to its table. Every fund table
// has the same columns (see migration 0007), so one set of statements
// serves them all.
var fundTables = map[amur.Kind]string{
	amur.KindCall:       "fund_calls",
	amur.KindHostOffer:  "fund_hosts",
	amur.KindProposal:   "fund_proposals",
	amur.KindSnapshot:   "fund_snapshots",
	amur.KindReviewer:   "fund_reviewers",
	amur.KindAssignment: "fund_assignments",
	amur.KindReview:     "fund_reviews",
}

// fundCols are the columns of a fund table in insert order.
const fundCols = "id, call_id, proposal_id, side, owner_id, status, version, created_at, updated_at, doc"

var _ amur.FundStore = (*DB)(nil)

// FundWrite runs fn in one write transaction.
func (db *DB) FundWrite(ctx context.Context, fn func(tx amur.FundTx) error) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		return fn(&fundTx{db: db, ctx: ctx, tx: tx, now: db.now()})
	})
}

// FundRead runs fn in one read transaction.
func (db *DB) FundRead(ctx context.Context, fn func(tx amur.FundTx) error) error {
	return db.read(ctx, func(tx *sql.Tx) error {
		return fn(&fundTx{db: db, ctx: ctx, tx: tx, now: db.now(), readOnly: true})
	})
}

// fundTx is one transaction over the fund's tables.
type fundTx struct {
	db       *DB
	ctx      context.Context
	tx       *sql.Tx
	now      time.Time
	readOnly bool
}

// tableOfFund returns the kind and table of r.
func tableOfFund(r amur.FundRecord) (amur.Kind, string, amur.FundKeys, error) {
	k, keys := amur.KeysOf(r)
	name, ok := fundTables[k]
	if !ok {
		return "", "", keys, fmt.Errorf("sqlstore: %T is no fund record", r)
	}
	return k, name, keys, nil
}

// Get reads the record with id into r.
func (t *fundTx) Get(id string, r amur.FundRecord) error {
	k, name, _, err := tableOfFund(r)
	if err != nil {
		return err
	}
	if !amur.ValidID(id) {
		return amur.NotFound(string(k), id)
	}
	var doc []byte
	err = t.tx.QueryRowContext(t.ctx, t.db.q("SELECT doc FROM "+name+" WHERE id = ?"), id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return amur.NotFound(string(k), id)
	}
	if err != nil {
		return fmt.Errorf("sqlstore: read %s: %w", k, err)
	}
	return json.Unmarshal(doc, r)
}

// List returns the documents of kind k matching f in creation order.
func (t *fundTx) List(k amur.Kind, f amur.FundFilter) ([]json.RawMessage, error) {
	name, ok := fundTables[k]
	if !ok {
		return nil, fmt.Errorf("sqlstore: %q is no fund kind", k)
	}
	var where []string
	var args []any
	for _, c := range []struct{ col, v string }{
		{"call_id", f.CallID}, {"proposal_id", f.ProposalID}, {"side", f.Side},
		{"owner_id", f.OwnerID}, {"status", f.Status},
	} {
		if c.v != "" {
			where = append(where, c.col+" = ?")
			args = append(args, c.v)
		}
	}
	query := "SELECT doc FROM " + name
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := t.tx.QueryContext(t.ctx, t.db.q(query+" ORDER BY id"), args...)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: list %s: %w", k, err)
	}
	defer rows.Close()
	out := []json.RawMessage{}
	for rows.Next() {
		var doc []byte
		if err := rows.Scan(&doc); err != nil {
			return nil, err
		}
		out = append(out, doc)
	}
	return out, rows.Err()
}

// values returns the column values of r after its id.
func fundValues(keys amur.FundKeys, m *amur.Meta, doc []byte) []any {
	return []any{null(keys.CallID), null(keys.ProposalID), null(keys.Side), null(keys.OwnerID),
		null(keys.Status), m.Version, ms(m.CreatedAt), ms(m.UpdatedAt), string(doc)}
}

// Create stores a new record and audits it.
func (t *fundTx) Create(r amur.FundRecord) error {
	if t.readOnly {
		return amur.Errorf(amur.EInternal, "err.readonly")
	}
	r.Normalize()
	if err := r.Validate(); err != nil {
		return err
	}
	k, name, keys, err := tableOfFund(r)
	if err != nil {
		return err
	}
	m := r.Base()
	saved := *m
	m.Touch(t.now)
	truncMeta(m)
	doc, err := json.Marshal(r)
	if err != nil {
		*m = saved
		return err
	}
	args := append([]any{m.ID}, fundValues(keys, m, doc)...)
	_, err = t.tx.ExecContext(t.ctx, t.db.q("INSERT INTO "+name+" ("+fundCols+") VALUES ("+placeholders(10)+")"), args...)
	if err != nil {
		*m = saved
		return t.fundErr(k, err)
	}
	return t.audit(amur.AuditCreate, k, m.ID, nil, doc)
}

// Update replaces a record guarded by its version and audits both forms.
func (t *fundTx) Update(r amur.FundRecord, action string) error {
	if t.readOnly {
		return amur.Errorf(amur.EInternal, "err.readonly")
	}
	r.Normalize()
	if err := r.Validate(); err != nil {
		return err
	}
	k, name, keys, err := tableOfFund(r)
	if err != nil {
		return err
	}
	m := r.Base()
	var version int
	var created int64
	var before []byte
	err = t.tx.QueryRowContext(t.ctx, t.db.q("SELECT version, created_at, doc FROM "+name+" WHERE id = ?"), m.ID).Scan(&version, &created, &before)
	if errors.Is(err, sql.ErrNoRows) {
		return amur.NotFound(string(k), m.ID)
	}
	if err != nil {
		return fmt.Errorf("sqlstore: read %s: %w", k, err)
	}
	if version != m.Version {
		e := amur.Errorf(amur.EStale, "err.stale", "kind", string(k), "id", m.ID, "version", version)
		e.Field = "version"
		return e
	}
	saved := *m
	m.Version, m.CreatedAt, m.UpdatedAt = version+1, fromMS(created), t.now
	truncMeta(m)
	doc, err := json.Marshal(r)
	if err != nil {
		*m = saved
		return err
	}
	// The version guard in the statement, not only the read above, keeps
	// two transactions that read the same version on PostgreSQL from both
	// writing: the second finds no row once the first commits.
	args := append(fundValues(keys, m, doc), m.ID, version)
	res, err := t.tx.ExecContext(t.ctx, t.db.q("UPDATE "+name+
		" SET call_id = ?, proposal_id = ?, side = ?, owner_id = ?, status = ?, version = ?, created_at = ?, updated_at = ?, doc = ? WHERE id = ? AND version = ?"), args...)
	if err != nil {
		*m = saved
		return t.fundErr(k, err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		*m = saved
		return amur.Errorf(amur.EStale, "err.stale", "kind", string(k), "id", m.ID)
	}
	if action == "" {
		action = amur.AuditUpdate
	}
	return t.audit(action, k, m.ID, before, doc)
}

// Delete removes a record and audits its last form.
func (t *fundTx) Delete(k amur.Kind, id string) error {
	name, ok := fundTables[k]
	if !ok || t.readOnly {
		return fmt.Errorf("sqlstore: cannot delete %q", k)
	}
	var doc []byte
	err := t.tx.QueryRowContext(t.ctx, t.db.q("SELECT doc FROM "+name+" WHERE id = ?"), id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return amur.NotFound(string(k), id)
	}
	if err != nil {
		return fmt.Errorf("sqlstore: read %s: %w", k, err)
	}
	if _, err := t.tx.ExecContext(t.ctx, t.db.q("DELETE FROM "+name+" WHERE id = ?"), id); err != nil {
		return t.fundErr(k, err)
	}
	return t.audit(amur.AuditDelete, k, id, doc, nil)
}

// PutFile stores the bytes of an attachment.
func (t *fundTx) PutFile(id, proposalID string, data []byte) error {
	if t.readOnly {
		return amur.Errorf(amur.EInternal, "err.readonly")
	}
	_, err := t.tx.ExecContext(t.ctx, t.db.q("INSERT INTO fund_files (id, proposal_id, size, data) VALUES (?, ?, ?, ?)"),
		id, proposalID, len(data), data)
	if err != nil {
		return t.fundErr(amur.KindProposal, err)
	}
	return nil
}

// File returns the bytes of an attachment.
func (t *fundTx) File(id string) ([]byte, error) {
	var data []byte
	err := t.tx.QueryRowContext(t.ctx, t.db.q("SELECT data FROM fund_files WHERE id = ?"), id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, amur.NotFound("attachment", id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlstore: read attachment: %w", err)
	}
	return data, nil
}

// audit writes the audit entry of one change, taking the outbox lock first
// as account changes do, so that audit sequence numbers commit in order.
func (t *fundTx) audit(action string, k amur.Kind, id string, before, after []byte) error {
	if err := t.db.d.lockOutbox(t.ctx, t.tx); err != nil {
		return fmt.Errorf("sqlstore: lock outbox: %w", err)
	}
	return t.db.audit(t.ctx, t.tx, action, k, id, before, after)
}

// fundErr turns a constraint violation into a domain error.
func (t *fundTx) fundErr(k amur.Kind, err error) error {
	switch t.db.d.violation(err).kind {
	case vUnique:
		return &amur.Error{Code: amur.EConflict, Key: "err.duplicate", Args: map[string]any{"kind": string(k)}, Err: err}
	case vForeignKey:
		return &amur.Error{Code: amur.EInvalid, Key: "err.ref", Args: map[string]any{"kind": string(k)}, Err: err}
	}
	return fmt.Errorf("sqlstore: write %s: %w", k, err)
}
