package selection

import "context"

// dpMaxWork bounds the dynamic program: proposals × budget states.
const dpMaxWork = 60_000_000

// dpUnits returns the greatest common divisor g of the costs on one side
// and the budget in units of g, rounded down: every total of costs is a
// multiple of g, so rounding the budget down to one changes no choice.
func dpUnits(budget int64, costs func(int) int64, n int) (units, g int64) {
	for i := range n {
		g = gcd(g, costs(i))
	}
	if g == 0 {
		return 0, 1
	}
	return budget / g, g
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// dpFits reports whether the exact dynamic program over both budgets is
// small enough: no quotas, and few budget states once costs are divided
// by their common unit.
func (p *Problem) dpFits() bool {
	if len(p.Quotas) > 0 {
		return false
	}
	n := len(p.Proposals)
	u1, _ := dpUnits(p.BudgetCN, func(i int) int64 { return p.Proposals[i].CostCN }, n)
	u2, _ := dpUnits(p.BudgetRU, func(i int) int64 { return p.Proposals[i].CostRU }, n)
	states := (u1 + 1) * (u2 + 1)
	return u1 < dpMaxWork && u2 < dpMaxWork && states <= dpMaxWork/int64(max(n, 1))
}

// solveDP solves a problem without quotas exactly: best[c1][c2] is the
// best score within c1 yuan units and c2 rouble units, and one bit per
// proposal and state records whether the proposal is in that best list.
func (p *Problem) solveDP(ctx context.Context) (*Solution, error) {
	n := len(p.Proposals)
	u1, g1 := dpUnits(p.BudgetCN, func(i int) int64 { return p.Proposals[i].CostCN }, n)
	u2, g2 := dpUnits(p.BudgetRU, func(i int) int64 { return p.Proposals[i].CostRU }, n)
	w := int(u2 + 1)
	S := int(u1+1) * w
	best := make([]float64, S)
	took := make([]uint64, (n*S+63)/64)
	for i, x := range p.Proposals {
		if i&63 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		a, b := int(x.CostCN/g1), int(x.CostRU/g2)
		if a > int(u1) || b > int(u2) {
			continue
		}
		for c1 := int(u1); c1 >= a; c1-- {
			for c2 := int(u2); c2 >= b; c2-- {
				s := c1*w + c2
				if v := best[s-a*w-b] + x.Score; v > best[s] {
					best[s] = v
					bit := i*S + s
					took[bit>>6] |= 1 << (bit & 63)
				}
			}
		}
	}
	sel := make([]bool, n)
	c1, c2 := int(u1), int(u2)
	for i := n - 1; i >= 0; i-- {
		bit := i*S + c1*w + c2
		if took[bit>>6]&(1<<(bit&63)) != 0 {
			sel[i] = true
			c1 -= int(p.Proposals[i].CostCN / g1)
			c2 -= int(p.Proposals[i].CostRU / g2)
		}
	}
	out := newModel(p).solution(sel)
	out.Method, out.Exact, out.Bound = "dp", true, out.Score
	return out, nil
}
