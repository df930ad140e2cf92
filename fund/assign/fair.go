package assign

import (
	"context"
	"slices"

	"amur"
)

// solveFair maximises the weakest assigned pair's weight, then the total.
// Maximising the lowest per-proposal total exactly is NP-hard in general;
// the weakest pair is its exact, polynomial stand-in: a threshold t is
// feasible when a full assignment exists using only pairs of weight ≥ t,
// feasibility is monotone in t, so a binary search over t finds the
// largest one, and the last feasible solve is the best total under it.
func solveFair(ctx context.Context, in *Instance, pr *pricer) (*Result, error) {
	nw, st, err := solveAt(ctx, in, pr, 0)
	if err != nil {
		return nil, err
	}
	best := result(in, nw, st, 0)
	lo := int64(Scale)
	for _, pa := range best.Pairs {
		lo = min(lo, Weight(in.Affinity[pa.Proposal*in.Reviewers+pa.Reviewer]))
	}
	// The unrestricted optimum uses only pairs of weight ≥ lo and is
	// optimal on any subset of pairs that still holds it.
	best.Threshold = lo
	hi := pr.kthBest()
	rounds := best.Rounds
	for lo < hi {
		mid := (lo + hi + 1) / 2
		nw, st, err := solveAt(ctx, in, pr, mid)
		if err != nil {
			if amur.ErrorCode(err) != amur.EInvalid {
				return nil, err
			}
			hi = mid - 1
			continue
		}
		lo = mid
		best = result(in, nw, st, mid)
		rounds += st.rounds
	}
	best.Rounds = rounds
	return best, nil
}

// kthBest returns the lowest, over proposals, of a proposal's K-th best
// allowed weight: no threshold above it can be feasible.
func (pr *pricer) kthBest() int64 {
	in := pr.in
	R := in.Reviewers
	hi := int64(Scale)
	ws := make([]int64, 0, R)
	for p := range in.Proposals {
		ws = ws[:0]
		for r := range R {
			if pr.allowed(p*R+r, 0) {
				ws = append(ws, Weight(in.Affinity[p*R+r]))
			}
		}
		if len(ws) < in.K {
			return 0
		}
		slices.Sort(ws)
		hi = min(hi, ws[len(ws)-in.K])
	}
	return hi
}
