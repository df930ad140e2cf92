package sqlstore

import (
	"context"
	"database/sql"
	"runtime"
	"sync"

	"amur"
)

// rowWriter writes many rows into one table in a dialect's fastest way:
// multi-row INSERTs for SQLite, COPY for PostgreSQL.
type rowWriter interface {
	writeRows(ctx context.Context, table string, cols []string, rows [][]any) error
	close() error
}

// bufferedBulk queues put records and writes them in batches: per kind in
// dependency order, the main rows, then each child table, then the outbox
// rows, every table in one rowWriter call.
type bufferedBulk struct {
	db    *DB
	t     *sql.Tx
	w     rowWriter
	queue map[amur.Kind][]amur.Record
	n     int
	// limit is how many records are queued before a batch is written; it
	// bounds the memory a bulk holds.
	limit  int
	locked bool
}

// newBufferedBulk returns a bulk over transaction tx writing through w.
func newBufferedBulk(db *DB, tx *sql.Tx, w rowWriter, limit int) *bufferedBulk {
	return &bufferedBulk{db: db, t: tx, w: w, limit: limit, queue: map[amur.Kind][]amur.Record{}}
}

func (b *bufferedBulk) tx() *sql.Tx  { return b.t }
func (b *bufferedBulk) close() error { return b.w.close() }

// put queues r and writes the batch once it is full.
func (b *bufferedBulk) put(ctx context.Context, t *table, r amur.Record) error {
	b.queue[t.kind] = append(b.queue[t.kind], r)
	b.n++
	if b.n >= b.limit {
		return b.flush(ctx)
	}
	return nil
}

// flush writes every queued record. Kinds go in dependency order, so a
// record's references (stored before, or queued before it in the same
// table) exist when its rows arrive.
func (b *bufferedBulk) flush(ctx context.Context) error {
	if b.n == 0 {
		return nil
	}
	if !b.locked {
		if err := b.db.d.lockOutbox(ctx, b.t); err != nil {
			return err
		}
		b.locked = true
	}
	at := ms(b.db.now())
	for _, k := range amur.Kinds {
		recs := b.queue[k]
		if len(recs) == 0 {
			continue
		}
		if err := b.writeKind(ctx, tables[k], recs, at); err != nil {
			return err
		}
		clear(recs)
		b.queue[k] = recs[:0]
	}
	b.n = 0
	return nil
}

// writeKind writes the rows of recs, all of table t, and their outbox rows.
func (b *bufferedBulk) writeKind(ctx context.Context, t *table, recs []amur.Record, at int64) error {
	rows, err := mainRows(t, recs)
	if err != nil {
		return err
	}
	if err := b.w.writeRows(ctx, t.name, t.allCols(), rows); err != nil {
		return b.db.writeErr(t, err)
	}
	for _, c := range t.children {
		rows = rows[:0]
		for _, r := range recs {
			rows = append(rows, c.rows(r)...)
		}
		if len(rows) == 0 {
			continue
		}
		if err := b.w.writeRows(ctx, c.name, c.cols, rows); err != nil {
			return b.db.writeErr(t, err)
		}
	}
	rows = rows[:0]
	kind := string(t.kind)
	for _, r := range recs {
		rows = append(rows, []any{kind, r.Base().ID, "create", at})
	}
	if err := b.w.writeRows(ctx, "outbox", outboxCols, rows); err != nil {
		return b.db.writeErr(t, err)
	}
	return nil
}

// outboxCols are the columns a change fills; seq is generated.
var outboxCols = []string{"kind", "id", "op", "at"}

// mainRows returns the main rows of recs. Encoding the JSON documents is
// the costliest part in Go, so it runs on every core while the database
// waits; each worker takes an interleaved share of the records.
func mainRows(t *table, recs []amur.Record) ([][]any, error) {
	rows := make([][]any, len(recs))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(recs)/64))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(recs); i += workers {
				doc, err := encode(recs[i])
				if err != nil {
					errs[w] = err
					return
				}
				rows[i] = t.rowValues(recs[i], doc)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return rows, nil
}
