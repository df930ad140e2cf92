package sqlstore

import (
	"context"
	"database/sql"

	"amur"
)

// bulkTx writes the records of one Bulk in the dialect's fastest way.
type bulkTx interface {
	// tx is the transaction all of the bulk's writes run in.
	tx() *sql.Tx
	// lookup runs fn, a query, on the transaction alone.
	lookup(fn func(tx *sql.Tx) error) error
	// put writes r, whose references are checked, or queues it.
	put(ctx context.Context, t *table, r amur.Record) error
	// flush writes every queued record, in dependency order of kinds.
	flush(ctx context.Context) error
	// finish stops all work on the transaction, before it ends; cause is
	// the bulk's error, if it failed.
	finish(cause error) error
	// release frees what the writer holds besides the transaction, after
	// it ends.
	release() error
}

// cachedKinds are the kinds whose ids a bulk remembers once seen, so that
// references to them are checked without a query. Activities and timeline
// entries are too many to remember and rarely referenced.
var cachedKinds = map[amur.Kind]bool{amur.KindField: true, amur.KindProgram: true,
	amur.KindOrganization: true, amur.KindPerson: true, amur.KindFlagship: true}

// Bulk runs fn in one transaction: every record it puts is stored with its
// outbox change, and the audit log gains one entry per kind put, or none
// is when fn or a write fails. Records are written in batches while fn
// goes on, so a write error (a duplicate key) may be returned by a later
// Put or by Bulk itself. fn must call Put from one
// goroutine and use only the BulkWriter: on SQLite the bulk holds the one
// writer connection, so a Create called from fn would wait for it forever.
func (db *DB) Bulk(ctx context.Context, fn func(amur.BulkWriter) error) error {
	b, err := db.d.bulk(ctx, db)
	if err != nil {
		return err
	}
	w := &bulkWriter{ctx: ctx, db: db, b: b, known: map[amur.Kind]map[string]bool{}, kinds: map[amur.Kind]bool{}}
	err = fn(w)
	if err == nil {
		err = b.flush(ctx)
	}
	if err == nil {
		err = b.lookup(func(tx *sql.Tx) error { return w.audit.write(ctx, db, tx) })
	}
	if ferr := b.finish(err); err == nil {
		err = ferr
	}
	if err == nil {
		err = b.tx().Commit()
	} else {
		_ = b.tx().Rollback()
	}
	if rerr := b.release(); err == nil {
		err = rerr
	}
	if err == nil && w.puts >= analyzeAfter {
		// Stale statistics can make the planner sort a whole table where an
		// index would do; failing to refresh them loses no data.
		_ = db.d.analyze(ctx, db, w.tables())
	}
	return err
}

// analyzeAfter is how many records a bulk puts before it refreshes the
// planner's statistics.
const analyzeAfter = 10_000

// bulkWriter is the BulkWriter of one Bulk.
type bulkWriter struct {
	ctx context.Context
	db  *DB
	b   bulkTx
	// known holds ids of cachedKinds that exist or were put.
	known map[amur.Kind]map[string]bool
	// puts counts the records put; kinds notes their kinds.
	puts  int
	kinds map[amur.Kind]bool
	// audit sums up the bulk for the audit log.
	audit bulkAudit
}

// tables returns the tables the bulk wrote to.
func (w *bulkWriter) tables() []string {
	var out []string
	for k := range w.kinds {
		t := tables[k]
		out = append(out, t.name)
		for _, c := range t.children {
			out = append(out, c.name)
		}
	}
	return out
}

// Put stores one prepared record: it fills missing bookkeeping fields,
// checks the record's references against stored records and records put
// before it, and hands it to the dialect's writer.
func (w *bulkWriter) Put(r amur.Record) error {
	t, err := tableOf(r.RecordKind())
	if err != nil {
		return err
	}
	m := r.Base()
	m.Touch(w.db.now())
	truncMeta(m)
	if err := w.checkRefs(t.refs(r)); err != nil {
		return err
	}
	if err := w.b.put(w.ctx, t, r); err != nil {
		return err
	}
	w.puts++
	w.kinds[t.kind] = true
	w.audit.note(r)
	if cachedKinds[t.kind] {
		w.remember(t.kind, m.ID)
	}
	return nil
}

// remember notes that a record of kind k with id exists.
func (w *bulkWriter) remember(k amur.Kind, id string) {
	ids := w.known[k]
	if ids == nil {
		ids = map[string]bool{}
		w.known[k] = ids
	}
	ids[id] = true
}

// checkRefs checks references: from the cache when possible, otherwise
// by querying the transaction.
func (w *bulkWriter) checkRefs(refs []ref) error {
	var unknown []ref
	for _, r := range refs {
		if !w.known[r.kind][r.id] {
			unknown = append(unknown, r)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	// A queued record of a cached kind is known already, so only a
	// reference to another kind may point into the queue, which must be
	// written before the query can see it.
	for _, r := range unknown {
		if !cachedKinds[r.kind] {
			if err := w.b.flush(w.ctx); err != nil {
				return err
			}
			break
		}
	}
	err := w.b.lookup(func(tx *sql.Tx) error { return w.db.checkRefs(w.ctx, tx, unknown) })
	if err != nil {
		return err
	}
	for _, r := range unknown {
		if cachedKinds[r.kind] {
			w.remember(r.kind, r.id)
		}
	}
	return nil
}
