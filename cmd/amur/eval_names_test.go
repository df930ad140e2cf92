package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"amur/internal/testkit"
)

// TestEvalNames runs "amur eval names" end to end on three small files
// written for this test (the program's people and organisations) and
// compares the figures with a golden file.
func TestEvalNames(t *testing.T) {
	var out strings.Builder
	for _, args := range [][]string{
		{"testdata/names-ru.tsv"},
		{"testdata/names-zh.tsv"},
		{"testdata/names-org.tsv"},
		{"--json", "testdata/names-org.tsv"},
	} {
		code, stdout, stderr := runEval(t, nil, append([]string{"names"}, args...)...)
		if code != exitOK {
			t.Fatalf("eval names %v: exit %d, stderr %q", args, code, stderr)
		}
		out.WriteString(strings.Join(args, " ") + ": " + stdout)
	}
	testkit.Golden(t, "eval-names.golden", []byte(out.String()))
}

func TestEvalNamesBadInput(t *testing.T) {
	dir := t.TempDir()
	file := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"bad header", []string{file("a.tsv", "latin\tfr\nx\ty\n")}, "fr"},
		{"three columns", []string{file("b.tsv", "latin\tru\tzh\nx\ty\tz\n")}, "line 1"},
		{"short line", []string{file("c.tsv", "latin\tru\nSemin\tСемин\nMaslov\n")}, "line 3"},
		{"empty", []string{file("d.tsv", "latin\tru\n")}, ""},
		{"missing", []string{filepath.Join(dir, "none.tsv")}, "none.tsv"},
	} {
		code, _, stderr := runEval(t, nil, append([]string{"names"}, tc.args...)...)
		if code != exitFailure || !strings.Contains(stderr, tc.want) {
			t.Errorf("%s: exit %d, stderr %q, want failure mentioning %q", tc.name, code, stderr, tc.want)
		}
	}
	if code, _, _ := runEval(t, nil, "names"); code != exitUsage {
		t.Errorf("no file: exit %d, want %d", code, exitUsage)
	}
}
