package demo

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"amur"
	"amur/internal/testkit"
)

// mustBuild returns Build(opts) or fails the test.
func mustBuild(tb testing.TB, opts Options) []amur.Record {
	tb.Helper()
	recs, err := Build(opts)
	if err != nil {
		tb.Fatalf("Build(%+v): %v", opts, err)
	}
	return recs
}

// defaultRecs is the default demo program, built once for the tests that
// only read it.
var defaultRecs []amur.Record

// defaults returns the default demo program.
func defaults(tb testing.TB) []amur.Record {
	tb.Helper()
	if defaultRecs == nil {
		defaultRecs = mustBuild(tb, Options{})
	}
	return defaultRecs
}

// jsonLines returns the JSON of every record.
func jsonLines(tb testing.TB, recs []amur.Record) []string {
	tb.Helper()
	out := make([]string, len(recs))
	for i, r := range recs {
		b, err := json.Marshal(r)
		if err != nil {
			tb.Fatalf("marshal %s %s: %v", r.RecordKind(), r.Base().ID, err)
		}
		out[i] = string(b)
	}
	return out
}

// isSynthetic reports whether r was made up by the generator.
func isSynthetic(r amur.Record) bool {
	switch v := r.(type) {
	case *amur.Activity:
		return v.Synthetic
	case *amur.Person:
		return v.Synthetic
	case *amur.Organization:
		return v.Synthetic
	}
	return false
}

// factsOnly returns the records that are not synthetic.
func factsOnly(recs []amur.Record) []amur.Record {
	var out []amur.Record
	for _, r := range recs {
		if !isSynthetic(r) {
			out = append(out, r)
		}
	}
	return out
}

// TestBuildIsDeterministic checks that equal options give byte-identical
// records and different options different ones.
func TestBuildIsDeterministic(t *testing.T) {
	tests := []struct {
		name string
		a, b Options
		same bool
	}{
		{"default twice", Options{}, Options{}, true},
		{"zero means the defaults", Options{}, Options{Activities: DefaultActivities, Seed: 1}, true},
		{"small twice", Options{Activities: 5, Seed: 7}, Options{Activities: 5, Seed: 7}, true},
		{"other seed", Options{Seed: 1}, Options{Seed: 2}, false},
		{"other size", Options{Activities: 50}, Options{Activities: 60}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := jsonLines(t, mustBuild(t, tt.a)), jsonLines(t, mustBuild(t, tt.b))
			diff := cmp.Diff(a, b)
			if tt.same && diff != "" {
				t.Errorf("builds differ (-a +b):\n%.3000s", diff)
			}
			if !tt.same && diff == "" {
				t.Error("builds are identical, want them to differ")
			}
		})
	}
}

// TestFactsDoNotDependOnOptions checks that the real records, ids included,
// are the same whatever the size and seed of the synthetic part.
func TestFactsDoNotDependOnOptions(t *testing.T) {
	want := jsonLines(t, factsOnly(mustBuild(t, Options{Activities: 5, Seed: 1})))
	for _, opts := range []Options{{Seed: 2}, {Activities: 300, Seed: 99}} {
		got := jsonLines(t, factsOnly(mustBuild(t, opts)))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("real records of %+v differ from those of a small build (-small +got):\n%.3000s", opts, diff)
		}
	}
}

// TestOptionsOutOfRange checks that Build rejects sizes outside 0 to
// MaxActivities with an error naming the option.
func TestOptionsOutOfRange(t *testing.T) {
	tests := []struct {
		name string
		opts Options
	}{
		{"negative", Options{Activities: -1}},
		{"too many", Options{Activities: MaxActivities + 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build(tt.opts)
			if e, ok := err.(*amur.Error); !ok || e.Code != amur.EInvalid || e.Field != "activities" {
				t.Errorf("Build(%+v) = %v, want an invalid error naming activities", tt.opts, err)
			}
		})
	}
}

// TestRecordsArePrepared checks that every record reads back from its JSON,
// passes amur.Prepare and is not changed by it.
func TestRecordsArePrepared(t *testing.T) {
	recs := defaults(t)
	before := jsonLines(t, recs)
	for i, r := range recs {
		// Work on a copy so that the shared records stay as built.
		c := amur.NewRecord(r.RecordKind())
		if err := json.Unmarshal([]byte(before[i]), c); err != nil {
			t.Fatalf("%s %s does not read back: %v", r.RecordKind(), r.Base().ID, err)
		}
		if err := amur.Prepare(c); err != nil {
			t.Fatalf("%s %s: Prepare: %v", r.RecordKind(), r.Base().ID, err)
		}
		after, _ := json.Marshal(c)
		if string(after) != before[i] {
			t.Errorf("%s %s changes when prepared again:\n got: %s\nwant: %s", r.RecordKind(), r.Base().ID, after, before[i])
		}
	}
}

// TestGolden compares a small build with testdata/small.json; run with -update
// to accept a change.
func TestGolden(t *testing.T) {
	type entry struct {
		Kind   amur.Kind   `json:"kind"`
		Record amur.Record `json:"record"`
	}
	var out []entry
	for _, r := range mustBuild(t, Options{Activities: 5}) {
		out = append(out, entry{r.RecordKind(), r})
	}
	got, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "small.json", append(got, '\n'))
}
