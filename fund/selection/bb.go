package selection

import (
	"cmp"
	"context"
	"math"
	"slices"

	"amur"
)

// improveWork bounds the local moves tried around a list: enough for every
// swap among a few hundred undecided proposals, a fraction of a second.
const improveWork = 200_000_000

// bound minimises the Lagrangian bound over λ ≥ 0, by the LP relaxation's
// duals when the simplex finishes and otherwise by rounds of exact
// coordinate minimisation and subgradient steps. Along the way the reduced
// costs guide greedy lists that may improve the incumbent. It returns the
// best λ, its bound and the best list found; inf is true when the
// relaxation shows that no list meets a minimum.
func (md *model) bound(ctx context.Context, best []bool, z float64) (lam []float64, ub float64, sel []bool, zs float64, inf bool) {
	rc := make([]float64, md.n)
	sel, zs = best, z
	try := func() {
		if s, ok := md.fill(rc); ok {
			if v := md.solution(s).Score; sel == nil || v > zs {
				sel, zs = s, v
			}
		}
	}
	lam, ok, inf := md.lpRelax(ctx)
	if inf {
		return nil, 0, nil, 0, true
	}
	if !ok {
		if lam, inf = md.descend(ctx, rc, try, &zs, &sel); inf {
			return nil, 0, nil, 0, true
		}
	}
	ub = md.lagrange(lam, rc)
	try()
	return lam, ub, sel, zs, false
}

// descend is the fallback minimisation of the Lagrangian bound: exact
// coordinate steps, then subgradient steps (Polyak's rule towards the
// incumbent *zs) to leave the kinks where coordinate descent stalls; try
// is called now and then to improve the incumbent from the reduced costs.
func (md *model) descend(ctx context.Context, rc []float64, try func(), zs *float64, sel *[]bool) ([]float64, bool) {
	lam := make([]float64, md.m)
	ub := md.lagrange(lam, rc)
	for range 30 {
		before := ub
		for j := range md.m {
			t := md.lineMin(j, lam, rc)
			if math.IsInf(t, 1) {
				return nil, true
			}
			lam[j] = t
			ub = md.lagrange(lam, rc)
		}
		if before-ub <= 1e-12*max(1, math.Abs(ub)) {
			break
		}
	}
	try()
	best, cur, g := slices.Clone(lam), slices.Clone(lam), make([]float64, md.m)
	theta := 1.0
	for it := 0; it < 300 && ctx.Err() == nil; it++ {
		L := md.lagrange(cur, rc)
		if L < ub {
			ub, best = L, slices.Clone(cur)
		}
		if it%25 == 0 {
			try()
		}
		copy(g, md.capf)
		for i := range md.n {
			if rc[i] > 0 {
				for j, v := range md.af[i*md.m : (i+1)*md.m] {
					g[j] -= v
				}
			}
		}
		norm := 0.0
		for _, v := range g {
			norm += v * v
		}
		target := *zs
		if *sel == nil {
			target = 0
		}
		if norm == 0 || L-target <= 1e-12*max(1, math.Abs(L)) {
			break
		}
		step := theta * (L - target) / norm
		for j := range cur {
			cur[j] = max(0, cur[j]-step*g[j])
		}
		if it%30 == 29 {
			theta /= 2
		}
	}
	return best, false
}

// solveBB finds the list by the Lagrangian bound and branch and bound.
func (p *Problem) solveBB(ctx context.Context) (*Solution, error) {
	md := newModel(p)
	var sel []bool
	var z float64
	if g, err := Greedy(p); err == nil {
		sel = make([]bool, md.n)
		for _, i := range g.Selected {
			sel[i] = true
		}
		z = g.Score
	}
	lam, ub, sel, z, inf := md.bound(ctx, sel, z)
	if inf {
		return nil, infeasible()
	}
	limit := p.NodeLimit
	if limit == 0 {
		limit = defaultNodeLimit
	}
	if sel != nil {
		// A better list first narrows the proposals left undecided.
		md.improve(sel, newSearch(md, lam, sel, z, ub, 0).free, improveWork)
		z = md.solution(sel).Score
	}
	// A search that has improved the list by a quarter of the nodes
	// restarts with it: the smaller gap fixes more proposals, so the next
	// search covers fewer of them more deeply. Without an improvement it
	// runs on to the limit.
	var s *search
	nodes := 0
	for {
		s = newSearch(md, lam, sel, z, ub, limit-nodes)
		s.ctx, s.restartAt = ctx, limit/4
		s.run()
		nodes += s.nodes
		if s.best != nil && s.aborted {
			md.improve(s.best, s.free, improveWork)
		}
		if !s.restarted || nodes >= limit {
			break
		}
		sel, z = s.best, md.solution(s.best).Score
	}
	s.nodes = nodes
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.best == nil && s.aborted {
		return nil, amur.Errorf(amur.EInvalid, "fundopt.selection.unsolved", "nodes", s.nodes-1)
	}
	if s.best == nil {
		return nil, infeasible()
	}
	out := md.solution(s.best)
	out.Method, out.Nodes = "bb", s.nodes
	out.Exact = !s.aborted
	out.Bound = max(ub, out.Score)
	if out.Exact {
		out.Bound = out.Score
	}
	if out.Bound > 0 {
		out.Gap = (out.Bound - out.Score) / out.Bound
	}
	return out, nil
}

// search is a depth-first branch and bound with fixed multipliers. A
// node's bound is λ·cap + the reduced costs of the proposals taken + the
// positive reduced costs of those still free; proposals whose reduced cost
// alone exceeds the gap between the root bound and the incumbent are fixed
// before the search (reduced-cost fixing), which leaves the few that the
// relaxation cannot decide.
type search struct {
	ctx     context.Context
	md      *model
	rc      []float64
	free    []int     // undecided proposals, by reduced cost, highest first
	sufPos  []float64 // Σ max(0, rc) over free[k:]
	sufNeg  []int64   // per k, per row: Σ min(0, A) over free[k:]
	lamCap  float64
	used    []int64
	cur     []bool
	best    []bool
	z, eps  float64
	nodes   int
	limit   int
	aborted bool
	// restartAt is the node count after which a better list stops the
	// search so that it can restart from it (restarted).
	restartAt int
	restarted bool
	z0        float64 // the list's score when the search began
}

func newSearch(md *model, lam []float64, sel []bool, z, ub float64, limit int) *search {
	s := &search{md: md, rc: make([]float64, md.n), used: make([]int64, md.m), cur: make([]bool, md.n),
		best: sel, z: z, z0: z, limit: limit, eps: 1e-9 * max(1, math.Abs(ub))}
	md.lagrange(lam, s.rc)
	for j, l := range lam {
		s.lamCap += l * md.capf[j]
	}
	gap := ub - z
	if sel == nil {
		gap = math.Inf(1)
	}
	for i, r := range s.rc {
		switch {
		case r > gap+s.eps:
			s.cur[i] = true
			md.take(s.used, i, 1)
		case r < -gap-s.eps:
		default:
			s.free = append(s.free, i)
		}
	}
	slices.SortStableFunc(s.free, func(a, b int) int { return cmp.Compare(s.rc[b], s.rc[a]) })
	n, m := len(s.free), md.m
	s.sufPos = make([]float64, n+1)
	s.sufNeg = make([]int64, (n+1)*m)
	for k := n - 1; k >= 0; k-- {
		i := s.free[k]
		s.sufPos[k] = s.sufPos[k+1] + max(0, s.rc[i])
		for j := range m {
			s.sufNeg[k*m+j] = s.sufNeg[(k+1)*m+j] + min(0, md.a[i*m+j])
		}
	}
	return s
}

// run searches from the root, whose fixed proposals are already taken.
func (s *search) run() {
	val, score := 0.0, 0.0
	for i, on := range s.cur {
		if on {
			val += s.rc[i]
			score += s.md.score[i]
		}
	}
	if s.reachable(0) {
		s.dfs(0, val, score)
	}
}

// reachable reports whether the rows of minimums can still be met by the
// free proposals from k on (rows of maximums are kept by fits).
func (s *search) reachable(k int) bool {
	m := s.md.m
	for j, u := range s.used {
		if u+s.sufNeg[k*m+j] > s.md.cap[j] {
			return false
		}
	}
	return true
}

func (s *search) dfs(k int, val, score float64) {
	if s.aborted {
		return
	}
	s.nodes++
	if s.nodes > s.limit || s.nodes&0xffff == 0 && s.ctx.Err() != nil {
		s.aborted = true
		return
	}
	if s.restartAt > 0 && s.nodes >= s.restartAt && s.z > s.z0+s.eps {
		s.aborted, s.restarted = true, true
		return
	}
	if s.lamCap+val+s.sufPos[k] <= s.z+s.eps && s.best != nil {
		return
	}
	if (s.best == nil || score > s.z+s.eps) && s.md.feasible(s.used) {
		s.best, s.z = slices.Clone(s.cur), score
	}
	if k == len(s.free) {
		return
	}
	i := s.free[k]
	one := func() {
		if !s.md.fits(s.used, i) {
			return
		}
		s.cur[i] = true
		s.md.take(s.used, i, 1)
		if s.reachable(k + 1) {
			s.dfs(k+1, val+s.rc[i], score+s.md.score[i])
		}
		s.md.take(s.used, i, -1)
		s.cur[i] = false
	}
	zero := func() {
		if s.reachable(k + 1) {
			s.dfs(k+1, val, score)
		}
	}
	if s.rc[i] > 0 {
		one()
		zero()
	} else {
		zero()
		one()
	}
}
