package broker

import (
	"bufio"
	"fmt"
	"io"
)

// WriteLP writes the instance as a 0–1 integer program in CPLEX LP format,
// readable by glpsol --lp, cbc and most other solvers. Variable x_r_s is 1
// when request r meets in slot s; tables are interchangeable, so the table
// of each meeting is not a variable. Constraints: each request at most
// once (m_r), each person at most once per slot (p_p_s), at most T
// meetings (t_s) and at most I meetings needing an interpreter (i_s) per
// slot. The objective is the total weight.
func WriteLP(w io.Writer, in *Instance) error {
	if err := in.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	lw := &lineWriter{w: bw}
	fmt.Fprintf(bw, "\\ brokerage schedule: %d participants, %d requests, %d slots, %d tables, %d interpreters\n",
		len(in.Participants), len(in.Requests), in.Slots, in.Tables, in.Interpreters)
	bw.WriteString("Maximize\n obj:")
	for r, q := range in.Requests {
		for set := in.Feasible(r); set != 0; set &= set - 1 {
			lw.term(fmt.Sprintf("+ %d x_%d_%d", q.Weight, r, trailing(set)))
		}
	}
	lw.end("")
	bw.WriteString("Subject To\n")
	bySlot, byPerson := writeOnce(lw, in)
	writePersons(lw, in, byPerson)
	writeSlots(lw, in, bySlot)
	bw.WriteString("Binary\n")
	for r := range in.Requests {
		for set := in.Feasible(r); set != 0; set &= set - 1 {
			lw.term(fmt.Sprintf("x_%d_%d", r, trailing(set)))
		}
	}
	lw.end("")
	bw.WriteString("End\n")
	return bw.Flush()
}

// writeOnce writes "each request at most once" and returns the requests
// of each slot and of each person in each slot.
func writeOnce(lw *lineWriter, in *Instance) ([][]int, map[[2]int][]int) {
	bySlot := make([][]int, in.Slots)
	byPerson := make(map[[2]int][]int)
	for r, q := range in.Requests {
		f := in.Feasible(r)
		if f == 0 {
			continue
		}
		fmt.Fprintf(lw.w, " m_%d:", r)
		for set := f; set != 0; set &= set - 1 {
			s := trailing(set)
			lw.term(fmt.Sprintf("+ x_%d_%d", r, s))
			bySlot[s] = append(bySlot[s], r)
			byPerson[[2]int{q.A, s}] = append(byPerson[[2]int{q.A, s}], r)
			byPerson[[2]int{q.B, s}] = append(byPerson[[2]int{q.B, s}], r)
		}
		lw.end(" <= 1")
	}
	return bySlot, byPerson
}

// writePersons writes "each person at most once per slot".
func writePersons(lw *lineWriter, in *Instance, byPerson map[[2]int][]int) {
	for p := range in.Participants {
		for s := 0; s < in.Slots; s++ {
			rs := byPerson[[2]int{p, s}]
			if len(rs) < 2 {
				continue
			}
			fmt.Fprintf(lw.w, " p_%d_%d:", p, s)
			for _, r := range rs {
				lw.term(fmt.Sprintf("+ x_%d_%d", r, s))
			}
			lw.end(" <= 1")
		}
	}
}

// writeSlots writes the table and interpreter capacities of each slot.
func writeSlots(lw *lineWriter, in *Instance, bySlot [][]int) {
	for s, rs := range bySlot {
		if len(rs) == 0 {
			continue
		}
		fmt.Fprintf(lw.w, " t_%d:", s)
		cross := 0
		for _, r := range rs {
			lw.term(fmt.Sprintf("+ x_%d_%d", r, s))
			if in.NeedsInterpreter(r) {
				cross++
			}
		}
		lw.end(fmt.Sprintf(" <= %d", in.Tables))
		if cross == 0 {
			continue
		}
		fmt.Fprintf(lw.w, " i_%d:", s)
		for _, r := range rs {
			if in.NeedsInterpreter(r) {
				lw.term(fmt.Sprintf("+ x_%d_%d", r, s))
			}
		}
		lw.end(fmt.Sprintf(" <= %d", in.Interpreters))
	}
}

// lineWriter writes terms separated by spaces and breaks lines before 200
// characters: the LP format allows 255 and some readers fewer.
type lineWriter struct {
	w   *bufio.Writer
	col int
}

// term appends one term, starting a new line when the current one is long.
func (lw *lineWriter) term(t string) {
	if lw.col+len(t) > 200 {
		lw.w.WriteString("\n   ")
		lw.col = 3
	}
	lw.w.WriteString(" ")
	lw.w.WriteString(t)
	lw.col += len(t) + 1
}

// end finishes the expression with tail and a newline.
func (lw *lineWriter) end(tail string) {
	lw.w.WriteString(tail)
	lw.w.WriteString("\n")
	lw.col = 0
}
