package amur

// TimelineEntry is a dated milestone of a program: a letter, a call, a
// meeting, a ceremony, a statement and so on, with its sources.
type TimelineEntry struct {
	Meta
	ProgramID string    `json:"program_id"`
	Date      Date      `json:"date"`
	Kind      EntryKind `json:"kind"`
	Title     Text      `json:"title"`
	Summary   Text      `json:"summary"`
	PersonIDs []string  `json:"person_ids"`
	OrgIDs    []string  `json:"org_ids"`
	// FlagshipID makes the entry a milestone of that flagship project.
	FlagshipID string `json:"flagship_id,omitempty"`
	// ActivityID links the entry to the activity it reports, if any.
	ActivityID string     `json:"activity_id,omitempty"`
	Sources    []Source   `json:"sources"`
	Provenance Provenance `json:"provenance"`
}

// Source is where a timeline entry is documented: an article, a page, a
// file, with an optional character span for provenance.
type Source struct {
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	File      string `json:"file,omitempty"`
	Start     int    `json:"start,omitempty"`
	End       int    `json:"end,omitempty"`
	Published Date   `json:"published"`
}

// Normalize puts the entry in canonical form.
func (e *TimelineEntry) Normalize() {
	e.Title.Normalize()
	e.Summary.Normalize()
	e.PersonIDs = sortedSet(e.PersonIDs)
	e.OrgIDs = sortedSet(e.OrgIDs)
	if e.Sources == nil {
		e.Sources = []Source{}
	}
}

// Validate checks the entry; the error names the offending field.
func (e *TimelineEntry) Validate() error {
	if e.Date.IsZero() {
		return Invalid("date", "err.required")
	}
	if err := checkEnum("kind", e.Kind, EntryKinds); err != nil {
		return err
	}
	if err := e.Title.Validate("title", true); err != nil {
		return err
	}
	if err := e.Summary.Validate("summary", false); err != nil {
		return err
	}
	if err := validateIDs("person_ids", e.PersonIDs); err != nil {
		return err
	}
	if err := validateIDs("org_ids", e.OrgIDs); err != nil {
		return err
	}
	for f, id := range map[string]string{"program_id": e.ProgramID, "flagship_id": e.FlagshipID, "activity_id": e.ActivityID} {
		if id != "" && !ValidID(id) {
			return Invalid(f, "err.id")
		}
	}
	if len(e.Sources) > MaxListLen {
		return Invalid("sources", "err.too_many", "max", MaxListLen)
	}
	for i, s := range e.Sources {
		f := "sources[" + itoa(i) + "]"
		if s.URL != "" {
			if err := ValidURL(f+".url", s.URL); err != nil {
				return err
			}
		}
		if err := ValidString(f+".title", s.Title, MaxShortString); err != nil {
			return err
		}
		if err := ValidString(f+".file", s.File, MaxShortString); err != nil {
			return err
		}
		if s.Start < 0 || s.End < s.Start {
			return Invalid(f+".end", "err.span")
		}
	}
	return e.Provenance.validate()
}
