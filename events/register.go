package events

import (
	"context"
	"strings"
	"time"

	"amur"
)

// RegistrationForm is what a person fills in to register.
type RegistrationForm struct {
	Name    string            `json:"name"`
	Email   string            `json:"email"`
	Org     string            `json:"org,omitempty"`
	Answers map[string]string `json:"answers,omitempty"`
}

// validate checks the form against the event's questions.
func (f *RegistrationForm) validate(e *amur.Event) error {
	f.Name, f.Email, f.Org = strings.TrimSpace(f.Name), strings.TrimSpace(f.Email), strings.TrimSpace(f.Org)
	if f.Name == "" {
		return amur.Invalid("name", "err.required")
	}
	for _, v := range []struct{ field, s string }{{"name", f.Name}, {"email", f.Email}, {"org", f.Org}} {
		if err := amur.ValidString(v.field, v.s, 300); err != nil {
			return err
		}
	}
	if !strings.Contains(f.Email, "@") {
		return amur.Invalid("email", "err.email", "value", f.Email)
	}
	known := map[string]bool{}
	for _, q := range e.Registration.Questions {
		known[q.Key] = true
		if q.Required && strings.TrimSpace(f.Answers[q.Key]) == "" {
			return amur.Invalid("answers."+q.Key, "err.required")
		}
	}
	for k, v := range f.Answers {
		if !known[k] {
			return amur.Invalid("answers."+k, "events.unknown_question")
		}
		if err := amur.ValidString("answers."+k, v, 2000); err != nil {
			return err
		}
	}
	return nil
}

// closes returns the instant registration for e closes.
func closes(e *amur.Event) time.Time {
	loc, _ := amur.LoadZone(e.Zone)
	if !e.Registration.Closes.IsZero() {
		return e.Registration.Closes.Start(loc)
	}
	return e.Start.Start(loc)
}

// Register registers the signed-in user for the event. The registration
// is confirmed with a ticket when a place is free and no approval is
// needed, pending when the event requires approval, waiting when the
// event is full and keeps a waiting list; otherwise it is refused.
func (s *Service) Register(ctx context.Context, eventID string, form RegistrationForm) (*amur.Registration, error) {
	p, err := signedIn(ctx)
	if err != nil {
		return nil, err
	}
	var out *amur.Registration
	err = s.store.Registrations(ctx, eventID, func(e *amur.Event, regs []*amur.Registration) ([]*amur.Registration, error) {
		if !e.Public && !canManage(ctx) {
			return nil, amur.NotFound("events", eventID)
		}
		if !e.Registration.Open {
			return nil, amur.Errorf(amur.EConflict, "events.registration_closed")
		}
		if now := s.now(); !now.Before(closes(e)) {
			return nil, amur.Errorf(amur.EConflict, "events.registration_closed")
		}
		if err := form.validate(e); err != nil {
			return nil, err
		}
		r := &amur.Registration{ID: amur.NewID(), EventID: e.ID, CreatedAt: s.now().UTC().Truncate(time.Millisecond)}
		for _, old := range regs {
			if old.UserID != p.UserID {
				continue
			}
			if old.Status != amur.RegCancelled {
				return nil, amur.Errorf(amur.EConflict, "events.already_registered")
			}
			r = old // registering again after cancelling reuses the row
		}
		r.UserID, r.Name, r.Email, r.Org, r.Answers = p.UserID, form.Name, form.Email, form.Org, form.Answers
		if r.Answers == nil {
			r.Answers = map[string]string{}
		}
		status, err := admit(e, regs, !e.Registration.Approval)
		if err != nil {
			return nil, err
		}
		setStatus(r, status)
		out = r
		return []*amur.Registration{r}, nil
	})
	return out, err
}

// admit decides the status of a newcomer: pending without approval,
// confirmed while places remain, waiting when the list is open, else full.
func admit(e *amur.Event, regs []*amur.Registration, approved bool) (amur.RegistrationStatus, error) {
	if !approved {
		return amur.RegPending, nil
	}
	capacity := e.Registration.Capacity
	if capacity == 0 || confirmed(regs) < capacity {
		return amur.RegConfirmed, nil
	}
	if e.Registration.Waitlist {
		return amur.RegWaiting, nil
	}
	return "", amur.Errorf(amur.EConflict, "events.full", "capacity", capacity)
}

// confirmed counts the confirmed registrations.
func confirmed(regs []*amur.Registration) int {
	n := 0
	for _, r := range regs {
		if r.Status == amur.RegConfirmed {
			n++
		}
	}
	return n
}

// setStatus sets r's status, issuing a ticket on confirmation.
func setStatus(r *amur.Registration, st amur.RegistrationStatus) {
	r.Status = st
	if st == amur.RegConfirmed && r.Ticket == "" {
		r.Ticket = newTicket()
	}
	if st == amur.RegCancelled {
		r.Ticket = ""
	}
}

// Cancel cancels a registration (its owner or an office) and gives a freed
// place to the first person on the waiting list.
func (s *Service) Cancel(ctx context.Context, eventID, regID string) (*amur.Registration, error) {
	p, err := signedIn(ctx)
	if err != nil && !canManage(ctx) {
		return nil, err
	}
	var out *amur.Registration
	err = s.store.Registrations(ctx, eventID, func(e *amur.Event, regs []*amur.Registration) ([]*amur.Registration, error) {
		r := find(regs, regID)
		if r == nil || (!canManage(ctx) && (p == nil || r.UserID != p.UserID)) {
			return nil, amur.NotFound("registrations", regID)
		}
		if r.Status == amur.RegCancelled {
			return nil, amur.Errorf(amur.EConflict, "events.already_cancelled")
		}
		freed := r.Status == amur.RegConfirmed
		setStatus(r, amur.RegCancelled)
		out = r
		changed := []*amur.Registration{r}
		if freed {
			if next := promote(e, regs); next != nil {
				changed = append(changed, next)
			}
		}
		return changed, nil
	})
	return out, err
}

// promote confirms the oldest waiting registration when a place is free.
func promote(e *amur.Event, regs []*amur.Registration) *amur.Registration {
	if e.Registration.Capacity > 0 && confirmed(regs) >= e.Registration.Capacity {
		return nil
	}
	for _, r := range regs {
		if r.Status == amur.RegWaiting {
			setStatus(r, amur.RegConfirmed)
			return r
		}
	}
	return nil
}

// Approve confirms a pending registration (an office), or puts it on the
// waiting list when the event is full.
func (s *Service) Approve(ctx context.Context, eventID, regID string) (*amur.Registration, error) {
	if err := mustManage(ctx); err != nil {
		return nil, err
	}
	var out *amur.Registration
	err := s.store.Registrations(ctx, eventID, func(e *amur.Event, regs []*amur.Registration) ([]*amur.Registration, error) {
		r := find(regs, regID)
		if r == nil {
			return nil, amur.NotFound("registrations", regID)
		}
		if r.Status != amur.RegPending {
			return nil, amur.Errorf(amur.EConflict, "events.not_pending")
		}
		st, err := admit(e, regs, true)
		if err != nil {
			return nil, err
		}
		setStatus(r, st)
		out = r
		return []*amur.Registration{r}, nil
	})
	return out, err
}

// Registrations returns an event's registrations (offices), oldest first.
func (s *Service) Registrations(ctx context.Context, eventID string) ([]*amur.Registration, error) {
	if err := mustManage(ctx); err != nil {
		return nil, err
	}
	var out []*amur.Registration
	err := s.store.Registrations(ctx, eventID, func(_ *amur.Event, regs []*amur.Registration) ([]*amur.Registration, error) {
		out = regs
		return nil, nil
	})
	return out, err
}

// find returns the registration with id, or nil.
func find(regs []*amur.Registration, id string) *amur.Registration {
	for _, r := range regs {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// MyRegistrations returns the signed-in user's registrations, oldest
// first, tickets included.
func (s *Service) MyRegistrations(ctx context.Context) ([]*amur.Registration, error) {
	p, err := signedIn(ctx)
	if err != nil {
		return nil, err
	}
	regs, err := s.store.UserRegistrations(ctx, p.UserID)
	if regs == nil {
		regs = []*amur.Registration{}
	}
	return regs, err
}
