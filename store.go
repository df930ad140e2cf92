package amur

import (
	"context"
	"slices"
	"time"
)

// Limits on list pages.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// Page selects a slice of a sorted list.
type Page struct {
	// Limit is the page size, 1 to MaxLimit; 0 means DefaultLimit.
	Limit int
	// Offset is how many matches to skip.
	Offset int
	// Sort is one of the list's sort keys, with a leading "-" for descending
	// order; "" means the list's default.
	Sort string
	// Count asks for the total number of matches, which costs a scan of them.
	Count bool
}

// Validate checks the page against the list's sort keys.
func (p *Page) Validate(sorts []string) error {
	if p.Limit == 0 {
		p.Limit = DefaultLimit
	}
	if p.Limit < 1 || p.Limit > MaxLimit {
		return Invalid("limit", "err.range", "min", 1, "max", MaxLimit)
	}
	if p.Offset < 0 || p.Offset > 10_000_000 {
		return Invalid("offset", "err.range", "min", 0, "max", 10_000_000)
	}
	if p.Sort != "" && !slices.Contains(sorts, p.Sort) {
		return Invalid("sort", "err.enum", "value", p.Sort, "allowed", joinStrings(sorts))
	}
	return nil
}

// joinStrings joins with ", " for messages.
func joinStrings(s []string) string {
	out := ""
	for i, v := range s {
		if i > 0 {
			out += ", "
		}
		out += v
	}
	return out
}

// List is one page of a list of records.
type List[T any] struct {
	Items []T `json:"items"`
	// Total is the number of all matches, or -1 when it was not counted.
	Total int `json:"total"`
	// More tells that further matches follow this page.
	More bool `json:"more"`
}

// The sort keys of each list.
var (
	ActivitySorts     = []string{"start", "-start", "created", "-created", "updated", "-updated"}
	OrganizationSorts = []string{"name", "-name", "created", "-created"}
	PersonSorts       = []string{"name", "-name", "created", "-created"}
	FieldSorts        = []string{"code", "-code"}
	FlagshipSorts     = []string{"slug", "-slug", "created", "-created"}
	TimelineSorts     = []string{"date", "-date", "created", "-created"}
)

// ActivityFilter selects activities. Empty parts select everything; a list
// matches any of its values.
type ActivityFilter struct {
	ProgramID string
	Types     []ActivityType
	Statuses  []ActivityStatus
	// Fields matches activities in a listed field or any of its sub-fields.
	Fields []string
	// Sides matches activities in which a listed country takes part.
	Sides []string
	// From and To bound the activity's start, inclusively, in UTC.
	From, To   time.Time
	OrgID      string
	PersonID   string
	FlagshipID string
	Synthetic  *bool
	// Draft, when set, matches only drafts (true) or only published
	// activities (false), among those Drafts admits.
	Draft *bool
	// Drafts says which unpublished activities may match; the registry sets
	// it from the principal, never the public's query.
	Drafts Drafts
	// DraftOrg is the organisation whose drafts OrgDrafts admits.
	DraftOrg string
	Page
}

// Drafts selects which unpublished activities a list or the figures see.
type Drafts int

// The draft scopes. The zero value admits no draft, so that a filter whose
// scope nobody set shows nothing unpublished.
const (
	// NoDrafts admits published activities only.
	NoDrafts Drafts = iota
	// AllDrafts admits every draft too: admins, offices and the system.
	AllDrafts
	// OrgDrafts admits published activities and the drafts in which the
	// organisation DraftOrg takes part: a coordinator's own proposals.
	OrgDrafts
)

// OrganizationFilter selects organisations.
type OrganizationFilter struct {
	Kinds     []OrgKind
	Countries []string
	// Q matches a part of any name, alias or acronym, in any script.
	Q   string
	ROR string
	Page
}

// PersonFilter selects people.
type PersonFilter struct {
	Countries []string
	// OrgID matches people affiliated with the organisation.
	OrgID string
	// Q matches a part of any name or alias, in any script.
	Q     string
	ORCID string
	Page
}

// FieldFilter selects fields.
type FieldFilter struct {
	// Parent matches the direct sub-fields of a code; "-" matches top-level fields.
	Parent string
	Page
}

// FlagshipFilter selects flagship projects.
type FlagshipFilter struct {
	ProgramID string
	Page
}

// TimelineFilter selects timeline entries.
type TimelineFilter struct {
	ProgramID  string
	Kinds      []EntryKind
	From, To   Date
	FlagshipID string
	PersonID   string
	OrgID      string
	Page
}

// Stats are the program's figures: activity counts by type, status, side,
// field and month of start, and the sizes of the other registries.
type Stats struct {
	Activities int            `json:"activities"`
	ByType     map[string]int `json:"by_type"`
	ByStatus   map[string]int `json:"by_status"`
	BySide     map[string]int `json:"by_side"`
	ByField    map[string]int `json:"by_field"`
	// ByMonth counts activities by the local month of their start ("2020-08").
	ByMonth       map[string]int `json:"by_month"`
	Organizations int            `json:"organizations"`
	People        int            `json:"people"`
	Fields        int            `json:"fields"`
	Flagships     int            `json:"flagships"`
	Timeline      int            `json:"timeline"`
}

// ProgramStore keeps programs. Program accepts an id or a slug.
type ProgramStore interface {
	Program(ctx context.Context, idOrSlug string) (*Program, error)
	Programs(ctx context.Context) ([]*Program, error)
	CreateProgram(ctx context.Context, p *Program) error
	UpdateProgram(ctx context.Context, p *Program) error
	DeleteProgram(ctx context.Context, id string) error
}

// ActivityStore keeps activities.
type ActivityStore interface {
	Activity(ctx context.Context, id string) (*Activity, error)
	Activities(ctx context.Context, f ActivityFilter) (*List[*Activity], error)
	CreateActivity(ctx context.Context, a *Activity) error
	UpdateActivity(ctx context.Context, a *Activity) error
	DeleteActivity(ctx context.Context, id string) error
}

// OrganizationStore keeps organisations.
type OrganizationStore interface {
	Organization(ctx context.Context, id string) (*Organization, error)
	Organizations(ctx context.Context, f OrganizationFilter) (*List[*Organization], error)
	CreateOrganization(ctx context.Context, o *Organization) error
	UpdateOrganization(ctx context.Context, o *Organization) error
	DeleteOrganization(ctx context.Context, id string) error
}

// PersonStore keeps people.
type PersonStore interface {
	Person(ctx context.Context, id string) (*Person, error)
	People(ctx context.Context, f PersonFilter) (*List[*Person], error)
	CreatePerson(ctx context.Context, p *Person) error
	UpdatePerson(ctx context.Context, p *Person) error
	DeletePerson(ctx context.Context, id string) error
}

// FieldStore keeps fields of science. A field's id is its code.
type FieldStore interface {
	Field(ctx context.Context, code string) (*Field, error)
	Fields(ctx context.Context, f FieldFilter) (*List[*Field], error)
	CreateField(ctx context.Context, f *Field) error
	UpdateField(ctx context.Context, f *Field) error
	DeleteField(ctx context.Context, code string) error
}

// FlagshipStore keeps flagship projects. Flagship accepts an id or a slug.
type FlagshipStore interface {
	Flagship(ctx context.Context, idOrSlug string) (*Flagship, error)
	Flagships(ctx context.Context, f FlagshipFilter) (*List[*Flagship], error)
	CreateFlagship(ctx context.Context, f *Flagship) error
	UpdateFlagship(ctx context.Context, f *Flagship) error
	DeleteFlagship(ctx context.Context, id string) error
}

// TimelineStore keeps timeline entries.
type TimelineStore interface {
	TimelineEntry(ctx context.Context, id string) (*TimelineEntry, error)
	Timeline(ctx context.Context, f TimelineFilter) (*List[*TimelineEntry], error)
	CreateTimelineEntry(ctx context.Context, e *TimelineEntry) error
	UpdateTimelineEntry(ctx context.Context, e *TimelineEntry) error
	DeleteTimelineEntry(ctx context.Context, id string) error
}

// BulkWriter adds records inside one Bulk transaction.
type BulkWriter interface {
	// Put inserts one record, assigning missing ids and timestamps. The
	// record must already be prepared (normalised and valid) and its
	// references must resolve to stored records or records put before it.
	Put(r Record) error
}

// Change is one entry of the outbox: the ordered feed of changes from which
// derived state (search index, caches) is kept current.
type Change struct {
	Seq  int64     `json:"seq"`
	Kind Kind      `json:"kind"`
	ID   string    `json:"id"`
	Op   string    `json:"op"` // "create", "update" or "delete"
	At   time.Time `json:"at"`
}

// Store is everything the registry keeps. Create and Update methods
// normalise and validate the record, check its references (an unknown
// reference is EInvalid naming the field), enforce unique keys (EConflict
// naming the field) and write an outbox change in the same transaction.
// Update requires the record's Version to equal the stored one (else
// EStale) and increments it. Delete of a record that others reference is
// EConflict. A missing record is ENotFound, never (nil, nil).
type Store interface {
	UserStore
	ProgramStore
	ActivityStore
	OrganizationStore
	PersonStore
	FieldStore
	FlagshipStore
	TimelineStore
	OfferStore
	AuditStore
	// Stats counts activities matching f (its Page is ignored) and the
	// sizes of the other registries.
	Stats(ctx context.Context, f ActivityFilter) (*Stats, error)
	// Count returns the number of stored records of kind k.
	Count(ctx context.Context, k Kind) (int, error)
	// Bulk runs fn in one transaction: every record it puts is stored, or
	// none is when fn or a write fails.
	Bulk(ctx context.Context, fn func(BulkWriter) error) error
	// Each calls fn for every record of kind k in ascending id order,
	// stopping at the first error.
	Each(ctx context.Context, k Kind, fn func(Record) error) error
	// Missing returns those of ids that name no stored record of kind k.
	Missing(ctx context.Context, k Kind, ids []string) ([]string, error)
	// Changes returns up to limit outbox changes with Seq greater than after.
	Changes(ctx context.Context, after int64, limit int) ([]Change, error)
	// Close releases the database.
	Close() error
}
