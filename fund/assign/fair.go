package assign

import (
	"context"
	"sync"
)

// solveFair maximises the weakest assigned pair's weight, then the total.
// Maximising the lowest per-proposal total exactly is NP-hard in general;
// the weakest pair is its exact, polynomial stand-in: a threshold t is
// feasible when a full assignment exists using only pairs of weight ≥ t,
// feasibility is monotone in t, so a binary search over t finds the
// largest one, and a min-cost solve restricted to it gives the best total.
//
// No threshold above hi (the lowest, over proposals, of the K-th best
// allowed weight) can be feasible, and the answer is usually at or just
// below it, so the probes first use only the pairs within 0.05 of hi, a
// small share of the instance, as plain b-matchings. Only when even that
// floor is infeasible does the search start from the unrestricted
// optimum's weakest pair, which is feasible by construction.
func solveFair(ctx context.Context, in *Instance, pr *pricer) (*Result, error) {
	hi, arg, _ := pr.heavy(Scale)
	// Until a probe fails, the proposal with the lowest K-th best weight
	// is the cut above hi: it alone cannot get K heavier reviewers.
	var cut *Cut
	if hi < Scale {
		cut = &Cut{Above: hi + 1, Proposals: []int{arg}}
	}
	floor := max(0, hi-Scale/20)
	_, _, list := pr.heavy(floor)
	var base *Result
	lo := floor + 1
	if c := list.feasible(in, lo); c != nil {
		nw, st, err := solveAt(ctx, in, pr, 0)
		if err != nil {
			return nil, err
		}
		base = result(in, nw, st, 0)
		lo = Scale
		for _, pa := range base.Pairs {
			lo = min(lo, Weight(in.Affinity[pa.Proposal*in.Reviewers+pa.Reviewer]))
		}
		// The unrestricted optimum uses only pairs of weight ≥ lo and is
		// optimal on any subset of pairs that still holds it.
		base.Threshold = lo
		hi, cut = floor, c
		_, _, list = pr.heavy(lo)
	}
	t, probe := lo, hi
	for t < hi {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if c := list.feasible(in, probe); c == nil {
			t = probe
		} else {
			hi, cut = probe-1, c
		}
		probe = (t + hi + 1) / 2
	}
	if base != nil && t == base.Threshold {
		base.Cut = cut
		return base, nil
	}
	nw, st, err := solveAt(ctx, in, pr, t)
	if err != nil {
		return nil, err
	}
	res := result(in, nw, st, t)
	res.Cut = cut
	if base != nil {
		res.Rounds += base.Rounds
	}
	return res, nil
}

// pairList holds, per proposal, the allowed reviewers of weight above a
// floor, in compressed rows.
type pairList struct {
	start []int32
	rev   []int32
	w     []int32
}

// heavy returns the lowest K-th best allowed weight over proposals (hi),
// a proposal that has it, and the allowed pairs heavier than lo, in one
// pass over the instance.
func (pr *pricer) heavy(lo int64) (int64, int, *pairList) {
	in := pr.in
	P, R, K := in.Proposals, in.Reviewers, in.K
	type part struct {
		lo, hi int
		kth    int64
		arg    int
		count  []int32
		rev, w []int32
	}
	var mu sync.Mutex
	var parts []*part
	parallelRows(P, func(a, b int) {
		pt := &part{lo: a, hi: b, kth: Scale + 1, count: make([]int32, b-a)}
		top := make([]int64, 0, K)
		for p := a; p < b; p++ {
			top = top[:0]
			for r := range R {
				i := p*R + r
				if !pr.allowed(i, 0) {
					continue
				}
				w := Weight(in.Affinity[i])
				top = insertTop(top, w, K)
				if w > lo {
					pt.rev, pt.w = append(pt.rev, int32(r)), append(pt.w, int32(w))
					pt.count[p-a]++
				}
			}
			kth := int64(0)
			if len(top) == K {
				kth = top[K-1]
			}
			if kth < pt.kth {
				pt.kth, pt.arg = kth, p
			}
		}
		mu.Lock()
		parts = append(parts, pt)
		mu.Unlock()
	})
	l := &pairList{start: make([]int32, P+1)}
	hi, arg := int64(Scale), 0
	for p := range P {
		for _, pt := range parts {
			if p >= pt.lo && p < pt.hi {
				l.start[p+1] = l.start[p] + pt.count[p-pt.lo]
			}
		}
	}
	l.rev, l.w = make([]int32, l.start[P]), make([]int32, l.start[P])
	for _, pt := range parts {
		copy(l.rev[l.start[pt.lo]:], pt.rev)
		copy(l.w[l.start[pt.lo]:], pt.w)
		if pt.kth < hi || pt.kth == hi && pt.arg < arg {
			hi, arg = pt.kth, pt.arg
		}
	}
	return hi, arg, l
}

// insertTop keeps top as the k largest values seen, in descending order.
func insertTop(top []int64, w int64, k int) []int64 {
	if len(top) == k && w <= top[k-1] {
		return top
	}
	if len(top) < k {
		top = append(top, w)
	} else {
		top[k-1] = w
	}
	for i := len(top) - 1; i > 0 && top[i] > top[i-1]; i-- {
		top[i], top[i-1] = top[i-1], top[i]
	}
	return top
}

// feasible returns nil when every proposal can get K reviewers using only
// listed pairs of weight ≥ t: a greedy start, then one augmenting path per
// missing unit. A unit that finds no path proves the threshold infeasible:
// the proposals and reviewers its search reached are closed, and they form
// a cut of capacity below P×K, which is returned as the proof.
func (l *pairList) feasible(in *Instance, t int64) *Cut {
	b := newBmatch(in, t)
	b.l = l
	b.greedy()
	for p := range in.Proposals {
		for len(b.mine[p]) < in.K {
			if !b.augment(int32(p)) {
				return b.cut()
			}
		}
	}
	return nil
}
