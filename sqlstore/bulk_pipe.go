package sqlstore

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"sync"

	"amur"
)

// rowWriter writes many rows into one table in a dialect's fastest way:
// multi-row INSERTs for SQLite, COPY for PostgreSQL.
type rowWriter interface {
	writeRows(ctx context.Context, table string, cols []string, rows [][]any) error
	// close releases what the writer holds in the transaction.
	close() error
	// release frees the writer's connection once the transaction ended.
	release() error
}

// pipeBulk writes a bulk's records in batches through a pipeline of three
// goroutines, so that the caller making records, the encoding of rows and
// the database each keep a core busy:
//
//	Put (caller) → batch → encoder: JSON and row values → writer: SQL
//
// Each batch is written per kind in dependency order, main rows, then each
// child table, then the outbox rows, every table in one rowWriter call, so
// a record's references (stored before, or queued before it) exist when
// its rows arrive. The first error stops the pipeline; Put and flush
// return it.
type pipeBulk struct {
	db    *DB
	t     *sql.Tx
	w     rowWriter
	limit int
	cur   *batch
	encq  chan *batch
	wq    chan *encoded
	done  chan struct{}

	mu  sync.Mutex
	err error
	// conn is held by whoever talks to the database: the writer for each
	// table, Put for a look-up. A connection runs one command at a time,
	// and pgx fails a COPY started while a query's rows are open.
	conn sync.Mutex
}

// batch is a set of queued records; a flush sends one with a barrier,
// which the writer answers once everything before it is written.
type batch struct {
	recs    map[amur.Kind][]amur.Record
	n       int
	barrier chan error
}

// encoded is a batch turned into rows.
type encoded struct {
	tables  []tableRows
	barrier chan error
}

// tableRows are rows for one table; t names the kind whose write it is,
// for errors.
type tableRows struct {
	t    *table
	name string
	cols []string
	rows [][]any
}

// newPipeBulk starts the pipeline of a bulk over tx writing through w,
// queuing limit records per batch; cancelling ctx stops the writes.
func newPipeBulk(ctx context.Context, db *DB, tx *sql.Tx, w rowWriter, limit int) *pipeBulk {
	b := &pipeBulk{db: db, t: tx, w: w, limit: limit, cur: newBatch(),
		encq: make(chan *batch, 1), wq: make(chan *encoded, 1), done: make(chan struct{})}
	go b.encoder()
	go b.writer(ctx)
	return b
}

func newBatch() *batch { return &batch{recs: map[amur.Kind][]amur.Record{}} }

// lookup runs fn on the transaction while the writer waits.
func (b *pipeBulk) lookup(fn func(tx *sql.Tx) error) error {
	b.conn.Lock()
	defer b.conn.Unlock()
	return fn(b.t)
}

func (b *pipeBulk) tx() *sql.Tx    { return b.t }
func (b *pipeBulk) release() error { return b.w.release() }

// failed returns the pipeline's first error.
func (b *pipeBulk) failed() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

// fail records err unless an error came first.
func (b *pipeBulk) fail(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err == nil {
		b.err = err
	}
}

// put queues r and sends the batch down the pipeline once it is full.
func (b *pipeBulk) put(ctx context.Context, t *table, r amur.Record) error {
	if err := b.failed(); err != nil {
		return err
	}
	b.cur.recs[t.kind] = append(b.cur.recs[t.kind], r)
	b.cur.n++
	if b.cur.n >= b.limit {
		b.encq <- b.cur
		b.cur = newBatch()
	}
	return nil
}

// flush sends the queued records and waits until everything put so far is
// written.
func (b *pipeBulk) flush(ctx context.Context) error {
	if err := b.failed(); err != nil {
		return err
	}
	bar := make(chan error, 1)
	b.cur.barrier = bar
	b.encq <- b.cur
	b.cur = newBatch()
	select {
	case err := <-bar:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// finish stops the pipeline, waits for the writer and releases the row
// writer. Queued records not flushed are dropped, and when cause is not
// nil (the bulk failed elsewhere) batches still in the pipeline are
// skipped.
func (b *pipeBulk) finish(cause error) error {
	if cause != nil {
		b.fail(cause)
	}
	close(b.encq)
	<-b.done
	return b.w.close()
}

// encoder turns batches into rows.
func (b *pipeBulk) encoder() {
	defer close(b.wq)
	for bt := range b.encq {
		e := &encoded{barrier: bt.barrier}
		if b.failed() == nil && bt.n > 0 {
			tables, err := encodeBatch(bt, ms(b.db.now()))
			if err != nil {
				b.fail(err)
			}
			e.tables = tables
		}
		b.wq <- e
	}
}

// writer writes encoded batches and answers barriers.
func (b *pipeBulk) writer(ctx context.Context) {
	defer close(b.done)
	locked := false
	for e := range b.wq {
		if b.failed() == nil && len(e.tables) > 0 && !locked {
			if err := b.lookup(func(tx *sql.Tx) error { return b.db.d.lockOutbox(ctx, tx) }); err != nil {
				b.fail(err)
			}
			locked = true
		}
		for _, tr := range e.tables {
			if b.failed() != nil {
				break
			}
			b.conn.Lock()
			err := b.w.writeRows(ctx, tr.name, tr.cols, tr.rows)
			b.conn.Unlock()
			if err != nil {
				b.fail(b.db.writeErr(tr.t, err))
			}
		}
		if e.barrier != nil {
			e.barrier <- b.failed()
		}
	}
}

// outboxCols are the columns a change fills; seq is generated.
var outboxCols = []string{"kind", "id", "op", "at"}

// encodeBatch returns the rows of a batch, table by table in write order.
func encodeBatch(bt *batch, at int64) ([]tableRows, error) {
	var out []tableRows
	for _, k := range amur.Kinds {
		recs := bt.recs[k]
		if len(recs) == 0 {
			continue
		}
		t := tables[k]
		rows := make([][]any, len(recs))
		for i, r := range recs {
			doc, err := encode(r)
			if err != nil {
				return nil, err
			}
			rows[i] = t.rowValues(r, doc)
		}
		out = append(out, tableRows{t, t.name, t.allCols(), rows})
		for _, c := range t.children {
			var rows [][]any
			for _, r := range recs {
				rows = append(rows, c.rows(r)...)
			}
			if len(rows) > 0 {
				sortRows(rows)
				out = append(out, tableRows{t, c.name, c.cols, rows})
			}
		}
		kind, changes := string(k), make([][]any, len(recs))
		for i, r := range recs {
			changes[i] = []any{kind, r.Base().ID, "create", at}
		}
		out = append(out, tableRows{t, "outbox", outboxCols, changes})
	}
	return out, nil
}

// sortRows orders child rows by their leading string columns, the key
// order of their tables, so that a batch's inserts walk each B-tree once
// from left to right instead of jumping between its pages.
func sortRows(rows [][]any) {
	slices.SortFunc(rows, func(a, b []any) int {
		for i := range 2 {
			x, _ := a[i].(string)
			y, _ := b[i].(string)
			if c := strings.Compare(x, y); c != 0 {
				return c
			}
		}
		return 0
	})
}
