package amur

import (
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// ProposalStatus is where a proposal stands in the workflow.
type ProposalStatus string

// The proposal statuses. A draft is the applicant's to edit; submitting
// freezes it (a snapshot is kept); the offices then find it eligible or
// not, review it and each side recommends it or not; the funding decision
// ends it as funded or declined. An applicant may withdraw it until then.
const (
	Draft       ProposalStatus = "draft"
	Submitted   ProposalStatus = "submitted"
	Eligible    ProposalStatus = "eligible"
	Ineligible  ProposalStatus = "ineligible"
	UnderReview ProposalStatus = "under_review"
	Funded      ProposalStatus = "funded"
	Declined    ProposalStatus = "declined"
	Withdrawn   ProposalStatus = "withdrawn"
)

// ProposalStatuses lists every proposal status.
var ProposalStatuses = []ProposalStatus{Draft, Submitted, Eligible, Ineligible, UnderReview, Funded, Declined, Withdrawn}

// proposalMoves lists the statuses each status may move to.
var proposalMoves = map[ProposalStatus][]ProposalStatus{
	Draft:       {Submitted, Withdrawn},
	Submitted:   {Eligible, Ineligible, Withdrawn},
	Eligible:    {UnderReview, Withdrawn},
	UnderReview: {Funded, Declined, Withdrawn},
}

// CanMove reports whether a proposal in status from may move to status to.
func CanMove(from, to ProposalStatus) bool { return slices.Contains(proposalMoves[from], to) }

// MoveError is the error of a move the workflow does not allow.
func MoveError(from, to ProposalStatus) *Error {
	e := Errorf(EConflict, "fund.err.move", "from", from, "to", to)
	e.Field = "status"
	return e
}

// TeamRole is what a person does in a proposal's team.
type TeamRole string

// The team roles: each side's team has one lead.
const (
	LeadRole   TeamRole = "lead"
	MemberRole TeamRole = "member"
)

// TeamMember is one person of a proposal's team, on one side.
type TeamMember struct {
	PersonID string   `json:"person_id,omitempty"`
	Name     string   `json:"name"`
	OrgID    string   `json:"org_id"`
	Side     string   `json:"side"`
	Role     TeamRole `json:"role"`
}

// BudgetLine is what a proposal asks of one side for one year, in that
// side's currency.
type BudgetLine struct {
	Side   string `json:"side"`
	Year   int    `json:"year"`
	Amount int64  `json:"amount"`
}

// MaxAmount bounds any one sum of money, in a currency's units.
const MaxAmount = 1_000_000_000_000_000

// MaxAttachments bounds the documents of one proposal.
const MaxAttachments = 20

// Attachment describes a document attached to a proposal; its bytes are
// stored apart and read by id.
type Attachment struct {
	ID     string    `json:"id"`
	Type   string    `json:"type"`
	Name   string    `json:"name"`
	Media  string    `json:"media"`
	Size   int64     `json:"size"`
	SHA256 string    `json:"sha256"`
	At     time.Time `json:"at"`
}

// Verdict is one side's recommendation on a proposal after its review.
type Verdict struct {
	Side        string  `json:"side"`
	Recommended bool    `json:"recommended"`
	Score       float64 `json:"score"`
	Rank        int     `json:"rank"`
}

// Award is what one side pays a funded proposal, in its own currency.
type Award struct {
	Side     string `json:"side"`
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

// Proposal is an application to a call: a joint project with a team on
// each side, or one person's application to a hosting offer.
type Proposal struct {
	Meta
	CallID string `json:"call_id"`
	// OwnerID is the applicant's account; only it sees the proposal among
	// applicants.
	OwnerID  string       `json:"owner_id"`
	Title    Text         `json:"title"`
	Abstract Text         `json:"abstract"`
	Team     []TeamMember `json:"team"`
	Budget   []BudgetLine `json:"budget"`
	Months   int          `json:"months"`
	Fields   []string     `json:"fields"`
	Keywords []string     `json:"keywords"`
	// HostID names the hosting offer of a mobility application.
	HostID      string         `json:"host_id,omitempty"`
	Attachments []Attachment   `json:"attachments"`
	Status      ProposalStatus `json:"status"`
	// Failed names the eligibility rules an ineligible proposal failed.
	Failed      []string  `json:"failed,omitempty"`
	SubmittedAt time.Time `json:"submitted_at,omitzero"`
	Verdicts    []Verdict `json:"verdicts,omitempty"`
	Awards      []Award   `json:"awards,omitempty"`
}

// Total returns what the proposal asks of side over all years.
func (p *Proposal) Total(side string) int64 {
	var n int64
	for _, b := range p.Budget {
		if b.Side == side {
			n += b.Amount
		}
	}
	return n
}

// Sides returns the sides the team has members on, in canonical order.
func (p *Proposal) Sides() []string {
	var out []string
	for _, s := range FundSides {
		if slices.ContainsFunc(p.Team, func(m TeamMember) bool { return m.Side == s }) {
			out = append(out, s)
		}
	}
	return out
}

// Lead returns the lead of side's team, or nil.
func (p *Proposal) Lead(side string) *TeamMember {
	for i := range p.Team {
		if p.Team[i].Side == side && p.Team[i].Role == LeadRole {
			return &p.Team[i]
		}
	}
	return nil
}

// Verdict returns side's verdict, or nil when side has not decided.
func (p *Proposal) Verdict(side string) *Verdict {
	for i := range p.Verdicts {
		if p.Verdicts[i].Side == side {
			return &p.Verdicts[i]
		}
	}
	return nil
}

// Normalize puts the proposal in canonical form.
func (p *Proposal) Normalize() {
	p.Title.Normalize()
	p.Abstract.Normalize()
	for i := range p.Team {
		m := &p.Team[i]
		m.Side = NormalizeSide(m.Side)
		m.Name = strings.TrimSpace(m.Name)
	}
	for i := range p.Budget {
		p.Budget[i].Side = NormalizeSide(p.Budget[i].Side)
	}
	slices.SortStableFunc(p.Budget, func(a, b BudgetLine) int {
		if c := strings.Compare(a.Side, b.Side); c != 0 {
			return c
		}
		return a.Year - b.Year
	})
	p.Fields = normCodes(p.Fields)
	kw := p.Keywords[:0:0]
	for _, k := range p.Keywords {
		if k = strings.TrimSpace(k); k != "" && !slices.Contains(kw, k) {
			kw = append(kw, k)
		}
	}
	p.Keywords = kw
	if p.Status == "" {
		p.Status = Draft
	}
	slices.SortFunc(p.Verdicts, func(a, b Verdict) int { return strings.Compare(a.Side, b.Side) })
}

// Validate checks the proposal on its own; the rules of its call are
// checked by the fund service.
func (p *Proposal) Validate() error {
	switch {
	case !ValidID(p.CallID):
		return Invalid("call_id", "err.id")
	case p.HostID != "" && !ValidID(p.HostID):
		return Invalid("host_id", "err.id")
	case len(p.Team) > 100:
		return Invalid("team", "err.too_many", "max", 100)
	case len(p.Budget) > 40:
		return Invalid("budget", "err.too_many", "max", 40)
	case len(p.Keywords) > 30:
		return Invalid("keywords", "err.too_many", "max", 30)
	case len(p.Attachments) > MaxAttachments:
		return Invalid("attachments", "err.too_many", "max", MaxAttachments)
	case p.Months < 0 || p.Months > 120:
		return Invalid("months", "err.range", "min", 0, "max", 120)
	}
	if err := checkEnum("status", p.Status, ProposalStatuses); err != nil {
		return err
	}
	if err := p.Title.Validate("title", true); err != nil {
		return err
	}
	if err := p.Abstract.Validate("abstract", false); err != nil {
		return err
	}
	for i, m := range p.Team {
		if err := m.validate(); err != nil {
			return WithField(err, "team["+itoa(i)+"]")
		}
	}
	for i, b := range p.Budget {
		f := "budget[" + itoa(i) + "]"
		switch {
		case checkSide(f+".side", b.Side) != nil:
			return checkSide(f+".side", b.Side)
		case b.Year < 2000 || b.Year > 2100:
			return Invalid(f+".year", "err.range", "min", 2000, "max", 2100)
		case b.Amount < 0 || b.Amount > MaxAmount:
			// The bound keeps sums of all lines far from overflowing.
			return Invalid(f+".amount", "err.range", "min", 0, "max", MaxAmount)
		}
	}
	for i, k := range p.Keywords {
		if err := ValidString("keywords["+itoa(i)+"]", k, 100); err != nil {
			return err
		}
	}
	return nil
}

// validate checks one team member.
func (m TeamMember) validate() error {
	switch {
	case m.Name == "":
		return Invalid("name", "err.required")
	case ValidString("name", m.Name, 200) != nil:
		return ValidString("name", m.Name, 200)
	case !ValidID(m.OrgID):
		return Invalid("org_id", "err.id")
	case m.PersonID != "" && !ValidID(m.PersonID):
		return Invalid("person_id", "err.id")
	case checkSide("side", m.Side) != nil:
		return checkSide("side", m.Side)
	}
	return checkEnum("role", m.Role, []TeamRole{LeadRole, MemberRole})
}

// Snapshot is the proposal as submitted, kept unchanged whatever happens
// to the proposal afterwards.
type Snapshot struct {
	Meta
	ProposalID string          `json:"proposal_id"`
	CallID     string          `json:"call_id"`
	Doc        json.RawMessage `json:"doc"`
}

// Normalize does nothing: a snapshot is stored as taken.
func (s *Snapshot) Normalize() {}

// Validate checks that the snapshot names its proposal and holds JSON.
func (s *Snapshot) Validate() error {
	if !ValidID(s.ProposalID) || !json.Valid(s.Doc) {
		return Invalid("proposal_id", "err.id")
	}
	return nil
}
