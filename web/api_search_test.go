package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"amur"
	"amur/internal/testkit"
	"amur/search"
)

// newSearchServer returns a server over a store holding one published
// and one draft activity, with an index built from it.
func newSearchServer(t *testing.T) (*Server, *amur.Activity) {
	t.Helper()
	ctx := context.Background()
	st := testkit.MustOpenStore(t)
	pub := &amur.Activity{Title: amur.T("zh", "中俄核电站安全论坛"), Type: amur.Forum, Status: amur.Held,
		Start: amur.MustMoment("2021-05-19"), Zone: "Asia/Shanghai", Format: amur.Online, Sides: []string{"CN", "RU"}}
	draft := &amur.Activity{Title: amur.T("ru", "Черновик: форум по безопасности атомных электростанций"), Type: amur.Forum,
		Status: amur.Planned, Start: amur.MustMoment("2021-06-01"), Zone: "Europe/Moscow", Format: amur.Online, Draft: true, Sides: []string{"RU"}}
	for _, a := range []*amur.Activity{pub, draft} {
		if err := st.CreateActivity(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	ix := search.New()
	if err := search.Build(ctx, st, ix, nil); err != nil {
		t.Fatal(err)
	}
	return New(Config{Store: st, Search: ix}), pub
}

func TestSearchAPI(t *testing.T) {
	srv, pub := newSearchServer(t)
	var res search.Result
	do(t, srv, "GET", "/api/v1/search?"+url.Values{"q": {"атомная электростанция"}, "lang": {"en"}}.Encode(), "").
		want(t, http.StatusOK).decode(t, &res)
	if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != pub.ID || res.Hits[0].TitleLang != amur.ZH {
		t.Fatalf("the public finds %+v, want only the published Chinese activity", res)
	}
	if len(res.Facets.Year) != 1 || res.Facets.Year[0].Value != "2021" || len(res.Facets.Side) != 2 {
		t.Errorf("facets %+v", res.Facets)
	}
}

// TestSearchBadInput checks that no query string makes a 500: each bad
// one is a 400 naming the parameter, and odd but valid ones answer 200.
func TestSearchBadInput(t *testing.T) {
	srv, _ := newSearchServer(t)
	tests := []struct {
		raw   string
		code  int
		field string
	}{
		{"q=", http.StatusBadRequest, "q"},
		{"", http.StatusBadRequest, "q"},
		{"q=" + strings.Repeat("%E7%A7%91", 34_000), http.StatusBadRequest, "q"},
		{"q=%FF%FE%00", http.StatusBadRequest, "q"},
		{"q=a%07b%1B", http.StatusBadRequest, "q"},
		{"q=x&q=y", http.StatusBadRequest, "q"},
		{"q=x&kind=fields", http.StatusBadRequest, "kind"},
		{"q=x&kind=timeline", http.StatusBadRequest, "kind"},
		{"q=x&limit=0", http.StatusBadRequest, "limit"},
		{"q=x&limit=abc", http.StatusBadRequest, "limit"},
		{"q=x&offset=-5", http.StatusBadRequest, "offset"},
		{"q=x&lang=de", http.StatusOK, ""},
		{"q=x&sort=score", http.StatusBadRequest, "sort"},
		{"q=" + url.QueryEscape(`title:"x" OR 1=1 AND (`), http.StatusOK, ""},
		{"q=" + url.QueryEscape("核电 atomic Чжан 1=1"), http.StatusOK, ""},
		{"q=%25%25%25&kind=people,organizations&limit=100&offset=10000", http.StatusOK, ""},
	}
	for _, tt := range tests {
		r := do(t, srv, "GET", "/api/v1/search?"+tt.raw, "")
		if r.Code != tt.code {
			t.Errorf("%.60s: status %d, want %d: %s", tt.raw, r.Code, tt.code, r.Body)
			continue
		}
		if tt.field != "" {
			if e := r.apiError(t); e.Field != tt.field {
				t.Errorf("%.60s: error names %q, want %q", tt.raw, e.Field, tt.field)
			}
		}
	}
}

// TestSearchWithoutIndex checks the answer of a server wired without an
// index: a bad query is refused, a good one finds nothing and says the
// index is not complete.
func TestSearchWithoutIndex(t *testing.T) {
	srv, _ := newTestServer(t)
	do(t, srv, "GET", "/api/v1/search?q=", "").want(t, http.StatusBadRequest)
	var res search.Result
	do(t, srv, "GET", "/api/v1/search?q=x", "").want(t, http.StatusOK).decode(t, &res)
	if res.Complete || res.Total != 0 || len(res.Hits) != 0 {
		t.Errorf("%+v", res)
	}
}
