package events

import (
	"context"
	"io"
	"sort"
	"time"

	"amur"
	"amur/events/broker"
	"amur/ical"
)

// ScheduleResult sums up a scheduling run.
type ScheduleResult struct {
	Accepted  int     `json:"accepted"`
	Scheduled int     `json:"scheduled"`
	Weight    int64   `json:"weight"`
	Bound     int64   `json:"bound"`
	BoundKind string  `json:"bound_kind"`
	Ratio     float64 `json:"ratio"`
	Greedy    int64   `json:"greedy"`
}

// langBit numbers the program's languages for the scheduler.
func langBit(l amur.Lang) uint32 {
	for i, x := range amur.Langs {
		if x == l {
			return 1 << uint(i)
		}
	}
	return 0
}

// Schedule places the event's accepted meeting requests into slots and
// tables with broker.Solve and stores each request's slot and table (-1
// for those that found no place). Requests of people who withdrew their
// profile are left out. Offices only.
func (s *Service) Schedule(ctx context.Context, eventID string) (*ScheduleResult, error) {
	if err := mustManage(ctx); err != nil {
		return nil, err
	}
	var out *ScheduleResult
	err := s.store.Brokerage(ctx, eventID, func(e *amur.Event, ps []*amur.BrokerProfile, rs []*amur.MeetingRequest) ([]*amur.BrokerProfile, []*amur.MeetingRequest, error) {
		b, err := brokerEvent(e)
		if err != nil {
			return nil, nil, err
		}
		in, reqs := instance(b, ps, rs)
		res, err := broker.Solve(ctx, in, broker.Options{Budget: 5 * time.Second})
		if err != nil {
			return nil, nil, err
		}
		ff, _ := broker.FirstFit(in)
		for _, r := range rs {
			r.Slot, r.Table, r.Interpreter = -1, -1, false
		}
		for _, p := range res.Placements {
			r := reqs[p.Request]
			r.Slot, r.Table, r.Interpreter = p.Slot, p.Table, p.Interpreter
		}
		out = &ScheduleResult{Accepted: len(reqs), Scheduled: res.Meetings, Weight: res.Weight, Bound: res.Bound,
			BoundKind: res.BoundKind, Ratio: res.Ratio, Greedy: ff.Weight}
		return nil, rs, nil
	})
	return out, err
}

// instance translates profiles and accepted requests into a scheduling
// problem; it returns the requests in the order of the instance.
func instance(b *amur.Brokerage, ps []*amur.BrokerProfile, rs []*amur.MeetingRequest) (*broker.Instance, []*amur.MeetingRequest) {
	in := &broker.Instance{Slots: len(b.Slots), Tables: b.Tables, Interpreters: b.Interpreters}
	index := map[string]int{}
	for _, p := range ps {
		var pt broker.Participant
		for _, k := range p.Available {
			if k >= 0 && k < len(b.Slots) {
				pt.Avail |= 1 << uint(k)
			}
		}
		for _, l := range p.Langs {
			pt.Langs |= langBit(l)
		}
		index[p.UserID] = len(in.Participants)
		in.Participants = append(in.Participants, pt)
	}
	var reqs []*amur.MeetingRequest
	for _, r := range rs {
		a, okA := index[r.From]
		c, okB := index[r.To]
		if r.Status != amur.MeetingAccepted || !okA || !okB {
			continue
		}
		in.Requests = append(in.Requests, broker.Request{A: a, B: c, Weight: int64(r.Priority)})
		reqs = append(reqs, r)
	}
	return in, reqs
}

// Meeting is one entry of a participant's brokerage agenda.
type Meeting struct {
	RequestID   string `json:"request_id"`
	Start       Shown  `json:"start"`
	End         Shown  `json:"end"`
	Table       int    `json:"table"`
	With        string `json:"with"`
	WithName    string `json:"with_name"`
	WithOrg     string `json:"with_org,omitempty"`
	Interpreter bool   `json:"interpreter"`
	VideoURL    string `json:"video_url,omitempty"`
	start, end  time.Time
}

// Agenda returns the scheduled meetings of user at the event in time
// order. A participant reads their own; offices read anyone's.
func (s *Service) Agenda(ctx context.Context, eventID, user string) (*amur.Event, []Meeting, error) {
	p, err := signedIn(ctx)
	if err != nil && !canManage(ctx) {
		return nil, nil, err
	}
	if !canManage(ctx) && p.UserID != user {
		return nil, nil, amur.Errorf(amur.EForbidden, "err.forbidden")
	}
	var ev *amur.Event
	var out []Meeting
	err = s.store.Brokerage(ctx, eventID, func(e *amur.Event, ps []*amur.BrokerProfile, rs []*amur.MeetingRequest) ([]*amur.BrokerProfile, []*amur.MeetingRequest, error) {
		b, err := brokerEvent(e)
		if err != nil {
			return nil, nil, err
		}
		ev, out = e, agenda(e, b, ps, rs, user)
		return nil, nil, nil
	})
	return ev, out, err
}

// agenda collects user's placed meetings.
func agenda(e *amur.Event, b *amur.Brokerage, ps []*amur.BrokerProfile, rs []*amur.MeetingRequest, user string) []Meeting {
	out := []Meeting{}
	for _, r := range rs {
		if r.Slot < 0 || r.Slot >= len(b.Slots) || r.Status != amur.MeetingAccepted || (r.From != user && r.To != user) {
			continue
		}
		other := r.To
		if other == user {
			other = r.From
		}
		start, end := e.SlotTime(r.Slot)
		m := Meeting{RequestID: r.ID, Start: Show(start), End: Show(end), Table: r.Table + 1, With: other,
			Interpreter: r.Interpreter, start: start, end: end}
		if op := profileOf(ps, other); op != nil {
			m.WithName, m.WithOrg = op.Name, op.Org
		}
		if b.Online {
			m.VideoURL = e.VideoURL
		}
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start.Before(out[j].start) })
	return out
}

// AgendaCalendar writes user's brokerage agenda at the event as iCalendar.
func (s *Service) AgendaCalendar(ctx context.Context, eventID, user string, l amur.Lang, w io.Writer) error {
	e, ms, err := s.Agenda(ctx, eventID, user)
	if err != nil {
		return err
	}
	title, _, _ := e.Title.In(l)
	c := &ical.Calendar{Name: title}
	for _, m := range ms {
		c.Events = append(c.Events, meetingEntry(e, m, title, s.now()))
	}
	return c.Encode(w)
}

// meetingEntry is the calendar entry of one meeting.
func meetingEntry(e *amur.Event, m Meeting, title string, stamp time.Time) ical.Event {
	summary := m.WithName
	if m.WithOrg != "" {
		summary += " (" + m.WithOrg + ")"
	}
	loc := ""
	if !e.Brokerage.Online {
		venue, _, _ := e.Venue.In(amur.EN)
		loc = venue + ", table " + itoa(m.Table)
	}
	desc := title
	if m.Interpreter {
		desc += "\ninterpreter: yes"
	}
	return ical.Event{UID: m.RequestID + uidDomain, Stamp: stamp, Start: m.start, End: m.end, Zone: e.Zone,
		Summary: summary, Description: desc, Location: loc, URL: m.VideoURL, Categories: []string{"meeting"}}
}

// MyCalendar writes the signed-in user's agenda across events: every event
// they hold a confirmed registration for, and their brokerage meetings.
func (s *Service) MyCalendar(ctx context.Context, l amur.Lang, w io.Writer) error {
	p, err := signedIn(ctx)
	if err != nil {
		return err
	}
	regs, err := s.store.UserRegistrations(ctx, p.UserID)
	if err != nil {
		return err
	}
	c := &ical.Calendar{Name: "Amur"}
	for _, r := range regs {
		if r.Status != amur.RegConfirmed {
			continue
		}
		e, err := s.store.Event(ctx, r.EventID)
		if err != nil {
			return err
		}
		c.Events = append(c.Events, eventEntries(e, l, s.now())...)
		if e.Brokerage == nil {
			continue
		}
		_, ms, err := s.Agenda(ctx, e.ID, p.UserID)
		if err != nil {
			return err
		}
		title, _, _ := e.Title.In(l)
		for _, m := range ms {
			c.Events = append(c.Events, meetingEntry(e, m, title, s.now()))
		}
	}
	return c.Encode(w)
}
