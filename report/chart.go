// Package report turns the program's figures into charts and files: charts
// as server-rendered, accessible SVG (a title, a description and a data
// table for every chart, no script), the progress of the program against
// its goals, and spreadsheet exports. It knows nothing of HTTP; the web
// adapter translates the labels and embeds the drawings in its pages.
package report

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"strconv"
)

// Kind is the form of a chart.
type Kind string

// The chart kinds.
const (
	// Columns draws one column per category, its series stacked.
	Columns Kind = "columns"
	// Bars draws one horizontal bar per category, its series stacked.
	Bars Kind = "bars"
	// Progress draws one bar per category: the first series is the value
	// reached, the second the target, drawn as an outline.
	Progress Kind = "progress"
	// Dots places dated points on one time axis per category: each series
	// value is a position from 0 to 1 along the axis.
	Dots Kind = "dots"
)

// Chart is the data of one chart with its labels already in the reader's
// language.
type Chart struct {
	ID    string
	Kind  Kind
	Title string
	// Desc says in words what the chart shows, for screen readers.
	Desc string
	// Categories label the columns, bars or axes.
	Categories []string
	Series     []Series
	// AxisStart and AxisEnd label the ends of a Dots chart's time axis.
	AxisStart, AxisEnd string
}

// Series is one named row of values, one per category.
type Series struct {
	Name   string
	Values []float64
	// Labels, when set, name each point (Dots charts).
	Labels []string
}

// palette holds series colours that keep a contrast of at least 3:1
// against the white background, as WCAG asks of graphical objects.
var palette = []string{"#1f5fa8", "#b3261e", "#2e7d32", "#8a4b00", "#6a1b9a", "#00695c", "#ad1457", "#455a64"}

// Color returns the colour of series i.
func Color(i int) string { return palette[i%len(palette)] }

// Geometry of the drawings, in SVG user units.
const (
	width     = 720
	barH      = 20
	barGap    = 8
	labelW    = 230
	plotH     = 220
	legendRow = 18
)

// SVG draws the chart as an accessible SVG element: role img, labelled by
// its title and described by its description. Every mark carries a title
// of its own, so a pointer or a screen reader can read exact values.
func (c *Chart) SVG() []byte {
	var b bytes.Buffer
	switch c.Kind {
	case Columns:
		c.columns(&b)
	case Progress:
		c.bars(&b, true)
	case Dots:
		c.dots(&b)
	default:
		c.bars(&b, false)
	}
	return b.Bytes()
}

// open writes the svg element with its accessible title and description.
func (c *Chart) open(b *bytes.Buffer, h int) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="100%%" role="img" aria-labelledby="%s-t %s-d" class="svgchart">`,
		width, h, c.ID, c.ID)
	fmt.Fprintf(b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, c.ID, esc(c.Title), c.ID, esc(c.Desc))
}

// total returns the sum of every series at category i.
func (c *Chart) total(i int) float64 {
	t := 0.0
	for _, s := range c.Series {
		if i < len(s.Values) {
			t += s.Values[i]
		}
	}
	return t
}

// columns draws stacked columns with a value axis and a legend.
func (c *Chart) columns(b *bytes.Buffer) {
	n := len(c.Categories)
	top := 0.0
	for i := range n {
		top = math.Max(top, c.total(i))
	}
	top = niceCeil(top)
	legendH := legendRows(len(c.Series)) * legendRow
	h := plotH + 50 + legendH
	c.open(b, h)
	const left, base = 44, plotH + 10
	plotW := float64(width - left - 10)
	for k := 0; k <= 4; k++ {
		y := base - plotH*float64(k)/4
		fmt.Fprintf(b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" class="grid"/>`, left, width-10, y, y)
		fmt.Fprintf(b, `<text x="%d" y="%.1f" class="tick" text-anchor="end">%s</text>`, left-4, y+4, num(top*float64(k)/4))
	}
	if n == 0 || top == 0 {
		b.WriteString("</svg>")
		return
	}
	bw := plotW / float64(n)
	every := labelStep(c.Categories, bw)
	for i, cat := range c.Categories {
		x := float64(left) + bw*float64(i)
		y := float64(base)
		for si, s := range c.Series {
			if i >= len(s.Values) || s.Values[i] == 0 {
				continue
			}
			hgt := plotH * s.Values[i] / top
			y -= hgt
			fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s, %s: %s</title></rect>`,
				x+1, y, math.Max(bw-2, 1), hgt, Color(si), esc(cat), esc(s.Name), num(s.Values[i]))
		}
		if i%every == 0 {
			fmt.Fprintf(b, `<text x="%.1f" y="%d" class="tick" text-anchor="middle">%s</text>`, x+bw/2, base+16, esc(cat))
		}
	}
	c.legend(b, base+36)
	b.WriteString("</svg>")
}

// labelStep returns how many columns apart axis labels must be so that
// labels of the categories' width do not overlap in columns bw wide; a
// Chinese character takes about twice the room of a Latin letter.
func labelStep(cats []string, bw float64) int {
	widest := 0.0
	for _, c := range cats {
		w := 0.0
		for _, r := range c {
			w += runeWidth(r)
		}
		widest = math.Max(widest, w)
	}
	return max(1, int(math.Ceil((widest+8)/bw)))
}

// legendRows is how many rows a legend of n series takes, three a row.
func legendRows(n int) int {
	if n <= 1 {
		return 0
	}
	return (n + 2) / 3
}

// legend writes a swatch and name per series, three a row, from y.
func (c *Chart) legend(b *bytes.Buffer, y int) {
	if len(c.Series) <= 1 {
		return
	}
	for i, s := range c.Series {
		x := 10 + (i%3)*(width/3)
		yy := y + (i/3)*legendRow
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="12" height="12" fill="%s"/><text x="%d" y="%d" class="lbl">%s</text>`,
			x, yy, Color(i), x+16, yy+11, esc(s.Name))
	}
}

// bars draws one horizontal bar per category; for Progress the second
// series is the target, drawn as an outline with the share reached.
func (c *Chart) bars(b *bytes.Buffer, progress bool) {
	n := len(c.Categories)
	top := 0.0
	for i := range n {
		if progress {
			top = math.Max(top, math.Max(c.value(0, i), c.value(1, i)))
		} else {
			top = math.Max(top, c.total(i))
		}
	}
	series := len(c.Series)
	if progress {
		series = 0
	}
	h := n*(barH+barGap) + 10 + legendRows(series)*legendRow + 8
	c.open(b, h)
	plotW := float64(width - labelW - 70)
	for i, cat := range c.Categories {
		y := 5 + i*(barH+barGap)
		fmt.Fprintf(b, `<text x="%d" y="%d" class="lbl" text-anchor="end">%s</text>`, labelW-6, y+barH-6, esc(clipWidth(cat, labelW-12)))
		if top == 0 {
			continue
		}
		if progress {
			// Each goal has its own scale, so that a goal of five
			// projects reads as well as one of a thousand activities.
			c.progressBar(b, i, y, plotW/math.Max(1, math.Max(c.value(0, i), c.value(1, i))))
			continue
		}
		x := float64(labelW)
		for si, s := range c.Series {
			v := c.value(si, i)
			if v == 0 {
				continue
			}
			wd := plotW * v / top
			fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%s, %s: %s</title></rect>`,
				x, y, wd, barH, Color(si), esc(cat), esc(s.Name), num(v))
			x += wd
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%d" class="val">%s</text>`, x+4, y+barH-6, num(c.total(i)))
	}
	if !progress {
		c.legend(b, n*(barH+barGap)+10)
	}
	b.WriteString("</svg>")
}

// progressBar draws the value reached against the target for category i.
func (c *Chart) progressBar(b *bytes.Buffer, i, y int, scale float64) {
	v, target := c.value(0, i), c.value(1, i)
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%.1f" height="%d" class="target"/>`, labelW, y, target*scale, barH)
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"><title>%s: %s / %s</title></rect>`,
		labelW, y+4, v*scale, barH-8, Color(0), esc(c.Categories[i]), num(v), num(target))
	pct := ""
	if target > 0 {
		pct = strconv.Itoa(int(math.Round(100*v/target))) + "%"
	}
	fmt.Fprintf(b, `<text x="%.1f" y="%d" class="val">%s</text>`, float64(labelW)+math.Max(v, target)*scale+4, y+barH-6, pct)
}

// dots draws one time axis per category with its points.
func (c *Chart) dots(b *bytes.Buffer) {
	n := len(c.Categories)
	h := n*(barH+barGap) + 30
	c.open(b, h)
	plotW := float64(width - labelW - 20)
	for i, cat := range c.Categories {
		y := 5 + i*(barH+barGap)
		fmt.Fprintf(b, `<text x="%d" y="%d" class="lbl" text-anchor="end">%s</text>`, labelW-6, y+barH-6, esc(clipWidth(cat, labelW-12)))
		fmt.Fprintf(b, `<line x1="%d" x2="%d" y1="%d" y2="%d" class="grid"/>`, labelW, width-20, y+barH/2, y+barH/2)
		if i >= len(c.Series) {
			continue
		}
		s := c.Series[i]
		for j, v := range s.Values {
			label := ""
			if j < len(s.Labels) {
				label = s.Labels[j]
			}
			fmt.Fprintf(b, `<circle cx="%.1f" cy="%d" r="6" fill="%s"><title>%s</title></circle>`,
				float64(labelW)+plotW*math.Max(0, math.Min(1, v)), y+barH/2, Color(i), esc(label))
		}
	}
	fmt.Fprintf(b, `<text x="%d" y="%d" class="tick">%s</text><text x="%d" y="%d" class="tick" text-anchor="end">%s</text>`,
		labelW, h-8, esc(c.AxisStart), width-20, h-8, esc(c.AxisEnd))
	b.WriteString("</svg>")
}

// value returns series si at category i, or 0.
func (c *Chart) value(si, i int) float64 {
	if si >= len(c.Series) || i >= len(c.Series[si].Values) {
		return 0
	}
	return c.Series[si].Values[i]
}

// niceCeil rounds v up to a few round multiples of a power of ten (1, 1.2,
// 1.6, 2, 4, 5, 8), so that the axis ticks at quarters read well.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 1.2, 1.6, 2, 4, 5, 8, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// num formats a value without a fraction when it is whole.
func num(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// runeWidth estimates the width of r in the charts' 12px type: a Chinese
// character takes about twice the room of a Latin or Cyrillic letter.
func runeWidth(r rune) float64 {
	if r > 0x2E80 {
		return 12
	}
	return 7
}

// clipWidth shortens s to fit about px units, with an ellipsis.
func clipWidth(s string, px int) string {
	w := 0.0
	for i, r := range s {
		w += runeWidth(r)
		if w > float64(px)-12 {
			return s[:i] + "…"
		}
	}
	return s
}

// esc escapes text for SVG content and attributes.
func esc(s string) string { return html.EscapeString(s) }
