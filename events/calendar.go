package events

import (
	"context"
	"io"
	"strings"
	"time"

	"amur"
	"amur/ical"
)

// uidDomain ends every UID, so that our events never collide with those of
// other calendars a person subscribes to.
const uidDomain = "@amur"

// eventEntries returns the calendar entries of an event: the event itself,
// then each session, in the language l.
func eventEntries(e *amur.Event, l amur.Lang, stamp time.Time) []ical.Event {
	start, end, _ := e.Span()
	title, _, _ := e.Title.In(l)
	desc, _, _ := e.Description.In(l)
	venue, _, _ := e.Venue.In(l)
	out := []ical.Event{{
		UID: e.ID + uidDomain, Stamp: stamp, Zone: e.Zone, AllDay: !e.Start.HasTime,
		Start: start, End: end,
		Summary: title, Description: desc, Location: venue, URL: e.VideoURL,
		Categories: []string{string(e.Kind)}, Status: "CONFIRMED",
	}}
	for i, s := range e.Sessions {
		from, to := e.SessionSpan(i)
		st, _, _ := s.Title.In(l)
		place := s.Room
		if place == "" {
			place = s.Stream
		}
		if venue != "" && place != "" {
			place = venue + ", " + place
		} else if place == "" {
			place = venue
		}
		out = append(out, ical.Event{
			UID: s.ID + uidDomain, Stamp: stamp, Zone: e.Zone, AllDay: !s.Start.HasTime,
			Start: from, End: to,
			Summary: title + ": " + st, Description: speakers(s, l), Location: place, URL: e.VideoURL,
			Categories: []string{"session"},
		})
	}
	return out
}

// speakers lists a session's speakers with their titles, one per line.
func speakers(s amur.EventSession, l amur.Lang) string {
	lines := make([]string, 0, len(s.Speakers))
	for _, sp := range s.Speakers {
		name, _, _ := sp.Name.In(l)
		if title, _, _ := sp.Title.In(l); title != "" {
			name += ", " + title
		}
		lines = append(lines, name)
	}
	return strings.Join(lines, "\n")
}

// EventCalendar writes the iCalendar of one event and its sessions.
func (s *Service) EventCalendar(ctx context.Context, eventID string, l amur.Lang, w io.Writer) error {
	e, err := s.Get(ctx, eventID)
	if err != nil {
		return err
	}
	title, _, _ := e.Title.In(l)
	c := &ical.Calendar{Name: title, Events: eventEntries(e, l, s.now())}
	return c.Encode(w)
}

// PublicCalendar writes the iCalendar of every public event (sessions
// included), up to amur.MaxLimit events from the earliest.
func (s *Service) PublicCalendar(ctx context.Context, l amur.Lang, name string, w io.Writer) error {
	list, err := s.store.Events(ctx, amur.EventFilter{PublicOnly: true, Page: amur.Page{Limit: amur.MaxLimit}})
	if err != nil {
		return err
	}
	c := &ical.Calendar{Name: name}
	for _, e := range list.Items {
		c.Events = append(c.Events, eventEntries(e, l, s.now())...)
	}
	return c.Encode(w)
}
