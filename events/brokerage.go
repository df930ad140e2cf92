package events

import (
	"context"
	"strconv"
	"strings"

	"amur"
)

// ProfileInput is what a participant publishes for a brokerage. Available
// lists the starts of the slots they are free in, as local moments of the
// event's zone.
type ProfileInput struct {
	Name      string        `json:"name"`
	Org       string        `json:"org,omitempty"`
	Summary   amur.Text     `json:"summary"`
	Fields    []string      `json:"fields,omitempty"`
	Offers    string        `json:"offers,omitempty"`
	Requests  string        `json:"requests,omitempty"`
	Langs     []amur.Lang   `json:"languages"`
	Available []amur.Moment `json:"available"`
}

// brokerEvent returns the event's brokerage or an error naming it absent.
func brokerEvent(e *amur.Event) (*amur.Brokerage, error) {
	if e.Brokerage == nil {
		return nil, amur.Errorf(amur.EInvalid, "events.no_brokerage")
	}
	return e.Brokerage, nil
}

// isConfirmed tells whether user holds a confirmed registration.
func (s *Service) isConfirmed(ctx context.Context, eventID, userID string) (bool, error) {
	regs, err := s.store.UserRegistrations(ctx, userID)
	if err != nil {
		return false, err
	}
	for _, r := range regs {
		if r.EventID == eventID && r.Status == amur.RegConfirmed {
			return true, nil
		}
	}
	return false, nil
}

// PutProfile publishes or replaces the signed-in participant's profile.
// Only confirmed participants of a brokerage event may publish, and every
// availability must be one of the event's slots.
func (s *Service) PutProfile(ctx context.Context, eventID string, in ProfileInput) (*amur.BrokerProfile, error) {
	p, err := signedIn(ctx)
	if err != nil {
		return nil, err
	}
	if ok, err := s.isConfirmed(ctx, eventID, p.UserID); err != nil {
		return nil, err
	} else if !ok {
		return nil, amur.Errorf(amur.EForbidden, "events.not_registered")
	}
	var out *amur.BrokerProfile
	err = s.store.Brokerage(ctx, eventID, func(e *amur.Event, _ []*amur.BrokerProfile, _ []*amur.MeetingRequest) ([]*amur.BrokerProfile, []*amur.MeetingRequest, error) {
		prof, err := buildProfile(e, p.UserID, in)
		if err != nil {
			return nil, nil, err
		}
		out = prof
		return []*amur.BrokerProfile{prof}, nil, nil
	})
	return out, err
}

// buildProfile checks in against the event and returns the profile.
func buildProfile(e *amur.Event, userID string, in ProfileInput) (*amur.BrokerProfile, error) {
	b, err := brokerEvent(e)
	if err != nil {
		return nil, err
	}
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" {
		return nil, amur.Invalid("name", "err.required")
	}
	in.Summary.Normalize()
	if err := in.Summary.Validate("summary", false); err != nil {
		return nil, err
	}
	for _, f := range []struct{ name, v string }{{"name", in.Name}, {"org", in.Org}, {"offers", in.Offers}, {"requests", in.Requests}} {
		if err := amur.ValidString(f.name, f.v, 4000); err != nil {
			return nil, err
		}
	}
	if len(in.Langs) == 0 {
		return nil, amur.Invalid("languages", "err.required")
	}
	for i, l := range in.Langs {
		if !l.Valid() {
			return nil, amur.Invalid("languages["+itoa(i)+"]", "err.enum", "value", string(l), "allowed", "zh, ru, en")
		}
	}
	prof := &amur.BrokerProfile{EventID: e.ID, UserID: userID, Name: in.Name, Org: strings.TrimSpace(in.Org),
		Summary: in.Summary, Fields: in.Fields, Offers: in.Offers, Requests: in.Requests, Langs: in.Langs, Available: []int{}}
	if prof.Fields == nil {
		prof.Fields = []string{}
	}
	seen := map[int]bool{}
	for i, m := range in.Available {
		k := slotIndex(b, m)
		if k < 0 {
			return nil, amur.Invalid("available["+itoa(i)+"]", "events.availability_outside", "value", m.String())
		}
		if !seen[k] {
			seen[k] = true
			prof.Available = append(prof.Available, k)
		}
	}
	return prof, nil
}

// slotIndex returns the index of the slot starting at m, or -1.
func slotIndex(b *amur.Brokerage, m amur.Moment) int {
	for i, s := range b.Slots {
		if s == m {
			return i
		}
	}
	return -1
}

// Profiles returns the event's published profiles (participants only).
func (s *Service) Profiles(ctx context.Context, eventID string) ([]*amur.BrokerProfile, error) {
	var out []*amur.BrokerProfile
	err := s.store.Brokerage(ctx, eventID, func(e *amur.Event, ps []*amur.BrokerProfile, _ []*amur.MeetingRequest) ([]*amur.BrokerProfile, []*amur.MeetingRequest, error) {
		if err := s.mayBrowse(ctx, e); err != nil {
			return nil, nil, err
		}
		out = ps
		return nil, nil, nil
	})
	return out, err
}

// mayBrowse lets offices and confirmed participants see the brokerage.
func (s *Service) mayBrowse(ctx context.Context, e *amur.Event) error {
	if canManage(ctx) {
		return nil
	}
	p, err := signedIn(ctx)
	if err != nil {
		return err
	}
	if ok, err := s.isConfirmed(ctx, e.ID, p.UserID); err != nil || !ok {
		return amur.Errorf(amur.EForbidden, "events.not_registered")
	}
	return nil
}

// RequestMeeting sends a meeting request from the signed-in participant to
// another participant with a profile, with a priority of 1 to 5.
func (s *Service) RequestMeeting(ctx context.Context, eventID, to, message string, priority int) (*amur.MeetingRequest, error) {
	p, err := signedIn(ctx)
	if err != nil {
		return nil, err
	}
	if priority == 0 {
		priority = 3
	}
	if priority < 1 || priority > 5 {
		return nil, amur.Invalid("priority", "err.range", "min", 1, "max", 5)
	}
	if err := amur.ValidString("message", message, 2000); err != nil {
		return nil, err
	}
	var out *amur.MeetingRequest
	err = s.store.Brokerage(ctx, eventID, func(e *amur.Event, ps []*amur.BrokerProfile, rs []*amur.MeetingRequest) ([]*amur.BrokerProfile, []*amur.MeetingRequest, error) {
		if _, err := brokerEvent(e); err != nil {
			return nil, nil, err
		}
		if profileOf(ps, p.UserID) == nil {
			return nil, nil, amur.Errorf(amur.EForbidden, "events.no_profile")
		}
		if to == p.UserID || profileOf(ps, to) == nil {
			return nil, nil, amur.Invalid("to", "events.no_such_participant")
		}
		for _, r := range rs {
			if (r.From == p.UserID && r.To == to) || (r.From == to && r.To == p.UserID) {
				return nil, nil, amur.Errorf(amur.EConflict, "events.request_exists")
			}
		}
		now := s.now().UTC()
		out = &amur.MeetingRequest{ID: amur.NewID(), EventID: e.ID, From: p.UserID, To: to, Message: message,
			Priority: priority, Status: amur.MeetingRequested, Slot: -1, Table: -1, CreatedAt: now}
		return nil, []*amur.MeetingRequest{out}, nil
	})
	return out, err
}

// Respond accepts or declines a request addressed to the signed-in user.
func (s *Service) Respond(ctx context.Context, eventID, requestID string, accept bool) (*amur.MeetingRequest, error) {
	p, err := signedIn(ctx)
	if err != nil {
		return nil, err
	}
	var out *amur.MeetingRequest
	err = s.store.Brokerage(ctx, eventID, func(e *amur.Event, _ []*amur.BrokerProfile, rs []*amur.MeetingRequest) ([]*amur.BrokerProfile, []*amur.MeetingRequest, error) {
		for _, r := range rs {
			if r.ID != requestID || r.To != p.UserID {
				continue
			}
			if r.Status != amur.MeetingRequested {
				return nil, nil, amur.Errorf(amur.EConflict, "events.already_answered")
			}
			r.Status = amur.MeetingDeclined
			if accept {
				r.Status = amur.MeetingAccepted
			}
			out = r
			return nil, []*amur.MeetingRequest{r}, nil
		}
		return nil, nil, amur.NotFound("broker_requests", requestID)
	})
	return out, err
}

// Requests returns the requests the signed-in user sent or received.
func (s *Service) Requests(ctx context.Context, eventID string) ([]*amur.MeetingRequest, error) {
	p, err := signedIn(ctx)
	if err != nil {
		return nil, err
	}
	out := []*amur.MeetingRequest{}
	err = s.store.Brokerage(ctx, eventID, func(_ *amur.Event, _ []*amur.BrokerProfile, rs []*amur.MeetingRequest) ([]*amur.BrokerProfile, []*amur.MeetingRequest, error) {
		for _, r := range rs {
			if r.From == p.UserID || r.To == p.UserID {
				out = append(out, r)
			}
		}
		return nil, nil, nil
	})
	return out, err
}

// profileOf returns user's profile among ps, or nil.
func profileOf(ps []*amur.BrokerProfile, user string) *amur.BrokerProfile {
	for _, p := range ps {
		if p.UserID == user {
			return p
		}
	}
	return nil
}

// itoa formats an index for a field name.
func itoa(i int) string { return strconv.Itoa(i) }
