package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"amur"
	"amur/sqlstore"
)

// backup writes a consistent copy of the database to a file.
func (m *Main) backup(ctx context.Context, args []string) error {
	fs := m.flags("backup", "--out FILE [--db DSN]",
		"Writes a consistent copy of the database to FILE while it stays in use. SQLite\n"+
			"is copied with VACUUM INTO; PostgreSQL is dumped with pg_dump (custom format,\n"+
			"which 'amur restore' loads with pg_restore). FILE appears only once complete.")
	out := fs.String("out", "", "backup file to write (required)")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return m.usageErr(fs, "amur backup: name the backup file with --out")
	}
	start := time.Now()
	bar := newStepProgress(m.Stderr, "backing up")
	info, err := sqlstore.Backup(ctx, *dsn, *out, bar.Update)
	bar.Done()
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "backed up the %s database to %s: %s in %s\n",
		info.Dialect, *out, megabytes(info.Bytes), time.Since(start).Round(time.Millisecond))
	printCounts(m.Stdout, info.Counts)
	return nil
}

// printCounts writes the records of each kind a backup holds, if known.
func printCounts(w io.Writer, counts map[amur.Kind]int) {
	if counts == nil {
		return
	}
	parts := make([]string, 0, len(amur.Kinds))
	for _, k := range amur.Kinds {
		parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
	}
	fmt.Fprintf(w, "it holds %s\n", strings.Join(parts, ", "))
}

// megabytes formats a size for people.
func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// stepProgress draws the progress of a backup or restore on one line of a
// terminal, and stays silent elsewhere so that logs stay clean.
type stepProgress struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool
	label string
	last  time.Time
	drawn bool
}

// newStepProgress returns a progress line labelled label, drawn on w only
// when w is a terminal.
func newStepProgress(w io.Writer, label string) *stepProgress {
	f, ok := w.(*os.File)
	return &stepProgress{w: w, on: ok && term.IsTerminal(int(f.Fd())), label: label}
}

// Update redraws the line at most ten times a second.
func (p *stepProgress) Update(done, total int64, unit string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.drawn = true
	amount := fmt.Sprintf("%d %s", done, unit)
	if unit == "bytes" {
		amount = megabytes(done)
	}
	switch {
	case total > 0 && unit == "bytes":
		amount = fmt.Sprintf("%3.0f%%  %s of %s", 100*min(float64(done)/float64(total), 1), amount, megabytes(total))
	case total > 0:
		amount = fmt.Sprintf("%3.0f%%  %d of %d %s", 100*min(float64(done)/float64(total), 1), done, total, unit)
	}
	fmt.Fprintf(p.w, "\r%s  %s   ", p.label, amount)
}

// Done ends the progress line, if one was drawn.
func (p *stepProgress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}
