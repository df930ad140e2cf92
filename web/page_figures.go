package web

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"amur"
	"amur/report"
)

// figureCache keeps the aggregate figures of the pages (counts by type,
// month, field…), which cost a scan of the activities, until the outbox
// moves: every change to the registry appends to the outbox in its own
// transaction, so an unchanged last sequence number means unchanged
// figures. Entries are keyed by what the reader may see as well as by the
// filter, since drafts count only for those who may read them.
//
// When the outbox has moved, a page gets the figures it had before at
// once while one background computation brings them up to date: over a
// million activities a recount takes seconds, and no page should wait for
// it because someone changed one record. Only a figure never computed
// makes a page wait.
type figureCache struct {
	mu      sync.Mutex
	seq     int64
	entries map[string]*figureEntry
	pending map[string]*pendingFigure
	// wait, when set, overrides how long pages wait for a first count.
	wait time.Duration
	// slot lets one count run at a time. A count holds one of the
	// store's few reader connections for as long as it scans; several at
	// once would leave none for the pages' own quick queries, which would
	// then wait behind the scans they were meant not to wait for.
	slot chan struct{}
}

// counted runs compute in the cache's count slot.
func (c *figureCache) counted(ctx context.Context, compute func(context.Context) (any, error)) (any, error) {
	c.mu.Lock()
	if c.slot == nil {
		c.slot = make(chan struct{}, 1)
	}
	slot := c.slot
	c.mu.Unlock()
	select {
	case slot <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-slot }()
	return compute(ctx)
}

// figureEntry is one cached figure and the outbox position it stands for.
type figureEntry struct {
	val        any
	seq        int64
	refreshing bool
}

// maxFigureEntries bounds the cache; when full it starts again empty,
// which is simple and keeps memory flat under many distinct filters.
const maxFigureEntries = 512

// systemCtx is the context in which the server reads the outbox position:
// a position reveals nothing, but the registry lets only admins read the
// feed, so the server reads it as the system.
func systemCtx(ctx context.Context) context.Context {
	return amur.WithActor(ctx, &amur.Actor{Principal: &amur.Principal{Role: amur.RoleAdmin}, Via: "web", At: time.Now().UTC()})
}

// position returns the outbox's last sequence number. Changes lists the
// changes after a position in order, so "is there any change after x?"
// is one indexed probe, and the last position is found by galloping up
// from the known one and halving back: a few dozen probes even when a
// million changes came in, instead of reading them all.
func (c *figureCache) position(ctx context.Context, s amur.Store) (int64, error) {
	ctx = systemCtx(ctx)
	c.mu.Lock()
	known := c.seq
	c.mu.Unlock()
	after := func(x int64) (bool, error) {
		ch, err := s.Changes(ctx, x, 1)
		return len(ch) > 0, err
	}
	more, err := after(known)
	if err != nil || !more {
		return known, err
	}
	lo, step := known, int64(1)
	hi := known + step
	for {
		more, err := after(hi)
		if err != nil {
			return 0, err
		}
		if !more {
			break
		}
		lo, step = hi, step*2
		hi = lo + step
	}
	// A change follows lo and none follows hi: the last one is in (lo, hi].
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		more, err := after(mid)
		if err != nil {
			return 0, err
		}
		if more {
			lo = mid
		} else {
			hi = mid
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seq = max(c.seq, hi)
	return c.seq, nil
}

// counting reports whether err says a figure is still being counted.
func counting(err error) bool { return errors.Is(err, errCounting) }

// errCounting tells that a figure is being computed for the first time
// and was not ready within the wait: the page shows without it.
var errCounting = errors.New("web: figures are being counted")

// figureWait is how long a page waits for a figure computed for the first
// time before it shows without it: the home and report pages, whose
// figures are their content, wait longer than the activity list, whose
// counts only annotate its filters.
const (
	figureWait = 3 * time.Second
	countWait  = 250 * time.Millisecond
)

// get returns the figure under key: the cached one when it is current,
// the previous one while a background computation refreshes it, or one
// computed now when there is none. A first computation runs in the
// background too, shared by every request that asks meanwhile; get waits
// for it at most wait and then answers errCounting, so that a page over a
// huge registry never hangs on a count.
func (c *figureCache) get(ctx context.Context, s amur.Store, key string, wait time.Duration, compute func(context.Context) (any, error)) (any, error) {
	seq, err := c.position(ctx, s)
	if err != nil {
		return nil, err
	}
	key = viewerKey(ctx) + "|" + key
	c.mu.Lock()
	e, ok := c.entries[key]
	if ok && e.seq < seq && !e.refreshing {
		e.refreshing = true
		// The refresh outlives the request but keeps its principal.
		go c.refresh(context.WithoutCancel(ctx), key, seq, compute)
	}
	if ok {
		c.mu.Unlock()
		return e.val, nil
	}
	p, running := c.pending[key]
	if !running {
		p = &pendingFigure{done: make(chan struct{})}
		if c.pending == nil {
			c.pending = map[string]*pendingFigure{}
		}
		c.pending[key] = p
		go c.first(context.WithoutCancel(ctx), key, seq, p, compute)
	}
	if c.wait > 0 {
		wait = c.wait
	}
	c.mu.Unlock()
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-p.done:
		return p.val, p.err
	case <-timer.C:
		return nil, errCounting
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// pendingFigure is a first computation under way.
type pendingFigure struct {
	done chan struct{}
	val  any
	err  error
}

// first computes a figure for the first time and keeps it.
func (c *figureCache) first(ctx context.Context, key string, seq int64, p *pendingFigure, compute func(context.Context) (any, error)) {
	p.val, p.err = c.counted(ctx, compute)
	if p.err == nil {
		c.put(key, &figureEntry{val: p.val, seq: seq})
	}
	c.mu.Lock()
	delete(c.pending, key)
	c.mu.Unlock()
	close(p.done)
}

// refresh recomputes the figure under key for the outbox position seq.
func (c *figureCache) refresh(ctx context.Context, key string, seq int64, compute func(context.Context) (any, error)) {
	v, err := c.counted(ctx, compute)
	c.mu.Lock()
	e := c.entries[key]
	c.mu.Unlock()
	if err != nil {
		if e != nil {
			c.mu.Lock()
			e.refreshing = false
			c.mu.Unlock()
		}
		return
	}
	c.put(key, &figureEntry{val: v, seq: seq})
}

// put stores an entry unless a newer one is already there.
func (c *figureCache) put(key string, e *figureEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.entries[key]; ok && old.seq > e.seq {
		return
	}
	if c.entries == nil || len(c.entries) >= maxFigureEntries {
		c.entries = map[string]*figureEntry{}
	}
	c.entries[key] = e
}

// viewerKey names what the request's principal may see of drafts.
func viewerKey(ctx context.Context) string {
	p := amur.PrincipalFrom(ctx)
	if p == nil {
		return "public"
	}
	return string(p.Role) + "/" + p.OrgID + "/" + p.Side
}

// cachedStats returns the figures of the activities matching f, cached
// until the outbox moves, waiting up to figureWait for a first count.
func (s *Server) cachedStats(ctx context.Context, f amur.ActivityFilter) (*amur.Stats, error) {
	return s.statsWithin(ctx, f, figureWait)
}

// statsWithin is cachedStats waiting at most wait for a first count.
func (s *Server) statsWithin(ctx context.Context, f amur.ActivityFilter, wait time.Duration) (*amur.Stats, error) {
	f.Page = amur.Page{}
	v, err := s.figs.get(ctx, s.store, "stats "+fmt.Sprintf("%+v", f), wait, func(ctx context.Context) (any, error) {
		return s.store.Stats(ctx, f)
	})
	if err != nil {
		return nil, err
	}
	return v.(*amur.Stats), nil
}

// typeMonths returns, for each activity type, the activities matching f
// by month of start.
func (s *Server) typeMonths(ctx context.Context, f amur.ActivityFilter) (map[amur.ActivityType]map[string]int, error) {
	out := map[amur.ActivityType]map[string]int{}
	for _, t := range amur.ActivityTypes {
		if len(f.Types) > 0 && !containsType(f.Types, t) {
			continue
		}
		g := f
		g.Types = []amur.ActivityType{t}
		st, err := s.cachedStats(ctx, g)
		if err != nil {
			return nil, err
		}
		out[t] = st.ByMonth
	}
	return out, nil
}

// containsType reports whether t is among ts.
func containsType(ts []amur.ActivityType, t amur.ActivityType) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// goalFigures measures the goals of program p that the registry can
// measure: activities, activities held (also within a year, as in
// activities-held-2020) and flagship projects.
func (s *Server) goalFigures(ctx context.Context, p *amur.Program, all *amur.Stats) ([]report.GoalProgress, error) {
	known := map[string]int{
		"activities":      all.Activities - all.ByStatus[string(amur.Cancelled)],
		"activities-held": all.ByStatus[string(amur.Held)],
		"flagships":       all.Flagships,
	}
	for _, g := range p.Goals {
		year, ok := strings.CutPrefix(g.Metric, "activities-held-")
		y, err := strconv.Atoi(year)
		if !ok || err != nil || y < 1000 || y > 9999 {
			continue
		}
		d := amur.Date{Y: y}
		st, err := s.cachedStats(ctx, amur.ActivityFilter{ProgramID: p.ID, Statuses: []amur.ActivityStatus{amur.Held},
			From: d.First(time.UTC), To: d.Last(time.UTC)})
		if err != nil {
			return nil, err
		}
		known[g.Metric] = st.Activities
	}
	return report.Goals(p.Goals, known), nil
}

// program returns the program the pages show: the first one stored, or
// nil when there is none yet.
func (s *Server) program(ctx context.Context) (*amur.Program, error) {
	ps, err := s.store.Programs(ctx)
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, nil
	}
	return ps[0], nil
}

// fieldLabels returns every field, by code and in code order: a few
// dozen rows, read from the store each time.
func (s *Server) fieldLabels(ctx context.Context) (map[string]*amur.Field, []*amur.Field, error) {
	l, err := s.store.Fields(ctx, amur.FieldFilter{Page: amur.Page{Limit: amur.MaxLimit, Sort: "code"}})
	if err != nil {
		return nil, nil, err
	}
	list := l.Items
	m := make(map[string]*amur.Field, len(list))
	for _, f := range list {
		m[f.ID] = f
	}
	return m, list, nil
}

// Warm starts the first counts of the figures the home, list and report
// pages show the public, so that over a large registry the first visitors
// after a start find them ready rather than being counted. It returns at
// once; the counts go on in the background.
func (s *Server) Warm(ctx context.Context) {
	ctx = amur.WithActor(ctx, &amur.Actor{Via: "web", At: time.Now().UTC()})
	go func() {
		prog, err := s.program(ctx)
		if err != nil {
			s.log.WarnContext(ctx, "warming the figures", "error", err)
			return
		}
		f := amur.ActivityFilter{}
		s.statsWithin(ctx, f, time.Nanosecond)
		if prog != nil {
			f.ProgramID = prog.ID
			s.statsWithin(ctx, f, time.Nanosecond)
			// The goals of a year are counted apart; waiting here is
			// waiting in the background.
			s.goalFigures(ctx, prog, &amur.Stats{ByStatus: map[string]int{}})
		}
		for _, t := range amur.ActivityTypes {
			g := f
			g.Types = []amur.ActivityType{t}
			s.statsWithin(ctx, g, time.Nanosecond)
		}
	}()
}
