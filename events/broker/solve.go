package broker

import (
	"context"
	"math/rand/v2"
	"sort"
	"time"
)

// Options tune Solve.
type Options struct {
	// Budget bounds the time of the local search; zero means two seconds.
	// The search stops earlier when it reaches the bound.
	Budget time.Duration
	// BoundRounds bounds the coordinate-descent rounds of Bound; zero means 30.
	BoundRounds int
}

// Result is a schedule with its certificate of quality.
type Result struct {
	Placements []Placement `json:"placements"`
	Weight     int64       `json:"weight"`
	Meetings   int         `json:"meetings"`
	// Bound is an upper bound on the weight of any feasible schedule, and
	// BoundKind names how it was obtained.
	Bound     int64   `json:"bound"`
	BoundKind string  `json:"bound_kind"`
	Ratio     float64 `json:"ratio"`
	Passes    int     `json:"passes"`
}

// Solve schedules the instance: a greedy pass in order of weight, then local
// search that inserts each unplaced meeting by moving the meetings in its
// way to other slots (an ejection chain of depth two) or, when that fails,
// by ejecting lighter meetings, each followed by giving the people it freed
// other meetings; then iterated local search (perturb). It stops when the
// bound is reached, the budget is spent or ctx ends, and always returns a
// feasible schedule together with the upper bound.
func Solve(ctx context.Context, in *Instance, opt Options) (*Result, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if opt.Budget <= 0 {
		opt.Budget = 2 * time.Second
	}
	b := Bound(in, opt.BoundRounds)
	st := newState(in)
	order := weightOrder(st)
	st.greedy(order)
	st.commit()
	deadline := time.Now().Add(opt.Budget)
	passes := 0
	for passes < 50 && time.Now().Before(deadline) && ctx.Err() == nil {
		passes++
		improved := st.improve(order, deadline)
		st.commit()
		if !improved {
			break
		}
	}
	passes += st.perturb(ctx, order, deadline, b.Value)
	b = refineBound(in, b, st.weight, 200)
	ps := st.placements()
	res := &Result{Placements: ps, Weight: st.weight, Meetings: len(ps), Bound: b.Value, BoundKind: b.Kind, Passes: passes}
	res.Ratio = ratio(res.Weight, res.Bound)
	return res, nil
}

// perturb is an iterated local search: it takes out a random part of one
// slot's meetings, puts meetings back greedily, runs a pass of insertion,
// and keeps the result when the weight did not fall. It runs until the
// deadline, ctx's end or the bound, and returns the rounds run.
func (st *state) perturb(ctx context.Context, order []int, deadline time.Time, bound int64) int {
	rng := rand.New(rand.NewPCG(1, uint64(len(order))))
	rounds := 0
	for st.weight < bound && time.Now().Before(deadline) && ctx.Err() == nil {
		rounds++
		base, m := st.weight, st.mark()
		s := rng.IntN(st.s)
		for _, r := range append([]int32(nil), st.members[s]...) {
			if rng.IntN(3) == 0 {
				st.remove(int(r))
			}
		}
		st.greedy(order)
		st.improve(order, deadline)
		if st.weight < base {
			st.rollback(m)
		}
		st.commit()
	}
	return rounds
}

// ratio returns w/bound, 1 when the bound is zero.
func ratio(w, bound int64) float64 {
	if bound <= 0 {
		return 1
	}
	return float64(w) / float64(bound)
}

// weightOrder sorts the requests that can meet at all: heaviest first,
// then the least flexible (fewest common free slots), then by index.
func weightOrder(st *state) []int {
	order := make([]int, 0, len(st.feas))
	for i, f := range st.feas {
		if f != 0 && (!st.cross[i] || st.in.Interpreters > 0) && st.in.Tables > 0 {
			order = append(order, i)
		}
	}
	rs := st.in.Requests
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if rs[a].Weight != rs[b].Weight {
			return rs[a].Weight > rs[b].Weight
		}
		return popcount(st.feas[a]) < popcount(st.feas[b])
	})
	return order
}

// greedy places each request of order into the emptiest slot where it fits,
// spreading meetings so that later ones still find room.
func (st *state) greedy(order []int) {
	for _, r := range order {
		if st.slotOf[r] >= 0 {
			continue
		}
		best := -1
		for set := st.feas[r]; set != 0; set &= set - 1 {
			s := trailing(set)
			if st.fits(r, s) && (best < 0 || st.count[s] < st.count[best]) {
				best = s
			}
		}
		if best >= 0 {
			st.place(r, best)
		}
	}
}

// improve runs one pass of insertion over the unplaced requests of order
// and reports whether the weight grew.
func (st *state) improve(order []int, deadline time.Time) bool {
	start := st.weight
	for i, r := range order {
		if i%256 == 0 && time.Now().After(deadline) {
			break
		}
		if st.slotOf[r] < 0 && st.worthTrying(r) {
			st.insert(r)
		}
	}
	return st.weight > start
}

// worthTrying tells whether inserting r could gain anything: when no table
// is free anywhere, some placed meeting must leave, so r must outweigh the
// lightest meeting of one of its feasible slots.
func (st *state) worthTrying(r int) bool {
	if st.free > 0 {
		return true
	}
	w := st.in.Requests[r].Weight
	for set := st.feas[r]; set != 0; set &= set - 1 {
		if l := st.lightest(trailing(set), false); l >= 0 && st.in.Requests[l].Weight < w {
			return true
		}
	}
	return false
}

// insert tries to place unplaced request r, in the slot where it costs
// least: first by relocating what blocks it, else by ejecting lighter
// meetings. It keeps a change only when the total weight grows.
func (st *state) insert(r int) {
	bestGain, bestSlot := int64(0), -1
	for set := st.feas[r]; set != 0; set &= set - 1 {
		s := trailing(set)
		base := st.weight
		m := st.mark()
		if st.clear(r, s) {
			st.place(r, s)
			st.refill(s, m)
			if gain := st.weight - base; gain > bestGain {
				bestGain, bestSlot = gain, s
			}
		}
		st.rollback(m)
		if bestGain == st.in.Requests[r].Weight {
			break // nothing was lost: no slot can do better
		}
	}
	if bestSlot < 0 {
		return
	}
	base, m := st.weight, st.mark()
	if st.clear(r, bestSlot) {
		st.place(r, bestSlot)
		st.refill(bestSlot, m)
	}
	if st.weight <= base {
		st.rollback(m)
	}
}

// refill gives the people that the changes since mark freed in slot s
// the heaviest of their unplaced requests that now fits there: when r
// displaced a meeting (a, c), c may meet someone else instead, which turns
// a swap that loses weight into one that gains (an augmenting path).
func (st *state) refill(s, mark int) {
	for k := mark; k < len(st.journal); k++ {
		mv := st.journal[k]
		if int(mv.from) != s || st.slotOf[mv.req] == int8(s) {
			continue
		}
		q := st.in.Requests[mv.req]
		for _, p := range [2]int{q.A, q.B} {
			if st.occ[p*st.s+s] >= 0 {
				continue
			}
			for _, z := range st.adj[p] {
				if st.slotOf[z] < 0 && st.fits(int(z), s) {
					st.place(int(z), s)
					break
				}
			}
		}
	}
}

// clear makes room for r in slot s: it moves each meeting of r's two
// participants in s elsewhere or, failing that, ejects it, and then frees a
// table and an interpreter the same way if the slot is full. It reports
// whether r fits now; the caller weighs what was lost.
func (st *state) clear(r, s int) bool {
	q := st.in.Requests[r]
	for _, who := range [2]int{q.A, q.B} {
		if b := int(st.occ[who*st.s+s]); b >= 0 {
			st.evict(b, s, 1)
		}
	}
	if st.count[s] >= st.in.Tables {
		st.freeOne(s, false)
	}
	if st.cross[r] && st.interp[s] >= st.in.Interpreters {
		st.freeOne(s, true)
	}
	return st.fits(r, s)
}

// evict moves placed request b out of slot s into another slot, making
// room there recursively up to depth, or drops it; it returns the weight lost.
func (st *state) evict(b, s, depth int) int64 {
	st.remove(b)
	for set := st.feas[b] &^ (1 << uint(s)); set != 0; set &= set - 1 {
		if t := trailing(set); st.fits(b, t) {
			st.place(b, t)
			return 0
		}
	}
	if depth > 0 {
		for set := st.feas[b] &^ (1 << uint(s)); set != 0; set &= set - 1 {
			t := trailing(set)
			if lost, ok := st.relocateVia(b, t); ok {
				return lost
			}
		}
	}
	return st.displace(b, s)
}

// displace puts unplaced request b into the slot other than s where its
// two participants are free and the lightest meetings that must leave to
// make room weigh least; if they would weigh as much as b, b stays out.
// It returns the weight lost.
func (st *state) displace(b, s int) int64 {
	q := st.in.Requests[b]
	cost, at := q.Weight, -1
	for set := st.feas[b] &^ (1 << uint(s)); set != 0; set &= set - 1 {
		t := trailing(set)
		if st.occ[q.A*st.s+t] >= 0 || st.occ[q.B*st.s+t] >= 0 {
			continue
		}
		c := int64(0)
		if st.cross[b] && st.interp[t] >= st.in.Interpreters {
			c = st.in.Requests[st.lightest(t, true)].Weight // frees a table too
		} else if st.count[t] >= st.in.Tables {
			c = st.in.Requests[st.lightest(t, false)].Weight
		}
		if c < cost {
			cost, at = c, t
		}
	}
	if at < 0 {
		return q.Weight
	}
	if st.cross[b] && st.interp[at] >= st.in.Interpreters {
		st.remove(st.lightest(at, true))
	} else if st.count[at] >= st.in.Tables {
		st.remove(st.lightest(at, false))
	}
	st.place(b, at)
	return cost
}

// relocateVia places b in slot t by moving the single meeting that blocks
// one of b's participants there into a third slot; it fails otherwise.
func (st *state) relocateVia(b, t int) (int64, bool) {
	if st.count[t] >= st.in.Tables || (st.cross[b] && st.interp[t] >= st.in.Interpreters) || st.feas[b]&(1<<uint(t)) == 0 {
		return 0, false
	}
	q := st.in.Requests[b]
	x, y := st.occ[q.A*st.s+t], st.occ[q.B*st.s+t]
	if x >= 0 && y >= 0 {
		return 0, false
	}
	blocker := int(max(x, y))
	m := st.mark()
	st.remove(blocker)
	for set := st.feas[blocker] &^ (1 << uint(t)); set != 0; set &= set - 1 {
		if u := trailing(set); st.fits(blocker, u) {
			st.place(blocker, u)
			st.place(b, t)
			return 0, true
		}
	}
	st.rollback(m)
	return 0, false
}

// freeOne frees a table (or, when interp is set, an interpreter) in full
// slot s: it moves a member to a slot with room if one can go, else ejects
// the lightest member. It returns the weight lost.
func (st *state) freeOne(s int, interp bool) int64 {
	if st.free > 0 {
		for _, b := range st.members[s] {
			if interp && !st.cross[b] {
				continue
			}
			for set := st.feas[b] &^ (1 << uint(s)); set != 0; set &= set - 1 {
				if t := trailing(set); st.fits(int(b), t) {
					st.remove(int(b))
					st.place(int(b), t)
					return 0
				}
			}
		}
	}
	light := st.lightest(s, interp)
	if light < 0 {
		return 1 << 62
	}
	st.remove(light)
	return st.in.Requests[light].Weight
}
