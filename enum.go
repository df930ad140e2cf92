package amur

import (
	"slices"
	"strings"
)

// checkEnum returns an EInvalid error naming field when v is not one of allowed.
func checkEnum[S ~string](field string, v S, allowed []S) error {
	if slices.Contains(allowed, v) {
		return nil
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return Invalid(field, "err.enum", "value", string(v), "allowed", strings.Join(names, ", "))
}

// ActivityType is the kind of a cooperation activity.
type ActivityType string

// The activity types.
const (
	JointResearch     ActivityType = "joint_research"
	Exhibition        ActivityType = "exhibition"
	AcademicExchange  ActivityType = "academic_exchange"
	Forum             ActivityType = "forum"
	Training          ActivityType = "training"
	EnterpriseCoop    ActivityType = "enterprise_cooperation"
	Ceremony          ActivityType = "ceremony"
	OtherActivityType ActivityType = "other"
)

// ActivityTypes lists every activity type.
var ActivityTypes = []ActivityType{JointResearch, Exhibition, AcademicExchange, Forum, Training, EnterpriseCoop, Ceremony, OtherActivityType}

// ActivityStatus is where an activity stands.
type ActivityStatus string

// The activity statuses.
const (
	Planned    ActivityStatus = "planned"
	Approved   ActivityStatus = "approved"
	InProgress ActivityStatus = "in_progress"
	Held       ActivityStatus = "held"
	Cancelled  ActivityStatus = "cancelled"
)

// ActivityStatuses lists every activity status.
var ActivityStatuses = []ActivityStatus{Planned, Approved, InProgress, Held, Cancelled}

// Format is how an activity takes place.
type Format string

// The activity formats.
const (
	InPerson Format = "in_person"
	Online   Format = "online"
	Hybrid   Format = "hybrid"
)

// Formats lists every format.
var Formats = []Format{InPerson, Online, Hybrid}

// Role is what an organisation or person does in an activity.
type Role string

// The participant roles.
const (
	Organiser   Role = "organiser"
	CoOrganiser Role = "co_organiser"
	Partner     Role = "partner"
	Funder      Role = "funder"
	Speaker     Role = "speaker"
	Guest       Role = "guest"
	Lead        Role = "lead"
	Member      Role = "member"
	Attendee    Role = "participant"
)

// Roles lists every participant role.
var Roles = []Role{Organiser, CoOrganiser, Partner, Funder, Speaker, Guest, Lead, Member, Attendee}

// OutcomeKind is the kind of a result of an activity.
type OutcomeKind string

// The outcome kinds.
const (
	Agreement   OutcomeKind = "agreement"
	Publication OutcomeKind = "publication"
	Patent      OutcomeKind = "patent"
	OtherResult OutcomeKind = "other"
)

// OutcomeKinds lists every outcome kind.
var OutcomeKinds = []OutcomeKind{Agreement, Publication, Patent, OtherResult}

// OrgKind is the kind of an organisation.
type OrgKind string

// The organisation kinds.
const (
	University   OrgKind = "university"
	Institute    OrgKind = "research_institute"
	Enterprise   OrgKind = "enterprise"
	Government   OrgKind = "government"
	Fund         OrgKind = "fund"
	OtherOrgKind OrgKind = "other"
)

// OrgKinds lists every organisation kind.
var OrgKinds = []OrgKind{University, Institute, Enterprise, Government, Fund, OtherOrgKind}

// EntryKind is the kind of a timeline entry.
type EntryKind string

// The timeline entry kinds.
const (
	Letter         EntryKind = "letter"
	Call           EntryKind = "call"
	Meeting        EntryKind = "meeting"
	CeremonyEntry  EntryKind = "ceremony"
	ForumEntry     EntryKind = "forum"
	Statement      EntryKind = "statement"
	AgreementEntry EntryKind = "agreement"
	Visit          EntryKind = "visit"
	Launch         EntryKind = "launch"
	OtherEntry     EntryKind = "other"
)

// EntryKinds lists every timeline entry kind.
var EntryKinds = []EntryKind{Letter, Call, Meeting, CeremonyEntry, ForumEntry, Statement, AgreementEntry, Visit, Launch, OtherEntry}
