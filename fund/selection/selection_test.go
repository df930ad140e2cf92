package selection

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"amur"
)

var fields = []string{"ai", "energy", "space"}

// randomProblem builds n proposals with costs in whole units of 10,000
// yuan and 100,000 roubles and budgets that fund about a third of them.
func randomProblem(rng *rand.Rand, n int, quotas bool) *Problem {
	p := &Problem{}
	var cn, ru int64
	for i := range n {
		x := Proposal{ID: fmt.Sprintf("P%d", i), Score: float64(rng.IntN(1000)) / 10,
			CostCN: int64(1+rng.IntN(30)) * 10_000, CostRU: int64(1+rng.IntN(30)) * 100_000,
			Field: fields[rng.IntN(len(fields))]}
		cn += x.CostCN
		ru += x.CostRU
		p.Proposals = append(p.Proposals, x)
	}
	p.BudgetCN, p.BudgetRU = cn/3, ru/3
	if quotas {
		p.Quotas = []Quota{{Field: "ai", MaxCount: 1 + rng.IntN(3)}, {Field: "space", MinCount: rng.IntN(3)},
			{Field: "energy", MaxCN: cn / 6, MinRU: int64(rng.IntN(3)) * ru / 20}}
	}
	return p
}

// bruteForce returns the best feasible score, or −1 when none is.
func bruteForce(p *Problem) float64 {
	md := newModel(p)
	best := -1.0
	used := make([]int64, md.m)
	for mask := range 1 << md.n {
		clear(used)
		score := 0.0
		for i := range md.n {
			if mask&(1<<i) != 0 {
				md.take(used, i, 1)
				score += md.score[i]
			}
		}
		if md.feasible(used) && score > best {
			best = score
		}
	}
	return best
}

func TestSolveMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		p := randomProblem(rng, 1+rng.IntN(12), trial%2 == 1)
		want := bruteForce(p)
		for _, method := range []string{"solve", "bb"} {
			var s *Solution
			var err error
			if method == "bb" {
				s, err = p.solveBB(context.Background())
			} else {
				s, err = Solve(context.Background(), p)
			}
			if want < 0 {
				if amur.ErrorCode(err) != amur.EInvalid {
					t.Fatalf("trial %d %s: infeasible problem gave %v", trial, method, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("trial %d %s: %v", trial, method, err)
			}
			if !s.Exact || math.Abs(s.Score-want) > 1e-6 {
				t.Fatalf("trial %d %s (%s): score %v exact %v, brute force %v", trial, method, s.Method, s.Score, s.Exact, want)
			}
			if s.Bound < want-1e-6 {
				t.Fatalf("trial %d %s: bound %v below the optimum %v", trial, method, s.Bound, want)
			}
			checkFeasible(t, p, s)
		}
	}
}

// TestBoundAboveOptimum stops the search after a few nodes: the list may
// then be worse than the best, but the bound must stay above the best and
// the reported gap must cover the difference.
func TestBoundAboveOptimum(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 100 {
		p := randomProblem(rng, 8+rng.IntN(7), trial%2 == 0)
		p.NodeLimit = 3
		want := bruteForce(p)
		if want < 0 {
			continue
		}
		s, err := p.solveBB(context.Background())
		if e := amur.AsError(err); err != nil && e.Key == "fundopt.selection.unsolved" {
			continue // no list found in three nodes: said, not guessed
		}
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		if s.Bound < want-1e-6 || s.Score > want+1e-6 {
			t.Fatalf("trial %d: score %v, bound %v, optimum %v", trial, s.Score, s.Bound, want)
		}
		if !s.Exact && s.Gap < (s.Bound-s.Score)/s.Bound-1e-12 {
			t.Fatalf("trial %d: gap %v understates", trial, s.Gap)
		}
		checkFeasible(t, p, s)
	}
}

func checkFeasible(t *testing.T, p *Problem, s *Solution) {
	t.Helper()
	md := newModel(p)
	used := make([]int64, md.m)
	score := 0.0
	for _, i := range s.Selected {
		md.take(used, i, 1)
		score += p.Proposals[i].Score
	}
	if !md.feasible(used) || math.Abs(score-s.Score) > 1e-6 {
		t.Fatalf("list %v breaks a budget or quota, or its score %v is not %v", s.Selected, score, s.Score)
	}
}

func TestGreedyNeverBeatsSolve(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 50 {
		p := randomProblem(rng, 200, trial%2 == 0)
		g, gerr := Greedy(p)
		s, err := Solve(context.Background(), p)
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		if gerr == nil && g.Score > s.Score+1e-6 {
			t.Fatalf("trial %d: greedy %v beats %v", trial, g.Score, s.Score)
		}
		if s.Bound < s.Score || s.Gap < 0 || s.Gap > 0.01 {
			t.Fatalf("trial %d: bound %v, score %v, gap %v", trial, s.Bound, s.Score, s.Gap)
		}
		checkFeasible(t, p, s)
	}
}

func TestWhatIf(t *testing.T) {
	p := &Problem{BudgetCN: 100, BudgetRU: 100, Proposals: []Proposal{
		{ID: "a", Score: 10, CostCN: 60, CostRU: 10},
		{ID: "b", Score: 9, CostCN: 50, CostRU: 50},
		{ID: "c", Score: 8, CostCN: 40, CostRU: 40},
	}}
	c, err := WhatIf(context.Background(), p, 100, 100)
	if err != nil || len(c.Added)+len(c.Removed) != 0 {
		t.Fatalf("same budgets: %+v, %v", c, err)
	}
	c, err = WhatIf(context.Background(), p, 90, 90)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(c.Before.Selected, c.Added, c.Removed) != "[0 2] [b] [a]" {
		t.Errorf("before %v, added %v, removed %v", c.Before.Selected, c.Added, c.Removed)
	}
}

func TestInfeasibleAndInvalid(t *testing.T) {
	p := &Problem{BudgetCN: 10, BudgetRU: 10, Proposals: []Proposal{{ID: "a", Score: 1, CostCN: 20, CostRU: 1, Field: "ai"}},
		Quotas: []Quota{{Field: "ai", MinCount: 1}}}
	var e *amur.Error
	if _, err := Solve(context.Background(), p); !errors.As(err, &e) || e.Key != "fundopt.selection.infeasible" {
		t.Errorf("unreachable minimum: %v", err)
	}
	tests := []struct {
		field string
		spoil func(*Problem)
	}{
		{"budget_cn", func(p *Problem) { p.BudgetCN = -1 }},
		{"proposals[0].score", func(p *Problem) { p.Proposals[0].Score = math.NaN() }},
		{"proposals[0].cost_ru", func(p *Problem) { p.Proposals[0].CostRU = -5 }},
		{"quotas[0].min_count", func(p *Problem) { p.Quotas[0].MaxCount = 1; p.Quotas[0].MinCount = 2 }},
		{"quotas[1].field", func(p *Problem) { p.Quotas = append(p.Quotas, Quota{Field: "ai"}) }},
	}
	for _, tt := range tests {
		q := *p
		q.Proposals = append([]Proposal(nil), p.Proposals...)
		q.Quotas = append([]Quota(nil), p.Quotas...)
		tt.spoil(&q)
		if _, err := Solve(context.Background(), &q); !errors.As(err, &e) || e.Field != tt.field {
			t.Errorf("%s: got %v", tt.field, err)
		}
	}
}

// TestLPMatchesLagrangian checks the simplex against its own certificate:
// the Lagrangian bound at the simplex's duals must not exceed the bound at
// any other multipliers tried, here those of the subgradient fallback.
func TestLPMatchesLagrangian(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 40 {
		p := randomProblem(rng, 30+rng.IntN(200), trial%2 == 0)
		md := newModel(p)
		lam, ok, inf := md.lpRelax(context.Background())
		if inf {
			continue
		}
		if !ok {
			t.Fatalf("trial %d: the simplex did not finish", trial)
		}
		rc := make([]float64, md.n)
		lp := md.lagrange(lam, rc)
		for range 200 {
			other := make([]float64, md.m)
			for j := range other {
				other[j] = max(0, lam[j]*(0.5+rng.Float64()))
			}
			if l := md.lagrange(other, rc); l < lp-1e-6*lp {
				t.Fatalf("trial %d: multipliers %v give %v, below the simplex's %v", trial, other, l, lp)
			}
		}
	}
}

// TestDescendBound checks the fallback multipliers: their bound is valid
// (not below a brute-force optimum) and no better than the simplex's,
// which is the least.
func TestDescendBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for trial := range 60 {
		p := randomProblem(rng, 4+rng.IntN(9), trial%2 == 0)
		want := bruteForce(p)
		md := newModel(p)
		rc := make([]float64, md.n)
		var sel []bool
		zs := 0.0
		lam, inf := md.descend(context.Background(), rc, func() {}, &zs, &sel)
		lpLam, ok, lpInf := md.lpRelax(context.Background())
		if inf || lpInf {
			if want >= 0 {
				t.Fatalf("trial %d: feasible problem (optimum %v) called infeasible", trial, want)
			}
			continue
		}
		if !ok {
			t.Fatalf("trial %d: the simplex did not finish", trial)
		}
		d, lp := md.lagrange(lam, rc), md.lagrange(lpLam, rc)
		if d < want-1e-6 || d < lp-1e-6*max(1, lp) {
			t.Fatalf("trial %d: descent bound %v, simplex %v, optimum %v", trial, d, lp, want)
		}
	}
}

// TestDeterministic solves a problem whose search stops at its node limit
// twice: a funding list must not depend on the machine's load.
func TestDeterministic(t *testing.T) {
	p := Generate(400, 3, true)
	p.NodeLimit = 20_000
	a, err := Solve(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Solve(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(a.Selected) != fmt.Sprint(b.Selected) || a.Score != b.Score {
		t.Errorf("two runs gave %v and %v", a.Score, b.Score)
	}
}
