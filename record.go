package amur

// Kind names a kind of stored record; it is also the path segment of the
// record's API collection and the --kind of import and export.
type Kind string

// The record kinds, in the order an import of everything must follow so that
// references resolve.
const (
	KindField        Kind = "fields"
	KindProgram      Kind = "programs"
	KindOrganization Kind = "organizations"
	KindPerson       Kind = "people"
	KindFlagship     Kind = "flagships"
	KindActivity     Kind = "activities"
	KindTimeline     Kind = "timeline"
	KindOffer        Kind = "offers"
	KindRequest      Kind = "requests"
	KindInterest     Kind = "interests"
)

// Kinds lists every record kind in dependency order.
var Kinds = []Kind{KindField, KindProgram, KindOrganization, KindPerson, KindFlagship, KindActivity, KindTimeline, KindOffer, KindRequest, KindInterest}

// ParseKind returns the kind named s, accepting a few singular spellings.
func ParseKind(s string) (Kind, error) {
	switch s {
	case "field", "fields":
		return KindField, nil
	case "program", "programs":
		return KindProgram, nil
	case "organization", "organizations", "orgs":
		return KindOrganization, nil
	case "person", "people":
		return KindPerson, nil
	case "flagship", "flagships":
		return KindFlagship, nil
	case "activity", "activities":
		return KindActivity, nil
	case "timeline", "timeline_entries", "milestones":
		return KindTimeline, nil
	case "offer", "offers":
		return KindOffer, nil
	case "request", "requests":
		return KindRequest, nil
	case "interest", "interests":
		return KindInterest, nil
	}
	return "", checkEnum("kind", Kind(s), Kinds)
}

// Record is any stored entity. Every entity type implements it through its
// pointer.
type Record interface {
	// RecordKind tells which kind of record this is.
	RecordKind() Kind
	// Base returns the record's bookkeeping fields.
	Base() *Meta
	// Normalize puts the record in canonical form.
	Normalize()
	// Validate checks the record on its own (references are checked by the store).
	Validate() error
}

// Base returns m itself; entity types embed Meta and so satisfy Record.Base.
func (m *Meta) Base() *Meta { return m }

// RecordKind returns KindProgram.
func (*Program) RecordKind() Kind { return KindProgram }

// RecordKind returns KindActivity.
func (*Activity) RecordKind() Kind { return KindActivity }

// RecordKind returns KindOrganization.
func (*Organization) RecordKind() Kind { return KindOrganization }

// RecordKind returns KindPerson.
func (*Person) RecordKind() Kind { return KindPerson }

// RecordKind returns KindField.
func (*Field) RecordKind() Kind { return KindField }

// RecordKind returns KindFlagship.
func (*Flagship) RecordKind() Kind { return KindFlagship }

// RecordKind returns KindTimeline.
func (*TimelineEntry) RecordKind() Kind { return KindTimeline }

// NewRecord returns a new empty record of kind k.
func NewRecord(k Kind) Record {
	switch k {
	case KindProgram:
		return &Program{}
	case KindActivity:
		return &Activity{}
	case KindOrganization:
		return &Organization{}
	case KindPerson:
		return &Person{}
	case KindField:
		return &Field{}
	case KindFlagship:
		return &Flagship{}
	case KindTimeline:
		return &TimelineEntry{}
	case KindOffer:
		return &Offer{}
	case KindRequest:
		return &Request{}
	case KindInterest:
		return &Interest{}
	}
	return nil
}

// Prepare normalises and validates r, the steps every write path takes.
func Prepare(r Record) error {
	r.Normalize()
	return r.Validate()
}
