package broker

import (
	"math"
	"sort"
)

// BoundSlots names the bound refined with per-slot prices (see refineBound).
const BoundSlots = "lagrangian_slots"

// refineBound lowers b, when it can, by letting the table and interpreter
// prices differ between slots: people free on one day only make some slots
// dearer than others, which uniform prices cannot say. It runs projected
// subgradient steps on the 2·S slot prices, started at the uniform optimum,
// and after each step sets every person's price exactly (as uniformDual
// does); each iterate is a valid bound and the least is kept. lower is the
// weight of a known schedule, the target of Polyak's step rule.
func refineBound(in *Instance, b BoundResult, lower int64, iters int) BoundResult {
	if b.Value <= lower || in.Slots < 2 {
		return b
	}
	d := newSlotDual(in, b.at)
	best, theta, stall := math.Inf(1), 1.0, 0
	for it := 0; it < iters && theta > 1e-3; it++ {
		val := d.evaluate()
		if val < best-1e-9 {
			best, stall = val, 0
		} else if stall++; stall >= 10 {
			theta, stall = theta/2, 0
		}
		if !d.step(theta * (val - float64(lower))) {
			break
		}
	}
	if v := int64(math.Floor(best + 1e-6)); v < b.Value {
		b.Value, b.Kind = v, BoundSlots
	}
	return b
}

// slotDual holds per-slot prices, per-person prices and the subgradient.
type slotDual struct {
	in      *Instance
	lam, mu []float64
	nu      []float64
	gl, gm  []float64
	avail   []float64
	adj     [][]int32
	bm      []float64 // per request: best slot value before person prices
	bs      []int     // per request: that slot, or -1
	feas    []uint64
	cross   []bool
	scratch []float64
}

// newSlotDual starts every slot at the uniform prices at.
func newSlotDual(in *Instance, at [2]float64) *slotDual {
	S, n, m := in.Slots, len(in.Participants), len(in.Requests)
	d := &slotDual{in: in, lam: make([]float64, S), mu: make([]float64, S), nu: make([]float64, n),
		gl: make([]float64, S), gm: make([]float64, S), avail: make([]float64, n), adj: make([][]int32, n),
		bm: make([]float64, m), bs: make([]int, m), feas: make([]uint64, m), cross: make([]bool, m)}
	for s := range d.lam {
		d.lam[s], d.mu[s] = at[0], at[1]
	}
	for p, pt := range in.Participants {
		d.avail[p] = float64(popcount(pt.Avail & in.slotMask()))
	}
	for i, r := range in.Requests {
		d.feas[i], d.cross[i] = in.Feasible(i), in.NeedsInterpreter(i)
		if d.feas[i] != 0 {
			d.adj[r.A] = append(d.adj[r.A], int32(i))
			d.adj[r.B] = append(d.adj[r.B], int32(i))
		}
	}
	return d
}

// evaluate picks each request's best slot at the slot prices (ties spread
// by rotating the scan), sets the person prices exactly, and returns the
// dual value with its subgradient in gl, gm.
func (d *slotDual) evaluate() float64 {
	in, S := d.in, d.in.Slots
	for i, r := range in.Requests {
		d.bm[i], d.bs[i] = math.Inf(-1), -1
		rot, f := i%S, d.feas[i]
		for set := (f>>uint(rot) | f<<uint(S-rot)) & in.slotMask(); set != 0; set &= set - 1 {
			s := (trailing(set) + rot) % S
			v := float64(r.Weight) - d.lam[s]
			if d.cross[i] {
				v -= d.mu[s]
			}
			if v > d.bm[i] {
				d.bm[i], d.bs[i] = v, s
			}
		}
	}
	d.setPersonPrices()
	val := 0.0
	for s := 0; s < S; s++ {
		val += d.lam[s]*float64(in.Tables) + d.mu[s]*float64(in.Interpreters)
		d.gl[s], d.gm[s] = float64(in.Tables), float64(in.Interpreters)
	}
	for p, x := range d.nu {
		val += d.avail[p] * x
	}
	for i, r := range in.Requests {
		if s := d.bs[i]; s >= 0 {
			if v := d.bm[i] - d.nu[r.A] - d.nu[r.B]; v > 0 {
				val += v
				d.gl[s]--
				if d.cross[i] {
					d.gm[s]--
				}
			}
		}
	}
	return val
}

// setPersonPrices sets each ν_p, in turn, to its exact minimiser given the
// others: the (a_p+1)-th largest positive reduced value of p's requests.
func (d *slotDual) setPersonPrices() {
	for p := range d.nu {
		buf := d.scratch[:0]
		for _, i := range d.adj[p] {
			r := d.in.Requests[i]
			if v := d.bm[i] - (d.nu[r.A] + d.nu[r.B] - d.nu[p]); v > 0 {
				buf = append(buf, v)
			}
		}
		d.nu[p] = 0
		if a := int(d.avail[p]); len(buf) > a {
			sort.Sort(sort.Reverse(sort.Float64Slice(buf)))
			d.nu[p] = buf[a]
		}
		d.scratch = buf
	}
}

// step moves the slot prices against the subgradient by gap/‖g‖²,
// projected onto the non-negative orthant; false when there is no step.
func (d *slotDual) step(gap float64) bool {
	norm := 0.0
	for s := range d.gl {
		if d.lam[s] <= 0 && d.gl[s] > 0 {
			d.gl[s] = 0
		}
		if d.mu[s] <= 0 && d.gm[s] > 0 {
			d.gm[s] = 0
		}
		norm += d.gl[s]*d.gl[s] + d.gm[s]*d.gm[s]
	}
	if norm == 0 || gap <= 0 {
		return false
	}
	k := gap / norm
	for s := range d.gl {
		d.lam[s] = math.Max(0, d.lam[s]-k*d.gl[s])
		d.mu[s] = math.Max(0, d.mu[s]-k*d.gm[s])
	}
	return true
}
