package sqlstore_test

import (
	"bufio"
	"context"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"amur"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// benchN returns the number of activities of the benchmarks: AMUR_BENCH_N,
// or def.
func benchN(def int) int {
	if v, err := strconv.Atoi(os.Getenv("AMUR_BENCH_N")); err == nil && v > 0 {
		return v
	}
	return def
}

// benchOrgs is how many organisations activities refer to.
const benchOrgs = 5000

// BenchmarkBulkImportSQLite imports AMUR_BENCH_N activities into SQLite
// through Bulk, after the same import of a smaller sample through per-row
// CreateActivity calls as the baseline.
func BenchmarkBulkImportSQLite(b *testing.B) {
	benchImport(b, testkit.MustOpenStore)
}

// BenchmarkBulkImportPostgres is BenchmarkBulkImportSQLite on PostgreSQL;
// it skips unless AMUR_TEST_POSTGRES is set.
func BenchmarkBulkImportPostgres(b *testing.B) {
	benchImport(b, testkit.MustOpenPostgres)
}

// benchImport runs the per-row baseline and the bulk import on fresh
// stores from open and reports activities/s, the ratio and peak memory.
func benchImport(b *testing.B, open func(testing.TB) *sqlstore.DB) {
	n := benchN(20_000)
	base := min(n, benchN(0)/50+2_000)
	var baseRate float64
	b.Run("per-row-create", func(b *testing.B) {
		baseRate = runImport(b, open, base, func(ctx context.Context, s amur.Store, next func() *amur.Activity, n int) error {
			for range n {
				if err := s.CreateActivity(ctx, next()); err != nil {
					return err
				}
			}
			return nil
		})
	})
	b.Run("bulk", func(b *testing.B) {
		rate := runImport(b, open, n, func(ctx context.Context, s amur.Store, next func() *amur.Activity, n int) error {
			return s.Bulk(ctx, func(w amur.BulkWriter) error {
				for range n {
					if err := w.Put(next()); err != nil {
						return err
					}
				}
				return nil
			})
		})
		if baseRate > 0 {
			b.ReportMetric(rate/baseRate, "x-per-row")
		}
	})
}

// importFunc imports n activities made by next into s.
type importFunc func(ctx context.Context, s amur.Store, next func() *amur.Activity, n int) error

// runImport times imports of n activities into fresh stores and returns
// the rate of the last one. The activities are made as the import goes, as
// an import parses them from a file; the cost of making them alone is
// measured beforehand and reported as gen-µs/act. Reported CPU time is the
// whole process's during the import, generation included.
func runImport(b *testing.B, open func(testing.TB) *sqlstore.DB, n int, imp importFunc) float64 {
	ctx := context.Background()
	var rate, cpuSec float64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := open(b)
		prog, orgs, fields := benchRegistry(b, s, benchOrgs)
		g := newGen(uint64(i+1), orgs, fields)
		runtime.GC()
		resetPeak()
		b.StartTimer()
		start, cpu0 := time.Now(), cpuTime()
		if err := imp(ctx, s, func() *amur.Activity { return g.activity(prog) }, n); err != nil {
			b.Fatal(err)
		}
		rate = float64(n) / time.Since(start).Seconds()
		cpuSec = (cpuTime() - cpu0).Seconds()
		b.StopTimer()
		if got, err := s.Count(ctx, amur.KindActivity); err != nil || got != n {
			b.Fatalf("stored %d activities, %v; want %d", got, err, n)
		}
		s.Close()
	}
	b.ReportMetric(rate, "activities/s")
	b.ReportMetric(float64(peakKB())/1024, "peak-MB")
	b.ReportMetric(cpuSec*1e6/float64(n), "cpu-µs/act")
	b.ReportMetric(genCost(), "gen-µs/act")
	return rate
}

// genCost returns the time in µs to make one benchmark activity.
func genCost() float64 {
	orgs := []string{amur.NewID(), amur.NewID()}
	g := newGen(99, orgs, []string{"1", "2.3"})
	const n = 20_000
	start := time.Now()
	for range n {
		g.activity(orgs[0])
	}
	return float64(time.Since(start).Microseconds()) / n
}

// cpuTime returns the CPU time the process has used, user and system. On a
// shared machine it varies less than the wall clock; the generation time
// subtracted from it is an approximation, as generation runs on one core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// resetPeak resets the process's peak resident set size (VmHWM), so that
// the next reading covers only what follows.
func resetPeak() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakKB returns the process's peak resident set size in KiB, or the Go
// heap's total from the runtime where /proc is unavailable.
func peakKB() int64 {
	f, err := os.Open("/proc/self/status")
	if err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
				return kb
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.Sys / 1024)
}
