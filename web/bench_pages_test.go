package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"amur/demo"
	"amur/registry"
	"amur/sqlstore"
)

// benchPages are the pages BenchmarkPages renders.
var benchPages = []struct{ name, path string }{
	{"home", "/ru/"},
	{"list", "/zh/activities"},
	{"list-filtered", "/en/activities?type=forum&side=RU&year=2021&sort=-start"},
	{"list-page-40", "/en/activities?page=40"},
	{"report", "/ru/report"},
}

// BenchmarkPages renders the home, list and report pages server-side over
// a SQLite database holding the demo program with AMUR_BENCH_N synthetic
// activities (default 20,000; the database is built once into the
// temporary directory and reused). For each page it reports the median
// and 95th percentile of warm renders (figures cached until the outbox
// moves), the CPU time per warm render (the machine is shared, so wall
// time includes waiting for a core), and as the baseline a fresh server:
// how long its first answer took (first-ms, at most the figure wait) and
// how long until the page showed every figure computed from the store
// (cold-ms).
func BenchmarkPages(b *testing.B) {
	n := 20_000
	if v, err := strconv.Atoi(os.Getenv("AMUR_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	path := pagesBenchDB(b, n)
	db, err := sqlstore.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, p := range benchPages {
		b.Run(p.name, func(b *testing.B) {
			first, cold := untilCounted(b, New(Config{Store: registry.New(db)}), p.path)
			srv := New(Config{Store: registry.New(db)})
			untilCounted(b, srv, p.path)
			var lat []time.Duration
			size := 0
			cpu0 := cpuTime()
			b.ResetTimer()
			for b.Loop() {
				start := time.Now()
				size = renderBytes(b, srv, p.path)
				lat = append(lat, time.Since(start))
			}
			b.StopTimer()
			b.ReportMetric(ms(cpuTime()-cpu0)/float64(len(lat)), "cpu-ms/op")
			b.ReportMetric(ms(median(lat)), "p50-ms")
			b.ReportMetric(ms(pct(lat, 95)), "p95-ms")
			b.ReportMetric(ms(first), "first-ms")
			b.ReportMetric(ms(cold), "cold-ms")
			b.ReportMetric(float64(size)/1024, "KiB")
		})
	}
}

// untilCounted renders path on a server until the page shows every figure
// and starts no count, and returns how long the first answer took and how
// long until the figures were all there.
func untilCounted(b *testing.B, srv *Server, path string) (first, counted time.Duration) {
	start := time.Now()
	for {
		body := render(b, srv, path)
		if first == 0 {
			first = time.Since(start)
		}
		if !strings.Contains(body, `<p class="note" role="status">`) && !busy(srv) {
			return first, time.Since(start)
		}
		for busy(srv) {
			time.Sleep(100 * time.Millisecond)
		}
	}
}

// busy tells whether a first count is under way on srv.
func busy(srv *Server) bool {
	srv.figs.mu.Lock()
	defer srv.figs.mu.Unlock()
	return len(srv.figs.pending) > 0
}

// render renders path and returns the page.
func render(b *testing.B, srv *Server, path string) string {
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	if rec.Code != http.StatusOK {
		b.Fatalf("%s: status %d: %.300s", path, rec.Code, rec.Body.String())
	}
	return rec.Body.String()
}

// renderBytes renders path and returns the size of the page.
func renderBytes(b *testing.B, srv *Server, path string) int { return len(render(b, srv, path)) }

// pagesBenchDB returns a migrated SQLite database with the demo program
// and n synthetic activities, building it unless an earlier run left it.
func pagesBenchDB(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("amur-pages-bench-%d.db", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	ctx := context.Background()
	tmp := path + ".part"
	os.Remove(tmp)
	db, err := sqlstore.Open(ctx, tmp)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	if err := demo.Load(ctx, db, demo.Options{Activities: n}); err != nil {
		b.Fatal(err)
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	b.Logf("built the demo program with %d activities in %s", n, time.Since(start).Round(time.Second))
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if _, err := os.Stat(tmp + suffix); err == nil {
			if err := os.Rename(tmp+suffix, path+suffix); err != nil {
				b.Fatal(err)
			}
		}
	}
	return path
}

// cpuTime returns the CPU time the process has used, user and system: on
// a shared machine it tells the work a render costs apart from the wait
// for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// median and pct return percentiles of latencies.
func median(lat []time.Duration) time.Duration { return pct(lat, 50) }

// pct returns the p-th percentile of lat.
func pct(lat []time.Duration, p int) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	s := slices.Clone(lat)
	slices.Sort(s)
	return s[(len(s)-1)*p/100]
}

// ms converts a duration to milliseconds.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
