package amur

import "context"

// KindPress names the proposed events of the press review queue in the
// audit log.
const KindPress Kind = "press"

// The audit log may be filtered by the queue's kind.
func init() { AuditKinds = append(AuditKinds, KindPress) }

// PressStatus is where a proposed event stands in the review queue.
type PressStatus string

// The statuses of a proposed event.
const (
	PressProposed  PressStatus = "proposed"
	PressPublished PressStatus = "published"
	PressRejected  PressStatus = "rejected"
	PressMerged    PressStatus = "merged"
)

// PressStatuses lists every status.
var PressStatuses = []PressStatus{PressProposed, PressPublished, PressRejected, PressMerged}

// PressEvent is a happening read from press pages and proposed for the
// timeline: an office member edits, merges, rejects or publishes it.
type PressEvent struct {
	Meta
	Status PressStatus `json:"status"`
	Date   Date        `json:"date"`
	Kind   EntryKind   `json:"kind"`
	Title  Text        `json:"title"`
	// People and Organizations are the names as read; PersonIDs and
	// OrgIDs the registry records they matched.
	People        []string `json:"people"`
	Organizations []string `json:"organizations"`
	Fields        []string `json:"fields"`
	PersonIDs     []string `json:"person_ids"`
	OrgIDs        []string `json:"org_ids"`
	Sources       []Source `json:"sources"`
	// EntryID is the timeline entry the event became when published.
	EntryID string `json:"entry_id,omitempty"`
	// MergedInto is the event this one was merged into.
	MergedInto string `json:"merged_into,omitempty"`
}

// Normalize puts the event in canonical form.
func (e *PressEvent) Normalize() {
	e.Title.Normalize()
	e.PersonIDs, e.OrgIDs = sortedSet(e.PersonIDs), sortedSet(e.OrgIDs)
	for _, p := range []*[]string{&e.People, &e.Organizations, &e.Fields} {
		if *p == nil {
			*p = []string{}
		}
	}
	if e.Sources == nil {
		e.Sources = []Source{}
	}
	if e.Status == "" {
		e.Status = PressProposed
	}
}

// Validate checks the event as a timeline entry would be checked.
func (e *PressEvent) Validate() error {
	if err := checkEnum("status", e.Status, PressStatuses); err != nil {
		return err
	}
	for f, l := range map[string][]string{"people": e.People, "organizations": e.Organizations, "fields": e.Fields} {
		if len(l) > MaxListLen {
			return Invalid(f, "err.too_many", "max", MaxListLen)
		}
		for _, v := range l {
			if err := ValidString(f, v, MaxShortString); err != nil {
				return err
			}
		}
	}
	t := e.Entry("")
	t.Normalize()
	return t.Validate()
}

// Entry returns the timeline entry of program the event becomes when
// published.
func (e *PressEvent) Entry(programID string) *TimelineEntry {
	return &TimelineEntry{
		ProgramID: programID, Date: e.Date, Kind: e.Kind, Title: e.Title,
		PersonIDs: append([]string(nil), e.PersonIDs...), OrgIDs: append([]string(nil), e.OrgIDs...),
		Sources: append([]Source(nil), e.Sources...), Provenance: Provenance{EnteredBy: "press", Source: firstFile(e.Sources)},
	}
}

// firstFile returns the file of the first source.
func firstFile(s []Source) string {
	if len(s) == 0 {
		return ""
	}
	return s[0].File
}

// PressFilter selects proposed events.
type PressFilter struct {
	Statuses []PressStatus
	Page
}

// PressSorts are the sort keys of the review queue.
var PressSorts = []string{"date", "-date", "created", "-created"}

// PressStore keeps the press review queue. Every change writes an audit
// entry in its own transaction.
type PressStore interface {
	// ProposePress stores new proposed events, all or none.
	ProposePress(ctx context.Context, evs []*PressEvent) error
	PressEvent(ctx context.Context, id string) (*PressEvent, error)
	PressEvents(ctx context.Context, f PressFilter) (*List[*PressEvent], error)
	// UpdatePressEvent edits a proposed event; its Version must match.
	UpdatePressEvent(ctx context.Context, e *PressEvent) error
	// MergePressEvents folds the events from into the event into: their
	// names and sources join it and they are marked merged.
	MergePressEvents(ctx context.Context, into string, from []string) (*PressEvent, error)
	// RejectPressEvent marks a proposed event rejected.
	RejectPressEvent(ctx context.Context, id string) (*PressEvent, error)
	// PublishPressEvent creates the timeline entry of a proposed event in
	// program and marks the event published, in one transaction.
	PublishPressEvent(ctx context.Context, id, programID string) (*TimelineEntry, error)
}
