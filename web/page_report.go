package web

import (
	"context"
	"net/http"
	"slices"

	"amur"
	"amur/report"
)

// reportPage is the printable program report: figures, progress to the
// goals and charts, for the activities matching the list's filters.
type reportPage struct {
	page
	Program *amur.Program
	Stats   *amur.Stats
	Goals   []report.GoalProgress
	Charts  []chartView
	Exports exportLinks
	// Filtered tells that the figures cover a filtered part of the list.
	Filtered bool
}

// pageReport answers GET /{lang}/report.
func (s *Server) pageReport(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := &reportPage{page: newPage(r, "web.report.title")}
	lp, err := readListParams(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if p.Program, err = s.program(ctx); err != nil {
		s.pageError(w, r, err)
		return
	}
	f := lp.Filter
	p.Filtered = len(lp.Raw) > 0
	if p.Program != nil {
		f.ProgramID = p.Program.ID
	}
	p.Stats, err = s.cachedStats(ctx, f)
	if err == nil {
		err = s.reportCharts(ctx, p, f)
	}
	if counting(err) {
		p.Stats, p.Goals, p.Charts, err = nil, nil, nil, nil
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Exports = p.exportLinks("/activities", lp.with("", ""))
	s.render(w, r, http.StatusOK, "report", &p.page, p)
}

// reportCharts draws the report's charts.
func (s *Server) reportCharts(ctx context.Context, p *reportPage, f amur.ActivityFilter) error {
	byType, err := s.typeMonths(ctx, f)
	if err != nil {
		return err
	}
	fields, _, err := s.fieldLabels(ctx)
	if err != nil {
		return err
	}
	if p.Program != nil {
		all, err := s.cachedStats(ctx, amur.ActivityFilter{ProgramID: p.Program.ID})
		if err != nil {
			return err
		}
		if p.Goals, err = s.goalFigures(ctx, p.Program, all); err != nil {
			return err
		}
		p.Charts = append(p.Charts, p.goalChart(p.Goals))
	}
	p.Charts = append(p.Charts,
		p.monthChart(p.Program, byType),
		p.countChart("r-type", "web.chart.types", p.Stats.ByType, func(k string) string { return p.Enum("type", k) }, 10),
		p.countChart("r-status", "web.chart.statuses", p.Stats.ByStatus, func(k string) string { return p.Enum("status", k) }, 10),
		p.countChart("r-field", "web.chart.fields", p.Stats.ByField, p.fieldName(fields), 20),
		p.countChart("r-side", "web.chart.sides", p.Stats.BySide, p.Side, 10),
	)
	ms, err := s.milestoneChart(ctx, &p.page, p.Program)
	if err != nil {
		return err
	}
	if ms != nil {
		p.Charts = append(p.Charts, *ms)
	}
	return nil
}

// milestoneChart places each flagship project's milestones on the
// program's time axis.
func (s *Server) milestoneChart(ctx context.Context, p *page, prog *amur.Program) (*chartView, error) {
	fl, err := s.store.Flagships(ctx, amur.FlagshipFilter{Page: amur.Page{Limit: 50, Sort: "slug"}})
	if err != nil || len(fl.Items) == 0 {
		return nil, err
	}
	type row struct {
		name  string
		dates []amur.Date
		names []string
	}
	var rows []row
	var from, to amur.Date
	if prog != nil {
		from, to = prog.Start, prog.End
	}
	for _, f := range fl.Items {
		tl, err := s.store.Timeline(ctx, amur.TimelineFilter{FlagshipID: f.ID, Page: amur.Page{Limit: 100, Sort: "date"}})
		if err != nil {
			return nil, err
		}
		rw := row{name: p.Plain(f.Name)}
		for _, e := range tl.Items {
			rw.dates = append(rw.dates, e.Date)
			rw.names = append(rw.names, p.Date(e.Date)+": "+p.Plain(e.Title))
			if from.IsZero() || e.Date.Before(from) {
				from = e.Date
			}
			if to.IsZero() || to.Before(e.Date) {
				to = e.Date
			}
		}
		rows = append(rows, rw)
	}
	c := &report.Chart{ID: "milestones", Kind: report.Dots, Title: p.T("web.chart.milestones"),
		Desc: p.T("web.chart.desc_milestones", "n", len(rows)), AxisStart: p.Date(from), AxisEnd: p.Date(to)}
	for _, rw := range rows {
		c.Categories = append(c.Categories, rw.name)
		sr := report.Series{Name: rw.name, Labels: rw.names}
		for _, d := range rw.dates {
			sr.Values = append(sr.Values, report.Position(d, from, to))
		}
		c.Series = append(c.Series, sr)
	}
	v := p.view(c, p.T("web.flagships.title"))
	// A dots chart's table lists the milestones, not positions.
	v.Cols = []string{p.T("web.flagships.milestones")}
	v.Rows = v.Rows[:0]
	for _, rw := range rows {
		v.Rows = append(v.Rows, chartRow{Label: rw.name, Cells: []string{joinNonEmpty(rw.names)}})
	}
	return &v, nil
}

// joinNonEmpty joins milestone labels for one table cell.
func joinNonEmpty(s []string) string {
	s = slices.DeleteFunc(slices.Clone(s), func(v string) bool { return v == "" })
	out := ""
	for i, v := range s {
		if i > 0 {
			out += "; "
		}
		out += v
	}
	return out
}
