package broker

import "sort"

// state is a partial schedule with the indexes the solver needs to test a
// move in constant time: who sits where in each slot, how full each slot
// is, and the members of each slot for ejection.
type state struct {
	in      *Instance
	s       int
	feas    []uint64 // per request: slots free for both sides
	cross   []bool   // per request: needs an interpreter
	occ     []int32  // participant*S + slot → request or -1
	slotOf  []int8   // request → slot or -1
	count   []int    // per slot: meetings placed
	interp  []int    // per slot: meetings with an interpreter
	members [][]int32
	pos     []int32 // request → index in members[slot]
	weight  int64
	free    int // tables free over all slots
	journal []move
	adj     [][]int32  // per participant: its requests, heaviest first
	ver     []uint32   // per slot: bumped on every change
	light   [2][]int32 // per slot: lightest member, lightest needing an interpreter
	lightAt [2][]uint32
}

// move records where a request was before a change, so that a tentative
// sequence of changes can be undone.
type move struct {
	req  int32
	from int8
}

// newState returns the empty schedule of in.
func newState(in *Instance) *state {
	n, m := len(in.Participants), len(in.Requests)
	st := &state{
		in: in, s: in.Slots,
		feas: make([]uint64, m), cross: make([]bool, m),
		occ: make([]int32, n*in.Slots), slotOf: make([]int8, m),
		count: make([]int, in.Slots), interp: make([]int, in.Slots),
		members: make([][]int32, in.Slots), pos: make([]int32, m),
		free: in.Slots * in.Tables,
		ver:  make([]uint32, in.Slots),
	}
	for k := range st.light {
		st.light[k] = make([]int32, in.Slots)
		st.lightAt[k] = make([]uint32, in.Slots)
	}
	for i := range st.occ {
		st.occ[i] = -1
	}
	st.adj = make([][]int32, n)
	for i, q := range in.Requests {
		st.feas[i] = in.Feasible(i)
		st.cross[i] = in.NeedsInterpreter(i)
		st.slotOf[i] = -1
		if st.feas[i] != 0 {
			st.adj[q.A] = append(st.adj[q.A], int32(i))
			st.adj[q.B] = append(st.adj[q.B], int32(i))
		}
	}
	for _, rs := range st.adj {
		sort.SliceStable(rs, func(i, j int) bool { return in.Requests[rs[i]].Weight > in.Requests[rs[j]].Weight })
	}
	return st
}

// fits tells whether request r can be placed in slot s as things stand.
func (st *state) fits(r, s int) bool {
	if st.feas[r]&(1<<uint(s)) == 0 || st.count[s] >= st.in.Tables {
		return false
	}
	if st.cross[r] && st.interp[s] >= st.in.Interpreters {
		return false
	}
	q := st.in.Requests[r]
	return st.occ[q.A*st.s+s] < 0 && st.occ[q.B*st.s+s] < 0
}

// place puts unplaced request r into slot s; the caller checked fits.
func (st *state) place(r, s int) {
	q := st.in.Requests[r]
	st.journal = append(st.journal, move{int32(r), -1})
	st.occ[q.A*st.s+s], st.occ[q.B*st.s+s] = int32(r), int32(r)
	st.slotOf[r] = int8(s)
	st.count[s]++
	if st.cross[r] {
		st.interp[s]++
	}
	st.pos[r] = int32(len(st.members[s]))
	st.members[s] = append(st.members[s], int32(r))
	st.weight += q.Weight
	st.free--
	st.ver[s]++
}

// remove takes placed request r out of its slot.
func (st *state) remove(r int) {
	s := int(st.slotOf[r])
	q := st.in.Requests[r]
	st.journal = append(st.journal, move{int32(r), int8(s)})
	st.occ[q.A*st.s+s], st.occ[q.B*st.s+s] = -1, -1
	st.slotOf[r] = -1
	st.count[s]--
	if st.cross[r] {
		st.interp[s]--
	}
	ms := st.members[s]
	last := ms[len(ms)-1]
	ms[st.pos[r]] = last
	st.pos[last] = st.pos[r]
	st.members[s] = ms[:len(ms)-1]
	st.weight -= q.Weight
	st.free++
	st.ver[s]++
}

// lightest returns the lightest member of slot s (only those needing an
// interpreter when cross is set), or -1; it caches the answer until the
// slot changes, since ejection asks for it far more often than slots change.
func (st *state) lightest(s int, cross bool) int {
	k := 0
	if cross {
		k = 1
	}
	if st.lightAt[k][s] == st.ver[s]+1 {
		return int(st.light[k][s])
	}
	best := int32(-1)
	for _, b := range st.members[s] {
		if (!cross || st.cross[b]) && (best < 0 || st.in.Requests[b].Weight < st.in.Requests[best].Weight) {
			best = b
		}
	}
	st.light[k][s], st.lightAt[k][s] = best, st.ver[s]+1
	return int(best)
}

// mark returns the journal position to roll back to.
func (st *state) mark() int { return len(st.journal) }

// rollback undoes every change made since mark.
func (st *state) rollback(mark int) {
	for len(st.journal) > mark {
		mv := st.journal[len(st.journal)-1]
		st.journal = st.journal[:len(st.journal)-1]
		r := int(mv.req)
		if st.slotOf[r] >= 0 {
			st.remove(r)
			st.journal = st.journal[:len(st.journal)-1]
		}
		if mv.from >= 0 {
			st.place(r, int(mv.from))
			st.journal = st.journal[:len(st.journal)-1]
		}
	}
}

// commit forgets the journal: the changes stay.
func (st *state) commit() { st.journal = st.journal[:0] }

// placements numbers the tables of each slot and returns the schedule.
func (st *state) placements() []Placement {
	var out []Placement
	for s, ms := range st.members {
		for t, r := range ms {
			out = append(out, Placement{Request: int(r), Slot: s, Table: t, Interpreter: st.cross[r]})
		}
	}
	return out
}
