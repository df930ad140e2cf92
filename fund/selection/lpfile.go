package selection

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
)

// WriteLP writes p in CPLEX LP format, so that an outside solver can check
// the bound and the list: one variable per proposal, maximising the total
// score, one constraint per budget and quota row. With binary the
// variables are declared binary (the funding problem itself); without,
// they are bounded by 1 (its LP relaxation, whose optimum is Bound when
// the search stops early).
func WriteLP(w io.Writer, p *Problem, binary bool) error {
	if err := p.Validate(); err != nil {
		return err
	}
	md := newModel(p)
	b := bufio.NewWriterSize(w, 1<<20)
	fmt.Fprintf(b, "\\ %d proposals, %d rows (budgets and quotas)\nMaximize\n obj:", md.n, md.m)
	for i := range md.n {
		fmt.Fprintf(b, " + %s x%d", strconv.FormatFloat(md.score[i], 'g', -1, 64), i)
		if i%8 == 7 {
			b.WriteString("\n")
		}
	}
	b.WriteString("\nSubject To\n")
	for j := range md.m {
		fmt.Fprintf(b, " c%d:", j)
		n := 0
		for i := range md.n {
			if v := md.a[i*md.m+j]; v != 0 {
				fmt.Fprintf(b, " %+d x%d", v, i)
				if n++; n%8 == 0 {
					b.WriteString("\n")
				}
			}
		}
		if n == 0 {
			b.WriteString(" 0 x0")
		}
		fmt.Fprintf(b, " <= %d\n", md.cap[j])
	}
	b.WriteString("Bounds\n")
	for i := range md.n {
		fmt.Fprintf(b, " x%d <= 1\n", i)
	}
	if binary {
		b.WriteString("Binary\n")
		for i := range md.n {
			fmt.Fprintf(b, " x%d\n", i)
		}
	}
	b.WriteString("End\n")
	return b.Flush()
}
