package web

import (
	"context"
	"slices"
	"strconv"
	"time"

	"amur"
)

// fillFacets builds the filters of the activity list. Each choice counts
// the activities the list would show with that filter's own choices set
// aside, so that a reader sees what picking another value would give.
// Counts still being computed (st nil, or errCounting) are left out.
func (s *Server) fillFacets(ctx context.Context, p *activitiesPage, st *amur.Stats) error {
	lp := p.Params
	// While the list's own count is under way the others would be too:
	// they are started but not waited for.
	wait := countWait
	if st == nil {
		st, wait = &amur.Stats{}, time.Nanosecond
	}
	without := func(clear func(*amur.ActivityFilter)) (*amur.Stats, error) {
		f := lp.Filter
		clear(&f)
		got, err := s.statsWithin(ctx, f, wait)
		if counting(err) {
			return &amur.Stats{}, nil
		}
		return got, err
	}
	byType, byStatus, bySide, byYear := st, st, st, st
	var err error
	if len(lp.Filter.Types) > 0 {
		if byType, err = without(func(f *amur.ActivityFilter) { f.Types = nil }); err != nil {
			return err
		}
	}
	if len(lp.Filter.Statuses) > 0 {
		if byStatus, err = without(func(f *amur.ActivityFilter) { f.Statuses = nil }); err != nil {
			return err
		}
	}
	if len(lp.Filter.Sides) > 0 {
		if bySide, err = without(func(f *amur.ActivityFilter) { f.Sides = nil }); err != nil {
			return err
		}
	}
	if lp.Year != 0 {
		if byYear, err = without(func(f *amur.ActivityFilter) { f.From, f.To = timeZero, timeZero }); err != nil {
			return err
		}
	}
	p.Facets = []facetGroup{
		enumFacet(p, "type", "web.facet.type", amur.ActivityTypes, lp.Filter.Types, byType.ByType),
		enumFacet(p, "status", "web.facet.status", amur.ActivityStatuses, lp.Filter.Statuses, byStatus.ByStatus),
		enumFacet(p, "side", "web.facet.side", sidesOf(bySide.BySide), lp.Filter.Sides, bySide.BySide),
	}
	p.Years, p.Months = p.dateFacets(byYear.ByMonth)
	if len(p.Years) == 0 {
		if err := s.programYears(ctx, p); err != nil {
			return err
		}
	}
	_, list, err := s.fieldLabels(ctx)
	if err != nil {
		return err
	}
	ff := facetGroup{Name: "field", Legend: p.T("web.facet.field")}
	for _, f := range list {
		if f.Parent != "" && len(f.ID) > 4 {
			continue
		}
		ff.Items = append(ff.Items, facet{Name: "field", Value: f.ID, Label: f.ID + " " + p.Plain(f.Label),
			Checked: slices.Contains(lp.Filter.Fields, f.ID)})
	}
	p.Facets = append(p.Facets, ff)
	for _, k := range []string{"start", "-start", "created", "-created"} {
		p.Sorts = append(p.Sorts, facet{Value: k, Label: p.T("web.sort." + k), Checked: lp.Sort == k || (lp.Sort == "" && k == "start")})
	}
	return nil
}

// programYears offers the years of the program, without counts, while the
// counts by month are still being computed.
func (s *Server) programYears(ctx context.Context, p *activitiesPage) error {
	prog, err := s.program(ctx)
	if counting(err) || prog == nil {
		return nil
	}
	if err != nil {
		return err
	}
	for y := prog.Start.Y; y <= max(prog.End.Y, prog.Start.Y) && y < prog.Start.Y+50; y++ {
		p.Years = append(p.Years, facet{Value: strconv.Itoa(y), Label: p.Date(amur.Date{Y: y}), Checked: p.Params.Year == y})
	}
	return nil
}

// timeZero is the unset time of a filter bound.
var timeZero = amur.ActivityFilter{}.From

// sidesOf returns the country codes counted, in order.
func sidesOf(counts map[string]int) []string {
	out := make([]string, 0, len(counts))
	for k := range counts {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// enumFacet is a group of checkboxes, one per value, with counts.
func enumFacet[T ~string](p *activitiesPage, name, legend string, values, on []T, counts map[string]int) facetGroup {
	g := facetGroup{Name: name, Legend: p.T(legend)}
	for _, v := range values {
		label := p.Enum(name, string(v))
		if name == "side" {
			label = p.Side(string(v))
		}
		f := facet{Name: name, Value: string(v), Label: label, Checked: slices.Contains(on, v), ID: "f-" + name + "-" + string(v)}
		if counts != nil {
			f.Count = p.Num(counts[string(v)])
		}
		g.Items = append(g.Items, f)
	}
	return g
}

// dateFacets lists the years with activities and, when a year is chosen,
// its months, with counts; allMonths counts by month without the date
// filter.
func (p *activitiesPage) dateFacets(allMonths map[string]int) ([]facet, []facet) {
	years := map[int]int{}
	for k, n := range allMonths {
		if y, err := strconv.Atoi(k[:min(4, len(k))]); err == nil && n > 0 {
			years[y] += n
		}
	}
	ys := make([]int, 0, len(years))
	for y := range years {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	var yf, mf []facet
	for _, y := range ys {
		yf = append(yf, facet{Value: strconv.Itoa(y), Label: p.Date(amur.Date{Y: y}), Count: p.Num(years[y]), Checked: p.Params.Year == y})
	}
	if p.Params.Year != 0 {
		for m := 1; m <= 12; m++ {
			d := amur.Date{Y: p.Params.Year, M: m}
			f := facet{Value: strconv.Itoa(m), Label: p.Date(d), Checked: p.Params.Month == m}
			if len(allMonths) > 0 {
				f.Count = p.Num(allMonths[d.String()])
			}
			mf = append(mf, f)
		}
	}
	return yf, mf
}
