package selection

import (
	"context"
	"math"
)

// lpRelax solves the LP relaxation max Σ score·x subject to the scaled rows
// and 0 ≤ x ≤ 1 by the dual simplex method with bounded variables, on a
// dense tableau: the rows are few (two budgets and a handful of quotas),
// so a pivot costs rows × proposals. Starting from every proposal with a
// positive score at its upper bound and the slacks basic is dual feasible,
// so no first phase is needed. It returns the optimal multipliers (the
// row duals, ≥ 0); ok is false when the pivots run out (the caller then
// falls back on subgradient steps), inf true when the rows cannot be met.
func (md *model) lpRelax(ctx context.Context) (lam []float64, ok, inf bool) {
	n, m := md.n, md.m
	N := n + m
	T := make([]float64, m*N)
	beta := make([]float64, m)
	basis := make([]int, m)
	upper := make([]bool, N) // nonbasic at its upper bound (structurals only)
	isBasic := make([]bool, N)
	d := make([]float64, N)
	for i := range m {
		for j := range n {
			T[i*N+j] = md.af[j*m+i]
		}
		T[i*N+n+i] = 1
		beta[i] = md.capf[i]
		basis[i] = n + i
		isBasic[n+i] = true
	}
	for j := range n {
		d[j] = -md.score[j]
		upper[j] = md.score[j] > 0
	}
	xB := make([]float64, m)
	const tol = 1e-9
	for it := 0; it < 50*N; it++ {
		if it&63 == 0 && ctx.Err() != nil {
			return nil, false, false
		}
		for i := range m {
			v := beta[i]
			row := T[i*N : (i+1)*N]
			for j := range n {
				if upper[j] {
					v -= row[j]
				}
			}
			xB[i] = v
		}
		r, toLower, worst := -1, false, tol
		for i, b := range basis {
			if v := -xB[i]; v > worst {
				r, toLower, worst = i, true, v
			}
			if b < n {
				if v := xB[i] - 1; v > worst {
					r, toLower, worst = i, false, v
				}
			}
		}
		if r < 0 {
			lam = make([]float64, m)
			for i := range m {
				lam[i] = max(0, d[n+i])
			}
			return lam, true, false
		}
		row := T[r*N : (r+1)*N]
		q, best := -1, math.Inf(1)
		for j := range N {
			a := row[j]
			if isBasic[j] || math.Abs(a) < tol {
				continue
			}
			// Moving x_j off its bound must push the leaving variable back
			// towards its violated bound: x_B = β − Σ α·x, so raising it
			// (toLower) needs Σ α·x to fall.
			if (toLower != upper[j]) != (a < 0) {
				continue
			}
			if ratio := math.Abs(d[j] / a); ratio < best-1e-12 || ratio < best+1e-12 && q >= 0 && math.Abs(a) > math.Abs(row[q]) {
				q, best = j, ratio
			}
		}
		if q < 0 {
			return nil, false, true
		}
		md.pivot(T, beta, d, N, r, q)
		leave := basis[r]
		isBasic[leave], isBasic[q] = false, true
		upper[leave] = !toLower
		upper[q] = false
		basis[r] = q
	}
	return nil, false, false
}

// pivot makes column q basic in row r of the tableau and updates the
// right-hand side and the reduced costs.
func (md *model) pivot(T, beta, d []float64, N, r, q int) {
	m := len(beta)
	row := T[r*N : (r+1)*N]
	inv := 1 / row[q]
	for j := range row {
		row[j] *= inv
	}
	beta[r] *= inv
	for i := range m {
		if i == r {
			continue
		}
		other := T[i*N : (i+1)*N]
		f := other[q]
		if f == 0 {
			continue
		}
		for j, v := range row {
			other[j] -= f * v
		}
		beta[i] -= f * beta[r]
	}
	f := d[q]
	for j, v := range row {
		d[j] -= f * v
	}
}
