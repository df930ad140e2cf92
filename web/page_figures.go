package web

import (
	"context"
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
type figureCache struct {
	mu      sync.Mutex
	seq     int64
	entries map[string]any
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

// fresh drops every entry when the outbox has moved past the cached
// position, and returns the position the entries now stand for.
func (c *figureCache) fresh(ctx context.Context, s amur.Store) (int64, error) {
	c.mu.Lock()
	seq := c.seq
	c.mu.Unlock()
	moved := false
	for {
		ch, err := s.Changes(systemCtx(ctx), seq, 10_000)
		if err != nil {
			return 0, err
		}
		if len(ch) == 0 {
			break
		}
		seq, moved = ch[len(ch)-1].Seq, true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if moved && seq > c.seq {
		c.seq, c.entries = seq, nil
	}
	return c.seq, nil
}

// get returns the entry under key, computing and keeping it when missing.
func (c *figureCache) get(ctx context.Context, s amur.Store, key string, compute func() (any, error)) (any, error) {
	seq, err := c.fresh(ctx, s)
	if err != nil {
		return nil, err
	}
	key = viewerKey(ctx) + "|" + key
	c.mu.Lock()
	v, ok := c.entries[key]
	c.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err = compute()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seq == seq {
		if c.entries == nil || len(c.entries) >= maxFigureEntries {
			c.entries = map[string]any{}
		}
		c.entries[key] = v
	}
	return v, nil
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
// until the outbox moves.
func (s *Server) cachedStats(ctx context.Context, f amur.ActivityFilter) (*amur.Stats, error) {
	f.Page = amur.Page{}
	v, err := s.figs.get(ctx, s.store, "stats "+fmt.Sprintf("%+v", f), func() (any, error) {
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
	v, err := s.figs.get(ctx, s.store, "programs", func() (any, error) { return s.store.Programs(ctx) })
	if err != nil {
		return nil, err
	}
	ps := v.([]*amur.Program)
	if len(ps) == 0 {
		return nil, nil
	}
	return ps[0], nil
}

// fieldLabels returns every field by code, cached like the figures.
func (s *Server) fieldLabels(ctx context.Context) (map[string]*amur.Field, []*amur.Field, error) {
	v, err := s.figs.get(ctx, s.store, "fields", func() (any, error) {
		return s.store.Fields(ctx, amur.FieldFilter{Page: amur.Page{Limit: amur.MaxLimit, Sort: "code"}})
	})
	if err != nil {
		return nil, nil, err
	}
	list := v.(*amur.List[*amur.Field]).Items
	m := make(map[string]*amur.Field, len(list))
	for _, f := range list {
		m[f.ID] = f
	}
	return m, list, nil
}
