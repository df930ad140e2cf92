package report

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"amur"
)

func TestChartSVGIsAccessibleXML(t *testing.T) {
	charts := []*Chart{
		{ID: "c1", Kind: Columns, Title: "Per month <&>", Desc: "stacked", Categories: []string{"2020-08", "2020-09"},
			Series: []Series{{Name: "Forum", Values: []float64{3, 1}}, {Name: "Exhibition", Values: []float64{2, 0}}}},
		{ID: "c2", Kind: Bars, Title: "By side", Desc: "bars", Categories: []string{"中国", "Россия"},
			Series: []Series{{Name: "n", Values: []float64{5, 7}}}},
		{ID: "c3", Kind: Progress, Title: "Goals", Desc: "progress", Categories: []string{"held"},
			Series: []Series{{Name: "reached", Values: []float64{1048}}, {Name: "target", Values: []float64{1000}}}},
		{ID: "c4", Kind: Dots, Title: "Milestones", Desc: "dots", Categories: []string{"NICA"},
			Series: []Series{{Name: "NICA", Values: []float64{0, 0.5, 1}, Labels: []string{"a", "b", "c"}}}, AxisStart: "2020", AxisEnd: "2021"},
	}
	for _, c := range charts {
		svg := c.SVG()
		if err := xml.Unmarshal(svg, new(any)); err != nil {
			t.Errorf("%s: not well-formed XML: %v\n%s", c.ID, err, svg)
		}
		s := string(svg)
		for _, want := range []string{`role="img"`, `aria-labelledby="` + c.ID + `-t ` + c.ID + `-d"`, `<title id="` + c.ID + `-t">`, `<desc id="` + c.ID + `-d">`} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %s", c.ID, want)
			}
		}
	}
	if s := string(charts[0].SVG()); !strings.Contains(s, "Per month &lt;&amp;&gt;") || strings.Count(s, "<rect") < 3+2 {
		t.Errorf("columns chart: escaped title and three bars plus a legend expected:\n%s", s)
	}
	if s := string(charts[2].SVG()); !strings.Contains(s, ">105%<") {
		t.Errorf("progress chart lacks the share reached:\n%s", s)
	}
	if n := strings.Count(string(charts[3].SVG()), "<circle"); n != 3 {
		t.Errorf("dots chart has %d points, want 3", n)
	}
}

func TestGoals(t *testing.T) {
	goals := []amur.Goal{{Metric: "activities", Target: 1000}, {Metric: "joint-projects", Target: 30}}
	got := Goals(goals, map[string]int{"activities": 1048})
	if !got[0].Known || got[0].Value != 1048 || got[0].Percent != 105 {
		t.Errorf("activities goal = %+v", got[0])
	}
	if got[1].Known || got[1].Percent != 0 {
		t.Errorf("a goal without a figure must stay unknown: %+v", got[1])
	}
}

func TestMonths(t *testing.T) {
	tests := []struct {
		start, end string
		counts     map[string]int
		first      string
		last       string
		n          int
	}{
		{"2020", "2021", nil, "2020-01", "2021-12", 24},
		{"2020-08", "2021-11", map[string]int{"2019-12": 1}, "2019-12", "2021-11", 24},
		{"2020", "", map[string]int{"2020-03": 2, "2020-05": 0}, "2020-01", "2020-03", 3},
	}
	for _, tt := range tests {
		var s, e amur.Date
		if tt.start != "" {
			s = amur.MustDate(tt.start)
		}
		if tt.end != "" {
			e = amur.MustDate(tt.end)
		}
		got := Months(s, e, tt.counts)
		if len(got) != tt.n || got[0] != tt.first || got[len(got)-1] != tt.last {
			t.Errorf("Months(%s, %s) = %v", tt.start, tt.end, got)
		}
	}
	if got := Values([]string{"a", "b"}, map[string]int{"b": 4}); !slices.Equal(got, []float64{0, 4}) {
		t.Errorf("Values = %v", got)
	}
	if p := Position(amur.MustDate("2021-01-01"), amur.MustDate("2020"), amur.MustDate("2021")); p < 0.49 || p > 0.51 {
		t.Errorf("Position of the middle = %v", p)
	}
}

func TestWriteXLSXRoundTrip(t *testing.T) {
	rows := [][]string{{"1", "中俄科技创新年"}, {"2", "Годы науки"}}
	i := 0
	var buf bytes.Buffer
	err := WriteXLSX(&buf, "activities", []string{"id", "title"}, func() ([]string, bool, error) {
		if i == len(rows) {
			return nil, false, nil
		}
		i++
		return rows[i-1], true, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := f.GetRows("activities")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"id", "title"}, rows[0], rows[1]}
	if len(got) != len(want) || !slices.Equal(got[1], want[1]) || !slices.Equal(got[2], want[2]) || !slices.Equal(got[0], want[0]) {
		t.Errorf("rows = %v, want %v", got, want)
	}
}
