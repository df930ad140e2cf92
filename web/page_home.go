package web

import (
	"context"
	"net/http"
	"time"

	"amur"
	"amur/report"
)

// homePage is the program at a glance.
type homePage struct {
	page
	Program    *amur.Program
	Stats      *amur.Stats
	Goals      []report.GoalProgress
	GoalChart  chartView
	Charts     []chartView
	Upcoming   []*amur.Activity
	Milestones []*amur.TimelineEntry
}

// homeItems is how many upcoming activities and milestones the home page lists.
const homeItems = 5

// pageHome answers GET /{lang}/: the key figures against the goals, the
// activities by field, type and side, what comes next and what happened
// last.
func (s *Server) pageHome(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := &homePage{page: newPage(r, "web.home.title")}
	prog, err := s.program(ctx)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Program = prog
	f := amur.ActivityFilter{}
	if prog != nil {
		f.ProgramID = prog.ID
		p.Title = p.Plain(prog.Name)
	}
	if err := s.homeFigures(ctx, p, f); counting(err) {
		p.Stats, p.Goals, p.Charts = nil, nil, nil
	} else if err != nil {
		s.pageError(w, r, err)
		return
	}
	up := amur.ActivityFilter{ProgramID: f.ProgramID, From: time.Now().UTC(), Page: amur.Page{Limit: homeItems, Sort: "start"}}
	upcoming, err := s.store.Activities(ctx, up)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Upcoming = upcoming.Items
	tl, err := s.store.Timeline(ctx, amur.TimelineFilter{ProgramID: f.ProgramID, Page: amur.Page{Limit: homeItems, Sort: "-date"}})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Milestones = tl.Items
	s.render(w, r, http.StatusOK, "home", &p.page, p)
}

// homeFigures fills the home page's figures, goals and charts; it answers
// errCounting while they are computed for the first time.
func (s *Server) homeFigures(ctx context.Context, p *homePage, f amur.ActivityFilter) error {
	var err error
	if p.Stats, err = s.cachedStats(ctx, f); err != nil {
		return err
	}
	if p.Program != nil {
		if p.Goals, err = s.goalFigures(ctx, p.Program, p.Stats); err != nil {
			return err
		}
		p.GoalChart = p.goalChart(p.Goals)
	}
	fields, _, err := s.fieldLabels(ctx)
	if err != nil {
		return err
	}
	p.Charts = []chartView{
		p.countChart("by-field", "web.chart.fields", p.Stats.ByField, p.fieldName(fields), 12),
		p.countChart("by-type", "web.chart.types", p.Stats.ByType, func(k string) string { return p.Enum("type", k) }, 10),
		p.countChart("by-side", "web.chart.sides", p.Stats.BySide, p.Side, 10),
	}
	return nil
}

// fieldName returns a function naming a field code in the page's language.
func (p *page) fieldName(fields map[string]*amur.Field) func(string) string {
	return func(code string) string {
		if f, ok := fields[code]; ok {
			return p.Plain(f.Label)
		}
		return code
	}
}
