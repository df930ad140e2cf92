package selection

import (
	"cmp"
	"math"
	"slices"
)

// model writes every budget and quota as a row Σ A[i][j]·x[i] ≤ cap[j]
// over the proposals' choices x ∈ {0,1}. A minimum becomes a row of
// negated coefficients with cap −min, so one form covers both directions.
type model struct {
	p     *Problem
	n, m  int
	a     []int64 // n×m, row-major by proposal
	cap   []int64
	score []float64
	// af and capf are the rows divided by their scale, for the multipliers:
	// budgets in yuan and counts in units would otherwise differ by 10⁹.
	af   []float64
	capf []float64
}

func newModel(p *Problem) *model {
	n := len(p.Proposals)
	type row struct {
		field string // "" with all: the budgets
		all   bool
		coef  func(Proposal) int64
		cap   int64
	}
	cn := func(x Proposal) int64 { return x.CostCN }
	ru := func(x Proposal) int64 { return x.CostRU }
	rows := []row{{all: true, coef: cn, cap: p.BudgetCN}, {all: true, coef: ru, cap: p.BudgetRU}}
	for _, q := range p.Quotas {
		if q.MaxCount > 0 {
			rows = append(rows, row{field: q.Field, coef: func(Proposal) int64 { return 1 }, cap: int64(q.MaxCount)})
		}
		if q.MinCount > 0 {
			rows = append(rows, row{field: q.Field, coef: func(Proposal) int64 { return -1 }, cap: -int64(q.MinCount)})
		}
		if q.MaxCN > 0 {
			rows = append(rows, row{field: q.Field, coef: cn, cap: q.MaxCN})
		}
		if q.MinCN > 0 {
			rows = append(rows, row{field: q.Field, coef: func(x Proposal) int64 { return -x.CostCN }, cap: -q.MinCN})
		}
		if q.MinRU > 0 {
			rows = append(rows, row{field: q.Field, coef: func(x Proposal) int64 { return -x.CostRU }, cap: -q.MinRU})
		}
		if q.MaxRU > 0 {
			rows = append(rows, row{field: q.Field, coef: ru, cap: q.MaxRU})
		}
	}
	m := len(rows)
	md := &model{p: p, n: n, m: m, a: make([]int64, n*m), cap: make([]int64, m),
		score: make([]float64, n), af: make([]float64, n*m), capf: make([]float64, m)}
	for j, r := range rows {
		md.cap[j] = r.cap
		scale := math.Abs(float64(r.cap))
		for i, x := range p.Proposals {
			if r.all || x.Field == r.field {
				v := r.coef(x)
				md.a[i*m+j] = v
				scale = max(scale, math.Abs(float64(v)))
			}
		}
		scale = max(scale, 1)
		md.capf[j] = float64(r.cap) / scale
		for i := range n {
			md.af[i*m+j] = float64(md.a[i*m+j]) / scale
		}
	}
	for i, x := range p.Proposals {
		md.score[i] = x.Score
	}
	return md
}

// fits reports whether adding proposal i keeps every row with a positive
// coefficient within its cap (rows of minimums only gain from additions).
func (md *model) fits(used []int64, i int) bool {
	row := md.a[i*md.m : (i+1)*md.m]
	for j, v := range row {
		if v > 0 && used[j]+v > md.cap[j] {
			return false
		}
	}
	return true
}

func (md *model) take(used []int64, i int, sign int64) {
	for j, v := range md.a[i*md.m : (i+1)*md.m] {
		used[j] += sign * v
	}
}

func (md *model) feasible(used []int64) bool {
	for j, u := range used {
		if u > md.cap[j] {
			return false
		}
	}
	return true
}

// fill builds a list greedily by key, highest first: rows of minimums are
// served first from their own field, then every proposal that fits is
// taken. ok is false when the list misses a minimum.
func (md *model) fill(key []float64) (sel []bool, ok bool) {
	order := make([]int, md.n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(key[b], key[a]) })
	sel = make([]bool, md.n)
	used := make([]int64, md.m)
	for j := range md.m {
		for _, i := range order {
			if used[j] <= md.cap[j] {
				break
			}
			if !sel[i] && md.a[i*md.m+j] < 0 && md.fits(used, i) {
				sel[i] = true
				md.take(used, i, 1)
			}
		}
	}
	for _, i := range order {
		if !sel[i] && md.fits(used, i) {
			sel[i] = true
			md.take(used, i, 1)
		}
	}
	return sel, md.feasible(used)
}

// solution turns a choice vector into a Solution.
func (md *model) solution(sel []bool) *Solution {
	s := &Solution{}
	for i, on := range sel {
		if on {
			x := md.p.Proposals[i]
			s.Selected = append(s.Selected, i)
			s.Score += x.Score
			s.CostCN += x.CostCN
			s.CostRU += x.CostRU
		}
	}
	return s
}

// lagrange returns the Lagrangian bound L(λ) = Σ λ_j cap_j + Σ_i max(0,
// rc_i) with rc_i = score_i − Σ λ_j A_ij, filling rc. Every λ ≥ 0 gives
// an upper bound on the best feasible score (weak duality).
func (md *model) lagrange(lam, rc []float64) float64 {
	L := 0.0
	for j, l := range lam {
		L += l * md.capf[j]
	}
	for i := range md.n {
		r := md.score[i]
		for j, v := range md.af[i*md.m : (i+1)*md.m] {
			r -= lam[j] * v
		}
		rc[i] = r
		if r > 0 {
			L += r
		}
	}
	return L
}

// lineMin returns the λ_j ≥ 0 that minimises L with the other multipliers
// fixed, given rc at the current λ: L is convex and piecewise linear in
// λ_j, so walking its breakpoints in order finds where the slope turns
// non-negative. It returns +Inf when L falls without end (the row cannot
// be met even in the relaxation).
func (md *model) lineMin(j int, lam, rc []float64) float64 {
	type bp struct{ t, w float64 }
	var bps []bp
	slope := md.capf[j]
	for i := range md.n {
		a := md.af[i*md.m+j]
		if a == 0 {
			continue
		}
		r := rc[i] + lam[j]*a // rc without row j
		b := r / a
		switch {
		case a > 0 && b > 0:
			slope -= a
			bps = append(bps, bp{b, a})
		case a < 0 && b <= 0:
			slope -= a
		case a < 0:
			bps = append(bps, bp{b, -a})
		}
	}
	if slope >= 0 {
		return 0
	}
	slices.SortFunc(bps, func(x, y bp) int { return cmp.Compare(x.t, y.t) })
	for _, b := range bps {
		slope += b.w
		if slope >= 0 {
			return b.t
		}
	}
	return math.Inf(1)
}
