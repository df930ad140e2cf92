package broker

import (
	"context"
	"errors"
	"testing"
	"time"
)

// tiny is a hand-checked instance: three people, slot 1 the only one all
// share, one table per slot, one interpreter per slot.
func tiny() *Instance {
	return &Instance{
		Participants: []Participant{
			{Avail: 0b11, Langs: langZH},
			{Avail: 0b10, Langs: langRU},
			{Avail: 0b11, Langs: langZH | langRU},
		},
		Requests: []Request{
			{A: 1, B: 2, Weight: 1}, // only slot 1
			{A: 0, B: 1, Weight: 3}, // needs an interpreter, only slot 1
			{A: 0, B: 2, Weight: 2}, // slots 0 and 1
		},
		Slots: 2, Tables: 1, Interpreters: 1,
	}
}

func TestSolveTinyOptimum(t *testing.T) {
	in := tiny()
	res, err := Solve(context.Background(), in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w, err := in.Check(res.Placements)
	if err != nil {
		t.Fatal(err)
	}
	// Request 1 takes slot 1 (its only one), request 2 goes to slot 0.
	if w != 5 || res.Weight != 5 {
		t.Fatalf("weight %d (reported %d), want 5", w, res.Weight)
	}
	if res.Bound < 5 {
		t.Fatalf("bound %d below a feasible schedule", res.Bound)
	}
	ff, _ := FirstFit(in)
	if ff.Weight != 3 {
		t.Fatalf("first fit %d, want 3 (request 0 takes slot 1 first)", ff.Weight)
	}
}

func TestCheckRefusesBrokenSchedules(t *testing.T) {
	in := tiny()
	tests := []struct {
		name string
		ps   []Placement
	}{
		{"outside availability", []Placement{{Request: 0, Slot: 0, Table: 0, Interpreter: true}}},
		{"table twice", []Placement{{Request: 0, Slot: 1}, {Request: 2, Slot: 1}}},
		{"person twice", []Placement{{Request: 1, Slot: 1, Interpreter: true}, {Request: 0, Slot: 1, Table: 1}}},
		{"missing interpreter flag", []Placement{{Request: 1, Slot: 1}}},
		{"request twice", []Placement{{Request: 2, Slot: 0}, {Request: 2, Slot: 1}}},
		{"unknown table", []Placement{{Request: 2, Slot: 0, Table: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := in.Check(tt.ps); !errors.Is(err, ErrInfeasible) {
				t.Fatalf("Check = %v, want ErrInfeasible", err)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Instance)
	}{
		{"no slots", func(in *Instance) { in.Slots = 0 }},
		{"too many slots", func(in *Instance) { in.Slots = 65 }},
		{"self meeting", func(in *Instance) { in.Requests[0].B = in.Requests[0].A }},
		{"unknown person", func(in *Instance) { in.Requests[0].B = 9 }},
		{"zero weight", func(in *Instance) { in.Requests[0].Weight = 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tiny()
			tt.edit(in)
			if _, err := Solve(context.Background(), in, Options{}); err == nil {
				t.Fatal("Solve accepted an invalid instance")
			}
		})
	}
}

// TestSolveRandom checks feasibility, the bound and the margin over first
// fit on generated instances; the full bench size runs only without -short.
func TestSolveRandom(t *testing.T) {
	sizes := [][5]int{{200, 2000, 8, 20, 2}, {500, 4000, 12, 40, 4}}
	if !testing.Short() {
		sizes = append(sizes, [5]int{2000, 20000, 16, 200, 10})
	}
	for _, z := range sizes {
		in := Random(z[0], z[1], z[2], z[3], z[4], 7)
		res, err := Solve(context.Background(), in, Options{})
		if err != nil {
			t.Fatal(err)
		}
		w, err := in.Check(res.Placements)
		if err != nil {
			t.Fatal(err)
		}
		ff, _ := FirstFit(in)
		if _, err := in.Check(ff.Placements); err != nil {
			t.Fatal(err)
		}
		t.Logf("%v: weight=%d bound=%d (%s) ratio=%.4f first-fit=%d", z, w, res.Bound, res.BoundKind, res.Ratio, ff.Weight)
		if w != res.Weight || w > res.Bound || ff.Weight > res.Bound {
			t.Fatalf("weight %d (reported %d), first fit %d, bound %d", w, res.Weight, ff.Weight, res.Bound)
		}
		if res.Ratio < 0.95 || w <= ff.Weight {
			t.Fatalf("ratio %.4f, weight %d vs first fit %d", res.Ratio, w, ff.Weight)
		}
	}
}

func TestBoundNeverBelowSeatsAbsurdity(t *testing.T) {
	// One popular person asked for five meetings with two free slots: the
	// seats bound counts all five, the Lagrangian bound only two.
	in := &Instance{Slots: 2, Tables: 10, Interpreters: 0}
	for p := 0; p < 6; p++ {
		in.Participants = append(in.Participants, Participant{Avail: 0b11, Langs: langEN})
	}
	for p := 1; p < 6; p++ {
		in.Requests = append(in.Requests, Request{A: 0, B: p, Weight: 1})
	}
	b := Bound(in, 0)
	if b.Seats != 5 || b.Value != 2 || b.Kind != BoundLagrangian {
		t.Fatalf("bound %+v, want seats 5, value 2 (lagrangian)", b)
	}
}

// TestRefinedBound checks that per-slot prices tighten the bound where
// one-day participants make some slots dearer, and never below a known
// optimum: glpsol proved 337 optimal for Random(60, 600, 6, 12, 2, 1)
// (docs/benchmarks.md).
func TestRefinedBound(t *testing.T) {
	in := Random(80, 800, 6, 30, 4, 1)
	res, err := Solve(context.Background(), in, Options{Budget: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	uniform := Bound(in, 0)
	if res.BoundKind != BoundSlots || res.Bound >= uniform.Value || res.Bound < res.Weight {
		t.Fatalf("bound %d (%s), uniform %d, weight %d", res.Bound, res.BoundKind, uniform.Value, res.Weight)
	}
	small := Random(60, 600, 6, 12, 2, 1)
	res, err = Solve(context.Background(), small, Options{Budget: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if res.Bound < 337 {
		t.Fatalf("bound %d below the proven optimum 337", res.Bound)
	}
}
