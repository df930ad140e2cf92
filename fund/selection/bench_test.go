package selection

import (
	"context"
	"testing"
)

func benchmarkSolve(b *testing.B, n int, quotas bool) {
	p := Generate(n, 1, quotas)
	var s *Solution
	for b.Loop() {
		var err error
		if s, err = Solve(context.Background(), p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(s.Gap, "gap")
	b.ReportMetric(float64(s.Nodes), "nodes")
}

func benchmarkGreedy(b *testing.B, n int, quotas bool) {
	p := Generate(n, 1, quotas)
	for b.Loop() {
		if _, err := Greedy(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSolve2000(b *testing.B)        { benchmarkSolve(b, 2000, false) }
func BenchmarkSolve2000Quotas(b *testing.B)  { benchmarkSolve(b, 2000, true) }
func BenchmarkGreedy2000(b *testing.B)       { benchmarkGreedy(b, 2000, false) }
func BenchmarkGreedy2000Quotas(b *testing.B) { benchmarkGreedy(b, 2000, true) }
