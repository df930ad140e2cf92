package assign

import (
	"context"
	"testing"
)

// TestGenerateConflictRate checks that the generated instance has the
// conflict rate the benchmarks claim (about 2%) and affinities in range.
func TestGenerateConflictRate(t *testing.T) {
	in := Generate(300, 200, 3, 1)
	rate := float64(len(in.Conflicts)) / float64(300*200)
	if rate < 0.01 || rate > 0.035 {
		t.Errorf("conflict rate %.4f, want about 0.02", rate)
	}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	again := Generate(300, 200, 3, 1)
	for i := range in.Affinity {
		if in.Affinity[i] != again.Affinity[i] {
			t.Fatal("the same seed gave another instance")
		}
	}
}

func TestGeneratedSolvesAndCertifies(t *testing.T) {
	for _, fair := range []bool{false, true} {
		in := Generate(400, 200, 3, 7)
		in.Fair = fair
		res, err := Solve(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		if err := Certify(in, res); err != nil {
			t.Fatalf("fair %v: %v", fair, err)
		}
		if len(res.Pairs) != 400*3 {
			t.Fatalf("fair %v: %d pairs", fair, len(res.Pairs))
		}
	}
}

func benchmarkSolve(b *testing.B, P, R int) {
	in := Generate(P, R, 3, 1)
	var res *Result
	for b.Loop() {
		var err error
		if res, err = Solve(context.Background(), in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Rounds), "rounds")
	b.ReportMetric(float64(res.Edges), "edges")
}

func BenchmarkSolve1000x500(b *testing.B)   { benchmarkSolve(b, 1000, 500) }
func BenchmarkSolve10000x5000(b *testing.B) { benchmarkSolve(b, 10000, 5000) }

// TestFairThresholdIsLargest checks the binary search's answer with the
// full solver: one weight unit above the threshold no assignment exists.
func TestFairThresholdIsLargest(t *testing.T) {
	for seed := range uint64(4) {
		in := Generate(150, 60, 2+int(seed%2), seed)
		in.Fair = true
		res, err := Solve(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		if err := Certify(in, res); err != nil {
			t.Fatal(err)
		}
		if _, _, err := solveAt(context.Background(), in, newPricer(in), res.Threshold+1); err == nil {
			t.Errorf("seed %d: threshold %d is not the largest", seed, res.Threshold)
		}
	}
}

// TestGreedy checks the baseline: never above the optimum, and equal to it
// when loads do not bind (each proposal then simply takes its K best).
func TestGreedy(t *testing.T) {
	for seed := range uint64(6) {
		in := Generate(120, 50, 3, seed)
		if seed%2 == 1 {
			for r := range in.Load {
				in.Load[r] = in.Proposals
			}
		}
		g, err := Greedy(in)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Solve(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		if g.Weight > res.Weight || seed%2 == 1 && g.Weight != res.Weight {
			t.Errorf("seed %d: greedy %d, optimum %d", seed, g.Weight, res.Weight)
		}
	}
}
