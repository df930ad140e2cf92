package amur

import "regexp"

// Program is a bilateral (or wider) cooperation program such as the
// China–Russia Years of Scientific and Technological Innovation 2020–2021.
type Program struct {
	Meta
	// Slug is a short readable key used in URLs, unique among programs.
	Slug        string `json:"slug"`
	Name        Text   `json:"name"`
	Description Text   `json:"description"`
	// Sides lists the ISO 3166-1 alpha-2 codes of the countries of the program.
	Sides     []string `json:"sides"`
	Languages []Lang   `json:"languages"`
	Start     Date     `json:"start"`
	End       Date     `json:"end"`
	Goals     []Goal   `json:"goals"`
	// PriorityFields lists the codes of the fields the program gives priority.
	PriorityFields []string `json:"priority_fields"`
}

// Goal is a target the program reports against, such as 1,000 activities.
type Goal struct {
	// Metric names what is counted: "activities", "activities-held",
	// "joint-projects" or another key the reports know.
	Metric string `json:"metric"`
	Target int    `json:"target"`
	Label  Text   `json:"label"`
}

// slugRE matches a readable URL key.
var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,79}$`)

// ValidSlug reports whether s is a readable URL key.
func ValidSlug(s string) bool { return slugRE.MatchString(s) }

// Normalize puts the program in canonical form.
func (p *Program) Normalize() {
	p.Name.Normalize()
	p.Description.Normalize()
	for i := range p.Sides {
		p.Sides[i] = NormalizeSide(p.Sides[i])
	}
	p.Sides = sortedSet(p.Sides)
	p.PriorityFields = sortedSet(p.PriorityFields)
	for i := range p.Goals {
		p.Goals[i].Label.Normalize()
	}
	if p.Goals == nil {
		p.Goals = []Goal{}
	}
}

// Validate checks the program; the error names the offending field.
func (p *Program) Validate() error {
	if !ValidSlug(p.Slug) {
		return Invalid("slug", "err.slug", "value", p.Slug)
	}
	if err := p.Name.Validate("name", true); err != nil {
		return err
	}
	if err := p.Description.Validate("description", false); err != nil {
		return err
	}
	if len(p.Sides) < 2 {
		return Invalid("sides", "err.sides_two")
	}
	for _, s := range p.Sides {
		if !ValidSide(s) {
			return Invalid("sides", "err.side", "value", s)
		}
	}
	for _, l := range p.Languages {
		if !l.Valid() {
			return Invalid("languages", "err.enum", "value", string(l), "allowed", "zh, ru, en")
		}
	}
	if p.Start.IsZero() {
		return Invalid("start", "err.required")
	}
	if !p.End.IsZero() && p.End.Before(p.Start) {
		return Invalid("end", "err.end_before_start")
	}
	for i, g := range p.Goals {
		f := "goals[" + itoa(i) + "]"
		if !ValidSlug(g.Metric) {
			return Invalid(f+".metric", "err.slug", "value", g.Metric)
		}
		if g.Target <= 0 {
			return Invalid(f+".target", "err.positive")
		}
		if err := g.Label.Validate(f+".label", false); err != nil {
			return err
		}
	}
	return validateFieldCodes("priority_fields", p.PriorityFields)
}

// Flagship is a major strategic project of a program, such as the NICA
// collider or the Russian–Chinese Mathematical Center. Its milestones are
// the timeline entries that name it.
type Flagship struct {
	Meta
	ProgramID   string   `json:"program_id"`
	Slug        string   `json:"slug"`
	Name        Text     `json:"name"`
	Description Text     `json:"description"`
	Fields      []string `json:"fields"`
	// OrgIDs lists the organisations behind the project.
	OrgIDs     []string   `json:"org_ids"`
	Location   Text       `json:"location"`
	Website    string     `json:"website,omitempty"`
	Provenance Provenance `json:"provenance"`
}

// Normalize puts the flagship project in canonical form.
func (f *Flagship) Normalize() {
	f.Name.Normalize()
	f.Description.Normalize()
	f.Location.Normalize()
	f.Fields = sortedSet(f.Fields)
	f.OrgIDs = sortedSet(f.OrgIDs)
}

// Validate checks the flagship project; the error names the offending field.
func (f *Flagship) Validate() error {
	if !ValidSlug(f.Slug) {
		return Invalid("slug", "err.slug", "value", f.Slug)
	}
	if f.ProgramID != "" && !ValidID(f.ProgramID) {
		return Invalid("program_id", "err.id")
	}
	if err := f.Name.Validate("name", true); err != nil {
		return err
	}
	if err := f.Description.Validate("description", false); err != nil {
		return err
	}
	if err := f.Location.Validate("location", false); err != nil {
		return err
	}
	if err := validateFieldCodes("fields", f.Fields); err != nil {
		return err
	}
	if err := validateIDs("org_ids", f.OrgIDs); err != nil {
		return err
	}
	if f.Website != "" {
		if err := ValidURL("website", f.Website); err != nil {
			return err
		}
	}
	return f.Provenance.validate()
}

// validateIDs checks a list of record ids.
func validateIDs(field string, ids []string) error {
	if len(ids) > MaxListLen {
		return Invalid(field, "err.too_many", "max", MaxListLen)
	}
	for _, id := range ids {
		if !ValidID(id) {
			return Invalid(field, "err.id")
		}
	}
	return nil
}
