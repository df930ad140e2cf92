package broker

import (
	"context"
	"testing"
)

// BenchmarkSolve schedules the bench instance (2,000 people, 20,000
// requests, 16 slots, 200 tables, 10 interpreters); BenchmarkFirstFit is
// the baseline on the same instance. Both report the weight per bound.
func BenchmarkSolve(b *testing.B) {
	in := Random(2000, 20000, 16, 200, 10, 1)
	var res *Result
	for b.Loop() {
		res, _ = Solve(context.Background(), in, Options{})
	}
	b.ReportMetric(res.Ratio, "ratio")
}

func BenchmarkFirstFit(b *testing.B) {
	in := Random(2000, 20000, 16, 200, 10, 1)
	bound := Bound(in, 0).Value
	var res *Result
	for b.Loop() {
		res, _ = FirstFit(in)
	}
	b.ReportMetric(float64(res.Weight)/float64(bound), "ratio")
}

// BenchmarkBound measures the upper bound alone.
func BenchmarkBound(b *testing.B) {
	in := Random(2000, 20000, 16, 200, 10, 1)
	for b.Loop() {
		Bound(in, 0)
	}
}
