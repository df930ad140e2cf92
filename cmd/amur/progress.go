package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// progress draws a one-line progress bar on a terminal. On anything else
// (a file, a pipe, CI logs) it stays silent, so redirected output is clean.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	on      bool
	total   int64
	start   time.Time
	last    time.Time
	records int
	bytes   int64
}

// newProgress returns a bar for an input of total bytes (-1 when unknown)
// that draws on w only when w is a terminal.
func newProgress(w io.Writer, total int64) *progress {
	f, ok := w.(*os.File)
	on := ok && term.IsTerminal(int(f.Fd()))
	return &progress{w: w, on: on, total: total, start: time.Now()}
}

// Update records progress and redraws at most ten times a second.
func (p *progress) Update(records int, bytes int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.records, p.bytes = records, bytes
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.draw()
}

// draw writes the bar: percentage of bytes, records and the record rate.
func (p *progress) draw() {
	elapsed := time.Since(p.start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(p.records) / elapsed
	}
	const width = 30
	bar, pct := strings.Repeat("·", width), ""
	if p.total > 0 {
		frac := min(float64(p.bytes)/float64(p.total), 1)
		filled := int(frac * width)
		bar = strings.Repeat("█", filled) + strings.Repeat("·", width-filled)
		pct = fmt.Sprintf("%3.0f%% ", frac*100)
	}
	fmt.Fprintf(p.w, "\r%s%s %d records  %.0f/s ", pct, bar, p.records, rate)
}

// Done draws the final state and ends the line.
func (p *progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.on {
		return
	}
	p.draw()
	fmt.Fprintln(p.w)
}
