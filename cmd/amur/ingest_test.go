package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"amur"
	"amur/sqlstore"
)

// pressPage copies a page of the press testdata into dir.
func pressPage(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "press", "testdata", "pages", name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestIngestDryRunJSON checks the JSON of a dry run, and that a bad file
// is reported by name, in the reader's language, without stopping the
// others, and makes the exit code 1.
func TestIngestDryRunJSON(t *testing.T) {
	dir := t.TempDir()
	call := pressPage(t, dir, "ecns-style-call.txt")
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, map[string]string{"AMUR_LANG": "ru"}, "ingest", "--dry-run", "--json", empty, call)
	if code != exitFailure {
		t.Errorf("exit code %d, want %d", code, exitFailure)
	}
	if !strings.Contains(errOut, "empty.txt: файл пуст") {
		t.Errorf("stderr does not name the empty file in Russian: %q", errOut)
	}
	var got struct {
		Events []struct {
			Date, Precision, Kind string
			People                []string
			Sources               []struct {
				File       string
				Start, End int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(got.Events) != 1 {
		t.Fatalf("events = %+v", got.Events)
	}
	e := got.Events[0]
	if e.Date != "2020-12-28" || e.Precision != "day" || e.Kind != "call" || strings.Join(e.People, ",") != "Xi Jinping,Vladimir Putin" {
		t.Errorf("event = %+v", e)
	}
	if len(e.Sources) == 0 || e.Sources[0].File != call || e.Sources[0].End <= e.Sources[0].Start {
		t.Errorf("sources = %+v", e.Sources)
	}
}

// TestIngestQueues checks that without --dry-run the events join the
// review queue of the database.
func TestIngestQueues(t *testing.T) {
	dir := t.TempDir()
	dsn := filepath.Join(dir, "amur.db")
	page := pressPage(t, dir, "chronology.md")
	if code, _, errOut := run(t, nil, "ingest", "--db", dsn, "--published", "2021-12-30", page); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if code, _, _ := run(t, nil, "ingest", "--published", "2021-13-01", page); code != exitUsage {
		t.Errorf("a bad --published gave exit %d, want %d", code, exitUsage)
	}
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	list, err := db.PressEvents(ctx, amur.PressFilter{Page: amur.Page{Count: true}})
	if err != nil {
		t.Fatal(err)
	}
	if list.Total != 5 || list.Items[0].Status != amur.PressProposed {
		t.Errorf("queue = %d events", list.Total)
	}
}
