package fund

import (
	"context"
	"time"

	"amur"
)

// Conflict is one pair a side's assignment leaves out and why.
type Conflict struct {
	ProposalID string `json:"proposal_id"`
	ReviewerID string `json:"reviewer_id"`
	// Reason is one of the Conflict… names.
	Reason string `json:"reason"`
}

// Conflicts lists, for the office of side, every pair of an assignable
// proposal of the call and a reviewer of the side that a conflict of
// interest excludes, with its reason: the office sees why a reviewer was
// not given a proposal.
func (s *Service) Conflicts(ctx context.Context, callID, side string) ([]Conflict, error) {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return nil, err
	}
	if !w.office(side) {
		return nil, forbidden("fund.err.own_side", "side", side)
	}
	var out []Conflict
	err = s.store.FundRead(ctx, func(tx amur.FundTx) error {
		c, err := getCall(tx, callID)
		if err != nil {
			return err
		}
		props, err := amur.FundList[amur.Proposal](tx, amur.KindProposal, amur.FundFilter{CallID: callID})
		if err != nil {
			return err
		}
		revs, err := amur.FundList[amur.Reviewer](tx, amur.KindReviewer, amur.FundFilter{Side: side})
		if err != nil {
			return err
		}
		k, err := s.newConflicts(tx, c)
		if err != nil {
			return err
		}
		for _, p := range props {
			if p.Status != amur.Eligible && p.Status != amur.UnderReview {
				continue
			}
			for _, r := range revs {
				why, err := s.conflict(ctx, k, r, p)
				if err != nil {
					return err
				}
				if why != "" {
					out = append(out, Conflict{ProposalID: p.ID, ReviewerID: r.ID, Reason: why})
				}
			}
		}
		return nil
	})
	return out, err
}

// Now returns the fund's clock, against which the pages tell open calls
// from closed ones exactly as the service enforces deadlines.
func (s *Service) Now() time.Time { return s.now() }
