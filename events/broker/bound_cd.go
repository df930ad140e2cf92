package broker

import (
	"math"
	"sort"
)

// uniformDual minimises the Lagrangian over multipliers that are the same
// in every slot: λ for tables, μ for interpreters and ν_p for person p.
// With them the relaxed value is S·T·λ + S·I·μ + Σ a_p·ν_p + Σ_m max(0,
// w_m − ν_a − ν_b − λ − μ·[interpreter]) over requests with a common free
// slot, a_p being the number of slots p is free. It alternates two exact
// minimisations: over (λ, μ) for fixed ν — the seats bound on the reduced
// weights — and over each ν_p for fixed others — the (a_p+1)-th largest
// reduced weight of p's requests. Every value it computes is a valid upper
// bound; it returns the least, the number of rounds run and the table and
// interpreter prices at the least, where refineBound starts.
func uniformDual(in *Instance, rounds int) (float64, int, [2]float64) {
	n := len(in.Participants)
	adj := make([][]int32, n)
	usable := make([]bool, len(in.Requests))
	for i, r := range in.Requests {
		if in.Feasible(i) == 0 {
			continue
		}
		usable[i] = true
		adj[r.A] = append(adj[r.A], int32(i))
		adj[r.B] = append(adj[r.B], int32(i))
	}
	avail := make([]float64, n)
	for p, pt := range in.Participants {
		avail[p] = float64(popcount(pt.Avail & in.slotMask()))
	}
	nu := make([]float64, n)
	red := make([]float64, len(in.Requests))
	best, done := math.Inf(1), 0
	var at [2]float64
	var buf []float64
	for round := 0; round < rounds; round++ {
		done = round + 1
		for i, r := range in.Requests {
			red[i] = float64(r.Weight) - nu[r.A] - nu[r.B]
		}
		val, lam, mu := seatsReal(in, red, usable)
		for p := range nu {
			val += avail[p] * nu[p]
		}
		if val < best-1e-9 {
			best, at = val, [2]float64{lam, mu}
		} else {
			break
		}
		for p := range nu {
			buf = buf[:0]
			for _, i := range adj[p] {
				r := in.Requests[i]
				other := nu[r.A] + nu[r.B] - nu[p]
				v := float64(r.Weight) - other - lam
				if in.NeedsInterpreter(int(i)) {
					v -= mu
				}
				if v > 0 {
					buf = append(buf, v)
				}
			}
			nu[p] = 0
			if a := int(avail[p]); len(buf) > a {
				sort.Sort(sort.Reverse(sort.Float64Slice(buf)))
				nu[p] = buf[a]
			}
		}
	}
	return best, done, at
}

// seatsReal is the seats bound over real reduced weights: the largest sum
// of at most S·T positive values with at most S·I of them needing an
// interpreter. It returns the sum and the prices λ, μ at which the
// Lagrangian attains it.
func seatsReal(in *Instance, w []float64, usable []bool) (float64, float64, float64) {
	var plain, cross []float64
	for i, x := range w {
		if !usable[i] || x <= 0 {
			continue
		}
		if in.NeedsInterpreter(i) {
			cross = append(cross, x)
		} else {
			plain = append(plain, x)
		}
	}
	desc := func(v []float64) { sort.Sort(sort.Reverse(sort.Float64Slice(v))) }
	desc(cross)
	capI, capT := in.Slots*in.Interpreters, in.Slots*in.Tables
	muCut := 0.0
	if len(cross) > capI {
		muCut = cross[capI]
		cross = cross[:capI]
	}
	all := append(plain, cross...)
	desc(all)
	lam := 0.0
	if len(all) > capT {
		lam = all[capT]
		all = all[:capT]
	}
	sum := 0.0
	for _, x := range all {
		sum += x
	}
	return sum, lam, math.Max(0, muCut-lam)
}
