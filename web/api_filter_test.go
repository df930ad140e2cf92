package web

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

// titles lists the English titles of a list answer, sorted.
func titles(t *testing.T, r response) []string {
	t.Helper()
	var list listBody[struct {
		Title struct{ EN string } `json:"title"`
	}]
	r.want(t, http.StatusOK).decode(t, &list)
	out := []string{}
	for _, it := range list.Items {
		out = append(out, it.Title.EN)
	}
	slices.Sort(out)
	return out
}

func TestActivityFilters(t *testing.T) {
	srv, st := newTestServer(t)
	s := mustSeed(t, st)
	all := []string{"CIEP forum", "NICA joint research", "Opening ceremony"}
	tests := []struct {
		query string
		want  []string
	}{
		{"", all},
		{"type=ceremony", []string{"Opening ceremony"}},
		{"type=forum,ceremony", []string{"CIEP forum", "Opening ceremony"}},
		{"type=forum&type=joint_research", []string{"CIEP forum", "NICA joint research"}},
		{"field=1.1", []string{"CIEP forum", "Opening ceremony"}},
		{"field=1", []string{"CIEP forum", "Opening ceremony"}},
		{"field=1.1.vaccines", []string{"Opening ceremony"}},
		{"side=by", []string{"NICA joint research"}},
		{"side=RU", []string{"CIEP forum", "Opening ceremony"}},
		{"from=2021", []string{"NICA joint research"}},
		{"to=2020-08", []string{"Opening ceremony"}},
		{"from=2020-08-27&to=2020-09-07", []string{"CIEP forum"}},
		{"from=2020-09-08&to=2021-05-17", []string{}},
		// 2021-05-19 00:00 in Moscow is 2021-05-18 21:00 UTC, and dates are UTC.
		{"from=2021&to=2021-05-18", []string{"NICA joint research"}},
		{"org=" + s.cn.ID, []string{"CIEP forum"}},
		{"person=" + s.person.ID, []string{"Opening ceremony"}},
		{"flagship=nica", []string{"NICA joint research"}},
		{"flagship=" + s.flagship.ID, []string{"NICA joint research"}},
		{"program=crys-2020&synthetic=false", []string{"CIEP forum", "Opening ceremony"}},
		{"synthetic=true", []string{"NICA joint research"}},
		{"status=held", []string{}},
		{"lang=ru&status=planned", all},
	}
	for _, tt := range tests {
		got := titles(t, do(t, srv, "GET", "/api/v1/activities?"+tt.query, ""))
		if !slices.Equal(got, tt.want) {
			t.Errorf("?%s = %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestListParamErrors(t *testing.T) {
	srv, _ := newTestServer(t)
	tests := []struct {
		path, field, key string
	}{
		{"/api/v1/activities?type=party", "type", "err.enum"},
		{"/api/v1/activities?type=forum,party", "type", "err.enum"},
		{"/api/v1/activities?status=done", "status", "err.enum"},
		{"/api/v1/activities?tpye=forum", "tpye", "err.unknown_param"},
		{"/api/v1/activities?side=China", "side", "err.side"},
		{"/api/v1/activities?field=x", "field", "err.field_code"},
		{"/api/v1/activities?from=2021-02-30", "from", "err.date"},
		{"/api/v1/activities?from=2021&to=2020", "to", "err.end_before_start"},
		{"/api/v1/activities?org=NOPE", "org", "err.id"},
		{"/api/v1/activities?program=no-such-program", "program", "err.ref"},
		{"/api/v1/activities?synthetic=maybe", "synthetic", "err.boolean"},
		{"/api/v1/activities?limit=0", "limit", "err.range"},
		{"/api/v1/activities?limit=ten", "limit", "err.range"},
		{"/api/v1/activities?limit=1&limit=2", "limit", "err.param_once"},
		{"/api/v1/activities?offset=-1", "offset", "err.range"},
		{"/api/v1/activities?sort=title", "sort", "err.enum"},
		{"/api/v1/activities?type=%01", "type", "err.control_chars"},
		{"/api/v1/organizations?kind=school", "kind", "err.enum"},
		{"/api/v1/organizations?ror=02v51f718", "ror", "err.ror"},
		{"/api/v1/organizations?q=" + strings.Repeat("x", 201), "q", "err.too_long"},
		{"/api/v1/people?orcid=0000-0002-1825-0098", "orcid", "err.orcid"},
		{"/api/v1/people?type=forum", "type", "err.unknown_param"},
		{"/api/v1/fields?parent=99", "parent", "err.field_code"},
		{"/api/v1/flagships?program=Bad_Slug", "program", "err.id"},
		{"/api/v1/timeline?kind=party", "kind", "err.enum"},
		{"/api/v1/timeline?to=2020-13", "to", "err.date"},
		{"/api/v1/programs?sort=name", "sort", "err.unknown_param"},
		{"/api/v1/stats?limit=5", "limit", "err.unknown_param"},
		{"/api/v1/stats?type=party", "type", "err.enum"},
	}
	for _, tt := range tests {
		r := do(t, srv, "GET", tt.path, "")
		if r.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", tt.path, r.Code)
			continue
		}
		e := r.apiError(t)
		if e.Code != "invalid" || e.Field != tt.field || e.Key != tt.key {
			t.Errorf("%s: error %+v, want field %q key %q", tt.path, e, tt.field, tt.key)
		}
	}
}

func TestUnknownParamListsAllowed(t *testing.T) {
	srv, _ := newTestServer(t)
	e := do(t, srv, "GET", "/api/v1/organizations?zzz=1", "").want(t, http.StatusBadRequest).apiError(t)
	want := `field "zzz": is not a known query parameter; allowed: count, country, kind, lang, limit, offset, q, ror, sort`
	if e.Message != want {
		t.Errorf("message = %q, want it to end with %q", e.Message, want)
	}
}

func TestMalformedQuery(t *testing.T) {
	srv, _ := newTestServer(t)
	e := do(t, srv, "GET", "/api/v1/activities?type=%zz", "").want(t, http.StatusBadRequest).apiError(t)
	if e.Key != "err.query" {
		t.Errorf("error %+v, want err.query", e)
	}
}

func TestPagination(t *testing.T) {
	srv, st := newTestServer(t)
	mustSeed(t, st)
	tests := []struct {
		query        string
		want         []string
		total        int
		more         bool
		limit, offst int
	}{
		{"sort=start&limit=2", []string{"Opening ceremony", "CIEP forum"}, -1, true, 2, 0},
		{"sort=start&limit=2&offset=2&count=true", []string{"NICA joint research"}, 3, false, 2, 2},
		{"sort=-start&limit=1&offset=1&count=1", []string{"CIEP forum"}, 3, true, 1, 1},
		{"sort=start&offset=5", []string{}, -1, false, 50, 5},
	}
	for _, tt := range tests {
		var list listBody[struct {
			Title struct{ EN string } `json:"title"`
		}]
		do(t, srv, "GET", "/api/v1/activities?"+tt.query, "").want(t, http.StatusOK).decode(t, &list)
		got := []string{}
		for _, it := range list.Items {
			got = append(got, it.Title.EN)
		}
		if !slices.Equal(got, tt.want) || list.Total != tt.total || list.More != tt.more || list.Limit != tt.limit || list.Offset != tt.offst {
			t.Errorf("?%s = %q total %d more %v limit %d offset %d; want %q %d %v %d %d",
				tt.query, got, list.Total, list.More, list.Limit, list.Offset, tt.want, tt.total, tt.more, tt.limit, tt.offst)
		}
	}
	var programs listBody[map[string]any]
	do(t, srv, "GET", "/api/v1/programs?limit=1&count=true", "").want(t, http.StatusOK).decode(t, &programs)
	if len(programs.Items) != 1 || programs.Total != 1 || programs.More {
		t.Errorf("programs page = %+v", programs)
	}
	do(t, srv, "GET", "/api/v1/programs?offset=1", "").want(t, http.StatusOK).decode(t, &programs)
	if len(programs.Items) != 0 || programs.Items == nil {
		t.Errorf("programs past the end = %+v, want an empty list", programs)
	}
}

func TestOtherListFilters(t *testing.T) {
	srv, st := newTestServer(t)
	s := mustSeed(t, st)
	count := func(path string) int {
		var list listBody[map[string]any]
		do(t, srv, "GET", path, "").want(t, http.StatusOK).decode(t, &list)
		return len(list.Items)
	}
	tests := []struct {
		path string
		want int
	}{
		{"/api/v1/organizations?country=cn", 1},
		{"/api/v1/organizations?country=CN,RU", 2},
		{"/api/v1/organizations?kind=enterprise", 0},
		{"/api/v1/organizations?ror=https://ror.org/02v51f717", 1},
		{"/api/v1/organizations?q=北京", 1},
		{"/api/v1/people?country=RU&orcid=0000-0002-1825-0097", 1},
		{"/api/v1/people?country=CN", 0},
		{"/api/v1/fields?parent=1", 1},
		{"/api/v1/fields?parent=-", 2},
		{"/api/v1/fields?parent=1.1", 1},
		{"/api/v1/flagships?program=crys-2020", 1},
		{"/api/v1/flagships?program=" + s.program.ID, 1},
		{"/api/v1/timeline?kind=statement", 1},
		{"/api/v1/timeline?from=2020-09", 1},
		{"/api/v1/timeline?to=2020", 1},
		{"/api/v1/timeline?flagship=nica", 1},
		{"/api/v1/timeline?program=crys-2020", 2},
	}
	for _, tt := range tests {
		if got := count(tt.path); got != tt.want {
			t.Errorf("%s: %d items, want %d", tt.path, got, tt.want)
		}
	}
}

func TestStats(t *testing.T) {
	srv, st := newTestServer(t)
	mustSeed(t, st)
	type figures struct {
		Activities    int            `json:"activities"`
		ByType        map[string]int `json:"by_type"`
		BySide        map[string]int `json:"by_side"`
		Organizations int            `json:"organizations"`
		Fields        int            `json:"fields"`
	}
	var stats, filtered figures
	do(t, srv, "GET", "/api/v1/stats", "").want(t, http.StatusOK).decode(t, &stats)
	if stats.Activities != 3 || stats.ByType["forum"] != 1 || stats.BySide["BY"] != 1 || stats.Organizations != 2 || stats.Fields != 5 {
		t.Errorf("stats = %+v", stats)
	}
	do(t, srv, "GET", "/api/v1/stats?from=2021&type=joint_research,forum", "").want(t, http.StatusOK).decode(t, &filtered)
	if filtered.Activities != 1 || filtered.ByType["joint_research"] != 1 || filtered.ByType["forum"] != 0 {
		t.Errorf("filtered stats = %+v", filtered)
	}
}
