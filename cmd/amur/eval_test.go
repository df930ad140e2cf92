package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runEval runs "amur eval" with args and returns the exit code, standard
// output and standard error.
func runEval(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	m, out, errb := newTestMain(t, env)
	code := m.Run(context.Background(), append([]string{"eval"}, args...))
	return code, out.String(), errb.String()
}

// TestEvalXling runs the evaluation end to end on testdata/xling-tiny.tsv,
// six items written for this test, with and without the bridges.
func TestEvalXling(t *testing.T) {
	const tiny = "testdata/xling-tiny.tsv"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--from", "ru", "--to", "zh"}, "n=6 recall@1=1.0000 recall@10=1.0000 mrr=1.0000\n"},
		{[]string{"--from", "zh", "--to", "en"}, "n=6 recall@1=1.0000 recall@10=1.0000 mrr=1.0000\n"},
		{[]string{"--from", "en", "--to", "ru"}, "n=6 recall@1=1.0000 recall@10=1.0000 mrr=1.0000\n"},
		// Without bridges only the session number (第六十九届, шестьдесят
		// девятая, sixty-ninth) crosses languages.
		{[]string{"--from", "ru", "--to", "zh", "--baseline"}, "n=6 recall@1=0.1667 recall@10=0.1667 mrr=0.1667\n"},
		{[]string{"--from", "ru", "--to", "zh", "--json"}, `{"n":6,"recall@1":1.0000,"recall@10":1.0000,"mrr":1.0000}` + "\n"},
	} {
		code, out, errs := runEval(t, nil, append(append([]string{"xling"}, tc.args...), tiny)...)
		if code != exitOK || out != tc.want {
			t.Errorf("eval %v: exit %d, output %q (stderr %q), want %q", tc.args, code, out, errs, tc.want)
		}
	}
}

func TestEvalBadInput(t *testing.T) {
	dir := t.TempDir()
	file := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tc := range []struct {
		name, lang string
		args       []string
		code       int
		want       string
	}{
		{"missing column", "en", []string{"xling", "--from", "ru", "--to", "zh", file("a.tsv", "en\tzh\nx\ty\n")},
			exitFailure, `the file has no "ru" column; its columns are en, zh`},
		{"bad header", "en", []string{"xling", "--from", "en", "--to", "zh", file("b.tsv", "en\tfr\nx\ty\n")},
			exitFailure, `line 1: "fr" in the header is not a language`},
		{"duplicate column", "en", []string{"xling", "--from", "en", "--to", "zh", file("c.tsv", "en\tzh\ten\nx\ty\tz\n")},
			exitFailure, `line 1: the column "en" appears more than once`},
		{"empty file", "en", []string{"xling", "--from", "en", "--to", "zh", file("d.tsv", "")},
			exitFailure, "the file is empty"},
		{"header only", "en", []string{"xling", "--from", "en", "--to", "zh", file("e.tsv", "en\tzh\n\n")},
			exitFailure, "the file is empty"},
		{"wrong columns", "ru", []string{"xling", "--from", "en", "--to", "zh", file("f.tsv", "en\tzh\nx\ty\nonly one\n")},
			exitFailure, "строка 3: содержит столбцов: 1, а в заголовке — 2"},
		{"no file", "en", []string{"xling", "--from", "en", "--to", "zh", filepath.Join(dir, "none.tsv")},
			exitFailure, "does not exist"},
		{"bad language", "en", []string{"xling", "--from", "fr", "--to", "zh", file("g.tsv", "en\tzh\nx\ty\n")},
			exitUsage, "--from and --to must each be en, zh or ru"},
		{"no kind", "en", []string{"--from", "en", "--to", "zh"}, exitUsage, "the only evaluation is xling"},
		{"two files", "en", []string{"xling", "--from", "en", "--to", "zh", "a", "b"}, exitUsage, "exactly one FILE.tsv"},
	} {
		code, out, errs := runEval(t, map[string]string{"AMUR_LANG": tc.lang}, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) || out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit %d and %q", tc.name, code, out, errs, tc.code, tc.want)
		}
	}
}

// TestEvalHeaderForms accepts a byte-order mark, capitals, CRLF line ends
// and blank lines, as spreadsheets write them.
func TestEvalHeaderForms(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bom.tsv")
	content := "\ufeffEN\tZh\r\nNuclear energy.\t核能。\r\n\r\nA vaccine.\t疫苗。\r\n"
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runEval(t, nil, "xling", "--from", "en", "--to", "zh", p)
	if want := "n=2 recall@1=1.0000 recall@10=1.0000 mrr=1.0000\n"; code != exitOK || out != want {
		t.Errorf("exit %d, output %q (stderr %q), want %q", code, out, errs, want)
	}
}
