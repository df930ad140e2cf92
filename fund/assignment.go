package fund

import (
	"context"
	"errors"
	"slices"
	"strings"

	"amur"
	"amur/fund/assign"
	"amur/xling"
)

// AssignRequest asks for one side's reviewer assignment of a call.
type AssignRequest struct {
	CallID string
	Side   string
	// K is the number of reviewers per proposal; 0 takes the call's.
	K int
	// Forced are pairs an office chose by hand; a conflicted one is refused.
	Forced []Pair
	// Fair first raises the weakest assigned pair's affinity as high as it
	// goes, then maximises the total among assignments that keep it.
	Fair bool
}

// Pair names a proposal and a reviewer.
type Pair struct {
	ProposalID string `json:"proposal_id"`
	ReviewerID string `json:"reviewer_id"`
}

// AssignResult is a stored assignment with what the solver proved.
type AssignResult struct {
	Assignments []*amur.Assignment `json:"assignments"`
	Objective   float64            `json:"objective"`
	// Conflicts is how many proposal–reviewer pairs were excluded.
	Conflicts int `json:"conflicts"`
}

// forcedAffinity is the affinity a forced pair gets; other affinities are
// scaled below it so that the optimum keeps the office's choice.
const (
	forcedAffinity = 1.0
	freeScale      = 0.5
)

// Assign builds the assignment problem of one side of a call (its
// eligible and under-review proposals, its side's reviewers, their loads,
// affinities and conflicts), solves it exactly and stores the result in
// place of the side's earlier assignment, moving eligible proposals under
// review. An infeasible problem is the solver's coded error, naming the
// proposals that lack reviewers.
func (s *Service) Assign(ctx context.Context, req AssignRequest) (*AssignResult, error) {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return nil, err
	}
	if !w.office(req.Side) {
		return nil, forbidden("fund.err.own_side", "side", req.Side)
	}
	var out *AssignResult
	err = s.store.FundWrite(ctx, func(tx amur.FundTx) error {
		c, err := getCall(tx, req.CallID)
		if err != nil {
			return err
		}
		prob, err := s.problem(ctx, tx, c, req)
		if err != nil {
			return err
		}
		res, err := assign.Solve(ctx, &prob.in)
		if err != nil {
			return prob.named(err)
		}
		for _, f := range prob.forced {
			if !slices.Contains(res.Pairs, f) {
				return amur.Errorf(amur.EConflict, "fund.err.forced_unplaced",
					"proposal", prob.props[f.Proposal].ID, "reviewer", prob.revs[f.Reviewer].Name)
			}
		}
		out, err = prob.store(tx, res)
		return err
	})
	return out, err
}

// problem is one side's assignment problem and the records behind it.
type problem struct {
	in     assign.Instance
	props  []*amur.Proposal
	revs   []*amur.Reviewer
	forced []assign.Pair
	side   string
	callID string
	// aff is the affinity before forced pairs were raised.
	aff []float32
}

// problem builds the instance of req.
func (s *Service) problem(ctx context.Context, tx amur.FundTx, c *amur.FundCall, req AssignRequest) (*problem, error) {
	cs := c.Side(req.Side)
	if cs == nil {
		return nil, amur.Invalid("side", "err.enum", "value", req.Side, "allowed", "CN, RU")
	}
	k := req.K
	if k == 0 {
		k = cs.Reviewers
	}
	all, err := amur.FundList[amur.Proposal](tx, amur.KindProposal, amur.FundFilter{CallID: c.ID})
	if err != nil {
		return nil, err
	}
	pr := &problem{side: req.Side, callID: c.ID}
	for _, p := range all {
		if p.Status == amur.Eligible || p.Status == amur.UnderReview {
			pr.props = append(pr.props, p)
		}
	}
	if pr.revs, err = amur.FundList[amur.Reviewer](tx, amur.KindReviewer, amur.FundFilter{Side: req.Side}); err != nil {
		return nil, err
	}
	if len(pr.props) == 0 {
		return nil, amur.Invalid("call_id", "fund.err.nothing_to_assign")
	}
	if len(pr.revs) == 0 {
		return nil, amur.Invalid("side", "fund.err.no_reviewers", "side", req.Side)
	}
	pr.in = assign.Instance{Proposals: len(pr.props), Reviewers: len(pr.revs), K: k, Load: make([]int, len(pr.revs)), Fair: req.Fair}
	for i, r := range pr.revs {
		pr.in.Load[i] = r.Load
	}
	pr.aff = Affinity(pr.props, pr.revs)
	pr.in.Affinity = slices.Clone(pr.aff)
	if err := s.addConflicts(ctx, tx, c, pr); err != nil {
		return nil, err
	}
	return pr, s.force(ctx, tx, c, pr, req.Forced)
}

// addConflicts excludes every conflicted pair.
func (s *Service) addConflicts(ctx context.Context, tx amur.FundTx, c *amur.FundCall, pr *problem) error {
	k, err := s.newConflicts(tx, c)
	if err != nil {
		return err
	}
	for i, p := range pr.props {
		for j, r := range pr.revs {
			why, err := s.conflict(ctx, k, r, p)
			if err != nil {
				return err
			}
			if why != "" {
				pr.in.Conflicts = append(pr.in.Conflicts, assign.Pair{Proposal: i, Reviewer: j})
			}
		}
	}
	return nil
}

// force raises the office's pairs above every other and refuses a
// conflicted one, naming its reason.
func (s *Service) force(ctx context.Context, tx amur.FundTx, c *amur.FundCall, pr *problem, forced []Pair) error {
	if len(forced) == 0 {
		return nil
	}
	k, err := s.newConflicts(tx, c)
	if err != nil {
		return err
	}
	for i := range pr.in.Affinity {
		pr.in.Affinity[i] *= freeScale
	}
	for n, f := range forced {
		i := slices.IndexFunc(pr.props, func(p *amur.Proposal) bool { return p.ID == f.ProposalID })
		j := slices.IndexFunc(pr.revs, func(r *amur.Reviewer) bool { return r.ID == f.ReviewerID })
		if i < 0 || j < 0 {
			return amur.Invalid("forced["+itoa(n)+"]", "fund.err.forced_unknown")
		}
		why, err := s.conflict(ctx, k, pr.revs[j], pr.props[i])
		if err != nil {
			return err
		}
		if why != "" {
			e := amur.Errorf(amur.EConflict, "fund.err.conflict_forced", "reviewer", pr.revs[j].Name, "reason", why)
			e.Field = "forced[" + itoa(n) + "]"
			return e
		}
		pr.in.Affinity[i*len(pr.revs)+j] = forcedAffinity
		pr.forced = append(pr.forced, assign.Pair{Proposal: i, Reviewer: j})
	}
	return nil
}

// named rewrites the solver's infeasibility error with proposal ids in
// place of indexes; other errors pass unchanged.
func (pr *problem) named(err error) error {
	var e *amur.Error
	if !errors.As(err, &e) || e.Args == nil {
		return err
	}
	idx, ok := e.Args["proposals"].([]int)
	if !ok {
		return err
	}
	ids := make([]string, len(idx))
	for i, p := range idx {
		ids[i] = pr.props[p].ID
	}
	out := *e
	out.Args = map[string]any{}
	for k, v := range e.Args {
		out.Args[k] = v
	}
	out.Args["proposals"] = strings.Join(ids, ", ")
	out.Args["side"] = pr.side
	return &out
}

// store replaces the side's assignments with res and moves eligible
// proposals under review.
func (pr *problem) store(tx amur.FundTx, res *assign.Result) (*AssignResult, error) {
	old, err := amur.FundList[amur.Assignment](tx, amur.KindAssignment, amur.FundFilter{CallID: pr.callID, Side: pr.side})
	if err != nil {
		return nil, err
	}
	reviews, err := tx.List(amur.KindReview, amur.FundFilter{CallID: pr.callID, Side: pr.side})
	if err != nil {
		return nil, err
	}
	if len(reviews) > 0 {
		// Reviews answer the assignment they were written for; replacing it
		// would leave them counted for reviewers no longer assigned.
		return nil, amur.Errorf(amur.EConflict, "fund.err.reviews_exist", "side", pr.side, "count", len(reviews))
	}
	for _, a := range old {
		if err := tx.Delete(amur.KindAssignment, a.ID); err != nil {
			return nil, err
		}
	}
	out := &AssignResult{Objective: res.Objective, Conflicts: len(pr.in.Conflicts)}
	for _, p := range res.Pairs {
		a := &amur.Assignment{CallID: pr.callID, Side: pr.side, ProposalID: pr.props[p.Proposal].ID,
			ReviewerID: pr.revs[p.Reviewer].ID, Affinity: float64(pr.aff[p.Proposal*len(pr.revs)+p.Reviewer]),
			Forced: slices.Contains(pr.forced, p)}
		if err := tx.Create(a); err != nil {
			return nil, err
		}
		out.Assignments = append(out.Assignments, a)
	}
	for _, p := range pr.props {
		if p.Status == amur.Eligible {
			p.Status = amur.UnderReview
			if err := tx.Update(p, ""); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// Affinity returns how well each reviewer's expertise matches each
// proposal, row by proposal, in [0,1]: the cross-lingual score of the
// expertise (in each language it is written in) against the proposal's
// title, abstract and keywords, scaled by the best pair, then moved by the
// reviewer's bid (a tenth per step).
func Affinity(props []*amur.Proposal, revs []*amur.Reviewer) []float32 {
	ix := xling.NewIndex()
	for i, p := range props {
		for _, l := range amur.Langs {
			text := strings.TrimSpace(p.Title.Get(l) + "\n" + p.Abstract.Get(l))
			if l == p.Title.Orig || l == amur.EN && p.Title.Orig == "" {
				text += "\n" + strings.Join(p.Keywords, ", ")
			}
			if strings.TrimSpace(text) != "" {
				_ = ix.Add(itoa(i)+"/"+string(l), text, l)
			}
		}
	}
	ix.Freeze()
	aff := make([]float32, len(props)*len(revs))
	var best float32
	for j, r := range revs {
		for _, l := range amur.Langs {
			q := r.Expertise.Get(l)
			if q == "" {
				continue
			}
			ix.Scores(q, l, func(id string, score float64) {
				i := atoi(id[:strings.IndexByte(id, '/')])
				if v := float32(score); v > aff[i*len(revs)+j] {
					aff[i*len(revs)+j] = v
				}
			})
		}
	}
	for _, v := range aff {
		best = max(best, v)
	}
	for i := range aff {
		if best > 0 {
			aff[i] /= best
		}
		r := revs[i%len(revs)]
		aff[i] = min(1, max(0, aff[i]+0.1*float32(r.Bids[props[i/len(revs)].ID])))
	}
	return aff
}

// atoi reads a non-negative decimal index.
func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// Assignments lists a side's assignments of a call to that side's office.
func (s *Service) Assignments(ctx context.Context, callID, side string) ([]*amur.Assignment, error) {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return nil, err
	}
	if !w.office(side) {
		return nil, forbidden("fund.err.own_side", "side", side)
	}
	var out []*amur.Assignment
	err = s.store.FundRead(ctx, func(tx amur.FundTx) (err error) {
		out, err = amur.FundList[amur.Assignment](tx, amur.KindAssignment, amur.FundFilter{CallID: callID, Side: side})
		return err
	})
	return out, err
}

// reviewerAssignments lists the assignments of the calling reviewer in a
// call, across the reviewer records its account holds.
func (s *Service) reviewerAssignments(tx amur.FundTx, w who, callID string) ([]*amur.Assignment, error) {
	rs, err := amur.FundList[amur.Reviewer](tx, amur.KindReviewer, amur.FundFilter{OwnerID: w.user()})
	if err != nil || w.user() == "" {
		return nil, err
	}
	var out []*amur.Assignment
	for _, r := range rs {
		as, err := amur.FundList[amur.Assignment](tx, amur.KindAssignment, amur.FundFilter{CallID: callID, OwnerID: r.ID})
		if err != nil {
			return nil, err
		}
		out = append(out, as...)
	}
	return out, nil
}
