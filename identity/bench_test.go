package identity

import (
	"os"
	"runtime"
	"strconv"
	"testing"
)

// benchSize is the number of synthetic people of the deduplication
// benchmark: AMUR_IDENTITY_N, default 100,000 (the recorded run uses
// 1,000,000).
func benchSize() int {
	if n, err := strconv.Atoi(os.Getenv("AMUR_IDENTITY_N")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// BenchmarkDuplicates measures candidate generation and scoring over
// synthetic people with known duplicates, against exact-key blocking.
//
//	AMUR_IDENTITY_N=1000000 go test ./identity -run '^$' -bench Duplicates -benchtime 1x
func BenchmarkDuplicates(b *testing.B) {
	recs := Synthetic(benchSize(), 0.1, 1)
	for b.Loop() {
		base := MeasureExactKey(recs)
		f := MeasureDuplicates(recs, 0.85)
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(f.Precision(), "precision")
		b.ReportMetric(f.Recall(), "recall")
		b.ReportMetric(base.Precision(), "base-precision")
		b.ReportMetric(base.Recall(), "base-recall")
		b.ReportMetric(f.Elapsed.Seconds(), "scan-s")
		b.ReportMetric(base.Elapsed.Seconds(), "base-s")
		b.ReportMetric(float64(ms.Sys)/(1<<30), "sys-GiB")
	}
}

// TestDuplicatesSmall checks the scan on a small synthetic set: it must
// find most duplicates, propose few wrong pairs, and beat exact keys.
func TestDuplicatesSmall(t *testing.T) {
	recs := Synthetic(4000, 0.1, 7)
	f := MeasureDuplicates(recs, 0.85)
	base := MeasureExactKey(recs)
	if f.True < 300 {
		t.Fatalf("only %d true pairs in 4000 records", f.True)
	}
	t.Logf("scan P=%.3f R=%.3f, exact keys P=%.3f R=%.3f", f.Precision(), f.Recall(), base.Precision(), base.Recall())
	if f.Recall() < 0.8 || f.Precision() < 0.8 || f.Recall() <= base.Recall() {
		t.Errorf("scan P=%.3f R=%.3f, exact keys P=%.3f R=%.3f", f.Precision(), f.Recall(), base.Precision(), base.Recall())
	}
}
