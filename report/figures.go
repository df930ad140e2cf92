package report

import (
	"fmt"
	"slices"
	"time"

	"amur"
)

// GoalProgress is how far the program has come towards one of its goals.
type GoalProgress struct {
	Goal amur.Goal
	// Value is the figure reached; Known is false when the registry holds
	// nothing that measures the goal's metric, and then Value means nothing.
	Value int
	Known bool
	// Percent is Value as a whole percentage of the target.
	Percent int
}

// Goals measures each goal with the figures known by metric name
// ("activities", "activities-held", "flagships"…). A goal whose metric
// has no figure stays unknown rather than being shown as zero.
func Goals(goals []amur.Goal, known map[string]int) []GoalProgress {
	out := make([]GoalProgress, len(goals))
	for i, g := range goals {
		v, ok := known[g.Metric]
		out[i] = GoalProgress{Goal: g, Value: v, Known: ok}
		if ok && g.Target > 0 {
			out[i].Percent = (100*v + g.Target/2) / g.Target
		}
	}
	return out
}

// Months returns the months from the first to the last ("2020-01" …
// "2021-12") that span both the program's dates and the months in counts,
// so that a chart shows empty months as gaps rather than hiding them.
func Months(start, end amur.Date, counts map[string]int) []string {
	var keys []string
	for k, n := range counts {
		if n > 0 && len(k) == 7 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	lo, hi := "", ""
	if !start.IsZero() {
		lo = fmt.Sprintf("%04d-%02d", start.Y, max(start.M, 1))
	}
	if !end.IsZero() {
		m := end.M
		if m == 0 {
			m = 12
		}
		hi = fmt.Sprintf("%04d-%02d", end.Y, m)
	}
	if len(keys) > 0 {
		if lo == "" || keys[0] < lo {
			lo = keys[0]
		}
		if hi == "" || keys[len(keys)-1] > hi {
			hi = keys[len(keys)-1]
		}
	}
	if lo == "" || hi == "" {
		return nil
	}
	return monthRange(lo, hi)
}

// maxMonths bounds a month axis (a century), so a stray date cannot make a
// chart of a million columns.
const maxMonths = 1200

// monthRange lists the months from lo to hi inclusive.
func monthRange(lo, hi string) []string {
	var y, m, hy, hm int
	fmt.Sscanf(lo, "%d-%d", &y, &m)
	fmt.Sscanf(hi, "%d-%d", &hy, &hm)
	var out []string
	for (y < hy || (y == hy && m <= hm)) && len(out) < maxMonths {
		out = append(out, fmt.Sprintf("%04d-%02d", y, m))
		if m++; m > 12 {
			y, m = y+1, 1
		}
	}
	return out
}

// Values returns counts at each key, in the order of keys.
func Values(keys []string, counts map[string]int) []float64 {
	out := make([]float64, len(keys))
	for i, k := range keys {
		out[i] = float64(counts[k])
	}
	return out
}

// Position returns where d falls between from and to, from 0 to 1, for
// the points of a Dots chart.
func Position(d, from, to amur.Date) float64 {
	a, b, x := from.First(utc), to.Last(utc), d.First(utc)
	if !b.After(a) {
		return 0
	}
	return float64(x.Sub(a)) / float64(b.Sub(a))
}

// utc is the zone of positions on a time axis: whole dates, no clock.
var utc = time.UTC
