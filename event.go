package amur

import (
	"context"
	"time"
)

// EventKind is the kind of an event the program holds.
type EventKind string

// The event kinds.
const (
	EventForum         EventKind = "forum"
	EventConference    EventKind = "conference"
	EventExhibition    EventKind = "exhibition"
	EventCeremony      EventKind = "ceremony"
	EventWorkshop      EventKind = "workshop"
	EventOnlineSeminar EventKind = "online_seminar"
)

// EventKinds lists every event kind.
var EventKinds = []EventKind{EventForum, EventConference, EventExhibition, EventCeremony, EventWorkshop, EventOnlineSeminar}

// ActivityType returns the registry activity type an event of kind k is
// counted as in the program's figures.
func (k EventKind) ActivityType() ActivityType {
	switch k {
	case EventExhibition:
		return Exhibition
	case EventCeremony:
		return Ceremony
	case EventWorkshop:
		return Training
	}
	return Forum
}

// Event is a forum, conference, exhibition, ceremony, workshop or online
// seminar organised within the program, with its sessions, its
// registration rules and, when it has one, its brokerage. Every event is
// also an Activity of the registry (ActivityID), so the program's figures
// count it.
type Event struct {
	Meta
	ActivityID  string    `json:"activity_id"`
	Kind        EventKind `json:"kind"`
	Title       Text      `json:"title"`
	Description Text      `json:"description"`
	// Organizers holds organisation ids.
	Organizers []string `json:"organizers"`
	Venue      Text     `json:"venue"`
	VideoURL   string   `json:"video_url,omitempty"`
	// Start and End are local moments to the minute in Zone (IANA).
	Start    Moment         `json:"start"`
	End      Moment         `json:"end"`
	Zone     string         `json:"zone"`
	Public   bool           `json:"public"`
	Sessions []EventSession `json:"sessions"`
	// Registration says who may register and how.
	Registration RegistrationRules `json:"registration"`
	// Brokerage, when set, runs one-to-one meetings among participants.
	Brokerage *Brokerage `json:"brokerage,omitempty"`
}

// EventSession is one part of an event's programme.
type EventSession struct {
	ID    string `json:"id"`
	Title Text   `json:"title"`
	Start Moment `json:"start"`
	End   Moment `json:"end"`
	// Room is a hall of the venue; Stream a channel of an online event.
	Room     string           `json:"room,omitempty"`
	Stream   string           `json:"stream,omitempty"`
	Speakers []SessionSpeaker `json:"speakers"`
	Language Lang             `json:"language"`
	// Interpretation tells that zh↔ru interpretation is provided.
	Interpretation bool `json:"interpretation"`
}

// SessionSpeaker is a person speaking in a session, with the title under which
// they speak (an office, a degree).
type SessionSpeaker struct {
	PersonID string `json:"person_id,omitempty"`
	Name     Text   `json:"name"`
	Title    Text   `json:"title"`
}

// RegistrationRules are an event's registration form and limits.
type RegistrationRules struct {
	Open bool `json:"open"`
	// Capacity is the number of places; 0 means unlimited.
	Capacity int `json:"capacity"`
	// Waitlist lets registrations beyond capacity wait for a place;
	// without it they are refused.
	Waitlist bool `json:"waitlist"`
	// Approval makes every registration wait for an office's approval.
	Approval bool `json:"approval"`
	// Closes is the last moment to register; zero means the event's start.
	Closes    Moment     `json:"closes"`
	Questions []Question `json:"questions"`
}

// Question is one question of a registration form.
type Question struct {
	Key      string `json:"key"`
	Label    Text   `json:"label"`
	Required bool   `json:"required"`
}

// Brokerage is the meeting programme of an event: its time slots, tables
// and interpreters.
type Brokerage struct {
	// Slots are the starts of the meeting slots, local moments in the
	// event's zone, each SlotMinutes long.
	Slots        []Moment `json:"slots"`
	SlotMinutes  int      `json:"slot_minutes"`
	Tables       int      `json:"tables"`
	Interpreters int      `json:"interpreters"`
	// Online meetings take place over the event's video link.
	Online bool `json:"online"`
}

// RegistrationStatus is where a registration stands.
type RegistrationStatus string

// The registration statuses.
const (
	RegConfirmed RegistrationStatus = "confirmed"
	RegWaiting   RegistrationStatus = "waiting"
	RegPending   RegistrationStatus = "pending" // awaiting approval
	RegCancelled RegistrationStatus = "cancelled"
)

// Registration is one person's registration for an event.
type Registration struct {
	ID      string             `json:"id"`
	EventID string             `json:"event_id"`
	UserID  string             `json:"user_id"`
	Name    string             `json:"name"`
	Email   string             `json:"email"`
	Org     string             `json:"org,omitempty"`
	Answers map[string]string  `json:"answers"`
	Status  RegistrationStatus `json:"status"`
	// Ticket is an unguessable code shown at the door.
	Ticket    string    `json:"ticket,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// BrokerProfile is what a participant of a brokerage publishes about
// themself so others can find them and ask for a meeting.
type BrokerProfile struct {
	EventID  string   `json:"event_id"`
	UserID   string   `json:"user_id"`
	Name     string   `json:"name"`
	Org      string   `json:"org,omitempty"`
	Summary  Text     `json:"summary"`
	Fields   []string `json:"fields"`
	Offers   string   `json:"offers"`
	Requests string   `json:"requests"`
	Langs    []Lang   `json:"languages"`
	// Available holds the indexes of the brokerage slots the person is free in.
	Available []int     `json:"available"`
	UpdatedAt time.Time `json:"updated_at"`
}

// MeetingStatus is where a meeting request stands.
type MeetingStatus string

// The meeting request statuses.
const (
	MeetingRequested MeetingStatus = "requested"
	MeetingAccepted  MeetingStatus = "accepted"
	MeetingDeclined  MeetingStatus = "declined"
)

// MeetingRequest is one participant's request to meet another, with the
// priority (1–5) the requester gives it.
type MeetingRequest struct {
	ID       string        `json:"id"`
	EventID  string        `json:"event_id"`
	From     string        `json:"from"`
	To       string        `json:"to"`
	Message  string        `json:"message,omitempty"`
	Priority int           `json:"priority"`
	Status   MeetingStatus `json:"status"`
	// Slot and Table are set once the meeting is scheduled (-1 before).
	Slot        int       `json:"slot"`
	Table       int       `json:"table"`
	Interpreter bool      `json:"interpreter"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// EventFilter selects events.
type EventFilter struct {
	// PublicOnly leaves out events that are not public.
	PublicOnly bool
	From, To   time.Time
	Page
}

// EventStore keeps events and what hangs off them. Each mutating method
// runs in one transaction with its audit entries.
type EventStore interface {
	CreateEvent(ctx context.Context, e *Event, a *Activity) error
	Event(ctx context.Context, id string) (*Event, error)
	UpdateEvent(ctx context.Context, e *Event) error
	DeleteEvent(ctx context.Context, id string) error
	Events(ctx context.Context, f EventFilter) (*List[*Event], error)
	// Registrations runs fn over the event and its registrations under a
	// lock of the event, and stores the registrations fn returns as changed.
	Registrations(ctx context.Context, eventID string, fn func(*Event, []*Registration) ([]*Registration, error)) error
	// UserRegistrations returns every registration of a user, oldest first.
	UserRegistrations(ctx context.Context, userID string) ([]*Registration, error)
	// Brokerage runs fn over the event, its profiles and its requests under
	// a lock of the event, and stores the profiles and requests fn returns.
	Brokerage(ctx context.Context, eventID string, fn func(*Event, []*BrokerProfile, []*MeetingRequest) ([]*BrokerProfile, []*MeetingRequest, error)) error
}
