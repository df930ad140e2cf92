// Package selection chooses which proposals the joint fund finances: the
// largest total score under both budgets (each proposal costs some yuan on
// the Chinese side and some roubles on the Russian side) and the quotas per
// priority field. It proves optimality where it can and otherwise reports
// an upper bound, so the gap between the list and the best possible is known.
package selection

import (
	"context"
	"errors"
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

// Quota bounds the proposals funded in one field. A zero maximum means no
// upper limit.
type Quota struct {
	Field              string
	MinCount, MaxCount int
	MaxCN, MaxRU       int64
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

// ErrNotImplemented is returned while the solver is being written.
var ErrNotImplemented = errors.New("selection: not implemented")

// Solve returns the best list of p it can prove, or the best found with
// its gap. Bad input is an *amur.Error naming the field.
func Solve(ctx context.Context, p *Problem) (*Solution, error) {
	return nil, ErrNotImplemented
}

// Greedy is the baseline: proposals by score per combined relative cost,
// taken while both budgets and the maximum quotas allow.
func Greedy(p *Problem) (*Solution, error) {
	return nil, ErrNotImplemented
}

// WhatIf solves p again with other budgets and reports which proposals
// enter and leave the list.
func WhatIf(ctx context.Context, p *Problem, budgetCN, budgetRU int64) (*Change, error) {
	return nil, ErrNotImplemented
}
