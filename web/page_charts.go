package web

import (
	"html/template"
	"slices"
	"strconv"

	"amur"
	"amur/report"
)

// chartView is a chart as the "chart" partial shows it: the SVG drawing
// and the same figures as a table for those who cannot see it.
type chartView struct {
	SVG        template.HTML
	Caption    string
	TableLabel string
	RowHead    string
	Cols       []string
	Rows       []chartRow
}

// chartRow is one row of a chart's data table.
type chartRow struct {
	Label string
	Cells []string
}

// view turns a chart into its view; rowHead names the categories.
func (p *page) view(c *report.Chart, rowHead string) chartView {
	v := chartView{
		// The drawing is built from escaped text and numbers only (see
		// report.Chart.SVG), so it is safe to embed as markup.
		SVG:        template.HTML(c.SVG()),
		Caption:    c.Title,
		TableLabel: p.T("web.chart.table"),
		RowHead:    rowHead,
	}
	for _, s := range c.Series {
		v.Cols = append(v.Cols, s.Name)
	}
	for i, cat := range c.Categories {
		row := chartRow{Label: cat}
		for _, s := range c.Series {
			val := 0
			if i < len(s.Values) {
				val = int(s.Values[i])
			}
			row.Cells = append(row.Cells, p.Num(val))
		}
		v.Rows = append(v.Rows, row)
	}
	return v
}

// countChart is a bar chart of counts by key, largest first, with labels
// from label; at most limit bars are drawn.
func (p *page) countChart(id, titleKey string, counts map[string]int, label func(string) string, limit int) chartView {
	keys := make([]string, 0, len(counts))
	for k, n := range counts {
		if n > 0 {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		if a < b {
			return -1
		}
		return 1
	})
	if len(keys) > limit {
		keys = keys[:limit]
	}
	c := &report.Chart{ID: id, Kind: report.Bars, Title: p.T(titleKey)}
	for _, k := range keys {
		c.Categories = append(c.Categories, label(k))
	}
	c.Series = []report.Series{{Name: p.T("web.chart.count"), Values: report.Values(keys, counts)}}
	c.Desc = p.T("web.chart.desc_bars", "n", len(keys))
	return p.view(c, p.T("web.chart.category"))
}

// goalChart draws the progress towards the goals that can be measured.
func (p *page) goalChart(goals []report.GoalProgress) chartView {
	c := &report.Chart{ID: "goals", Kind: report.Progress, Title: p.T("web.chart.goals"), Desc: p.T("web.chart.desc_goals")}
	reached := report.Series{Name: p.T("web.goal.reached")}
	target := report.Series{Name: p.T("web.goal.target")}
	for _, g := range goals {
		if !g.Known {
			continue
		}
		c.Categories = append(c.Categories, p.Plain(g.Goal.Label))
		reached.Values = append(reached.Values, float64(g.Value))
		target.Values = append(target.Values, float64(g.Goal.Target))
	}
	c.Series = []report.Series{reached, target}
	return p.view(c, p.T("web.goal.goal"))
}

// monthChart draws activities per month stacked by type.
func (p *page) monthChart(prog *amur.Program, byType map[amur.ActivityType]map[string]int) chartView {
	all := map[string]int{}
	for _, m := range byType {
		for k, n := range m {
			all[k] += n
		}
	}
	var start, end amur.Date
	if prog != nil {
		start, end = prog.Start, prog.End
	}
	months := report.Months(start, end, all)
	c := &report.Chart{ID: "months", Kind: report.Columns, Title: p.T("web.chart.months"),
		Desc: p.T("web.chart.desc_months", "n", len(months))}
	for _, k := range months {
		c.Categories = append(c.Categories, p.monthLabel(k))
	}
	for _, t := range amur.ActivityTypes {
		if m, ok := byType[t]; ok {
			c.Series = append(c.Series, report.Series{Name: p.Enum("type", t), Values: report.Values(months, m)})
		}
	}
	return p.view(c, p.T("web.chart.month"))
}

// monthLabel formats a "2020-08" key as a local month.
func (p *page) monthLabel(k string) string {
	y, _ := strconv.Atoi(k[:4])
	m, _ := strconv.Atoi(k[5:])
	return p.Date(amur.Date{Y: y, M: m})
}
