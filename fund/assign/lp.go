package assign

import (
	"bufio"
	"fmt"
	"io"
)

// WriteLP writes in as a linear program in CPLEX LP format, so that an
// outside solver (glpsol, HiGHS, CPLEX) can confirm an objective: one
// variable x_p_r in [0,1] per allowed pair, maximising the total integer
// weight, each proposal's variables summing to K, each reviewer's to at
// most its load. The constraint matrix of this transportation problem is
// totally unimodular, so the LP optimum is integral and equals the
// assignment's Weight. Fair instances are written with their threshold t
// (pairs of weight < t left out); pass 0 for the plain problem.
func WriteLP(w io.Writer, in *Instance, t int64) error {
	if err := in.Validate(); err != nil {
		return err
	}
	pr := newPricer(in)
	P, R := in.Proposals, in.Reviewers
	b := bufio.NewWriterSize(w, 1<<20)
	fmt.Fprintf(b, "\\ %d proposals, %d reviewers, %d reviewers per proposal, weights = round(affinity x %d)\n", P, R, in.K, Scale)
	b.WriteString("Maximize\n obj:")
	n := 0
	for i := range P * R {
		if pr.allowed(i, t) {
			fmt.Fprintf(b, " + %d x_%d_%d", Weight(in.Affinity[i]), i/R, i%R)
			if n++; n%8 == 0 {
				b.WriteString("\n")
			}
		}
	}
	b.WriteString("\nSubject To\n")
	for p := range P {
		fmt.Fprintf(b, " p%d:", p)
		n = 0
		for r := range R {
			if pr.allowed(p*R+r, t) {
				fmt.Fprintf(b, " + x_%d_%d", p, r)
				if n++; n%12 == 0 {
					b.WriteString("\n")
				}
			}
		}
		if n == 0 {
			b.WriteString(" 0 x_none") // an empty row is still infeasible
		}
		fmt.Fprintf(b, " = %d\n", in.K)
	}
	for r := range R {
		n = 0
		for p := range P {
			if pr.allowed(p*R+r, t) {
				if n == 0 {
					fmt.Fprintf(b, " r%d:", r)
				}
				fmt.Fprintf(b, " + x_%d_%d", p, r)
				if n++; n%12 == 0 {
					b.WriteString("\n")
				}
			}
		}
		if n > 0 {
			fmt.Fprintf(b, " <= %d\n", in.Load[r])
		}
	}
	b.WriteString("Bounds\n")
	for i := range P * R {
		if pr.allowed(i, t) {
			fmt.Fprintf(b, " x_%d_%d <= 1\n", i/R, i%R)
		}
	}
	b.WriteString("End\n")
	return b.Flush()
}
