package web

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"amur"
	"amur/i18n"
	"amur/transfer"
)

func TestRootPicksTheLanguage(t *testing.T) {
	srv, _ := demoServer(t)
	for accept, want := range map[string]string{"ru-RU,ru;q=0.9,en;q=0.5": "/ru/", "zh-CN,zh;q=0.9": "/zh/", "fr": "/en/", "": "/en/"} {
		r := do(t, srv, "GET", "/", "", "Accept-Language", accept).want(t, http.StatusFound)
		if got := r.Header.Get("Location"); got != want {
			t.Errorf("Accept-Language %q: redirect to %q, want %q", accept, got, want)
		}
	}
}

func TestLanguageSwitchKeepsPageAndQuery(t *testing.T) {
	srv, _ := demoServer(t)
	body := string(do(t, srv, "GET", "/ru/activities?type=forum&year=2021", "").want(t, http.StatusOK).Body)
	for _, want := range []string{`href="/zh/activities?type=forum&amp;year=2021" hreflang="zh"`, `href="/en/activities?type=forum&amp;year=2021" hreflang="en"`} {
		if !strings.Contains(body, want) {
			t.Errorf("language switch lacks %s", want)
		}
	}
}

func TestLocalDatesNumbersAndPlurals(t *testing.T) {
	srv, _ := demoServer(t)
	for path, wants := range map[string][]string{
		"/zh/timeline": {"2020年8月26日"},
		"/ru/timeline": {"26 августа 2020 г."},
		"/en/timeline": {"26 Aug 2020"},
		"/ru/":         {"1\u202f000"},
		"/en/":         {"1,000"},
	} {
		body := string(do(t, srv, "GET", path, "").want(t, http.StatusOK).Body)
		for _, want := range wants {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %q", path, want)
			}
		}
	}
	p := &page{Lang: amur.RU}
	for n, want := range map[int]string{1: "1 мероприятие", 3: "3 мероприятия", 5: "5 мероприятий", 21: "21 мероприятие", 1000: "1\u202f000 мероприятий"} {
		if got := p.N("web.n.activities", n); got != want {
			t.Errorf("ru plural of %d = %q, want %q", n, got, want)
		}
	}
	if got := i18n.N(amur.EN, "web.n.activities", 1); got != "1 activity" {
		t.Errorf("en singular = %q", got)
	}
}

func TestFallbackIsMarked(t *testing.T) {
	p := &page{Lang: amur.ZH}
	got := p.Txt(amur.Text{RU: "Только по-русски", Orig: amur.RU})
	if got.Lang != amur.RU || got.Mark != i18n.T(amur.ZH, "web.mark.lang.ru") {
		t.Errorf("fallback to Russian on a Chinese page = %+v", got)
	}
	got = p.Txt(amur.Text{EN: "Forum", ZH: "论坛", Orig: amur.EN, Machine: []amur.Lang{amur.ZH}})
	if got.Lang != "" || got.V != "论坛" || got.Mark != i18n.T(amur.ZH, "web.mark.machine") {
		t.Errorf("machine translation = %+v", got)
	}
	if got := p.Txt(amur.Text{ZH: "论坛", Orig: amur.ZH}); got.Mark != "" || got.Lang != "" {
		t.Errorf("an original is marked: %+v", got)
	}
}

func TestResultsSwapForHtmx(t *testing.T) {
	srv, _ := demoServer(t)
	body := string(do(t, srv, "GET", "/zh/activities?type=forum", "", "HX-Request", "true", "HX-Target", "results").want(t, http.StatusOK).Body)
	if !strings.HasPrefix(body, `<section id="results"`) || strings.Contains(body, "<html") || !strings.Contains(body, `hx-swap-oob="true"`) {
		t.Errorf("htmx answer is not the results with the language switch:\n%.500s", body)
	}
	full := string(do(t, srv, "GET", "/zh/activities?type=forum", "").want(t, http.StatusOK).Body)
	if !strings.Contains(full, `hx-get="/zh/activities"`) || !strings.Contains(full, `<form method="get" action="/zh/activities"`) {
		t.Errorf("the filter form works neither with nor without script")
	}
}

func TestExportsKeepTheFilters(t *testing.T) {
	srv, db := demoServer(t)
	st, err := db.Stats(t.Context(), amur.ActivityFilter{Types: []amur.ActivityType{amur.Forum}})
	if err != nil {
		t.Fatal(err)
	}
	r := do(t, srv, "GET", "/en/activities.xlsx?type=forum", "").want(t, http.StatusOK)
	f, err := excelize.OpenReader(bytes.NewReader(r.Body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("activities")
	if err != nil {
		t.Fatal(err)
	}
	typeCol := -1
	for i, c := range rows[0] {
		if c == "type" {
			typeCol = i
		}
	}
	if len(rows)-1 != st.Activities || typeCol < 0 {
		t.Fatalf("xlsx has %d rows, want %d forums (type column %d)", len(rows)-1, st.Activities, typeCol)
	}
	for _, row := range rows[1:] {
		if row[typeCol] != "forum" {
			t.Fatalf("xlsx row of type %q in a forum export", row[typeCol])
		}
	}
	r = do(t, srv, "GET", "/ru/activities.csv?type=forum", "").want(t, http.StatusOK)
	recs, err := csv.NewReader(bytes.NewReader(r.Body)).ReadAll()
	if err != nil || len(recs)-1 != st.Activities || strings.Join(recs[0], ",") != strings.Join(transfer.Columns(amur.KindActivity), ",") {
		t.Errorf("csv: %d rows, err %v", len(recs), err)
	}
	r = do(t, srv, "GET", "/zh/timeline.json?kind=letter", "").want(t, http.StatusOK)
	var entries []amur.TimelineEntry
	if err := json.Unmarshal(r.Body, &entries); err != nil || len(entries) == 0 {
		t.Fatalf("json: %d entries, %v", len(entries), err)
	}
	for _, e := range entries {
		if e.Kind != amur.Letter {
			t.Errorf("json entry of kind %q in a letters export", e.Kind)
		}
	}
	do(t, srv, "GET", "/en/people.xlsx?country=XX1", "").want(t, http.StatusBadRequest)
}

// maxPageBytes is the weight budget of a page without images: its HTML,
// style sheet and script.
const maxPageBytes = 150 << 10

func TestPageWeight(t *testing.T) {
	srv, db := demoServer(t)
	assets := 0
	for _, a := range []string{"/static/amur.css", "/static/htmx.min.js"} {
		assets += len(do(t, srv, "GET", a, "").want(t, http.StatusOK).Body)
	}
	heaviest, which := 0, ""
	for _, path := range pagePaths(t, db) {
		for _, l := range amur.Langs {
			r := do(t, srv, "GET", "/"+string(l)+path, "")
			n := len(r.Body) + assets
			if n > maxPageBytes {
				t.Errorf("/%s%s weighs %d bytes with its assets, over %d", l, path, n, maxPageBytes)
			}
			if n > heaviest {
				heaviest, which = n, "/"+string(l)+path
			}
		}
	}
	t.Logf("heaviest page: %s, %d bytes with %d of style sheet and script", which, heaviest, assets)
}
