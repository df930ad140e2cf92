package amur

import (
	"slices"
	"strings"
	"time"
)

// The record kinds of the joint fund. They are kept apart from Kinds: fund
// records are neither imported nor exported with the registry, but every
// change of one is written to the audit log under its kind.
const (
	KindCall       Kind = "fund_calls"
	KindHostOffer  Kind = "fund_hosts"
	KindProposal   Kind = "fund_proposals"
	KindSnapshot   Kind = "fund_snapshots"
	KindReviewer   Kind = "fund_reviewers"
	KindAssignment Kind = "fund_assignments"
	KindReview     Kind = "fund_reviews"
)

// FundKinds lists the kinds of the joint fund's records.
var FundKinds = []Kind{KindCall, KindHostOffer, KindProposal, KindSnapshot, KindReviewer, KindAssignment, KindReview}

// The audit log may be filtered by the fund's kinds and by its decisions
// ("decision" is already an action of the log).
func init() { AuditKinds = append(AuditKinds, FundKinds...) }

// The two sides of a joint call and the currency each pays its teams in.
const (
	SideCN = "CN"
	SideRU = "RU"
)

// FundSides lists the sides of the joint fund in canonical order.
var FundSides = []string{SideCN, SideRU}

// Currency returns the currency in which side pays its own teams: each
// agency funds its own researchers, so no money crosses the border.
func Currency(side string) string {
	switch side {
	case SideCN:
		return "CNY"
	case SideRU:
		return "RUB"
	}
	return ""
}

// SideLang returns the language of side's agency, in which a call may
// require proposals to be written.
func SideLang(side string) Lang {
	if side == SideCN {
		return ZH
	}
	return RU
}

// OtherSide returns the side facing side in a joint call.
func OtherSide(side string) string {
	if side == SideCN {
		return SideRU
	}
	return SideCN
}

// checkSide returns an EInvalid error naming field unless s is CN or RU.
func checkSide(field, s string) error {
	if !slices.Contains(FundSides, s) {
		return Invalid(field, "err.enum", "value", s, "allowed", "CN, RU")
	}
	return nil
}

// CallKind tells what a call funds.
type CallKind string

// The kinds of call: joint research projects have a team from each side;
// mobility calls host one person from one side on the other.
const (
	JointProject CallKind = "joint_research"
	Mobility     CallKind = "mobility"
)

// CallKinds lists every call kind.
var CallKinds = []CallKind{JointProject, Mobility}

// FundCall is one joint call of the fund: what it funds, when it takes
// applications, how much each side may spend and what a proposal must
// meet.
type FundCall struct {
	Meta
	ProgramID   string   `json:"program_id,omitempty"`
	Kind        CallKind `json:"kind"`
	Title       Text     `json:"title"`
	Description Text     `json:"description"`
	Fields      []string `json:"fields"`
	// Opens and Deadline are local moments in Zone; the deadline is
	// enforced at DeadlineUTC, to the second.
	Opens    Moment `json:"opens"`
	Deadline Moment `json:"deadline"`
	Zone     string `json:"zone"`
	// Sides holds each side's budget and limits, in its own currency.
	Sides []CallSide `json:"sides"`
	// OneSided lets one side's recommendation suffice (mobility calls).
	OneSided bool `json:"one_sided,omitempty"`
	// MinTeam and MaxTeam bound the size of a proposal's team.
	MinTeam int `json:"min_team"`
	MaxTeam int `json:"max_team"`
	// MinMonths and MaxMonths bound the duration of a project or a stay.
	MinMonths int `json:"min_months"`
	MaxMonths int `json:"max_months"`
	// SideLangs requires title and abstract in each side's language.
	SideLangs   bool             `json:"side_langs,omitempty"`
	Attachments []AttachmentRule `json:"attachments"`
	Criteria    []Criterion      `json:"criteria"`
	// ConflictYears is how far back a shared activity or proposal makes a
	// reviewer conflicted.
	ConflictYears int `json:"conflict_years"`
	// Quotas bound the number of funded projects in priority fields.
	Quotas []FieldQuota `json:"quotas,omitempty"`
}

// FieldQuota bounds the number of funded projects in one priority field:
// at least Min and, when Max is above zero, at most Max.
type FieldQuota struct {
	Field string `json:"field"`
	Min   int    `json:"min,omitempty"`
	Max   int    `json:"max,omitempty"`
}

// CallSide is one side's part of a call, in that side's currency.
type CallSide struct {
	Side     string `json:"side"`
	Currency string `json:"currency"`
	// Budget is the side's whole budget for the call.
	Budget int64 `json:"budget"`
	// GrantMax bounds one proposal's budget on this side, all years.
	GrantMax int64 `json:"grant_max"`
	// YearMax bounds one proposal's budget on this side in one year; 0 is
	// no bound.
	YearMax int64 `json:"year_max,omitempty"`
	// Reviewers is how many reviewers of this side each proposal gets.
	Reviewers int `json:"reviewers"`
}

// AttachmentRule is a document a proposal may or must carry.
type AttachmentRule struct {
	Type     string   `json:"type"`
	Required bool     `json:"required,omitempty"`
	MaxBytes int64    `json:"max_bytes"`
	Media    []string `json:"media"`
}

// Criterion is one criterion reviewers score, from 0 to 10, and its weight
// in the review's total.
type Criterion struct {
	Key    string  `json:"key"`
	Name   Text    `json:"name"`
	Weight float64 `json:"weight"`
}

// MaxAttachmentBytes bounds any one attachment, whatever a call allows:
// the bytes live in the database.
const MaxAttachmentBytes = 8 << 20

// ScoreMax is the top score of a criterion.
const ScoreMax = 10

// Side returns the call's part for side, or nil when the call has none.
func (c *FundCall) Side(side string) *CallSide {
	for i := range c.Sides {
		if c.Sides[i].Side == side {
			return &c.Sides[i]
		}
	}
	return nil
}

// DeadlineUTC returns the last instant at which a proposal may be
// submitted: the end of the deadline moment in the call's zone.
func (c *FundCall) DeadlineUTC() time.Time {
	loc, err := LoadZone(c.Zone)
	if err != nil {
		loc = time.UTC
	}
	return c.Deadline.End(loc).UTC()
}

// OpensUTC returns the first instant at which a proposal may be submitted.
func (c *FundCall) OpensUTC() time.Time {
	loc, err := LoadZone(c.Zone)
	if err != nil {
		loc = time.UTC
	}
	return c.Opens.Start(loc).UTC()
}

// Normalize puts the call in canonical form.
func (c *FundCall) Normalize() {
	c.Title.Normalize()
	c.Description.Normalize()
	c.Zone = strings.TrimSpace(c.Zone)
	if c.Zone == "" {
		c.Zone = "Asia/Shanghai"
	}
	for i := range c.Sides {
		s := &c.Sides[i]
		s.Side = NormalizeSide(s.Side)
		if s.Currency == "" {
			s.Currency = Currency(s.Side)
		}
	}
	slices.SortFunc(c.Sides, func(a, b CallSide) int { return strings.Compare(a.Side, b.Side) })
	c.Fields = normCodes(c.Fields)
	if c.ConflictYears == 0 {
		c.ConflictYears = 3
	}
	for i := range c.Criteria {
		c.Criteria[i].Name.Normalize()
	}
}

// normCodes trims, deduplicates and sorts codes.
func normCodes(in []string) []string {
	out := make([]string, 0, len(in))
	for _, v := range in {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

// Validate checks the call on its own; the error names the field.
func (c *FundCall) Validate() error {
	if err := checkEnum("kind", c.Kind, CallKinds); err != nil {
		return err
	}
	if err := c.Title.Validate("title", true); err != nil {
		return err
	}
	if err := c.Description.Validate("description", false); err != nil {
		return err
	}
	if _, err := LoadZone(c.Zone); err != nil {
		return Invalid("zone", "err.zone", "value", c.Zone)
	}
	switch {
	case c.Opens.IsZero():
		return Invalid("opens", "err.required")
	case c.Deadline.IsZero():
		return Invalid("deadline", "err.required")
	case !c.OpensUTC().Before(c.DeadlineUTC()):
		return Invalid("deadline", "err.end_before_start")
	case c.MinTeam < 0 || c.MaxTeam < c.MinTeam || c.MaxTeam > 100:
		return Invalid("max_team", "err.range", "min", c.MinTeam, "max", 100)
	case c.MinMonths < 0 || c.MaxMonths < c.MinMonths || c.MaxMonths > 120:
		return Invalid("max_months", "err.range", "min", c.MinMonths, "max", 120)
	case c.ConflictYears < 0 || c.ConflictYears > 20:
		return Invalid("conflict_years", "err.range", "min", 0, "max", 20)
	case c.OneSided && c.Kind != Mobility:
		return Invalid("one_sided", "fund.err.one_sided")
	case len(c.Fields) > 100:
		return Invalid("fields", "err.too_many", "max", 100)
	case len(c.Attachments) > MaxAttachments:
		return Invalid("attachments", "err.too_many", "max", MaxAttachments)
	case len(c.Criteria) > 50:
		return Invalid("criteria", "err.too_many", "max", 50)
	case len(c.Quotas) > 100:
		return Invalid("quotas", "err.too_many", "max", 100)
	}
	if err := c.validateSides(); err != nil {
		return err
	}
	return c.validateRules()
}

// validateSides checks that both sides take part with sane budgets.
func (c *FundCall) validateSides() error {
	if len(c.Sides) != 2 || c.Sides[0].Side != SideCN || c.Sides[1].Side != SideRU {
		return Invalid("sides", "fund.err.call_sides")
	}
	for i, s := range c.Sides {
		f := "sides[" + itoa(i) + "]"
		switch {
		case s.Currency != Currency(s.Side):
			return Invalid(f+".currency", "err.enum", "value", s.Currency, "allowed", Currency(s.Side))
		case s.Budget <= 0 || s.Budget > MaxAmount:
			return Invalid(f+".budget", "err.range", "min", 1, "max", MaxAmount)
		case s.GrantMax <= 0 || s.GrantMax > s.Budget:
			return Invalid(f+".grant_max", "err.range", "min", 1, "max", s.Budget)
		case s.YearMax < 0 || s.YearMax > s.GrantMax:
			return Invalid(f+".year_max", "err.range", "min", 0, "max", s.GrantMax)
		case s.Reviewers < 1 || s.Reviewers > 10:
			return Invalid(f+".reviewers", "err.range", "min", 1, "max", 10)
		}
	}
	return nil
}

// validateRules checks attachments, criteria and quotas.
func (c *FundCall) validateRules() error {
	for i, a := range c.Attachments {
		f := "attachments[" + itoa(i) + "]"
		switch {
		case a.Type == "" || ValidString(f+".type", a.Type, 60) != nil:
			return Invalid(f+".type", "err.required")
		case a.MaxBytes <= 0 || a.MaxBytes > MaxAttachmentBytes:
			return Invalid(f+".max_bytes", "err.range", "min", 1, "max", MaxAttachmentBytes)
		}
	}
	if len(c.Criteria) == 0 {
		return Invalid("criteria", "err.required")
	}
	for i, k := range c.Criteria {
		f := "criteria[" + itoa(i) + "]"
		switch {
		case k.Key == "" || ValidString(f+".key", k.Key, 60) != nil:
			return Invalid(f+".key", "err.required")
		case k.Weight <= 0 || k.Weight > 100:
			return Invalid(f+".weight", "err.range", "min", 0, "max", 100)
		}
	}
	for i, q := range c.Quotas {
		if q.Min < 0 || q.Max < 0 || (q.Max > 0 && q.Max < q.Min) || !slices.Contains(c.Fields, q.Field) {
			return Invalid("quotas["+itoa(i)+"]", "fund.err.quota", "field", q.Field)
		}
	}
	return nil
}

// HostOffer is a place on one side offered to a visitor of the other side
// under a mobility call: a fellowship, an internship, a visiting position
// or the joint supervision of a doctorate.
type HostOffer struct {
	Meta
	CallID string `json:"call_id"`
	// Side is the host's side; applicants come from the other side.
	Side     string   `json:"side"`
	OrgID    string   `json:"org_id"`
	PersonID string   `json:"person_id,omitempty"`
	Kind     string   `json:"kind"`
	Title    Text     `json:"title"`
	Fields   []string `json:"fields"`
	From     Date     `json:"from"`
	To       Date     `json:"to"`
	// Langs are the languages a visitor must work in.
	Langs []Lang `json:"langs"`
	// Stipend is paid monthly by the host's side, in its currency.
	Stipend  int64  `json:"stipend"`
	Currency string `json:"currency"`
	OwnerID  string `json:"owner_id,omitempty"`
}

// HostKinds lists the kinds of hosting offer.
var HostKinds = []string{"fellowship", "internship", "visiting", "joint_phd"}

// Normalize puts the offer in canonical form.
func (h *HostOffer) Normalize() {
	h.Side = NormalizeSide(h.Side)
	h.Title.Normalize()
	h.Fields = normCodes(h.Fields)
	if h.Currency == "" {
		h.Currency = Currency(h.Side)
	}
}

// Validate checks the offer on its own.
func (h *HostOffer) Validate() error {
	switch {
	case !ValidID(h.CallID):
		return Invalid("call_id", "err.id")
	case checkSide("side", h.Side) != nil:
		return checkSide("side", h.Side)
	case !ValidID(h.OrgID):
		return Invalid("org_id", "err.id")
	case h.PersonID != "" && !ValidID(h.PersonID):
		return Invalid("person_id", "err.id")
	case !slices.Contains(HostKinds, h.Kind):
		return Invalid("kind", "err.enum", "value", h.Kind, "allowed", strings.Join(HostKinds, ", "))
	case h.Stipend < 0 || h.Stipend > MaxAmount:
		return Invalid("stipend", "err.range", "min", 0, "max", MaxAmount)
	case h.Currency != Currency(h.Side):
		return Invalid("currency", "err.enum", "value", h.Currency, "allowed", Currency(h.Side))
	case !h.From.IsZero() && !h.To.IsZero() && h.To.Before(h.From):
		return Invalid("to", "err.end_before_start")
	}
	for _, l := range h.Langs {
		if !l.Valid() {
			return Invalid("langs", "err.enum", "value", string(l), "allowed", "zh, ru, en")
		}
	}
	return h.Title.Validate("title", true)
}
