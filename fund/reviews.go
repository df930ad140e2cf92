package fund

import (
	"cmp"
	"context"
	"slices"

	"amur"
)

// SubmitReview stores a reviewer's scores and comments on a proposal
// assigned to it, replacing its earlier review. Every criterion of the
// call must be scored, from 0 to 10; the total is their weighted mean.
func (s *Service) SubmitReview(ctx context.Context, rv *amur.Review) error {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return err
	}
	if !w.all && !w.p.Is(amur.RoleReviewer) {
		return forbidden("fund.err.reviewer_only")
	}
	return s.store.FundWrite(ctx, func(tx amur.FundTx) error {
		a, err := s.assignmentFor(tx, w, rv)
		if err != nil {
			return err
		}
		var p amur.Proposal
		if err := tx.Get(a.ProposalID, &p); err != nil {
			return err
		}
		if p.Status != amur.UnderReview {
			return amur.MoveError(p.Status, amur.UnderReview)
		}
		c, err := getCall(tx, p.CallID)
		if err != nil {
			return err
		}
		if rv.Total, err = total(c, rv.Scores); err != nil {
			return err
		}
		rv.CallID, rv.Side, rv.ProposalID, rv.ReviewerID = a.CallID, a.Side, a.ProposalID, a.ReviewerID
		old, err := amur.FundList[amur.Review](tx, amur.KindReview, amur.FundFilter{ProposalID: a.ProposalID, OwnerID: a.ReviewerID})
		if err != nil {
			return err
		}
		if len(old) == 0 {
			rv.Meta = amur.Meta{}
			return tx.Create(rv)
		}
		rv.Meta = old[0].Meta
		return tx.Update(rv, "")
	})
}

// assignmentFor finds the assignment a review answers: the calling
// reviewer's for the proposal (or, for an admin, the named reviewer's).
func (s *Service) assignmentFor(tx amur.FundTx, w who, rv *amur.Review) (*amur.Assignment, error) {
	f := amur.FundFilter{ProposalID: rv.ProposalID}
	if w.all {
		f.OwnerID = rv.ReviewerID
	}
	as, err := amur.FundList[amur.Assignment](tx, amur.KindAssignment, f)
	if err != nil {
		return nil, err
	}
	var mine []*amur.Reviewer
	if !w.all {
		if mine, err = amur.FundList[amur.Reviewer](tx, amur.KindReviewer, amur.FundFilter{OwnerID: w.user()}); err != nil {
			return nil, err
		}
	}
	for _, a := range as {
		if w.all || slices.ContainsFunc(mine, func(r *amur.Reviewer) bool { return r.ID == a.ReviewerID }) {
			return a, nil
		}
	}
	return nil, amur.NotFound(string(amur.KindAssignment), rv.ProposalID)
}

// total checks the scores against the call's criteria and returns their
// weighted mean.
func total(c *amur.FundCall, scores map[string]float64) (float64, error) {
	var sum, weights float64
	for _, k := range c.Criteria {
		v, ok := scores[k.Key]
		if !ok {
			return 0, amur.Invalid("scores."+k.Key, "err.required")
		}
		if v < 0 || v > amur.ScoreMax {
			return 0, amur.Invalid("scores."+k.Key, "err.range", "min", 0, "max", amur.ScoreMax)
		}
		sum += k.Weight * v
		weights += k.Weight
	}
	for key := range scores {
		if !slices.ContainsFunc(c.Criteria, func(k amur.Criterion) bool { return k.Key == key }) {
			return 0, amur.Invalid("scores."+key, "fund.err.criterion")
		}
	}
	return sum / weights, nil
}

// Reviews lists a side's reviews of a call to that side's office.
func (s *Service) Reviews(ctx context.Context, callID, side string) ([]*amur.Review, error) {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return nil, err
	}
	if !w.office(side) {
		return nil, forbidden("fund.err.own_side", "side", side)
	}
	var out []*amur.Review
	err = s.store.FundRead(ctx, func(tx amur.FundTx) (err error) {
		out, err = amur.FundList[amur.Review](tx, amur.KindReview, amur.FundFilter{CallID: callID, Side: side})
		return err
	})
	return out, err
}

// Ranked is one proposal's place in a side's ranking.
type Ranked struct {
	Rank       int       `json:"rank"`
	ProposalID string    `json:"proposal_id"`
	Title      amur.Text `json:"title"`
	Score      float64   `json:"score"`
	Reviews    int       `json:"reviews"`
	Status     string    `json:"status"`
}

// Ranking ranks a side's reviewed proposals of a call by the mean total of
// that side's reviews, best first; proposals without reviews come last.
func (s *Service) Ranking(ctx context.Context, callID, side string) ([]Ranked, error) {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return nil, err
	}
	if !w.office(side) {
		return nil, forbidden("fund.err.own_side", "side", side)
	}
	var out []Ranked
	err = s.store.FundRead(ctx, func(tx amur.FundTx) (err error) {
		out, err = ranking(tx, callID, side)
		return err
	})
	return out, err
}

// ranking computes a side's ranking in tx.
func ranking(tx amur.FundTx, callID, side string) ([]Ranked, error) {
	props, err := amur.FundList[amur.Proposal](tx, amur.KindProposal, amur.FundFilter{CallID: callID})
	if err != nil {
		return nil, err
	}
	reviews, err := amur.FundList[amur.Review](tx, amur.KindReview, amur.FundFilter{CallID: callID, Side: side})
	if err != nil {
		return nil, err
	}
	var out []Ranked
	for _, p := range props {
		if p.Status != amur.UnderReview && p.Status != amur.Funded && p.Status != amur.Declined {
			continue
		}
		r := Ranked{ProposalID: p.ID, Title: p.Title, Status: string(p.Status)}
		for _, rv := range reviews {
			if rv.ProposalID == p.ID {
				r.Score += rv.Total
				r.Reviews++
			}
		}
		if r.Reviews > 0 {
			r.Score /= float64(r.Reviews)
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b Ranked) int {
		if c := cmp.Compare(min(b.Reviews, 1), min(a.Reviews, 1)); c != 0 {
			return c
		}
		return cmp.Compare(b.Score, a.Score)
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return out, nil
}

// RecommendRequest is one side's recommendation on a call's proposals
// under review: those named, those at or above MinScore and the Top best
// ranked are recommended; the others are not.
type RecommendRequest struct {
	CallID   string   `json:"call_id"`
	Side     string   `json:"side"`
	IDs      []string `json:"ids,omitempty"`
	MinScore float64  `json:"min_score,omitempty"`
	Top      int      `json:"top,omitempty"`
}

// Recommend records one side's verdict on every proposal of the call under
// review, with its score and rank. Each side decides alone.
func (s *Service) Recommend(ctx context.Context, req RecommendRequest) ([]Ranked, error) {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return nil, err
	}
	if !w.office(req.Side) {
		return nil, forbidden("fund.err.own_side", "side", req.Side)
	}
	var out []Ranked
	err = s.store.FundWrite(ctx, func(tx amur.FundTx) error {
		rank, err := ranking(tx, req.CallID, req.Side)
		if err != nil {
			return err
		}
		for _, r := range rank {
			if r.Status != string(amur.UnderReview) {
				continue
			}
			var p amur.Proposal
			if err := tx.Get(r.ProposalID, &p); err != nil {
				return err
			}
			ok := slices.Contains(req.IDs, p.ID) || r.Reviews > 0 && (req.MinScore > 0 && r.Score >= req.MinScore || r.Rank <= req.Top)
			v := amur.Verdict{Side: req.Side, Recommended: ok, Score: r.Score, Rank: r.Rank}
			p.Verdicts = slices.DeleteFunc(p.Verdicts, func(v amur.Verdict) bool { return v.Side == req.Side })
			p.Verdicts = append(p.Verdicts, v)
			if err := tx.Update(&p, ""); err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// Fundable tells whether p may be funded: both sides recommend it, or one
// side does in a one-sided call.
func Fundable(c *amur.FundCall, p *amur.Proposal) bool {
	n := 0
	for _, v := range p.Verdicts {
		if v.Recommended {
			n++
		}
	}
	if c.OneSided {
		return n > 0
	}
	return n == len(amur.FundSides)
}
