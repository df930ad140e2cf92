package amur

import (
	"sort"
	"strings"
	"time"
)

// Limits on the parts of an event.
const (
	MaxSessions     = 500
	MaxSpeakers     = 50
	MaxQuestions    = 50
	MaxBrokerSlots  = 64
	MaxEventOrgs    = 100
	MaxSlotMinutes  = 240
	MinSlotMinutes  = 5
	MaxBrokerTables = 10000
)

// Normalize trims the event's texts, gives sessions ids and sorts them by start.
func (e *Event) Normalize() {
	e.Title.Normalize()
	e.Description.Normalize()
	e.Venue.Normalize()
	e.Organizers = sortedSet(e.Organizers)
	for i := range e.Sessions {
		s := &e.Sessions[i]
		if s.ID == "" {
			s.ID = NewID()
		}
		s.Title.Normalize()
		s.Room, s.Stream = strings.TrimSpace(s.Room), strings.TrimSpace(s.Stream)
		if s.Speakers == nil {
			s.Speakers = []SessionSpeaker{}
		}
	}
	if e.Sessions == nil {
		e.Sessions = []EventSession{}
	}
	sort.SliceStable(e.Sessions, func(i, j int) bool { return e.Sessions[i].Start.String() < e.Sessions[j].Start.String() })
	if e.Registration.Questions == nil {
		e.Registration.Questions = []Question{}
	}
}

// Span returns the event's first and last instants.
func (e *Event) Span() (time.Time, time.Time, error) {
	loc, err := LoadZone(e.Zone)
	if err != nil {
		return time.Time{}, time.Time{}, Invalid("zone", "err.zone", "value", e.Zone)
	}
	return e.Start.Start(loc), endInstant(e.End, loc), nil
}

// endInstant returns the instant a local end moment stands for: the
// moment itself when it has a time, the end of its day otherwise (an
// event known to the day lasts the whole day).
func endInstant(m Moment, loc *time.Location) time.Time {
	if m.HasTime || m.IsZero() {
		return m.Start(loc)
	}
	return m.Last(loc).Add(time.Second)
}

// Validate checks the event on its own; the error names the first
// offending field.
func (e *Event) Validate() error {
	if err := e.Title.Validate("title", true); err != nil {
		return err
	}
	if err := e.Description.Validate("description", false); err != nil {
		return err
	}
	if err := e.Venue.Validate("venue", false); err != nil {
		return err
	}
	if err := checkEnum("kind", e.Kind, EventKinds); err != nil {
		return err
	}
	if e.VideoURL != "" {
		if err := ValidURL("video_url", e.VideoURL); err != nil {
			return err
		}
	}
	if len(e.Organizers) > MaxEventOrgs {
		return Invalid("organizers", "err.too_many", "max", MaxEventOrgs)
	}
	for i, id := range e.Organizers {
		if !ValidID(id) {
			return Invalid("organizers["+itoa(i)+"]", "err.id")
		}
	}
	start, end, err := e.times()
	if err != nil {
		return err
	}
	if err := e.validateSessions(start, end); err != nil {
		return err
	}
	if err := e.validateRegistration(); err != nil {
		return err
	}
	return e.validateBrokerage(start, end)
}

// times checks the zone, start and end and returns them as instants.
func (e *Event) times() (time.Time, time.Time, error) {
	loc, err := LoadZone(e.Zone)
	if err != nil || e.Zone == "" {
		return time.Time{}, time.Time{}, Invalid("zone", "err.zone", "value", e.Zone)
	}
	start, err := localTime("start", e.Start, loc, true)
	if err != nil {
		return start, start, err
	}
	if _, err := localTime("end", e.End, loc, true); err != nil {
		return start, start, err
	}
	end := endInstant(e.End, loc)
	if !end.After(start) {
		return start, end, Invalid("end", "err.end_before_start")
	}
	return start, end, nil
}

// localTime checks that m is a local time to the minute that exists in
// loc (not skipped by a clock change), or a whole day when day is set,
// and returns its first instant.
func localTime(field string, m Moment, loc *time.Location, day bool) (time.Time, error) {
	if m.IsZero() {
		return time.Time{}, Invalid(field, "err.required")
	}
	if !m.HasTime {
		if day && m.Precision() == Day {
			return m.Start(loc), nil
		}
		key := "events.time_minute"
		if !day {
			key = "events.slot_minute"
		}
		return time.Time{}, Invalid(field, key, "value", m.String())
	}
	t := m.Start(loc)
	if t.Hour() != m.H || t.Minute() != m.Min || t.Day() != m.D {
		return t, Invalid(field, "events.time_gap", "value", m.String(), "zone", loc.String())
	}
	return t, nil
}

// validateSessions checks each session and that no two overlap in one room
// or stream.
func (e *Event) validateSessions(start, end time.Time) error {
	if len(e.Sessions) > MaxSessions {
		return Invalid("sessions", "err.too_many", "max", MaxSessions)
	}
	loc, _ := LoadZone(e.Zone)
	type span struct {
		from, to time.Time
		idx      int
	}
	byPlace := map[string][]span{}
	for i, s := range e.Sessions {
		f := "sessions[" + itoa(i) + "]"
		if err := s.Title.Validate(f+".title", true); err != nil {
			return err
		}
		from, err := localTime(f+".start", s.Start, loc, true)
		if err != nil {
			return err
		}
		if _, err := localTime(f+".end", s.End, loc, true); err != nil {
			return err
		}
		to := endInstant(s.End, loc)
		if !to.After(from) {
			return Invalid(f+".end", "err.end_before_start")
		}
		if from.Before(start) || to.After(end) {
			return Invalid(f+".start", "events.session_outside")
		}
		if s.Language != "" && !s.Language.Valid() {
			return Invalid(f+".language", "err.enum", "value", string(s.Language), "allowed", "zh, ru, en")
		}
		if len(s.Speakers) > MaxSpeakers {
			return Invalid(f+".speakers", "err.too_many", "max", MaxSpeakers)
		}
		for j, sp := range s.Speakers {
			if err := sp.Name.Validate(f+".speakers["+itoa(j)+"].name", true); err != nil {
				return err
			}
			if sp.PersonID != "" && !ValidID(sp.PersonID) {
				return Invalid(f+".speakers["+itoa(j)+"].person_id", "err.id")
			}
		}
		place := "room:" + s.Room
		if s.Room == "" {
			place = "stream:" + s.Stream
		}
		for _, o := range byPlace[place] {
			if from.Before(o.to) && o.from.Before(to) {
				return Invalid(f+".start", "events.session_overlap", "other", itoa(o.idx), "place", strings.TrimPrefix(strings.TrimPrefix(place, "room:"), "stream:"))
			}
		}
		byPlace[place] = append(byPlace[place], span{from, to, i})
	}
	return nil
}

// validateRegistration checks the registration rules.
func (e *Event) validateRegistration() error {
	r := e.Registration
	if r.Capacity < 0 {
		return Invalid("registration.capacity", "err.negative")
	}
	if len(r.Questions) > MaxQuestions {
		return Invalid("registration.questions", "err.too_many", "max", MaxQuestions)
	}
	seen := map[string]bool{}
	for i, q := range r.Questions {
		f := "registration.questions[" + itoa(i) + "]"
		if q.Key == "" || seen[q.Key] || len(q.Key) > 64 {
			return Invalid(f+".key", "events.question_key")
		}
		seen[q.Key] = true
		if err := q.Label.Validate(f+".label", true); err != nil {
			return err
		}
	}
	if !r.Closes.IsZero() {
		loc, _ := LoadZone(e.Zone)
		if _, err := localTime("registration.closes", r.Closes, loc, true); err != nil {
			return err
		}
	}
	return nil
}

// validateBrokerage checks that the meeting slots lie within the event.
func (e *Event) validateBrokerage(start, end time.Time) error {
	b := e.Brokerage
	if b == nil {
		return nil
	}
	switch {
	case len(b.Slots) == 0:
		return Invalid("brokerage.slots", "err.required")
	case len(b.Slots) > MaxBrokerSlots:
		return Invalid("brokerage.slots", "err.too_many", "max", MaxBrokerSlots)
	case b.SlotMinutes < MinSlotMinutes || b.SlotMinutes > MaxSlotMinutes:
		return Invalid("brokerage.slot_minutes", "err.range", "min", MinSlotMinutes, "max", MaxSlotMinutes)
	case b.Tables < 1 || b.Tables > MaxBrokerTables:
		return Invalid("brokerage.tables", "err.range", "min", 1, "max", MaxBrokerTables)
	case b.Interpreters < 0:
		return Invalid("brokerage.interpreters", "err.negative")
	case b.Online && e.VideoURL == "":
		return Invalid("video_url", "err.required")
	}
	loc, _ := LoadZone(e.Zone)
	for i, s := range b.Slots {
		f := "brokerage.slots[" + itoa(i) + "]"
		t, err := localTime(f, s, loc, false)
		if err != nil {
			return err
		}
		if t.Before(start) || t.Add(time.Duration(b.SlotMinutes)*time.Minute).After(end) {
			return Invalid(f, "events.slot_outside", "value", s.String())
		}
	}
	return nil
}

// SessionSpan returns the first and last instants of session i.
func (e *Event) SessionSpan(i int) (time.Time, time.Time) {
	loc, err := LoadZone(e.Zone)
	if err != nil {
		loc = time.UTC
	}
	s := e.Sessions[i]
	return s.Start.Start(loc), endInstant(s.End, loc)
}

// SlotTime returns the start and end instants of brokerage slot i.
func (e *Event) SlotTime(i int) (time.Time, time.Time) {
	loc, err := LoadZone(e.Zone)
	if err != nil {
		loc = time.UTC
	}
	t := e.Brokerage.Slots[i].Start(loc)
	return t, t.Add(time.Duration(e.Brokerage.SlotMinutes) * time.Minute)
}
