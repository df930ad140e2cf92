package amur

import (
	"net/url"
	"slices"
	"time"
)

// Activity is one cooperation or exchange activity of a program: a joint
// research project, an exhibition, a forum, a ceremony and so on.
type Activity struct {
	Meta
	ProgramID   string         `json:"program_id"`
	Title       Text           `json:"title"`
	Description Text           `json:"description"`
	Type        ActivityType   `json:"type"`
	Status      ActivityStatus `json:"status"`
	// Draft marks an activity that is not yet published: the public does
	// not see it, and only a program office of one of its sides (or an
	// admin) may publish it by clearing the mark.
	Draft bool `json:"draft"`
	// Fields holds the codes of the fields of science the activity belongs to.
	Fields []string `json:"fields"`
	// Start and End are local moments in Zone; End may be unknown.
	Start Moment `json:"start"`
	End   Moment `json:"end"`
	// Zone is the IANA zone of Start and End, such as Asia/Shanghai.
	Zone     string `json:"zone"`
	Format   Format `json:"format"`
	VideoURL string `json:"video_url,omitempty"`
	Location Text   `json:"location"`
	// Sides lists the countries taking part; it always includes the side of
	// every participant.
	Sides        []string      `json:"sides"`
	Participants []Participant `json:"participants"`
	Outcomes     []Outcome     `json:"outcomes"`
	FlagshipID   string        `json:"flagship_id,omitempty"`
	Provenance   Provenance    `json:"provenance"`
	// Synthetic marks records made up by the demo generator.
	Synthetic bool `json:"synthetic"`
}

// Participant is an organisation or a person taking part in an activity for
// one side, in one role. Exactly one of OrgID and PersonID is set.
type Participant struct {
	OrgID    string `json:"org_id,omitempty"`
	PersonID string `json:"person_id,omitempty"`
	Side     string `json:"side"`
	Role     Role   `json:"role"`
}

// Outcome is a result of an activity: an agreement, a publication, a patent
// or something described in free text.
type Outcome struct {
	Kind  OutcomeKind `json:"kind"`
	Title Text        `json:"title"`
	// Ref is a DOI, patent number, URL or other reference.
	Ref  string `json:"ref,omitempty"`
	Date Date   `json:"date"`
}

// Limits on the parts of an activity.
const (
	MaxParticipants = 500
	MaxOutcomes     = 200
	MaxFieldsPerRec = 20
	MaxShortString  = 2048
)

// StartTime returns the first instant of the activity in UTC; it is the key
// activities are sorted and filtered by.
func (a *Activity) StartTime() time.Time {
	loc, err := LoadZone(a.Zone)
	if err != nil {
		loc = time.UTC
	}
	return a.Start.Start(loc).UTC()
}

// Normalize puts the activity in canonical form: trimmed texts, sorted and
// deduplicated fields and sides, and every participant's side among Sides.
func (a *Activity) Normalize() {
	a.Title.Normalize()
	a.Description.Normalize()
	a.Location.Normalize()
	for i := range a.Participants {
		p := &a.Participants[i]
		p.Side = NormalizeSide(p.Side)
		a.Sides = append(a.Sides, p.Side)
	}
	for i := range a.Sides {
		a.Sides[i] = NormalizeSide(a.Sides[i])
	}
	a.Sides = sortedSet(a.Sides)
	a.Fields = sortedSet(a.Fields)
	for i := range a.Outcomes {
		a.Outcomes[i].Title.Normalize()
	}
	if a.Participants == nil {
		a.Participants = []Participant{}
	}
	if a.Outcomes == nil {
		a.Outcomes = []Outcome{}
	}
}

// sortedSet returns the sorted distinct non-empty values of s, never nil.
func sortedSet(s []string) []string {
	out := make([]string, 0, len(s))
	for _, v := range s {
		if v != "" {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Validate checks the activity; the error names the first offending field.
func (a *Activity) Validate() error {
	if err := a.Title.Validate("title", true); err != nil {
		return err
	}
	if err := a.Description.Validate("description", false); err != nil {
		return err
	}
	if err := a.Location.Validate("location", false); err != nil {
		return err
	}
	if err := checkEnum("type", a.Type, ActivityTypes); err != nil {
		return err
	}
	if err := checkEnum("status", a.Status, ActivityStatuses); err != nil {
		return err
	}
	if err := checkEnum("format", a.Format, Formats); err != nil {
		return err
	}
	if err := validateFieldCodes("fields", a.Fields); err != nil {
		return err
	}
	if err := a.validateTime(); err != nil {
		return err
	}
	if a.VideoURL != "" {
		if err := ValidURL("video_url", a.VideoURL); err != nil {
			return err
		}
	}
	if a.FlagshipID != "" && !ValidID(a.FlagshipID) {
		return Invalid("flagship_id", "err.id")
	}
	if a.ProgramID != "" && !ValidID(a.ProgramID) {
		return Invalid("program_id", "err.id")
	}
	if err := a.validateParticipants(); err != nil {
		return err
	}
	if len(a.Outcomes) > MaxOutcomes {
		return Invalid("outcomes", "err.too_many", "max", MaxOutcomes)
	}
	for i, o := range a.Outcomes {
		if err := o.validate(); err != nil {
			return WithField(err, "outcomes["+itoa(i)+"]")
		}
	}
	return a.Provenance.validate()
}

// validateTime checks the zone, the start and that the end is not before it.
func (a *Activity) validateTime() error {
	loc, err := LoadZone(a.Zone)
	if err != nil {
		return Invalid("zone", "err.zone", "value", a.Zone)
	}
	if a.Start.IsZero() {
		return Invalid("start", "err.required")
	}
	if !a.End.IsZero() && a.End.End(loc).Before(a.Start.Start(loc)) {
		return Invalid("end", "err.end_before_start")
	}
	return nil
}

// validateParticipants checks every participant and the sides.
func (a *Activity) validateParticipants() error {
	if len(a.Sides) == 0 {
		return Invalid("sides", "err.required")
	}
	for _, s := range a.Sides {
		if !ValidSide(s) {
			return Invalid("sides", "err.side", "value", s)
		}
	}
	if len(a.Participants) > MaxParticipants {
		return Invalid("participants", "err.too_many", "max", MaxParticipants)
	}
	for i, p := range a.Participants {
		f := "participants[" + itoa(i) + "]"
		switch {
		case (p.OrgID == "") == (p.PersonID == ""):
			return Invalid(f, "err.participant_one")
		case p.OrgID != "" && !ValidID(p.OrgID):
			return Invalid(f+".org_id", "err.id")
		case p.PersonID != "" && !ValidID(p.PersonID):
			return Invalid(f+".person_id", "err.id")
		case !ValidSide(p.Side):
			return Invalid(f+".side", "err.side", "value", p.Side)
		}
		if err := checkEnum(f+".role", p.Role, Roles); err != nil {
			return err
		}
	}
	return nil
}

// validate checks one outcome.
func (o Outcome) validate() error {
	if err := checkEnum("kind", o.Kind, OutcomeKinds); err != nil {
		return err
	}
	if err := o.Title.Validate("title", true); err != nil {
		return err
	}
	return ValidString("ref", o.Ref, MaxShortString)
}

// validate checks the provenance strings.
func (p Provenance) validate() error {
	if err := ValidString("provenance.entered_by", p.EnteredBy, MaxShortString); err != nil {
		return err
	}
	if p.Line < 0 {
		return Invalid("provenance.line", "err.negative")
	}
	return ValidString("provenance.source", p.Source, MaxShortString)
}

// ValidURL checks that s is an absolute http or https URL.
func ValidURL(field, s string) error {
	if err := ValidString(field, s, MaxShortString); err != nil {
		return err
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Invalid(field, "err.url", "value", s)
	}
	return nil
}
