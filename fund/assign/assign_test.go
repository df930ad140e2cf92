package assign

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"amur"
)

// randomInstance builds an instance with random affinities, loads that
// leave some slack and conflicts at the given rate.
func randomInstance(rng *rand.Rand, P, R, K int, conflictRate float64) *Instance {
	in := &Instance{Proposals: P, Reviewers: R, K: K, Load: make([]int, R), Affinity: make([]float32, P*R)}
	for i := range in.Affinity {
		in.Affinity[i] = float32(rng.IntN(1001)) / 1000
	}
	need := P * K
	for r := range R {
		in.Load[r] = need/R + rng.IntN(3)
	}
	for p := range P {
		for r := range R {
			if rng.Float64() < conflictRate {
				in.Conflicts = append(in.Conflicts, Pair{p, r})
			}
		}
	}
	return in
}

// bruteForce returns the best (threshold, weight) over every assignment,
// ranking by weight, or by threshold then weight when fair; ok is false
// when no assignment exists.
func bruteForce(in *Instance) (bestT, bestW int64, ok bool) {
	R := in.Reviewers
	bad := map[Pair]bool{}
	for _, c := range in.Conflicts {
		bad[c] = true
	}
	load := slices.Clone(in.Load)
	var rec func(p int, minW, w int64)
	var choose func(p, from, left int, minW, w int64)
	rec = func(p int, minW, w int64) {
		if p == in.Proposals {
			better := !ok || w > bestW
			if in.Fair {
				better = !ok || minW > bestT || minW == bestT && w > bestW
			}
			if better {
				bestT, bestW, ok = minW, w, true
			}
			return
		}
		choose(p, 0, in.K, minW, w)
	}
	choose = func(p, from, left int, minW, w int64) {
		if left == 0 {
			rec(p+1, minW, w)
			return
		}
		for r := from; r < R; r++ {
			if bad[Pair{p, r}] || load[r] == 0 {
				continue
			}
			load[r]--
			wt := Weight(in.Affinity[p*R+r])
			choose(p, r+1, left-1, min(minW, wt), w+wt)
			load[r]++
		}
	}
	rec(0, Scale, 0)
	return bestT, bestW, ok
}

func TestSolveMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		P, R := 1+rng.IntN(4), 2+rng.IntN(4)
		K := 1 + rng.IntN(min(R, 2))
		in := randomInstance(rng, P, R, K, 0.15)
		in.Fair = trial%2 == 1
		in.Candidates = 1 + rng.IntN(3)
		wantT, wantW, ok := bruteForce(in)
		res, err := Solve(context.Background(), in)
		if !ok {
			if amur.ErrorCode(err) != amur.EInvalid {
				t.Fatalf("trial %d: infeasible instance gave %v", trial, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		if res.Weight != wantW {
			t.Fatalf("trial %d (fair %v): weight %d, brute force %d", trial, in.Fair, res.Weight, wantW)
		}
		if in.Fair && res.Threshold != wantT {
			t.Fatalf("trial %d: threshold %d, brute force %d", trial, res.Threshold, wantT)
		}
		if err := Certify(in, res); err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
	}
}

// TestCandidatesDoNotChangeResult solves medium instances from sparse
// seeds of every size: column generation must reach the same optimum as
// the complete graph, and the certificate must hold over every pair.
func TestCandidatesDoNotChangeResult(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 12 {
		in := randomInstance(rng, 40+rng.IntN(40), 15+rng.IntN(20), 1+rng.IntN(3), 0.03)
		in.Candidates = in.Reviewers
		full, err := Solve(context.Background(), in)
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		for _, m := range []int{1, 2, 5} {
			in.Candidates = m
			res, err := Solve(context.Background(), in)
			if err != nil {
				t.Fatalf("trial %d, m=%d: %v", trial, m, err)
			}
			if res.Weight != full.Weight {
				t.Fatalf("trial %d, m=%d: weight %d, complete graph %d", trial, m, res.Weight, full.Weight)
			}
			if err := Certify(in, res); err != nil {
				t.Fatalf("trial %d, m=%d: %v", trial, m, err)
			}
		}
	}
}

func TestCertifyRejects(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	in := randomInstance(rng, 30, 12, 2, 0.05)
	res, err := Solve(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	clone := func() *Result {
		c := *res
		c.Pairs = slices.Clone(res.Pairs)
		c.Proposal = slices.Clone(res.Proposal)
		c.Reviewer = slices.Clone(res.Reviewer)
		return &c
	}
	tests := map[string]func(*Result){
		"missing pair":    func(r *Result) { r.Pairs = r.Pairs[1:] },
		"wrong total":     func(r *Result) { r.Weight++ },
		"cheap potential": func(r *Result) { r.Reviewer[r.Pairs[0].Reviewer] -= 2 * Scale },
		"source too high": func(r *Result) { r.Source = slices.Max(r.Proposal) + 1 },
		"conflicted pair": func(r *Result) {
			c := in.Conflicts[0]
			r.Pairs[c.Proposal*in.K].Reviewer = c.Reviewer
		},
		"worse assignment": func(r *Result) {
			// Swap one reviewer of proposal 0 for an unused allowed one of
			// lower affinity: feasible, but the potentials no longer fit.
			used := map[int]bool{}
			for _, pa := range r.Pairs[:in.K] {
				used[pa.Reviewer] = true
			}
			for x := range in.Reviewers {
				if !used[x] && !slices.Contains(in.Conflicts, Pair{0, x}) &&
					in.Affinity[x] < in.Affinity[r.Pairs[0].Reviewer] {
					r.Weight += Weight(in.Affinity[x]) - Weight(in.Affinity[r.Pairs[0].Reviewer])
					r.Pairs[0].Reviewer = x
					return
				}
			}
		},
	}
	if err := Certify(in, res); err != nil {
		t.Fatalf("the solver's own result: %v", err)
	}
	for name, spoil := range tests {
		r := clone()
		spoil(r)
		if err := Certify(in, r); err == nil {
			t.Errorf("%s: certificate accepted", name)
		}
	}
}

func TestInfeasibleNamesProposals(t *testing.T) {
	tests := []struct {
		name   string
		in     *Instance
		want   []int
		reason string
	}{
		{"conflicts", &Instance{Proposals: 3, Reviewers: 3, K: 2, Load: []int{3, 3, 3},
			Affinity:  make([]float32, 9),
			Conflicts: []Pair{{1, 0}, {1, 2}}}, []int{1}, "conflicts"},
		{"load", &Instance{Proposals: 3, Reviewers: 3, K: 2, Load: []int{1, 2, 2},
			Affinity: make([]float32, 9)}, []int{2}, "load"},
	}
	for _, tt := range tests {
		_, err := Solve(context.Background(), tt.in)
		var e *amur.Error
		if !errors.As(err, &e) || e.Key != "fundopt.assign.infeasible" {
			t.Fatalf("%s: error %v", tt.name, err)
		}
		if got := e.Args["proposals"].([]int); !slices.Equal(got, tt.want) {
			t.Errorf("%s: proposals %v, want %v", tt.name, got, tt.want)
		}
		if sh := e.Args["shortages"].([]Shortage); sh[0].Reason != tt.reason || sh[0].Missing < 1 {
			t.Errorf("%s: shortage %+v, want reason %s", tt.name, sh[0], tt.reason)
		}
	}
}

func TestValidate(t *testing.T) {
	ok := func() *Instance {
		return &Instance{Proposals: 2, Reviewers: 2, K: 1, Load: []int{1, 1}, Affinity: []float32{0, 1, 0.5, 0.5}}
	}
	tests := []struct {
		field string
		spoil func(*Instance)
	}{
		{"proposals", func(in *Instance) { in.Proposals = 0 }},
		{"k", func(in *Instance) { in.K = 3 }},
		{"load", func(in *Instance) { in.Load = []int{1} }},
		{"load[1]", func(in *Instance) { in.Load[1] = -1 }},
		{"affinity[1][0]", func(in *Instance) { in.Affinity[2] = 1.5 }},
		{"conflicts[0]", func(in *Instance) { in.Conflicts = []Pair{{2, 0}} }},
	}
	for _, tt := range tests {
		in := ok()
		tt.spoil(in)
		var e *amur.Error
		if err := in.Validate(); !errors.As(err, &e) || e.Field != tt.field {
			t.Errorf("%s: got %v", tt.field, err)
		}
	}
	if err := ok().Validate(); err != nil {
		t.Errorf("valid instance: %v", err)
	}
}

func TestCertifyChecksFairCut(t *testing.T) {
	in := Generate(80, 40, 2, 5)
	in.Fair = true
	res, err := Solve(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if err := Certify(in, res); err != nil || res.Cut == nil {
		t.Fatalf("the solver's own result: %v, cut %v", err, res.Cut)
	}
	tests := map[string]func(*Result){
		"no cut":          func(r *Result) { r.Cut = nil },
		"cut too high":    func(r *Result) { r.Cut.Above++ },
		"empty cut":       func(r *Result) { r.Cut.Proposals, r.Cut.Reviewers = nil, nil },
		"threshold lower": func(r *Result) { r.Threshold-- },
	}
	for name, spoil := range tests {
		r := *res
		c := *res.Cut
		r.Cut = &c
		spoil(&r)
		if err := Certify(in, &r); err == nil {
			t.Errorf("%s: certificate accepted", name)
		}
	}
}

// maxFlow returns the largest number of proposal–reviewer units any
// assignment can place (Edmonds–Karp on a capacity matrix; tests only).
func maxFlow(in *Instance) int {
	P, R := in.Proposals, in.Reviewers
	n := P + R + 2
	s, t := n-2, n-1
	c := make([][]int, n)
	for i := range c {
		c[i] = make([]int, n)
	}
	bad := map[Pair]bool{}
	for _, x := range in.Conflicts {
		bad[x] = true
	}
	for p := range P {
		c[s][p] = in.K
		for r := range R {
			if !bad[Pair{p, r}] {
				c[p][P+r] = 1
			}
		}
	}
	for r := range R {
		c[P+r][t] = in.Load[r]
	}
	flow := 0
	for {
		prev := make([]int, n)
		for i := range prev {
			prev[i] = -1
		}
		prev[s] = s
		queue := []int{s}
		for len(queue) > 0 && prev[t] < 0 {
			u := queue[0]
			queue = queue[1:]
			for v := range n {
				if prev[v] < 0 && c[u][v] > 0 {
					prev[v] = u
					queue = append(queue, v)
				}
			}
		}
		if prev[t] < 0 {
			return flow
		}
		for v := t; v != s; v = prev[v] {
			c[prev[v]][v]--
			c[v][prev[v]]++
		}
		flow++
	}
}

// TestShortagesMatchMaxFlow makes loads and conflicts too tight on random
// instances: the reviewers missing in the error must add up to what a
// maximum flow cannot place, and each reason must fit the instance.
func TestShortagesMatchMaxFlow(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for trial := range 200 {
		in := randomInstance(rng, 2+rng.IntN(20), 2+rng.IntN(8), 1+rng.IntN(3), 0.3*rng.Float64())
		in.K = min(in.K, in.Reviewers)
		for r := range in.Load {
			in.Load[r] = rng.IntN(in.Load[r] + 1)
		}
		missing := in.Proposals*in.K - maxFlow(in)
		_, err := Solve(context.Background(), in)
		if missing == 0 {
			if err != nil {
				t.Fatalf("trial %d: feasible instance gave %v", trial, err)
			}
			continue
		}
		var e *amur.Error
		if !errors.As(err, &e) || e.Key != "fundopt.assign.infeasible" {
			t.Fatalf("trial %d: %d units short, error %v", trial, missing, err)
		}
		got := 0
		pr := newPricer(in)
		for _, sh := range e.Args["shortages"].([]Shortage) {
			got += sh.Missing
			if want := pr.allowedCount(sh.Proposal) < in.K; want != (sh.Reason == "conflicts") {
				t.Fatalf("trial %d: proposal %d reason %s", trial, sh.Proposal, sh.Reason)
			}
		}
		if got != missing {
			t.Fatalf("trial %d: error lacks %d units, max flow %d", trial, got, missing)
		}
	}
}
