package demo

import (
	"context"
	"errors"
	"testing"

	"amur"
	"amur/internal/testkit"
)

// fakeStore is an amur.Store whose Bulk runs a function field; every other
// method panics, since Load must not call them.
type fakeStore struct {
	amur.Store
	bulk func(ctx context.Context, fn func(amur.BulkWriter) error) error
}

var _ amur.Store = (*fakeStore)(nil)

// Bulk calls the bulk field.
func (s *fakeStore) Bulk(ctx context.Context, fn func(amur.BulkWriter) error) error {
	return s.bulk(ctx, fn)
}

// writer is an amur.BulkWriter whose Put runs a function field.
type writer struct{ put func(amur.Record) error }

var _ amur.BulkWriter = writer{}

// Put calls the put field.
func (w writer) Put(r amur.Record) error { return w.put(r) }

// bulkWith returns a fakeStore whose Bulk hands fn a writer calling put.
func bulkWith(put func(amur.Record) error) *fakeStore {
	return &fakeStore{bulk: func(ctx context.Context, fn func(amur.BulkWriter) error) error {
		return fn(writer{put})
	}}
}

// TestLoadPutsBuildsRecordsInOrder checks that Load puts exactly Build's
// records, in Build's order.
func TestLoadPutsBuildsRecordsInOrder(t *testing.T) {
	opts := Options{Activities: 40, Seed: 3}
	var got []amur.Record
	s := bulkWith(func(r amur.Record) error { got = append(got, r); return nil })
	if err := Load(context.Background(), s, opts); err != nil {
		t.Fatal(err)
	}
	want := jsonLines(t, mustBuild(t, opts))
	if g := jsonLines(t, got); len(g) != len(want) {
		t.Fatalf("Load put %d records, Build returns %d", len(g), len(want))
	} else {
		for i := range g {
			if g[i] != want[i] {
				t.Fatalf("record %d differs:\n got: %s\nwant: %s", i, g[i], want[i])
			}
		}
	}
}

// TestLoadStopsAtTheFirstError checks that Load returns the first failed put
// or the cancelled context and puts nothing after it.
func TestLoadStopsAtTheFirstError(t *testing.T) {
	boom := errors.New("boom")
	ctx, cancel := context.WithCancel(context.Background())
	tests := []struct {
		name string
		ctx  context.Context
		put  func(n int) error
		want error
		puts int
	}{
		{"put fails", context.Background(), func(n int) error {
			if n == 3 {
				return boom
			}
			return nil
		}, boom, 3},
		{"cancelled", ctx, func(n int) error {
			if n == 5 {
				cancel()
			}
			return nil
		}, context.Canceled, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			s := bulkWith(func(amur.Record) error { n++; return tt.put(n) })
			err := Load(tt.ctx, s, Options{Activities: 5})
			if !errors.Is(err, tt.want) || n != tt.puts {
				t.Errorf("Load = %v after %d puts, want %v after %d", err, n, tt.want, tt.puts)
			}
		})
	}
}

// TestLoadIntoStore loads the demo program into a fresh store of every
// available dialect and counts each kind.
func TestLoadIntoStore(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the demo program into a database")
	}
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		opts := Options{Activities: 200}
		if err := Load(ctx, s, opts); err != nil {
			t.Fatalf("Load: %v", err)
		}
		want := map[amur.Kind]int{}
		for _, r := range mustBuild(t, opts) {
			want[r.RecordKind()]++
		}
		for _, k := range amur.Kinds {
			n, err := s.Count(ctx, k)
			if err != nil || n != want[k] {
				t.Errorf("Count(%s) = %d, %v; want %d", k, n, err, want[k])
			}
		}
	})
}
