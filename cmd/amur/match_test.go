package main

import (
	"path/filepath"
	"strings"
	"testing"

	"amur"
	"amur/demo"
	"amur/internal/testkit"
)

// demoListing returns the id of the demo listing with the given original
// title.
func demoListing(t *testing.T, title string) string {
	t.Helper()
	recs, err := demo.Build(demo.Options{Activities: 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if l := amur.ListingOf(r); l != nil && l.Title.Get(l.Title.Orig) == title {
			return r.Base().ID
		}
	}
	t.Fatalf("no demo listing %q", title)
	return ""
}

// TestMatchCommand checks amur match against golden files, on the demo
// program, as on one fixed day so that no listing expires under the test.
func TestMatchCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "amur.db")
	if code, _, errs := run(t, nil, "demo", "--activities", "20", "--db", db); code != exitOK {
		t.Fatalf("demo: %s", errs)
	}
	req := demoListing(t, "宇航电子元器件抗辐射测试服务")
	code, out, errs := run(t, nil, "match", "--request", req, "--json", "--limit", "3", "--today", "2026-11-22", "--db", db)
	if code != exitOK {
		t.Fatalf("match --request: exit %d: %s", code, errs)
	}
	testkit.Golden(t, "match_request.json", []byte(out))
	if !strings.Contains(out, `"route": "zh-en lexicon + en-ru pivot"`) {
		t.Errorf("the top match names no bridge: %s", out)
	}
	code, out, errs = run(t, nil, "match", "--partners", "ускорители электронов", "--kind", "organizations", "--limit", "2",
		"--today", "2026-11-22", "--db", db)
	if code != exitOK {
		t.Fatalf("match --partners: exit %d: %s", code, errs)
	}
	testkit.Golden(t, "match_partners.txt", []byte(out))

	bad := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"match", "--db", db}, exitUsage, "exactly one of"},
		{[]string{"match", "--request", req, "--offer", req, "--db", db}, exitUsage, "exactly one of"},
		{[]string{"match", "--request", amur.NewID(), "--db", db}, exitFailure, "not found"},
		{[]string{"match", "--offer", "nonsense", "--db", db}, exitFailure, "not found"},
		{[]string{"match", "--partners", "\x00\x01\x02", "--db", db}, exitFailure, `"q"`},
		{[]string{"match", "--partners", strings.Repeat("ы", 600), "--db", db}, exitFailure, `"q"`},
		{[]string{"match", "--partners", "x", "--kind", "things", "--db", db}, exitFailure, `"kind"`},
		{[]string{"match", "--request", req, "--limit", "0", "--db", db}, exitFailure, `"limit"`},
		{[]string{"match", "--request", req, "--today", "tomorrow", "--db", db}, exitFailure, `"today"`},
	}
	for _, b := range bad {
		code, _, errs := run(t, nil, b.args...)
		if code != b.code || !strings.Contains(errs, b.want) {
			t.Errorf("%q: exit %d, %q; want exit %d naming %s", b.args[1:3], code, errs, b.code, b.want)
		}
	}
}
