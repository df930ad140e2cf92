package broker

import "math"

// Bound kinds.
const (
	// BoundLagrangian is the Lagrangian relaxation in which the per-slot
	// table and interpreter capacities and the one-meeting-per-person-per-
	// slot constraints are priced, with prices uniform over slots and
	// optimised by block coordinate descent (see uniformDual).
	BoundLagrangian = "lagrangian"
	// BoundSeats is the combinatorial bound: the heaviest S·T meetings
	// among those that have a common free slot, at most S·I of them
	// needing an interpreter. It ignores who meets whom.
	BoundSeats = "seats"
)

// BoundResult is an upper bound on the weight of any feasible schedule.
type BoundResult struct {
	Value  int64  `json:"value"`
	Kind   string `json:"kind"`
	Seats  int64  `json:"seats"` // the combinatorial bound, kept for comparison
	Rounds int    `json:"rounds"`
	// at holds the uniform table and interpreter prices of the Lagrangian
	// bound, where refineBound starts.
	at [2]float64
}

// Bound returns the lesser of the seats bound and the Lagrangian bound.
// The Lagrangian bound is never above the seats bound (at ν = 0 they are
// equal) and is lower when popular people were asked for more meetings
// than they have free slots. Weights are integers, so it rounds down.
// rounds bounds the coordinate-descent rounds; zero means 30.
func Bound(in *Instance, rounds int) BoundResult {
	if rounds <= 0 {
		rounds = 30
	}
	usable := make([]bool, len(in.Requests))
	w := make([]float64, len(in.Requests))
	for i, r := range in.Requests {
		usable[i] = in.Feasible(i) != 0
		w[i] = float64(r.Weight)
	}
	s, _, _ := seatsReal(in, w, usable)
	seats := int64(math.Floor(s + 1e-6))
	best := BoundResult{Value: seats, Kind: BoundSeats, Seats: seats}
	val, done, at := uniformDual(in, rounds)
	best.Rounds, best.at = done, at
	if v := int64(math.Floor(val + 1e-6)); v < best.Value {
		best.Value, best.Kind = v, BoundLagrangian
	}
	return best
}
