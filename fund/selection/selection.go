// Package selection chooses which proposals the joint fund finances: the
// largest total score under both budgets (each proposal costs some yuan on
// the Chinese side and some roubles on the Russian side) and the quotas per
// priority field. It proves optimality where it can and otherwise reports
// an upper bound, so the gap between the list and the best possible is known.
//
// The method: a Lagrangian relaxation of every budget and quota row gives
// an upper bound for any choice of non-negative multipliers; coordinate
// descent and subgradient steps make it tight (it equals the LP relaxation
// at its minimum). The multipliers' reduced costs guide a greedy list,
// fix every proposal whose reduced cost exceeds the gap between bound and
// list, and order a depth-first branch and bound over the rest. When both
// budgets, divided by the greatest common divisor of their costs, are
// small enough and there are no quotas, a dynamic program over the two
// budgets is exact instead.
package selection

import (
	"context"
	"fmt"
	"math"

	"amur"
)

// Proposal is one recommended proposal.
type Proposal struct {
	// ID is the caller's key; WhatIf reports changes by it.
	ID    string
	Score float64
	// CostCN is the Chinese side's cost in yuan, CostRU the Russian side's
	// in roubles.
	CostCN, CostRU int64
	// Field is the priority field, for quotas.
	Field string
}

// Quota bounds the proposals funded in one field: their count and their
// yuan and rouble amounts. A zero maximum means no upper limit, a zero
// minimum no lower one.
type Quota struct {
	Field              string
	MinCount, MaxCount int
	MinCN, MaxCN       int64
	MinRU, MaxRU       int64
}

// Problem is one funding decision.
type Problem struct {
	Proposals []Proposal
	// BudgetCN in yuan, BudgetRU in roubles.
	BudgetCN, BudgetRU int64
	Quotas             []Quota
	// NodeLimit caps the branch-and-bound search; 0 picks a default. When
	// it is reached the best list found is returned with Exact false.
	NodeLimit int
}

// Solution is a funded list with a bound on how good any list can be.
type Solution struct {
	// Selected holds indexes into Problem.Proposals, ascending.
	Selected       []int
	Score          float64
	CostCN, CostRU int64
	// Bound is an upper bound on the score of any feasible list; Gap is
	// (Bound−Score)/Bound, 0 when Exact.
	Bound, Gap float64
	// Exact tells that Score is proven optimal.
	Exact bool
	// Method names how the list was found: "greedy", "bb" (branch and
	// bound) or "dp" (dynamic programming over the budgets).
	Method string
	Nodes  int
}

// Change is the difference a budget change makes.
type Change struct {
	Before, After *Solution
	// Added and Removed hold proposal IDs, in input order.
	Added, Removed []string
}

// Limits on the input: far above a real call, low enough to keep memory
// and time bounded.
const (
	MaxProposals     = 100_000
	MaxQuotas        = 200
	defaultNodeLimit = 10_000_000
)

// Solve returns the best list of p it can prove, or the best found with
// its gap. Bad input is an *amur.Error naming the field; when no list
// meets the minimum quotas it is an *amur.Error with key
// "fundopt.selection.infeasible", and "fundopt.selection.unsolved" when
// the search stopped at its node limit before finding any such list.
func Solve(ctx context.Context, p *Problem) (*Solution, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if p.dpFits() {
		return p.solveDP(ctx)
	}
	return p.solveBB(ctx)
}

// Validate checks the values of p.
func (p *Problem) Validate() error {
	if len(p.Proposals) > MaxProposals {
		return amur.Invalid("proposals", "err.too_many", "max", MaxProposals)
	}
	if len(p.Quotas) > MaxQuotas {
		return amur.Invalid("quotas", "err.too_many", "max", MaxQuotas)
	}
	if p.BudgetCN < 0 {
		return amur.Invalid("budget_cn", "err.negative")
	}
	if p.BudgetRU < 0 {
		return amur.Invalid("budget_ru", "err.negative")
	}
	if p.NodeLimit < 0 {
		return amur.Invalid("node_limit", "err.negative")
	}
	for i, x := range p.Proposals {
		switch {
		case math.IsNaN(x.Score) || math.IsInf(x.Score, 0) || x.Score < 0:
			return amur.Invalid(fmt.Sprintf("proposals[%d].score", i), "err.negative")
		case x.CostCN < 0:
			return amur.Invalid(fmt.Sprintf("proposals[%d].cost_cn", i), "err.negative")
		case x.CostRU < 0:
			return amur.Invalid(fmt.Sprintf("proposals[%d].cost_ru", i), "err.negative")
		}
	}
	seen := map[string]bool{}
	for i, q := range p.Quotas {
		f := fmt.Sprintf("quotas[%d]", i)
		switch {
		case seen[q.Field]:
			return amur.Invalid(f+".field", "fundopt.selection.quota_twice", "field", q.Field)
		case q.MinCount < 0 || q.MaxCount < 0 || q.MinCN < 0 || q.MaxCN < 0 || q.MinRU < 0 || q.MaxRU < 0:
			return amur.Invalid(f, "err.negative")
		case q.MaxCount > 0 && q.MinCount > q.MaxCount:
			return amur.Invalid(f+".min_count", "err.range", "min", 0, "max", q.MaxCount)
		case q.MaxCN > 0 && q.MinCN > q.MaxCN:
			return amur.Invalid(f+".min_cn", "err.range", "min", 0, "max", q.MaxCN)
		case q.MaxRU > 0 && q.MinRU > q.MaxRU:
			return amur.Invalid(f+".min_ru", "err.range", "min", 0, "max", q.MaxRU)
		}
		seen[q.Field] = true
	}
	return nil
}

// Greedy is the baseline: proposals by score per combined relative cost
// (a proposal's share of the yuan budget plus its share of the rouble
// budget), taken while both budgets and the quotas allow; fields with a
// minimum count are served first.
func Greedy(p *Problem) (*Solution, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	m := newModel(p)
	key := make([]float64, len(p.Proposals))
	for i, x := range p.Proposals {
		rel := float64(x.CostCN)/float64(max(p.BudgetCN, 1)) + float64(x.CostRU)/float64(max(p.BudgetRU, 1))
		key[i] = x.Score / max(rel, 1e-12)
	}
	sel, ok := m.fill(key)
	if !ok {
		return nil, infeasible()
	}
	s := m.solution(sel)
	s.Method = "greedy"
	s.Bound = math.Inf(1)
	s.Gap = 1
	return s, nil
}

// WhatIf solves p again with other budgets and reports which proposals
// enter and leave the list.
func WhatIf(ctx context.Context, p *Problem, budgetCN, budgetRU int64) (*Change, error) {
	before, err := Solve(ctx, p)
	if err != nil {
		return nil, err
	}
	q := *p
	q.BudgetCN, q.BudgetRU = budgetCN, budgetRU
	after, err := Solve(ctx, &q)
	if err != nil {
		return nil, err
	}
	c := &Change{Before: before, After: after}
	in := make([]int8, len(p.Proposals))
	for _, i := range before.Selected {
		in[i]--
	}
	for _, i := range after.Selected {
		in[i]++
	}
	for i, d := range in {
		switch d {
		case 1:
			c.Added = append(c.Added, p.Proposals[i].ID)
		case -1:
			c.Removed = append(c.Removed, p.Proposals[i].ID)
		}
	}
	return c, nil
}

func infeasible() error {
	return amur.Errorf(amur.EInvalid, "fundopt.selection.infeasible")
}
