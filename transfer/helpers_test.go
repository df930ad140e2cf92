package transfer

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// actHeader is the header of the activity CSV files of the tests.
var actHeader = []string{"id", "program_id", "title_en", "type", "status", "start", "format", "sides",
	"participants", "fields", "outcomes", "version", "synthetic", "created_at"}

// actValues returns the cells of a valid activity row numbered n, with
// edits given as "column=value".
func actValues(n int, edits ...string) []string {
	v := map[string]string{
		"id": fid(n), "program_id": fid(10), "title_en": "Activity " + strings.Repeat("x", n%5),
		"type": "forum", "status": "held", "start": "2020-08-26", "format": "in_person", "sides": "CN;RU",
		"participants": "org:" + fid(20) + ":CN:organiser", "fields": "1.1", "outcomes": "",
		"version": "1", "synthetic": "false", "created_at": "2021-03-01T09:30:00.000Z",
	}
	for _, e := range edits {
		k, val, _ := strings.Cut(e, "=")
		v[k] = val
	}
	out := make([]string, len(actHeader))
	for i, h := range actHeader {
		out[i] = v[h]
	}
	return out
}

// actCSV returns a CSV file of activities: the header, then one row per
// element of rows, each made by actValues from its edits.
func actCSV(rows ...[]string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(actHeader)
	for _, r := range rows {
		w.Write(r)
	}
	w.Flush()
	return b.String()
}

// csvLine returns one CSV line of cells.
func csvLine(cells []string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(cells)
	w.Flush()
	return b.String()
}

// row is shorthand for actValues.
func row(n int, edits ...string) []string { return actValues(n, edits...) }

// actObject returns a valid activity object numbered n as a map, so a test
// can change any part of it.
func actObject(n int) map[string]any {
	return map[string]any{
		"id": fid(n), "program_id": fid(10), "title": map[string]any{"en": "Activity"},
		"type": "forum", "status": "held", "start": "2020-08-26", "zone": "Asia/Shanghai", "format": "online",
		"sides": []string{"CN", "RU"}, "fields": []string{"1.1"},
		"participants": []any{
			map[string]any{"org_id": fid(20), "side": "CN", "role": "organiser"},
			map[string]any{"person_id": fid(30), "side": "CN", "role": "speaker"},
		},
	}
}

// jsonLine marshals an activity object numbered n after applying edit.
func jsonLine(tb testing.TB, n int, edit func(map[string]any)) string {
	tb.Helper()
	o := actObject(n)
	if edit != nil {
		edit(o)
	}
	b, err := json.Marshal(o)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// lines joins lines with newlines and ends the file with one.
func lines(l ...string) string { return strings.Join(l, "\n") + "\n" }
