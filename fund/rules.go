package fund

import (
	"context"
	"slices"
	"strings"
	"time"

	"amur"
)

// beijing formats t in Beijing time, as the Chinese side reads deadlines.
func beijing(t time.Time) string { return inZone(t, "Asia/Shanghai") }

// moscow formats t in Moscow time, as the Russian side reads deadlines.
func moscow(t time.Time) string { return inZone(t, "Europe/Moscow") }

// inZone formats t to the second in the named zone.
func inZone(t time.Time, zone string) string {
	loc, err := amur.LoadZone(zone)
	if err != nil {
		loc = time.UTC
	}
	return t.In(loc).Format("2006-01-02 15:04:05 MST")
}

// checkSubmit checks the rules of c an applicant can meet before the
// deadline; the first one broken is the error.
func (s *Service) checkSubmit(tx amur.FundTx, c *amur.FundCall, p *amur.Proposal) error {
	if c.Kind == amur.JointProject {
		for _, side := range amur.FundSides {
			if !slices.Contains(p.Sides(), side) {
				return amur.Invalid("team", "fund.err.team_side", "side", side)
			}
		}
	} else if err := checkHost(tx, c, p); err != nil {
		return err
	}
	if err := checkBudget(c, p); err != nil {
		return err
	}
	if p.Months < c.MinMonths || p.Months > c.MaxMonths {
		return amur.Invalid("months", "err.range", "min", c.MinMonths, "max", c.MaxMonths)
	}
	for _, r := range c.Attachments {
		if r.Required && !slices.ContainsFunc(p.Attachments, func(a amur.Attachment) bool { return a.Type == r.Type }) {
			return amur.Invalid("attachments", "fund.err.attachment_missing", "type", r.Type)
		}
	}
	if c.SideLangs {
		for _, side := range p.Sides() {
			l := amur.SideLang(side)
			if p.Title.Get(l) == "" {
				return amur.Invalid("title."+string(l), "fund.err.lang_required", "lang", string(l))
			}
			if p.Abstract.Get(l) == "" {
				return amur.Invalid("abstract."+string(l), "fund.err.lang_required", "lang", string(l))
			}
		}
	}
	return nil
}

// checkHost checks a mobility application: it names a hosting offer of
// the call, and the applicant comes from the other side.
func checkHost(tx amur.FundTx, c *amur.FundCall, p *amur.Proposal) error {
	if p.HostID == "" {
		return amur.Invalid("host_id", "err.required")
	}
	var h amur.HostOffer
	if err := tx.Get(p.HostID, &h); err != nil || h.CallID != c.ID {
		return amur.Invalid("host_id", "fund.err.host_unknown")
	}
	for _, m := range p.Team {
		if m.Side == h.Side {
			return amur.Invalid("team", "fund.err.host_side", "side", h.Side)
		}
	}
	if len(p.Team) == 0 {
		return amur.Invalid("team", "err.required")
	}
	return nil
}

// checkBudget checks each side's request against the call's limits: a
// side pays only its own team, at most GrantMax in all and YearMax a year.
func checkBudget(c *amur.FundCall, p *amur.Proposal) error {
	sides := p.Sides()
	if c.Kind == amur.Mobility {
		sides = amur.FundSides
	}
	for i, b := range p.Budget {
		cs := c.Side(b.Side)
		if cs == nil || !slices.Contains(sides, b.Side) {
			return amur.Invalid("budget["+itoa(i)+"].side", "fund.err.budget_side", "side", b.Side)
		}
		if cs.YearMax > 0 && b.Amount > cs.YearMax {
			return amur.Invalid("budget["+itoa(i)+"].amount", "fund.err.budget_year",
				"side", b.Side, "year", b.Year, "amount", b.Amount, "max", cs.YearMax, "currency", cs.Currency)
		}
	}
	for _, cs := range c.Sides {
		if t := p.Total(cs.Side); t > cs.GrantMax {
			return amur.Invalid("budget", "fund.err.budget_over",
				"side", cs.Side, "amount", t, "max", cs.GrantMax, "currency", cs.Currency)
		}
	}
	return nil
}

// itoa formats an index for field paths.
func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// The eligibility rules an office checks after the deadline, by name; an
// ineligible proposal lists those it failed.
const (
	RuleLeads      = "leads"
	RuleOrgs       = "organisations_registered"
	RuleTeamSize   = "team_size"
	RuleDuplicate  = "duplicate_submission"
	RuleSubmission = "submission_rules"
)

// Eligibility checks every submitted proposal of a call and moves it to
// eligible or ineligible, naming the rules it failed. Only the offices do
// it; it returns the proposals it moved.
func (s *Service) Eligibility(ctx context.Context, callID string) ([]*amur.Proposal, error) {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return nil, err
	}
	if !w.anyOffice() {
		return nil, forbidden("fund.err.office_only")
	}
	var out []*amur.Proposal
	err = s.store.FundWrite(ctx, func(tx amur.FundTx) error {
		c, err := getCall(tx, callID)
		if err != nil {
			return err
		}
		all, err := amur.FundList[amur.Proposal](tx, amur.KindProposal, amur.FundFilter{CallID: callID})
		if err != nil {
			return err
		}
		for _, p := range all {
			if p.Status != amur.Submitted {
				continue
			}
			if p.Failed, err = s.failedRules(ctx, tx, c, p, all); err != nil {
				return err
			}
			p.Status = amur.Eligible
			if len(p.Failed) > 0 {
				p.Status = amur.Ineligible
			}
			if err := tx.Update(p, ""); err != nil {
				return err
			}
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// failedRules returns the names of the eligibility rules p breaks.
func (s *Service) failedRules(ctx context.Context, tx amur.FundTx, c *amur.FundCall, p *amur.Proposal, all []*amur.Proposal) ([]string, error) {
	var failed []string
	leadSides := amur.FundSides
	if c.Kind == amur.Mobility {
		leadSides = p.Sides()
	}
	for _, side := range leadSides {
		if p.Lead(side) == nil {
			failed = append(failed, RuleLeads)
			break
		}
	}
	ok, err := s.orgsRegistered(ctx, p)
	if err != nil {
		return nil, err
	}
	if !ok {
		failed = append(failed, RuleOrgs)
	}
	if n := len(p.Team); n < c.MinTeam || n > c.MaxTeam {
		failed = append(failed, RuleTeamSize)
	}
	if duplicate(p, all) {
		failed = append(failed, RuleDuplicate)
	}
	if s.checkSubmit(tx, c, p) != nil {
		failed = append(failed, RuleSubmission)
	}
	return failed, nil
}

// orgsRegistered tells whether every team member's organisation is in the
// registry, on the member's side.
func (s *Service) orgsRegistered(ctx context.Context, p *amur.Proposal) (bool, error) {
	for _, m := range p.Team {
		o, err := s.reg.Organization(ctx, m.OrgID)
		if amur.ErrorCode(err) == amur.ENotFound {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if o.Country != m.Side {
			return false, nil
		}
	}
	return true, nil
}

// duplicate tells whether another live proposal of the call, submitted
// before p, has the same title or shares a lead with it.
func duplicate(p *amur.Proposal, all []*amur.Proposal) bool {
	for _, q := range all {
		earlier := q.SubmittedAt.Before(p.SubmittedAt) || q.SubmittedAt.Equal(p.SubmittedAt) && q.ID < p.ID
		if q.ID == p.ID || q.SubmittedAt.IsZero() || !earlier || q.Status == amur.Withdrawn || q.Status == amur.Draft {
			continue
		}
		if sameTitle(p.Title, q.Title) || sameLeads(p, q) {
			return true
		}
	}
	return false
}

// sameTitle compares titles language by language, ignoring case and space.
func sameTitle(a, b amur.Text) bool {
	for _, l := range amur.Langs {
		x, y := strings.Join(strings.Fields(strings.ToLower(a.Get(l))), " "), strings.Join(strings.Fields(strings.ToLower(b.Get(l))), " ")
		if x != "" && x == y {
			return true
		}
	}
	return false
}

// sameLeads tells whether two proposals share a lead: a registered person
// leads at most one proposal of a call on a side, as the agencies allow
// one application per principal investigator.
func sameLeads(a, b *amur.Proposal) bool {
	for _, side := range amur.FundSides {
		la, lb := a.Lead(side), b.Lead(side)
		if la != nil && lb != nil && la.PersonID != "" && la.PersonID == lb.PersonID {
			return true
		}
	}
	return false
}
