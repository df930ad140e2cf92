package press

import (
	"fmt"
	"strings"
	"testing"

	"amur"
	"amur/internal/testkit"
)

// dateCases are date expressions of every form the package reads, in
// English, Chinese and Russian, each with the publication date that
// anchors it.
var dateCases = []struct{ ref, text string }{
	// English: absolute, partial, relative, ranges and background.
	{"2020-08-26", "on Aug. 26, 2020"},
	{"2020-08-26", "Updated 20:24, 26-Aug-2020"},
	{"2020-08-26", "on 26 August 2020"},
	{"2020-12-29", "2020-12-29 00:29:06Xinhua"},
	{"2021-11-26", "date 2021-11-26"},
	{"2023-03-12", "TIME:2023-03-12"},
	{"2021-11-27", "BEIJING, Nov. 26 (Xinhua) --"},
	{"2021-01-05", "on Dec. 28"},
	{"2020-08-26", "in August 2020"},
	{"2020-08-26", "from June 5 to 7, 2019"},
	{"2020-08-26", "on Wednesday"},
	{"2020-12-29", "Monday afternoon"},
	{"2020-08-26", "last Monday"},
	{"2020-08-26", "the forum will open next Friday"},
	{"2020-08-26", "last June"},
	{"2020-08-26", "in June last year"},
	{"2020-08-26", "this year"},
	{"2020-08-26", "next year"},
	{"2020-08-26", "yesterday"},
	{"2020-08-26", "earlier this month"},
	{"2020-08-26", "their 37th meeting since 2013"},
	{"2020-08-26", "Dec. 15"},
	// Chinese.
	{"2020-08-26", "2020年8月26日"},
	{"2020-08-26", "２０２０年８月２６日"},
	{"2021-03-21", "3月20日"},
	{"2021-11-26", "11月19日至21日"},
	{"2021-11-26", "19日至21日"},
	{"2020-08-26", "当地时间26日"},
	{"2021-11-26", "新华社北京11月26日电"},
	{"2020-08-26", "2020年8月"},
	{"2020-08-26", "今年"},
	{"2020-08-26", "去年6月"},
	{"2020-08-26", "明年"},
	{"2020-08-26", "昨天"},
	{"2020-08-26", "周一"},
	{"2020-08-26", "上周五"},
	{"2020-08-26", "2013年以来"},
	// Russian.
	{"2020-08-26", "26 августа 2020 года"},
	{"2020-08-26", "26 августа"},
	{"2020-08-26", "26.08.2020"},
	{"2020-08-26", "в августе 2020 года"},
	{"2021-11-26", "19–21 ноября"},
	{"2020-08-26", "вчера"},
	{"2020-08-26", "в среду"},
	{"2020-08-26", "в понедельник"},
	{"2020-08-26", "в прошлом году"},
	{"2020-08-26", "в этом году"},
	{"2020-08-26", "в июне прошлого года"},
	{"2020-08-26", "в 2019 году"},
	{"2020-08-26", "с 2013 года"},
	{"2021-12-15", "МОСКВА, 15 декабря. /ТАСС/."},
}

// TestDateForms resolves every listed form against its reference date and
// compares the readings with the golden file.
func TestDateForms(t *testing.T) {
	var b strings.Builder
	for _, c := range dateCases {
		c2 := dctx{ref: amur.MustDate(c.ref), future: futureRE.MatchString(lower(c.text))}
		fmt.Fprintf(&b, "%s\t%s\t", c.ref, c.text)
		var got []string
		for _, m := range scanDates(c.text) {
			r, ok := resolve(m, c2)
			switch {
			case !ok:
				got = append(got, "?")
			case m.background:
				got = append(got, "background "+r.date.String())
			default:
				got = append(got, r.date.String()+" "+string(r.date.Precision()))
			}
		}
		if len(got) == 0 {
			t.Errorf("%q: no date found", c.text)
		}
		b.WriteString(strings.Join(got, "; ") + "\n")
	}
	testkit.Golden(t, "dates.golden", []byte(b.String()))
}

// TestDateValues pins the readings that matter most, so that a wrong
// golden file cannot hide them.
func TestDateValues(t *testing.T) {
	for _, c := range []struct{ ref, text, want string }{
		{"2020-08-26", "on Wednesday", "2020-08-26"},
		{"2020-12-29", "said Monday that", "2020-12-28"},
		{"2021-11-26", "19日至21日", "2021-11-19"},
		{"2020-08-26", "в июне прошлого года", "2019-06"},
		{"2020-08-26", "in August 2020", "2020-08"},
		{"2021-01-05", "on Dec. 28", "2020-12-28"},
		{"2020-08-26", "26-Aug-2020", "2020-08-26"},
		{"2020-08-26", "вчера", "2020-08-25"},
	} {
		ms := scanDates(c.text)
		if len(ms) == 0 {
			t.Errorf("%q: no date", c.text)
			continue
		}
		r, ok := resolve(ms[0], dctx{ref: amur.MustDate(c.ref)})
		if !ok || r.date.String() != c.want {
			t.Errorf("%q at %s = %v (%v), want %s", c.text, c.ref, r.date, ok, c.want)
		}
	}
	for _, s := range []string{"their 37th meeting since 2013", "2013年以来", "с 2013 года"} {
		if ms := scanDates(s); len(ms) != 1 || !ms[0].background {
			t.Errorf("%q: want one background date, got %+v", s, ms)
		}
	}
}
