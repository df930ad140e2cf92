package i18n

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"amur"
)

// placeholderRE finds {name} placeholders in a message.
var placeholderRE = regexp.MustCompile(`\{[a-z_]+\}`)

// baseKey strips a plural suffix from a catalog key.
func baseKey(k string) string {
	for _, s := range []string{".one", ".few", ".many", ".other"} {
		if strings.HasSuffix(k, s) {
			return strings.TrimSuffix(k, s)
		}
	}
	return k
}

func TestCatalogsComplete(t *testing.T) {
	bases := map[amur.Lang]map[string]bool{}
	for _, l := range amur.Langs {
		bases[l] = map[string]bool{}
		for _, k := range Keys(l) {
			bases[l][baseKey(k)] = true
		}
	}
	for _, l := range amur.Langs {
		for _, o := range amur.Langs {
			for k := range bases[l] {
				if !bases[o][k] {
					t.Errorf("%s has %q but %s does not", l, k, o)
				}
			}
		}
	}
	for _, k := range Keys(amur.EN) {
		if baseKey(k) != k {
			continue
		}
		want := placeholderRE.FindAllString(catalogs[amur.EN][k], -1)
		slices.Sort(want)
		for _, l := range []amur.Lang{amur.ZH, amur.RU} {
			got := placeholderRE.FindAllString(catalogs[l][k], -1)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s %q has placeholders %v, English has %v", l, k, got, want)
			}
		}
	}
}

func TestPluralFormsPresent(t *testing.T) {
	need := map[amur.Lang][]string{amur.RU: {"one", "few", "many"}, amur.EN: {"one", "other"}, amur.ZH: {"other"}}
	for _, l := range amur.Langs {
		for _, k := range Keys(l) {
			if baseKey(k) == k {
				continue
			}
			for _, c := range need[l] {
				if _, ok := Lookup(l, baseKey(k)+"."+c); !ok {
					t.Errorf("%s plural %q lacks the %q form", l, baseKey(k), c)
				}
			}
		}
	}
}

// errKeyRE finds message keys written in Go source.
var errKeyRE = regexp.MustCompile(`"((?:err|kind|n)\.[a-z_.]+[a-z])"`)

// TestEveryUsedKeyExists fails when Go code names a message key that the
// catalogs lack, so no untranslated key can reach a user.
func TestEveryUsedKeyExists(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range errKeyRE.FindAllStringSubmatch(string(b), -1) {
			found++
			if strings.HasSuffix(m[1], ".") {
				continue
			}
			if _, ok := Lookup(amur.EN, m[1]); !ok {
				if _, ok := Lookup(amur.EN, m[1]+".other"); !ok {
					t.Errorf("%s uses message key %q, which no catalog has", path, m[1])
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 20 {
		t.Fatalf("found only %d message keys in the source; the scan is broken", found)
	}
}

func TestPlural(t *testing.T) {
	tests := []struct {
		l    amur.Lang
		n    int
		want string
	}{
		{amur.RU, 1, "1 мероприятие"},
		{amur.RU, 3, "3 мероприятия"},
		{amur.RU, 5, "5 мероприятий"},
		{amur.RU, 11, "11 мероприятий"},
		{amur.RU, 21, "21 мероприятие"},
		{amur.RU, 112, "112 мероприятий"},
		{amur.RU, 1000, "1\u202f000 мероприятий"},
		{amur.EN, 1, "1 activity"},
		{amur.EN, 1000, "1,000 activities"},
		{amur.ZH, 3, "3项活动"},
	}
	for _, tt := range tests {
		if got := N(tt.l, "n.activities", tt.n); got != tt.want {
			t.Errorf("N(%s, %d) = %q, want %q", tt.l, tt.n, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	d := amur.MustDate("2020-08-26")
	tests := []struct {
		l    amur.Lang
		d    amur.Date
		want string
	}{
		{amur.ZH, d, "2020年8月26日"},
		{amur.RU, d, "26 августа 2020 г."},
		{amur.EN, d, "26 Aug 2020"},
		{amur.RU, amur.MustDate("2020-08"), "август 2020 г."},
		{amur.ZH, amur.MustDate("2021"), "2021年"},
	}
	for _, tt := range tests {
		if got := Date(tt.l, tt.d); got != tt.want {
			t.Errorf("Date(%s, %v) = %q, want %q", tt.l, tt.d, got, tt.want)
		}
	}
	msk := time.FixedZone("MSK", 3*3600)
	if got := Time(amur.RU, time.Date(2020, 9, 7, 10, 5, 0, 0, msk)); got != "7 сентября 2020 г. 10:05" {
		t.Errorf("Time = %q", got)
	}
}

func TestMatch(t *testing.T) {
	tests := map[string]amur.Lang{
		"ru-RU,ru;q=0.9,en;q=0.8": amur.RU,
		"zh-CN,zh;q=0.9":          amur.ZH,
		"zh-TW":                   amur.ZH,
		"de-DE":                   amur.EN,
		"":                        amur.EN,
		"%%%garbage":              amur.EN,
	}
	for in, want := range tests {
		if got := Match(in); got != want {
			t.Errorf("Match(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestMessage(t *testing.T) {
	e := amur.Invalid("start", "err.date", "value", "2021-02-30")
	e.Line = 17
	tests := []struct {
		l    amur.Lang
		err  error
		want string
	}{
		{amur.EN, e, `line 17, field "start": "2021-02-30" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`},
		{amur.RU, e, `строка 17, поле «start»: «2021-02-30» не является датой (ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)`},
		{amur.ZH, e, `第17行，字段“start”：“2021-02-30”不是日期（YYYY、YYYY-MM或YYYY-MM-DD）`},
		{amur.RU, amur.NotFound("activities", "NOPE"), `не найдено: мероприятие «NOPE»`},
		{amur.EN, errors.New("disk on fire"), "an internal error occurred; it has been logged"},
	}
	for _, tt := range tests {
		if got := Message(tt.l, tt.err); got != tt.want {
			t.Errorf("Message(%s) = %q, want %q", tt.l, got, tt.want)
		}
	}
}
