package main

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"amur"
	"amur/sqlstore"
)

// TestAuditCommand imports a file, changes a record as a signed-in office,
// and reads the log back as a table, as JSON and through the filters.
func TestAuditCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "amur.db")
	file := filepath.Join(dir, "fields.jsonl")
	body := "{\"id\":\"1\",\"label\":{\"en\":\"Natural sciences\"}}\n{\"id\":\"1.1\",\"label\":{\"en\":\"Mathematics\"},\"parent\":\"1\"}\n"
	if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, nil, "import", "--kind", "fields", "--db", db, file); code != exitOK {
		t.Fatalf("import exited %d: %s", code, errs)
	}
	changeAsOffice(t, db)

	code, out, errs := run(t, nil, "audit", "--db", db)
	if code != exitOK {
		t.Fatalf("audit exited %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "SEQ") {
		t.Fatalf("table:\n%s", out)
	}
	for i, want := range [][]string{
		{"office-ru@example.org", "api", "update", "fields", "1.1", "label, updated_at, version"},
		{"system", "cli", "import", "fields", "2 records"},
	} {
		for _, w := range want {
			if !strings.Contains(lines[i+1], w) {
				t.Errorf("line %d lacks %q:\n%s", i+1, w, lines[i+1])
			}
		}
	}

	_, out, _ = run(t, nil, "audit", "--json", "--kind", "field", "--action", "update", "--user", "Office-RU@example.org", "--db", db)
	var entries []auditJSON
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatalf("--json: %v\n%s", err, out)
	}
	var label amur.Text
	if len(entries) != 1 || entries[0].ID != "1.1" || json.Unmarshal(entries[0].Diff["label"].After, &label) != nil || label.RU != "Математика" {
		t.Fatalf("--json entries: %s", out)
	}
	for args, want := range map[string]string{
		"--id 1":                    "no entries",
		"--action import --limit 1": "2 records",
		"--from 1999 --to 1999-12":  "no entries",
	} {
		_, out, errs := run(t, nil, append(append([]string{"audit"}, strings.Fields(args)...), "--db", db)...)
		if !strings.Contains(out, want) {
			t.Errorf("audit %s: %q, want %q (%s)", args, out, want, errs)
		}
	}
	for _, args := range [][]string{{"--action", "drop"}, {"--kind", "sessions"}, {"--limit", "0"}, {"--from", "2021-02-30"}} {
		code, _, errs := run(t, map[string]string{"AMUR_LANG": "ru"}, append(append([]string{"audit"}, args...), "--db", db)...)
		if code != exitFailure || !strings.Contains(errs, "«"+strings.TrimPrefix(args[0], "--")+"»") {
			t.Errorf("audit %v: exit %d, %q; want a Russian error naming the flag", args, code, errs)
		}
	}
}

// changeAsOffice updates field 1.1 as the RU office through the API entry
// point, the way the web adapter's requests reach the store.
func changeAsOffice(t *testing.T, path string) {
	t.Helper()
	ctx := amur.WithActor(context.Background(), &amur.Actor{
		Principal: &amur.Principal{UserID: amur.NewID(), Email: "office-ru@example.org", Role: amur.RoleOffice, Side: "RU"},
		Addr:      "198.51.100.4", Via: "api",
	})
	db, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	f, err := db.Field(ctx, "1.1")
	if err != nil {
		t.Fatal(err)
	}
	f.Label.RU = "Математика"
	if err := db.UpdateField(ctx, f); err != nil {
		t.Fatal(err)
	}
}

// TestServeChecksPermissions checks that amur serve puts the registry in
// front of the API: the anonymous public reads but may not write.
func TestServeChecksPermissions(t *testing.T) {
	base := startServe(t, "--no-demo")
	resp, err := http.Post(base+"/api/v1/fields", "application/json", strings.NewReader(`{"id":"3","label":{"en":"Medicine"}}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("anonymous POST: %d, want 401", resp.StatusCode)
	}
	var list struct{ Items []json.RawMessage }
	if code := getJSON(t, base+"/api/v1/fields", &list); code != http.StatusOK || len(list.Items) != 0 {
		t.Errorf("GET fields: %d, %d items", code, len(list.Items))
	}
}
