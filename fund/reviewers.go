package fund

import (
	"context"
	"slices"
	"time"

	"amur"
)

// CreateReviewer adds an expert to a side's pool; only that side's office
// (or an admin) manages its reviewers.
func (s *Service) CreateReviewer(ctx context.Context, r *amur.Reviewer) error {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return err
	}
	r.Normalize()
	if !w.office(r.Side) {
		return forbidden("fund.err.own_side", "side", r.Side)
	}
	r.Meta = amur.Meta{}
	return s.store.FundWrite(ctx, func(tx amur.FundTx) error { return tx.Create(r) })
}

// UpdateReviewer replaces a reviewer of the office's side.
func (s *Service) UpdateReviewer(ctx context.Context, r *amur.Reviewer) error {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return err
	}
	return s.store.FundWrite(ctx, func(tx amur.FundTx) error {
		var old amur.Reviewer
		if err := tx.Get(r.ID, &old); err != nil {
			return err
		}
		r.Normalize()
		if !w.office(old.Side) || !w.office(r.Side) {
			return forbidden("fund.err.own_side", "side", old.Side)
		}
		return tx.Update(r, "")
	})
}

// Reviewers lists a side's reviewers to that side's office. Reviewer
// identities are never shown to applicants.
func (s *Service) Reviewers(ctx context.Context, side string) ([]*amur.Reviewer, error) {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return nil, err
	}
	if !w.office(side) {
		return nil, forbidden("fund.err.own_side", "side", side)
	}
	var out []*amur.Reviewer
	err = s.store.FundRead(ctx, func(tx amur.FundTx) (err error) {
		out, err = amur.FundList[amur.Reviewer](tx, amur.KindReviewer, amur.FundFilter{Side: side})
		return err
	})
	return out, err
}

// Bid records a reviewer's wish to review a proposal, from -2 to +2; the
// reviewer bids for itself.
func (s *Service) Bid(ctx context.Context, proposalID string, bid int) error {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return err
	}
	if !w.p.Is(amur.RoleReviewer) {
		return forbidden("fund.err.reviewer_only")
	}
	return s.store.FundWrite(ctx, func(tx amur.FundTx) error {
		rs, err := amur.FundList[amur.Reviewer](tx, amur.KindReviewer, amur.FundFilter{OwnerID: w.user()})
		if err != nil {
			return err
		}
		if len(rs) == 0 {
			return forbidden("fund.err.reviewer_only")
		}
		var p amur.Proposal
		if err := tx.Get(proposalID, &p); err != nil {
			return err
		}
		for _, r := range rs {
			if r.Bids == nil {
				r.Bids = map[string]int{}
			}
			r.Bids[proposalID] = bid
			if err := tx.Update(r, ""); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeclareConflict records the calling reviewer's conflict of interest with
// a proposal: it is never assigned the proposal again. An assignment made
// before stays until the office assigns again.
func (s *Service) DeclareConflict(ctx context.Context, proposalID string) error {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return err
	}
	if !w.p.Is(amur.RoleReviewer) {
		return forbidden("fund.err.reviewer_only")
	}
	return s.store.FundWrite(ctx, func(tx amur.FundTx) error {
		rs, err := amur.FundList[amur.Reviewer](tx, amur.KindReviewer, amur.FundFilter{OwnerID: w.user()})
		if err != nil {
			return err
		}
		if len(rs) == 0 {
			return forbidden("fund.err.reviewer_only")
		}
		var p amur.Proposal
		if err := tx.Get(proposalID, &p); err != nil {
			return err
		}
		for _, r := range rs {
			if !slices.Contains(r.Conflicts, proposalID) {
				r.Conflicts = append(r.Conflicts, proposalID)
				if err := tx.Update(r, ""); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// The conflicts of interest, by name: the reasons a reviewer may not
// review a proposal.
const (
	ConflictSamePerson   = "same_person"
	ConflictSameOrg      = "same_organisation"
	ConflictDeclared     = "declared"
	ConflictActivity     = "shared_activity"
	ConflictProposal     = "shared_proposal"
	maxActivitiesChecked = amur.MaxLimit
)

// conflicts knows the history a conflict of interest is judged on: the
// activities and earlier proposals of the people involved.
type conflicts struct {
	since time.Time
	// activities maps a person to the activities they took part in since.
	activities map[string][]string
	// proposals lists recent proposals of any call, for shared teams.
	proposals []*amur.Proposal
	// names caches the comparisons of names across scripts.
	names *nameMatcher
}

// newConflicts gathers the history of the call's conflict window.
func (s *Service) newConflicts(tx amur.FundTx, c *amur.FundCall) (*conflicts, error) {
	since := s.now().UTC().AddDate(-c.ConflictYears, 0, 0)
	all, err := amur.FundList[amur.Proposal](tx, amur.KindProposal, amur.FundFilter{})
	if err != nil {
		return nil, err
	}
	k := &conflicts{since: since, activities: map[string][]string{}}
	for _, p := range all {
		if p.CreatedAt.After(since) && p.Status != amur.Draft {
			k.proposals = append(k.proposals, p)
		}
	}
	return k, nil
}

// activitiesOf returns the ids of the activities person took part in
// within the window, reading the registry once per person.
func (s *Service) activitiesOf(ctx context.Context, k *conflicts, person string) ([]string, error) {
	if ids, ok := k.activities[person]; ok {
		return ids, nil
	}
	list, err := s.reg.Activities(ctx, amur.ActivityFilter{PersonID: person, From: k.since, Drafts: amur.AllDrafts,
		Page: amur.Page{Limit: maxActivitiesChecked}})
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(list.Items))
	for i, a := range list.Items {
		ids[i] = a.ID
	}
	k.activities[person] = ids
	return ids, nil
}

// Conflict returns why r may not review p, or "" when it may.
func (s *Service) conflict(ctx context.Context, k *conflicts, r *amur.Reviewer, p *amur.Proposal) (string, error) {
	for _, m := range p.Team {
		switch {
		case r.PersonID != "" && m.PersonID == r.PersonID:
			return ConflictSamePerson, nil
		case r.OrgID != "" && m.OrgID == r.OrgID:
			return ConflictSameOrg, nil
		case slices.Contains(r.Conflicts, m.PersonID) || slices.Contains(r.Conflicts, m.OrgID):
			return ConflictDeclared, nil
		}
	}
	if slices.Contains(r.Conflicts, p.ID) {
		return ConflictDeclared, nil
	}
	if why, err := s.sameByName(ctx, k, r, p); err != nil || why != "" {
		return why, err
	}
	if r.PersonID == "" {
		return "", nil
	}
	mine, err := s.activitiesOf(ctx, k, r.PersonID)
	if err != nil {
		return "", err
	}
	for _, m := range p.Team {
		if m.PersonID == "" {
			continue
		}
		theirs, err := s.activitiesOf(ctx, k, m.PersonID)
		if err != nil {
			return "", err
		}
		if slices.ContainsFunc(theirs, func(id string) bool { return slices.Contains(mine, id) }) {
			return ConflictActivity, nil
		}
	}
	for _, q := range k.proposals {
		if q.ID != p.ID && inTeam(q, r.PersonID) && slices.ContainsFunc(p.Team, func(m amur.TeamMember) bool {
			return m.PersonID != "" && inTeam(q, m.PersonID)
		}) {
			return ConflictProposal, nil
		}
	}
	return "", nil
}

// inTeam tells whether person is on p's team.
func inTeam(p *amur.Proposal, person string) bool {
	return slices.ContainsFunc(p.Team, func(m amur.TeamMember) bool { return m.PersonID == person })
}
