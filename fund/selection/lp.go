package selection

import (
	"context"
	"math"
)

// tableau is the dense simplex tableau B⁻¹[A | I] of the LP relaxation
// max Σ score·x subject to the scaled rows and 0 ≤ x ≤ 1, in minimisation
// form (cost −score for proposals, 0 for slacks). The rows are few (two
// budgets and a handful of quotas), so a pivot costs rows × proposals.
type tableau struct {
	n, m, N int
	T       []float64 // m×N
	beta    []float64 // B⁻¹·cap
	basis   []int
	isBasic []bool
	upper   []bool    // nonbasic at its upper bound (proposals only)
	d       []float64 // reduced costs
	xB      []float64
}

func newTableau(md *model) *tableau {
	n, m := md.n, md.m
	N := n + m
	tb := &tableau{n: n, m: m, N: N, T: make([]float64, m*N), beta: make([]float64, m),
		basis: make([]int, m), isBasic: make([]bool, N), upper: make([]bool, N),
		d: make([]float64, N), xB: make([]float64, m)}
	for i := range m {
		for j := range n {
			tb.T[i*N+j] = md.af[j*m+i]
		}
		tb.T[i*N+n+i] = 1
		tb.beta[i] = md.capf[i]
		tb.basis[i] = n + i
		tb.isBasic[n+i] = true
	}
	for j := range n {
		tb.d[j] = -md.score[j]
		tb.upper[j] = md.score[j] > 0
	}
	return tb
}

const lpTol = 1e-9

// lpRelax solves the LP relaxation by the dual simplex method with bounded
// variables. Starting from every proposal with a positive score at its
// upper bound and the slacks basic is dual feasible, so no first phase is
// needed. It returns the optimal multipliers (the row duals, ≥ 0); ok is
// false when the pivots run out (the caller then falls back on subgradient
// steps), inf true when the rows cannot be met.
func (md *model) lpRelax(ctx context.Context) (lam []float64, ok, inf bool) {
	tb := newTableau(md)
	for it := 0; it < 50*tb.N; it++ {
		if it&63 == 0 && ctx.Err() != nil {
			return nil, false, false
		}
		tb.values()
		r, toLower := tb.leaving()
		if r < 0 {
			lam = make([]float64, tb.m)
			for i := range lam {
				lam[i] = max(0, tb.d[tb.n+i])
			}
			return lam, true, false
		}
		q := tb.entering(r, toLower)
		if q < 0 {
			return nil, false, true
		}
		tb.pivot(r, q)
		leave := tb.basis[r]
		tb.isBasic[leave], tb.isBasic[q] = false, true
		tb.upper[leave], tb.upper[q] = !toLower, false
		tb.basis[r] = q
	}
	return nil, false, false
}

// values computes the basic variables: x_B = B⁻¹cap − Σ over proposals at
// their upper bound of their column.
func (tb *tableau) values() {
	for i := range tb.m {
		v := tb.beta[i]
		row := tb.T[i*tb.N : (i+1)*tb.N]
		for j := range tb.n {
			if tb.upper[j] {
				v -= row[j]
			}
		}
		tb.xB[i] = v
	}
}

// leaving picks the basic variable furthest outside its bounds; toLower
// tells that it is below its lower bound. It returns −1 at optimality.
func (tb *tableau) leaving() (r int, toLower bool) {
	r, worst := -1, lpTol
	for i, b := range tb.basis {
		if v := -tb.xB[i]; v > worst {
			r, toLower, worst = i, true, v
		}
		if b < tb.n {
			if v := tb.xB[i] - 1; v > worst {
				r, toLower, worst = i, false, v
			}
		}
	}
	return r, toLower
}

// entering picks, by the dual ratio test, the nonbasic variable whose move
// off its bound pushes row r's variable back towards its violated bound
// while keeping every reduced cost of the right sign; −1 when none can
// (the LP is infeasible). Ties go to the larger pivot, for stability.
func (tb *tableau) entering(r int, toLower bool) int {
	row := tb.T[r*tb.N : (r+1)*tb.N]
	q, best := -1, math.Inf(1)
	for j, a := range row {
		if tb.isBasic[j] || math.Abs(a) < lpTol {
			continue
		}
		// x_B = β − Σ α·x: raising it (toLower) needs Σ α·x to fall.
		if (toLower != tb.upper[j]) != (a < 0) {
			continue
		}
		ratio := math.Abs(tb.d[j] / a)
		if ratio < best-1e-12 || ratio < best+1e-12 && q >= 0 && math.Abs(a) > math.Abs(row[q]) {
			q, best = j, ratio
		}
	}
	return q
}

// pivot makes column q basic in row r and updates the right-hand side and
// the reduced costs.
func (tb *tableau) pivot(r, q int) {
	N := tb.N
	row := tb.T[r*N : (r+1)*N]
	inv := 1 / row[q]
	for j := range row {
		row[j] *= inv
	}
	tb.beta[r] *= inv
	for i := range tb.m {
		if i == r {
			continue
		}
		other := tb.T[i*N : (i+1)*N]
		f := other[q]
		if f == 0 {
			continue
		}
		for j, v := range row {
			other[j] -= f * v
		}
		tb.beta[i] -= f * tb.beta[r]
	}
	f := tb.d[q]
	for j, v := range row {
		tb.d[j] -= f * v
	}
}
