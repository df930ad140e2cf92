// Package events runs the program's events: forums, conferences,
// exhibitions, ceremonies, workshops and online seminars, with their
// sessions, registration (capacity, waiting list, approval, tickets),
// participant exports, iCalendar feeds, and brokerage — profiles,
// meeting requests and the scheduling of accepted requests into slots and
// tables (package broker does the optimisation).
//
// The service holds the rules; the store (sqlstore) keeps the records and
// runs each change in one transaction under a lock of the event, so the
// rules see a consistent state even when many people register at once.
package events

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"time"

	"amur"
)

// Store is what the service needs of the storage: the registry (for the
// activity that counts each event, organisers and programs) and events.
type Store interface {
	amur.Store
	amur.EventStore
}

// Service is the events capability.
type Service struct {
	store Store
	now   func() time.Time
}

// New returns the service over store.
func New(store Store) *Service { return &Service{store: store, now: time.Now} }

// SetClock replaces the clock; tests use it to register before and after
// a deadline.
func (s *Service) SetClock(now func() time.Time) { s.now = now }

// canManage tells whether ctx may create and change events and approve
// registrations: admins, program offices, and the system itself (the
// command line, the demo loader) acting without a principal.
func canManage(ctx context.Context) bool {
	p := amur.PrincipalFrom(ctx)
	if p == nil {
		a := amur.ActorFrom(ctx)
		return a == nil || a.Via == "cli"
	}
	return p.Is(amur.RoleAdmin) || p.Is(amur.RoleOffice)
}

// mustManage returns forbidden (or unauthorized for the anonymous) unless
// ctx may manage events.
func mustManage(ctx context.Context) error {
	if canManage(ctx) {
		return nil
	}
	if amur.PrincipalFrom(ctx) == nil {
		return amur.Errorf(amur.EUnauthorized, "err.unauthorized")
	}
	return amur.Errorf(amur.EForbidden, "err.forbidden")
}

// signedIn returns the principal of ctx or an unauthorized error.
func signedIn(ctx context.Context) (*amur.Principal, error) {
	p := amur.PrincipalFrom(ctx)
	if p == nil || p.UserID == "" {
		return nil, amur.Errorf(amur.EUnauthorized, "err.unauthorized")
	}
	return p, nil
}

// Create stores a new event and the registry activity that counts it.
// When e.ActivityID names an existing activity, the event is linked to it
// instead; otherwise an activity is made from the event (type from its
// kind, sides from its organisers, program from programID or the only
// program).
func (s *Service) Create(ctx context.Context, e *amur.Event, programID string) error {
	if err := mustManage(ctx); err != nil {
		return err
	}
	e.Normalize()
	if err := e.Validate(); err != nil {
		return err
	}
	if e.ActivityID != "" {
		if _, err := s.store.Activity(ctx, e.ActivityID); err != nil {
			return amur.WithField(err, "activity_id")
		}
		return s.store.CreateEvent(ctx, e, nil)
	}
	a, err := s.activityFor(ctx, e, programID)
	if err != nil {
		return err
	}
	return s.store.CreateEvent(ctx, e, a)
}

// activityFor makes the registry activity of a new event.
func (s *Service) activityFor(ctx context.Context, e *amur.Event, programID string) (*amur.Activity, error) {
	a := &amur.Activity{
		ProgramID: programID, Title: e.Title, Description: e.Description, Type: e.Kind.ActivityType(),
		Status: amur.Planned, Start: e.Start, End: e.End, Zone: e.Zone, Location: e.Venue,
		VideoURL: e.VideoURL, Format: amur.InPerson,
	}
	if e.Kind == amur.EventOnlineSeminar || (e.Venue.IsZero() && e.VideoURL != "") {
		a.Format = amur.Online
	} else if e.VideoURL != "" {
		a.Format = amur.Hybrid
	}
	if _, end, _ := e.Span(); end.Before(s.now()) {
		a.Status = amur.Held
	}
	if a.ProgramID == "" {
		if ps, err := s.store.Programs(ctx); err == nil && len(ps) == 1 {
			a.ProgramID = ps[0].ID
		}
	}
	for _, id := range e.Organizers {
		o, err := s.store.Organization(ctx, id)
		if err != nil {
			return nil, amur.WithField(err, "organizers")
		}
		a.Participants = append(a.Participants, amur.Participant{OrgID: id, Side: o.Country, Role: amur.Organiser})
	}
	if len(a.Participants) == 0 {
		a.Sides = []string{"CN", "RU"}
	}
	return a, nil
}

// Update replaces an event (optimistic on Version).
func (s *Service) Update(ctx context.Context, e *amur.Event) error {
	if err := mustManage(ctx); err != nil {
		return err
	}
	return s.store.UpdateEvent(ctx, e)
}

// Delete removes an event with its registrations and brokerage.
func (s *Service) Delete(ctx context.Context, id string) error {
	if err := mustManage(ctx); err != nil {
		return err
	}
	return s.store.DeleteEvent(ctx, id)
}

// Get returns an event; events that are not public are shown only to
// those who manage events.
func (s *Service) Get(ctx context.Context, id string) (*amur.Event, error) {
	e, err := s.store.Event(ctx, id)
	if err != nil {
		return nil, err
	}
	if !e.Public && !canManage(ctx) {
		return nil, amur.NotFound("events", id)
	}
	return e, nil
}

// List lists events; the public sees public events only.
func (s *Service) List(ctx context.Context, f amur.EventFilter) (*amur.List[*amur.Event], error) {
	if !canManage(ctx) {
		f.PublicOnly = true
	}
	return s.store.Events(ctx, f)
}

// newTicket returns an unguessable ticket code: 80 random bits in base32,
// grouped for reading aloud at the door.
func newTicket() string {
	var b [10]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported systems
	}
	s := base32.StdEncoding.EncodeToString(b[:])
	return s[:4] + "-" + s[4:8] + "-" + s[8:12] + "-" + s[12:16]
}

// Shown is an instant as the program's two sides read it.
type Shown struct {
	UTC     time.Time `json:"utc"`
	Beijing string    `json:"beijing"`
	Moscow  string    `json:"moscow"`
}

// Show returns t in Beijing and Moscow time.
func Show(t time.Time) Shown {
	bj, _ := amur.LoadZone("Asia/Shanghai")
	msk, _ := amur.LoadZone("Europe/Moscow")
	const layout = "2006-01-02 15:04"
	return Shown{UTC: t.UTC(), Beijing: t.In(bj).Format(layout), Moscow: t.In(msk).Format(layout)}
}
