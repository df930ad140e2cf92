package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"amur"
)

// TestIdentityCommands imports organisations from ROR, scans them and the
// demo's for duplicates, merges a proposal, undoes it and rejects it, all
// through the command line.
func TestIdentityCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "amur.db")
	must := func(want string, args ...string) string {
		t.Helper()
		code, out, errs := run(t, nil, args...)
		if code != exitOK || !strings.Contains(out, want) {
			t.Fatalf("%v: exit %d, out %q, err %q, want %q", args, code, out, errs, want)
		}
		return out
	}
	must("3 created", "import", "--kind", "ror", "--db", db, "testdata/ror-tiny.jsonl")
	must("0 created, 3 updated", "import", "--kind", "ror", "--db", db, "testdata/ror-tiny.jsonl")
	// A second record of Peking University, under its Chinese name only.
	must("imported 1", "import", "--kind", "organizations", "--db", db, writeFile(t, t.TempDir(), "o.jsonl",
		`{"name":{"zh":"北京大学"},"kind":"university","country":"CN","aliases":["北大"]}`+"\n"))
	must("1 new proposals", "identity", "scan", "--kind", "organizations", "--db", db)
	must("0 new proposals", "identity", "scan", "--kind", "organizations", "--db", db)
	out := must("", "identity", "list", "--json", "--db", db)
	var c amur.DuplicateCandidate
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &c); err != nil || c.Score < 0.9 {
		t.Fatalf("list: %q, %v", out, err)
	}
	out = must("merged", "identity", "merge", "--kind", "organizations", "--keep", c.A, "--drop", c.B, "--candidate", c.ID, "--db", db)
	id := regexp.MustCompile(`merge (\S+)$`).FindStringSubmatch(strings.TrimSpace(out))
	if id == nil {
		t.Fatalf("no merge id in %q", out)
	}
	must("is back", "identity", "undo", "--db", db, id[1])
	must("rejected", "identity", "reject", "--db", db, c.ID)
	must("0 new proposals", "identity", "scan", "--kind", "organizations", "--db", db)
	if code, _, errs := run(t, nil, "identity", "undo", "--db", db, id[1]); code != exitFailure || !strings.Contains(errs, "undone") {
		t.Errorf("second undo: exit %d, %q", code, errs)
	}
	if code, _, _ := run(t, nil, "identity", "merge", "--kind", "fields", "--keep", c.A, "--drop", c.B, "--db", db); code != exitFailure {
		t.Errorf("merge of fields: exit %d", code)
	}
}
