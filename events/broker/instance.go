// Package broker schedules brokerage meetings: the short one-to-one talks
// that participants of a forum request from one another. Given who is
// available when, which languages each speaks, which requests were accepted
// and how much each matters, it places meetings into (time slot, table)
// pairs so that nobody is in two places at once, no slot holds more
// meetings than there are tables, and no slot needs more interpreters than
// it has. It maximises the total priority weight of the placed meetings and
// proves how far from the optimum it can be with an upper bound from the
// Lagrangian dual of the linear relaxation (see Bound).
//
// The package is pure computation: it knows indexes, bit sets and weights,
// not events or people. The events service translates its records into an
// Instance and the resulting Placements back into agendas.
package broker

import (
	"errors"
	"fmt"
	"math/bits"
)

// Limits of an instance. Slots are bit positions of a uint64 and languages
// bit positions of a uint32, which keeps the inner loops free of maps.
const (
	MaxSlots     = 64
	MaxLanguages = 32
)

// Participant is one person taking part in the brokerage. Avail has bit s
// set when the person is free in slot s; Langs has bit l set when the
// person speaks language l (the caller numbers the languages).
type Participant struct {
	Avail uint64
	Langs uint32
}

// Request is one accepted meeting request between participants A and B
// (indexes into Instance.Participants). Weight is its priority: the
// scheduler maximises the sum of the weights of placed meetings.
type Request struct {
	A, B   int
	Weight int64
}

// Instance is a whole scheduling problem.
type Instance struct {
	Participants []Participant
	Requests     []Request
	// Slots is the number of time slots, Tables the meetings one slot can
	// hold, Interpreters the meetings without a common language one slot
	// can hold (each such meeting takes one interpreter for the slot).
	Slots, Tables, Interpreters int
}

// Placement puts request Request at table Table in slot Slot. Interpreter
// tells whether the meeting takes one of the slot's interpreters.
type Placement struct {
	Request     int  `json:"request"`
	Slot        int  `json:"slot"`
	Table       int  `json:"table"`
	Interpreter bool `json:"interpreter"`
}

// Validate reports the first structural problem of the instance: counts out
// of range, requests naming unknown participants or one person twice,
// weights that are not positive.
func (in *Instance) Validate() error {
	switch {
	case in.Slots < 1 || in.Slots > MaxSlots:
		return fmt.Errorf("broker: %d slots, want 1 to %d", in.Slots, MaxSlots)
	case in.Tables < 0:
		return fmt.Errorf("broker: %d tables", in.Tables)
	case in.Interpreters < 0:
		return fmt.Errorf("broker: %d interpreters", in.Interpreters)
	}
	n := len(in.Participants)
	for i, r := range in.Requests {
		if r.A < 0 || r.A >= n || r.B < 0 || r.B >= n || r.A == r.B {
			return fmt.Errorf("broker: request %d joins participants %d and %d of %d", i, r.A, r.B, n)
		}
		if r.Weight <= 0 {
			return fmt.Errorf("broker: request %d has weight %d, want a positive weight", i, r.Weight)
		}
	}
	return nil
}

// slotMask returns the set of all slots of the instance.
func (in *Instance) slotMask() uint64 {
	if in.Slots == 64 {
		return ^uint64(0)
	}
	return 1<<uint(in.Slots) - 1
}

// Feasible returns the slots in which both sides of request i are free.
func (in *Instance) Feasible(i int) uint64 {
	r := in.Requests[i]
	return in.Participants[r.A].Avail & in.Participants[r.B].Avail & in.slotMask()
}

// NeedsInterpreter tells whether the two sides of request i share no language.
func (in *Instance) NeedsInterpreter(i int) bool {
	r := in.Requests[i]
	return in.Participants[r.A].Langs&in.Participants[r.B].Langs == 0
}

// ErrInfeasible is wrapped by Check when a schedule breaks a constraint.
var ErrInfeasible = errors.New("broker: schedule breaks a constraint")

// Check verifies that placements form a feasible schedule of the instance
// and returns their total weight. It is the referee of every test and of
// the bench command, so it trusts nothing the solver computed.
func (in *Instance) Check(ps []Placement) (int64, error) {
	type key struct{ p, s int }
	busy := make(map[key]int)
	table := make(map[[2]int]bool)
	perSlot := make([]int, in.Slots)
	interp := make([]int, in.Slots)
	placed := make(map[int]bool)
	var total int64
	for _, p := range ps {
		if p.Request < 0 || p.Request >= len(in.Requests) || placed[p.Request] {
			return 0, fmt.Errorf("%w: request %d placed twice or unknown", ErrInfeasible, p.Request)
		}
		placed[p.Request] = true
		if p.Slot < 0 || p.Slot >= in.Slots || in.Feasible(p.Request)&(1<<uint(p.Slot)) == 0 {
			return 0, fmt.Errorf("%w: request %d in slot %d outside availability", ErrInfeasible, p.Request, p.Slot)
		}
		if p.Table < 0 || p.Table >= in.Tables || table[[2]int{p.Slot, p.Table}] {
			return 0, fmt.Errorf("%w: table %d of slot %d taken twice or unknown", ErrInfeasible, p.Table, p.Slot)
		}
		table[[2]int{p.Slot, p.Table}] = true
		r := in.Requests[p.Request]
		for _, who := range []int{r.A, r.B} {
			if busy[key{who, p.Slot}]++; busy[key{who, p.Slot}] > 1 {
				return 0, fmt.Errorf("%w: participant %d twice in slot %d", ErrInfeasible, who, p.Slot)
			}
		}
		perSlot[p.Slot]++
		if need := in.NeedsInterpreter(p.Request); need != p.Interpreter {
			return 0, fmt.Errorf("%w: request %d interpreter flag %v", ErrInfeasible, p.Request, p.Interpreter)
		}
		if p.Interpreter {
			if interp[p.Slot]++; interp[p.Slot] > in.Interpreters {
				return 0, fmt.Errorf("%w: slot %d needs more than %d interpreters", ErrInfeasible, p.Slot, in.Interpreters)
			}
		}
		total += r.Weight
	}
	return total, nil
}

// popcount returns the number of slots in set.
func popcount(set uint64) int { return bits.OnesCount64(set) }
