package fund

import (
	"context"
	"slices"

	"amur"
	"amur/fund/selection"
)

// SelectRequest asks for the funding list of a call; a budget of 0 takes
// the call's own.
type SelectRequest struct {
	CallID   string `json:"call_id"`
	BudgetCN int64  `json:"budget_cn,omitempty"`
	BudgetRU int64  `json:"budget_ru,omitempty"`
}

// Selection is a funding list under both budgets and how good it is.
type Selection struct {
	CallID   string   `json:"call_id"`
	BudgetCN int64    `json:"budget_cn"`
	BudgetRU int64    `json:"budget_ru"`
	Funded   []string `json:"funded"`
	// Fundable is how many proposals both sides (or the one side) recommend.
	Fundable int     `json:"fundable"`
	Score    float64 `json:"score"`
	CostCN   int64   `json:"cost_cn"`
	CostRU   int64   `json:"cost_ru"`
	Bound    float64 `json:"bound"`
	Gap      float64 `json:"gap"`
	Exact    bool    `json:"exact"`
	Method   string  `json:"method"`
}

// WhatIf is the change a budget change makes to the funding list.
type WhatIf struct {
	Before  *Selection `json:"before"`
	After   *Selection `json:"after"`
	Added   []string   `json:"added"`
	Removed []string   `json:"removed"`
}

// Select computes the funding list of a call without storing it: the
// fundable proposals of largest total score within both budgets and the
// field quotas. The offices may ask; changing the budgets is the what-if.
func (s *Service) Select(ctx context.Context, req SelectRequest) (*Selection, error) {
	if err := s.offices(ctx); err != nil {
		return nil, err
	}
	var out *Selection
	err := s.store.FundRead(ctx, func(tx amur.FundTx) error {
		c, props, err := fundable(tx, req.CallID)
		if err != nil {
			return err
		}
		out, err = solve(ctx, c, props, req)
		return err
	})
	return out, err
}

// CompareBudgets returns the funding list at the call's budgets and at
// the budgets of req, and which proposals enter and leave.
func (s *Service) CompareBudgets(ctx context.Context, req SelectRequest) (*WhatIf, error) {
	if err := s.offices(ctx); err != nil {
		return nil, err
	}
	var out *WhatIf
	err := s.store.FundRead(ctx, func(tx amur.FundTx) error {
		c, props, err := fundable(tx, req.CallID)
		if err != nil {
			return err
		}
		base, err := problemOf(c, props, SelectRequest{CallID: req.CallID})
		if err != nil {
			return err
		}
		alt, err := problemOf(c, props, req)
		if err != nil {
			return err
		}
		out = &WhatIf{Added: []string{}, Removed: []string{}}
		if len(props) == 0 {
			out.Before, out.After = selectionOf(c, props, base, nil), selectionOf(c, props, alt, nil)
			return nil
		}
		ch, err := selection.WhatIf(ctx, base, alt.BudgetCN, alt.BudgetRU)
		if err != nil {
			return err
		}
		out.Before, out.After = selectionOf(c, props, base, ch.Before), selectionOf(c, props, alt, ch.After)
		out.Added = append(out.Added, ch.Added...)
		out.Removed = append(out.Removed, ch.Removed...)
		return nil
	})
	return out, err
}

// Decide selects at the call's budgets and records the decision: the
// selected proposals are funded, each side paying its own team what it
// asked, and every other proposal under review is declined.
func (s *Service) Decide(ctx context.Context, callID string) (*Selection, error) {
	if err := s.offices(ctx); err != nil {
		return nil, err
	}
	var out *Selection
	err := s.store.FundWrite(ctx, func(tx amur.FundTx) error {
		c, props, err := fundable(tx, callID)
		if err != nil {
			return err
		}
		if out, err = solve(ctx, c, props, SelectRequest{CallID: callID}); err != nil {
			return err
		}
		all, err := amur.FundList[amur.Proposal](tx, amur.KindProposal, amur.FundFilter{CallID: callID, Status: string(amur.UnderReview)})
		if err != nil {
			return err
		}
		if len(all) == 0 {
			return amur.Errorf(amur.EConflict, "fund.err.nothing_to_decide")
		}
		for _, p := range all {
			p.Status = amur.Declined
			if slices.Contains(out.Funded, p.ID) {
				p.Status = amur.Funded
				for _, cs := range c.Sides {
					if t := p.Total(cs.Side); t > 0 {
						p.Awards = append(p.Awards, amur.Award{Side: cs.Side, Amount: t, Currency: cs.Currency})
					}
				}
			}
			if err := tx.Update(p, "decision"); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// offices refuses anyone but the offices and admins.
func (s *Service) offices(ctx context.Context) error {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return err
	}
	if !w.anyOffice() {
		return forbidden("fund.err.office_only")
	}
	return nil
}

// fundable returns the call and its fundable proposals under review.
func fundable(tx amur.FundTx, callID string) (*amur.FundCall, []*amur.Proposal, error) {
	c, err := getCall(tx, callID)
	if err != nil {
		return nil, nil, err
	}
	all, err := amur.FundList[amur.Proposal](tx, amur.KindProposal, amur.FundFilter{CallID: callID, Status: string(amur.UnderReview)})
	if err != nil {
		return nil, nil, err
	}
	return c, slices.DeleteFunc(all, func(p *amur.Proposal) bool { return !Fundable(c, p) }), nil
}

// problemOf builds the selection problem of the fundable proposals.
func problemOf(c *amur.FundCall, props []*amur.Proposal, req SelectRequest) (*selection.Problem, error) {
	prob := &selection.Problem{BudgetCN: req.BudgetCN, BudgetRU: req.BudgetRU}
	if prob.BudgetCN == 0 {
		prob.BudgetCN = c.Side(amur.SideCN).Budget
	}
	if prob.BudgetRU == 0 {
		prob.BudgetRU = c.Side(amur.SideRU).Budget
	}
	if prob.BudgetCN < 0 || prob.BudgetRU < 0 {
		return nil, amur.Invalid("budget", "err.negative")
	}
	for _, q := range c.Quotas {
		prob.Quotas = append(prob.Quotas, selection.Quota{Field: q.Field, MinCount: q.Min, MaxCount: q.Max})
	}
	for _, p := range props {
		prob.Proposals = append(prob.Proposals, selection.Proposal{ID: p.ID, Score: score(p),
			CostCN: p.Total(amur.SideCN), CostRU: p.Total(amur.SideRU), Field: priorityField(c, p)})
	}
	return prob, nil
}

// solve solves the selection problem of req.
func solve(ctx context.Context, c *amur.FundCall, props []*amur.Proposal, req SelectRequest) (*Selection, error) {
	prob, err := problemOf(c, props, req)
	if err != nil || len(props) == 0 {
		return selectionOf(c, props, prob, nil), err
	}
	sol, err := selection.Solve(ctx, prob)
	if err != nil {
		return nil, err
	}
	return selectionOf(c, props, prob, sol), nil
}

// selectionOf describes a solution; a nil one is the empty list.
func selectionOf(c *amur.FundCall, props []*amur.Proposal, prob *selection.Problem, sol *selection.Solution) *Selection {
	out := &Selection{CallID: c.ID, Funded: []string{}, Fundable: len(props), Exact: true}
	if prob != nil {
		out.BudgetCN, out.BudgetRU = prob.BudgetCN, prob.BudgetRU
	}
	if sol == nil {
		return out
	}
	for _, i := range sol.Selected {
		out.Funded = append(out.Funded, props[i].ID)
	}
	out.Score, out.CostCN, out.CostRU = sol.Score, sol.CostCN, sol.CostRU
	out.Bound, out.Gap, out.Exact, out.Method = sol.Bound, sol.Gap, sol.Exact, sol.Method
	return out
}

// score is a proposal's merit for the selection: the mean of the scores
// of the sides that recommend it.
func score(p *amur.Proposal) float64 {
	var sum float64
	n := 0
	for _, v := range p.Verdicts {
		if v.Recommended {
			sum += v.Score
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// priorityField returns the field of p that a quota of c counts it under:
// its first field with a quota, else its first field.
func priorityField(c *amur.FundCall, p *amur.Proposal) string {
	for _, f := range p.Fields {
		if slices.ContainsFunc(c.Quotas, func(q amur.FieldQuota) bool { return q.Field == f }) {
			return f
		}
	}
	if len(p.Fields) > 0 {
		return p.Fields[0]
	}
	return ""
}
