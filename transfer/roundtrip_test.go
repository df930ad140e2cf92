package transfer

import (
	"bytes"
	"context"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"amur"
)

// exportAll exports every kind of s in format f.
func exportAll(tb testing.TB, s amur.Store, f Format) map[amur.Kind][]byte {
	tb.Helper()
	out := map[amur.Kind][]byte{}
	for _, k := range amur.Kinds {
		var b bytes.Buffer
		n, err := Export(context.Background(), s, k, f, &b)
		if err != nil {
			tb.Fatalf("export %s %s: %v", k, f, err)
		}
		if want, _ := s.Count(context.Background(), k); n != want {
			tb.Fatalf("export %s %s wrote %d records, the store holds %d", k, f, n, want)
		}
		out[k] = b.Bytes()
	}
	return out
}

// importAll imports the files of every kind into s in dependency order.
func importAll(tb testing.TB, s amur.Store, f Format, files map[amur.Kind][]byte) {
	tb.Helper()
	for _, k := range amur.Kinds {
		want := countRecords(tb, files[k], f)
		if want == 0 {
			continue
		}
		n, err := Import(context.Background(), s, k, f, bytes.NewReader(files[k]), ImportOptions{})
		if err != nil {
			tb.Fatalf("import %s %s: %v", k, f, err)
		}
		if n != want {
			tb.Fatalf("import %s %s stored %d records, want %d", k, f, n, want)
		}
	}
}

// countRecords counts the records of an export: one a line, less the
// JSON brackets; CSV cells may hold line breaks, so CSV is parsed.
func countRecords(tb testing.TB, b []byte, f Format) int {
	tb.Helper()
	switch f {
	case JSONL:
		return bytes.Count(b, []byte("\n"))
	case JSON:
		return max(0, bytes.Count(b, []byte("\n"))-2)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		tb.Fatalf("exported CSV does not parse: %v", err)
	}
	return len(rows) - 1
}

// roundTrip exports s in format f, imports the files into a fresh store
// and exports again, requiring the same bytes for every kind. It also
// requires the JSON Lines export of the fresh store to equal that of s:
// then the format lost no value on the way.
func roundTrip(t *testing.T, s amur.Store, f Format, open func(testing.TB) amur.Store) {
	t.Helper()
	first := exportAll(t, s, f)
	s2 := open(t)
	importAll(t, s2, f, first)
	second := exportAll(t, s2, f)
	want, got := exportAll(t, s, JSONL), exportAll(t, s2, JSONL)
	for _, k := range amur.Kinds {
		if !bytes.Equal(first[k], second[k]) {
			t.Errorf("%s %s: the second export differs from the first:\n%s", k, f, firstDiff(first[k], second[k]))
		}
		if !bytes.Equal(want[k], got[k]) {
			t.Errorf("%s through %s lost a value:\n%s", k, f, firstDiff(want[k], got[k]))
		}
	}
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + la[i] + "\n+ " + lb[i]
		}
	}
	return "lengths " + strconv.Itoa(len(la)) + " and " + strconv.Itoa(len(lb))
}

func TestRoundTripFixtures(t *testing.T) {
	for name, open := range dialects() {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			load(t, s, fixtures())
			for _, f := range Formats {
				t.Run(string(f), func(t *testing.T) { roundTrip(t, s, f, open) })
			}
		})
	}
}
