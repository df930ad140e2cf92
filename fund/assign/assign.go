// Package assign chooses reviewers for the joint fund's proposals: K
// reviewers per proposal, no reviewer above its load, no conflicted pair,
// and the largest total affinity. The problem is a transportation problem,
// solved exactly as a min-cost flow; the solver returns dual potentials
// and Certify checks them against every pair of the full instance, so the
// optimality of a result can be verified without trusting the solver.
package assign

import (
	"context"
	"fmt"

	"amur"
)

// Scale turns an affinity in [0,1] into the integer weight the solver
// optimises: weight = round(affinity × Scale). Integer weights make the
// flow algorithm exact and let an outside LP solver reproduce the objective.
const Scale = 10000

// Pair is one proposal–reviewer pair, by index.
type Pair struct {
	Proposal, Reviewer int
}

// Instance is one assignment problem. Proposals and reviewers are numbered
// from 0; Affinity holds Proposals×Reviewers values in [0,1], row by row
// (the affinity of proposal p and reviewer r is Affinity[p*Reviewers+r]).
type Instance struct {
	Proposals, Reviewers int
	// K is the number of reviewers every proposal needs.
	K int
	// Load[r] is the largest number of proposals reviewer r may take.
	Load []int
	// Affinity is the dense affinity matrix, row-major by proposal.
	Affinity []float32
	// Conflicts lists the pairs that must never be assigned.
	Conflicts []Pair
	// Fair first maximises the weakest assigned pair's affinity, then the
	// total among assignments that keep it.
	Fair bool
	// Candidates is how many best reviewers per proposal seed the sparse
	// graph; 0 picks a default. It changes speed, never the result.
	Candidates int
}

// Weight returns the integer weight of affinity a in [0,1]: a × Scale
// rounded half up. The solver, Certify and the LP writer all use it.
func Weight(a float32) int64 { return int64(float64(a)*Scale + 0.5) }

// Result is an optimal assignment with the dual potentials that prove it.
type Result struct {
	// Pairs holds the chosen pairs, ordered by proposal, then reviewer.
	Pairs []Pair
	// Objective is the total affinity of Pairs.
	Objective float64
	// Weight is the total integer weight of Pairs (what is maximised).
	Weight int64
	// MinProposal is the lowest total integer weight of one proposal.
	MinProposal int64
	// Threshold is the smallest weight a pair may have; 0 unless Fair.
	Threshold int64
	// Potentials of the flow network's nodes: source, proposals,
	// reviewers, sink. With them every residual edge has a non-negative
	// reduced cost (see Certify).
	Source, Sink int64
	Proposal     []int64
	Reviewer     []int64
	// Cut, with Fair, proves that Threshold is the largest: no full
	// assignment uses only pairs of weight ≥ Threshold+1. It is nil when
	// Threshold is already the largest weight.
	Cut *Cut
	// Rounds is the number of pricing rounds over the full instance;
	// Edges the size of the final sparse graph.
	Rounds, Edges int
}

// Cut is a set of proposals A and reviewers B of the flow network
// restricted to pairs of weight ≥ Above. Its capacity, K for every
// proposal outside A, 1 for every allowed pair from A to a reviewer
// outside B, Load[r] for every reviewer in B, bounds every flow (max-flow
// min-cut); below Proposals×K, no full assignment exists at that weight.
type Cut struct {
	Above     int64
	Proposals []int
	Reviewers []int
}

// Shortage tells why one proposal cannot get its K reviewers.
type Shortage struct {
	Proposal int
	// Missing is how many reviewers it lacks in a largest assignment.
	Missing int
	// Reason is "conflicts" when fewer than K reviewers are free of
	// conflict with it (and have a load), "load" when enough exist but
	// their loads are taken by other proposals.
	Reason string
}

// Solve returns an optimal assignment of in. When no assignment gives
// every proposal K reviewers it returns an *amur.Error with code invalid,
// key "fundopt.assign.infeasible" and Args "proposals" ([]int), "count"
// and "shortages" ([]Shortage).
func Solve(ctx context.Context, in *Instance) (*Result, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	pr := newPricer(in)
	if err := pr.shortages(); err != nil {
		return nil, err
	}
	if in.Fair {
		return solveFair(ctx, in, pr)
	}
	nw, st, err := solveAt(ctx, in, pr, 0)
	if err != nil {
		return nil, err
	}
	return result(in, nw, st, 0), nil
}

// MaxPairs bounds Proposals × Reviewers: the dense affinity matrix then
// takes at most 1 GiB.
const MaxPairs = 1 << 28

// Validate checks the sizes and values of in.
func (in *Instance) Validate() error {
	switch {
	case in.Proposals <= 0:
		return amur.Invalid("proposals", "err.positive")
	case in.Reviewers <= 0:
		return amur.Invalid("reviewers", "err.positive")
	case int64(in.Proposals)*int64(in.Reviewers) > MaxPairs:
		return amur.Errorf(amur.ETooLarge, "fundopt.assign.too_large", "max", MaxPairs)
	case in.K <= 0 || in.K > in.Reviewers:
		return amur.Invalid("k", "err.range", "min", 1, "max", in.Reviewers)
	case len(in.Load) != in.Reviewers:
		return amur.Invalid("load", "fundopt.assign.length", "want", in.Reviewers, "got", len(in.Load))
	case len(in.Affinity) != in.Proposals*in.Reviewers:
		return amur.Invalid("affinity", "fundopt.assign.length", "want", in.Proposals*in.Reviewers, "got", len(in.Affinity))
	case in.Candidates < 0:
		return amur.Invalid("candidates", "err.negative")
	}
	for r, l := range in.Load {
		if l < 0 {
			return amur.Invalid(fmt.Sprintf("load[%d]", r), "err.negative")
		}
	}
	for i, a := range in.Affinity {
		if !(a >= 0 && a <= 1) {
			return amur.Invalid(fmt.Sprintf("affinity[%d][%d]", i/in.Reviewers, i%in.Reviewers), "err.range", "min", 0, "max", 1)
		}
	}
	for i, c := range in.Conflicts {
		if c.Proposal < 0 || c.Proposal >= in.Proposals || c.Reviewer < 0 || c.Reviewer >= in.Reviewers {
			return amur.Invalid(fmt.Sprintf("conflicts[%d]", i), "fundopt.assign.pair", "proposal", c.Proposal, "reviewer", c.Reviewer)
		}
	}
	return nil
}
