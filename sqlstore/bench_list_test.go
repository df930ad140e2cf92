package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"amur"
	"amur/sqlstore"
)

// BenchmarkListActivities runs the registry's typical list query, one type,
// one field with its sub-fields and a three-month start range, first page
// in start order, over a SQLite database of AMUR_BENCH_N activities, and
// reports the median and 95th percentile latency. The baseline is the same
// SQL with the activities table marked NOT INDEXED, the plan without the
// schema's indexes. The database is built once into the temporary
// directory and reused by later runs.
func BenchmarkListActivities(b *testing.B) {
	n := benchN(20_000)
	ctx := context.Background()
	path := listBenchDB(b, n)
	s, err := sqlstore.Open(ctx, path)
	must(b, err)
	defer s.Close()
	rnd := rand.New(rand.NewPCG(7, 7))
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f := randomFilter(rnd)
		start := time.Now()
		l, err := s.Activities(ctx, f)
		lat = append(lat, time.Since(start))
		must(b, err)
		if len(l.Items) == 0 {
			b.Fatalf("no activities for %+v", f)
		}
	}
	b.StopTimer()
	b.ReportMetric(percentile(lat, 50), "p50-ms")
	b.ReportMetric(percentile(lat, 95), "p95-ms")
	base := unindexedP50(b, path, rnd)
	b.ReportMetric(base, "unindexed-p50-ms")
	b.ReportMetric(base/percentile(lat, 50), "x-unindexed")
}

// listTypes and listFields are what the benchmark queries pick from.
var (
	listTypes  = []amur.ActivityType{amur.JointResearch, amur.Forum, amur.Exhibition, amur.Training}
	listFields = []string{"1", "2", "3.1", "5"}
)

// randomFilter returns a list query of the benchmark.
func randomFilter(rnd *rand.Rand) amur.ActivityFilter {
	from := time.Date(2020, time.Month(3+rnd.IntN(21)), 1, 0, 0, 0, 0, time.UTC)
	return amur.ActivityFilter{
		Types:  []amur.ActivityType{listTypes[rnd.IntN(len(listTypes))]},
		Fields: []string{listFields[rnd.IntN(len(listFields))]},
		From:   from,
		To:     from.AddDate(0, 3, 0).Add(-time.Millisecond),
	}
}

// unindexedP50 runs the benchmark's query without indexes a few times,
// since each reads the whole table, and returns the median in ms.
func unindexedP50(b *testing.B, path string, rnd *rand.Rand) float64 {
	db, err := sql.Open("sqlite", path+"?_pragma=query_only(1)")
	must(b, err)
	defer db.Close()
	var lat []time.Duration
	for range 5 {
		f := randomFilter(rnd)
		c := f.Fields[0]
		start := time.Now()
		rows, err := db.Query(`SELECT doc FROM activities x NOT INDEXED
			WHERE x.type = ? AND (',' || x.fields || ',' LIKE ? OR ',' || x.fields || ',' LIKE ?)
			AND x.start_at >= ? AND x.start_at <= ? ORDER BY x.start_at, x.id LIMIT 51`,
			string(f.Types[0]), "%,"+c+",%", "%,"+c+".%", f.From.UnixMilli(), f.To.UnixMilli())
		must(b, err)
		for rows.Next() {
			var doc []byte
			must(b, rows.Scan(&doc))
			var a amur.Activity
			must(b, decodeJSON(doc, &a))
		}
		must(b, rows.Err())
		rows.Close()
		lat = append(lat, time.Since(start))
	}
	return percentile(lat, 50)
}

// percentile returns the p-th percentile of lat in milliseconds.
func percentile(lat []time.Duration, p int) float64 {
	if len(lat) == 0 {
		return 0
	}
	s := slices.Clone(lat)
	slices.Sort(s)
	return float64(s[(len(s)-1)*p/100].Microseconds()) / 1000
}

// listBenchDB returns the path of a migrated SQLite database holding n
// generated activities, building it unless an earlier run left it.
func listBenchDB(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("amur-bench-list-%d-v3.db", n))
	ctx := context.Background()
	if _, err := os.Stat(path); err == nil {
		s, err := sqlstore.Open(ctx, path)
		must(b, err)
		// A database of an earlier schema gets the later migrations (and
		// their indexes), as a served database would.
		err = s.Migrate(ctx)
		got, err2 := s.Count(ctx, amur.KindActivity)
		s.Close()
		if err == nil && err2 == nil && got == n {
			return path
		}
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	s, err := sqlstore.Open(ctx, path)
	must(b, err)
	defer s.Close()
	must(b, s.Migrate(ctx))
	prog, orgs, fields := benchRegistry(b, s, benchOrgs)
	g := newGen(42, orgs, fields)
	err = s.Bulk(ctx, func(w amur.BulkWriter) error {
		for range n {
			if err := w.Put(g.activity(prog)); err != nil {
				return err
			}
		}
		return nil
	})
	must(b, err)
	return path
}
