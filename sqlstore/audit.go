package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"amur"
)

// auditCols are the columns of an audit row after its generated seq.
const auditCols = "at, user_id, email, addr, via, action, kind, id, before_doc, after_doc"

// afterAuditKey keys a function that audit runs right after writing its
// row. Only this package's tests set it, to fail a transaction after its
// audit row and check that the change and the row roll back together.
type afterAuditKey struct{}

// audit writes one entry of the audit log in tx, from the actor of ctx: a
// change without an actor is the system's own (the demo loader, a test).
// before and after are the record's stored documents, nil when absent.
func (db *DB) audit(ctx context.Context, tx *sql.Tx, action string, k amur.Kind, id string, before, after []byte) error {
	at := db.now()
	var userID, email, addr, via any
	if a := amur.ActorFrom(ctx); a != nil {
		if !a.At.IsZero() {
			at = a.At
		}
		addr, via = null(a.Addr), null(a.Via)
		if p := a.Principal; p != nil {
			userID, email = null(p.UserID), null(strings.ToLower(p.Email))
		}
	}
	_, err := tx.ExecContext(ctx, db.q("INSERT INTO audit ("+auditCols+") VALUES ("+placeholders(10)+")"),
		ms(at), userID, email, addr, via, action, string(k), id, nullDoc(before), nullDoc(after))
	if err != nil {
		return fmt.Errorf("sqlstore: audit: %w", err)
	}
	if hook, ok := ctx.Value(afterAuditKey{}).(func() error); ok {
		return hook()
	}
	return nil
}

// auditUser writes an audit entry about the account id with the JSON of
// the account before and after (nil when absent). A User carries no
// secret, so neither does its entry. Account changes write no outbox
// change, so the entry takes the outbox's lock itself, which keeps audit
// sequence numbers committing in order on PostgreSQL.
func (db *DB) auditUser(ctx context.Context, tx *sql.Tx, action, id string, before, after *amur.User) error {
	if err := db.d.lockOutbox(ctx, tx); err != nil {
		return fmt.Errorf("sqlstore: lock outbox: %w", err)
	}
	var docs [2][]byte
	for i, u := range []*amur.User{before, after} {
		if u == nil {
			continue
		}
		b, err := json.Marshal(u)
		if err != nil {
			return err
		}
		docs[i] = b
	}
	return db.audit(ctx, tx, action, amur.KindUser, id, docs[0], docs[1])
}

// nullDoc returns a document for a nullable text column.
func nullDoc(doc []byte) any {
	if doc == nil {
		return nil
	}
	return string(doc)
}

// Audit lists the entries of the audit log matching f, newest first unless
// f.Sort is "seq".
func (db *DB) Audit(ctx context.Context, f amur.AuditFilter) (*amur.List[*amur.AuditEntry], error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	w := auditWhere(f)
	order := " ORDER BY x.seq DESC"
	if f.Sort == "seq" {
		order = " ORDER BY x.seq"
	}
	from := " FROM audit x" + w.sql()
	query := "SELECT x.seq, " + auditCols + from + order + " LIMIT ? OFFSET ?"
	out := &amur.List[*amur.AuditEntry]{Items: []*amur.AuditEntry{}, Total: -1}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, db.q(query), append(w.args, f.Limit+1, f.Offset)...)
		if err != nil {
			return fmt.Errorf("sqlstore: audit: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			e, err := scanAudit(rows)
			if err != nil {
				return err
			}
			out.Items = append(out.Items, e)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if !f.Count {
			return nil
		}
		return tx.QueryRowContext(ctx, db.q("SELECT count(*)"+from), w.args...).Scan(&out.Total)
	})
	if err != nil {
		return nil, err
	}
	if len(out.Items) > f.Limit {
		out.Items, out.More = out.Items[:f.Limit], true
	}
	return out, nil
}

// auditWhere returns the conditions of f on the audit table aliased x.
func auditWhere(f amur.AuditFilter) filter {
	var w filter
	for _, c := range []struct{ col, val string }{
		{"x.user_id", f.UserID}, {"x.email", strings.ToLower(f.Email)}, {"x.kind", string(f.Kind)},
		{"x.id", f.ID}, {"x.action", f.Action},
	} {
		if c.val != "" {
			w.add(c.col+" = ?", c.val)
		}
	}
	if !f.From.IsZero() {
		w.add("x.at >= ?", ms(f.From))
	}
	if !f.To.IsZero() {
		w.add("x.at <= ?", ms(f.To))
	}
	return w
}

// scanAudit reads one audit row.
func scanAudit(rows *sql.Rows) (*amur.AuditEntry, error) {
	var e amur.AuditEntry
	var at int64
	var userID, email, addr, via sql.NullString
	var kind string
	var before, after []byte
	err := rows.Scan(&e.Seq, &at, &userID, &email, &addr, &via, &e.Action, &kind, &e.ID, &before, &after)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: audit: %w", err)
	}
	e.At, e.Kind = fromMS(at), amur.Kind(kind)
	e.UserID, e.Email, e.Addr, e.Via = userID.String, email.String, addr.String, via.String
	// The driver may reuse its buffers, so the documents are copied.
	if before != nil {
		e.Before = slices.Clone(before)
	}
	if after != nil {
		e.After = slices.Clone(after)
	}
	return &e, nil
}

// bulkAudit collects what the audit entries of one Bulk summarise: how
// many records of each kind it put, and from which sources. An import of a
// million records is one decision of one user, so it is logged as one
// entry per kind, not a million; the records' own provenance names the
// file each came from.
type bulkAudit struct {
	counts  map[amur.Kind]int
	sources map[amur.Kind][]string
	// last is the kind and source noted last; imports put long runs of
	// records from one file, which then cost no search of sources.
	lastKind amur.Kind
	last     string
}

// note counts r, a record the bulk has put.
func (a *bulkAudit) note(r amur.Record) {
	k := r.RecordKind()
	if a.counts == nil {
		a.counts, a.sources = map[amur.Kind]int{}, map[amur.Kind][]string{}
	}
	a.counts[k]++
	src := provenanceSource(r)
	if src == "" || k == a.lastKind && src == a.last {
		return
	}
	a.lastKind, a.last = k, src
	if s := a.sources[k]; len(s) < amur.MaxBulkSources && !slices.Contains(s, src) {
		a.sources[k] = append(s, src)
	}
}

// write writes the bulk's audit entries in tx, one per kind it put, in
// dependency order of kinds.
func (a *bulkAudit) write(ctx context.Context, db *DB, tx *sql.Tx) error {
	for _, k := range amur.Kinds {
		n := a.counts[k]
		if n == 0 {
			continue
		}
		src := a.sources[k]
		if src == nil {
			src = []string{}
		}
		doc, err := json.Marshal(amur.BulkSummary{Count: n, Sources: src})
		if err != nil {
			return err
		}
		if err := db.audit(ctx, tx, amur.AuditImport, k, "", nil, doc); err != nil {
			return err
		}
	}
	return nil
}

// provenanceSource returns the provenance source of r, if its kind keeps
// one.
func provenanceSource(r amur.Record) string {
	switch v := r.(type) {
	case *amur.Activity:
		return v.Provenance.Source
	case *amur.Organization:
		return v.Provenance.Source
	case *amur.Person:
		return v.Provenance.Source
	case *amur.Flagship:
		return v.Provenance.Source
	case *amur.TimelineEntry:
		return v.Provenance.Source
	}
	return ""
}
