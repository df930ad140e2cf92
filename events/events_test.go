package events

import (
	"bytes"
	"encoding/csv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"amur"
	"amur/ical"
	"amur/internal/testkit"
	"amur/sqlstore"
)

func TestCreateMakesActivity(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		s := newService(db)
		e := mustCreate(t, s, forum())
		a, err := db.Activity(office(), e.ActivityID)
		if err != nil {
			t.Fatal(err)
		}
		if a.Type != amur.Forum || a.Format != amur.Hybrid || a.Title.EN != "Forum" {
			t.Fatalf("activity %+v", a)
		}
		got, err := s.Get(as(amur.RoleApplicant, ""), e.ID)
		if err != nil || len(got.Sessions) != 2 || got.Sessions[0].Speakers[0].Name.RU != "Ван Вэй" {
			t.Fatalf("Get = %+v, %v", got, err)
		}
		if err := s.Create(as(amur.RoleApplicant, ""), forum(), ""); amur.ErrorCode(err) != amur.EForbidden {
			t.Fatalf("applicant created an event: %v", err)
		}
	})
}

func TestEventValidation(t *testing.T) {
	m := amur.MustMoment
	tests := []struct {
		name, field, key string
		edit             func(*amur.Event)
	}{
		{"overlap in one room", "sessions[1].start", "events.session_overlap", func(e *amur.Event) { e.Sessions[1].Start = m("2030-06-10T09:30") }},
		{"unknown zone", "zone", "err.zone", func(e *amur.Event) { e.Zone = "Asia/Atlantis" }},
		{"time skipped by the clocks", "start", "events.time_gap", func(e *amur.Event) {
			e.Zone, e.Start, e.End = "Europe/Berlin", m("2030-03-31T02:30"), m("2030-03-31T18:00")
			e.Sessions, e.Brokerage = nil, nil
		}},
		{"month only", "start", "events.time_minute", func(e *amur.Event) { e.Start = m("2030-06") }},
		{"slot without a time", "brokerage.slots[0]", "events.slot_minute", func(e *amur.Event) { e.Brokerage.Slots[0] = m("2030-06-10") }},
		{"session outside", "sessions[0].start", "events.session_outside", func(e *amur.Event) { e.Sessions[0].Start = m("2030-06-09T09:00") }},
		{"slot outside", "brokerage.slots[2]", "events.slot_outside", func(e *amur.Event) { e.Brokerage.Slots[2] = m("2030-06-11T17:45") }},
		{"end before start", "end", "err.end_before_start", func(e *amur.Event) { e.End = m("2030-06-09T09:00") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := forum()
			tt.edit(e)
			e.Normalize()
			err := amur.AsError(e.Validate())
			if err.Key != tt.key || err.Field != tt.field {
				t.Fatalf("Validate = %v, want %s at %s", err, tt.key, tt.field)
			}
		})
	}
	// Different rooms may overlap.
	e := forum()
	e.Sessions[1].Start, e.Sessions[1].Room = m("2030-06-10T09:30"), "Hall B"
	e.Normalize()
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestRegistrationCapacityWaitlistPromotion(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		s := newService(db)
		e := mustCreate(t, s, forum())
		form := RegistrationForm{Name: "Анна", Email: "anna@example.org", Answers: map[string]string{"role": "speaker"}}
		var regs []*amur.Registration
		users := []string{amur.NewID(), amur.NewID(), amur.NewID()}
		for _, u := range users {
			r, err := s.Register(as(amur.RoleApplicant, u), e.ID, form)
			if err != nil {
				t.Fatal(err)
			}
			regs = append(regs, r)
		}
		if regs[0].Status != amur.RegConfirmed || regs[1].Status != amur.RegConfirmed || regs[2].Status != amur.RegWaiting {
			t.Fatalf("statuses %s %s %s", regs[0].Status, regs[1].Status, regs[2].Status)
		}
		if regs[0].Ticket == regs[1].Ticket || len(regs[0].Ticket) != 19 || regs[2].Ticket != "" {
			t.Fatalf("tickets %q %q %q", regs[0].Ticket, regs[1].Ticket, regs[2].Ticket)
		}
		_, err := s.Register(as(amur.RoleApplicant, users[0]), e.ID, form)
		wantCode(t, err, amur.EConflict, "events.already_registered")
		_, err = s.Register(as(amur.RoleApplicant, ""), e.ID, RegistrationForm{Name: "X", Email: "x@example.org"})
		if amur.AsError(err).Field != "answers.role" {
			t.Fatalf("missing answer: %v", err)
		}
		// Someone else may not cancel; the owner may, and the first waiting is promoted.
		if _, err := s.Cancel(as(amur.RoleApplicant, ""), e.ID, regs[0].ID); amur.ErrorCode(err) != amur.ENotFound {
			t.Fatalf("stranger cancelled: %v", err)
		}
		if _, err := s.Cancel(as(amur.RoleApplicant, users[0]), e.ID, regs[0].ID); err != nil {
			t.Fatal(err)
		}
		all, _ := s.Registrations(office(), e.ID)
		if all[2].Status != amur.RegConfirmed || all[2].Ticket == "" || all[0].Status != amur.RegCancelled {
			t.Fatalf("after cancel: %s %s", all[0].Status, all[2].Status)
		}
		// Without a waiting list a full event refuses.
		e2 := forum()
		e2.Registration.Capacity, e2.Registration.Waitlist = 1, false
		mustCreate(t, s, e2)
		if _, err := s.Register(as(amur.RoleApplicant, ""), e2.ID, form); err != nil {
			t.Fatal(err)
		}
		_, err = s.Register(as(amur.RoleApplicant, ""), e2.ID, form)
		wantCode(t, err, amur.EConflict, "events.full")
		// After the close, nobody registers.
		s.SetClock(func() time.Time { return time.Date(2030, 6, 10, 2, 0, 0, 0, time.UTC) })
		_, err = s.Register(as(amur.RoleApplicant, ""), e.ID, form)
		wantCode(t, err, amur.EConflict, "events.registration_closed")
	})
}

func TestApproval(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		s := newService(db)
		e := forum()
		e.Registration.Approval = true
		mustCreate(t, s, e)
		r, err := s.Register(as(amur.RoleApplicant, ""), e.ID, RegistrationForm{Name: "A", Email: "a@example.org", Answers: map[string]string{"role": "x"}})
		if err != nil || r.Status != amur.RegPending || r.Ticket != "" {
			t.Fatalf("register = %+v, %v", r, err)
		}
		if _, err := s.Approve(as(amur.RoleApplicant, ""), e.ID, r.ID); amur.ErrorCode(err) != amur.EForbidden {
			t.Fatalf("applicant approved: %v", err)
		}
		r, err = s.Approve(office(), e.ID, r.ID)
		if err != nil || r.Status != amur.RegConfirmed || r.Ticket == "" {
			t.Fatalf("approve = %+v, %v", r, err)
		}
	})
}

func TestExportsReadBack(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		s := newService(db)
		e := mustCreate(t, s, forum())
		for _, name := range []string{"Иван Петров", "=cmd|' /C calc'!A0"} {
			if _, err := s.Register(as(amur.RoleApplicant, ""), e.ID, RegistrationForm{Name: name, Email: "p@example.org", Answers: map[string]string{"role": "guest", "diet": "素食"}}); err != nil {
				t.Fatal(err)
			}
		}
		var b bytes.Buffer
		if err := s.ExportCSV(office(), e.ID, &b); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 3 || rows[0][7] != "role" || rows[1][2] != "Иван Петров" || rows[1][6] != "素食" || rows[2][2][0] != '\'' {
			t.Fatalf("csv %q", rows)
		}
		b.Reset()
		if err := s.ExportXLSX(office(), e.ID, &b); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&b)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		xr, err := f.GetRows("Participants")
		if err != nil || len(xr) != 3 || xr[1][2] != "Иван Петров" || xr[1][0] != rows[1][0] {
			t.Fatalf("xlsx %q, %v", xr, err)
		}
		if err := s.ExportCSV(as(amur.RoleApplicant, ""), e.ID, &b); amur.ErrorCode(err) != amur.EForbidden {
			t.Fatalf("applicant exported: %v", err)
		}
	})
}

func TestCalendarsParseBack(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		s := newService(db)
		e := mustCreate(t, s, forum())
		var b bytes.Buffer
		if err := s.EventCalendar(as(amur.RoleApplicant, ""), e.ID, amur.RU, &b); err != nil {
			t.Fatal(err)
		}
		c, err := ical.Parse(&b)
		if err != nil {
			t.Fatal(err)
		}
		if c.Name != "Форум" || len(c.Events) != 3 || c.Events[1].Zone != "Asia/Shanghai" {
			t.Fatalf("calendar %+v", c)
		}
		start, _, _ := e.Span()
		if !c.Events[0].Start.Equal(start) || c.Events[1].Description != "Ван Вэй, Vice-minister" {
			t.Fatalf("event %+v", c.Events[1])
		}
		b.Reset()
		if err := s.PublicCalendar(as(amur.RoleApplicant, ""), amur.EN, "Amur events", &b); err != nil {
			t.Fatal(err)
		}
		if c, err := ical.Parse(&b); err != nil || len(c.Events) != 3 {
			t.Fatalf("public calendar: %v", err)
		}
		sh := Show(start)
		if sh.Beijing != "2030-06-10 09:00" || sh.Moscow != "2030-06-10 04:00" {
			t.Fatalf("shown %+v", sh)
		}
	})
}

func TestUpdateFollowsActivity(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		s := newService(db)
		e := mustCreate(t, s, forum())
		e.Title.EN = "Forum, rescheduled"
		e.Start, e.End = amur.MustMoment("2030-06-10T10:00"), amur.MustMoment("2030-06-11T19:00")
		e.Sessions = e.Sessions[1:]
		if err := s.Update(office(), e); err != nil {
			t.Fatal(err)
		}
		a, err := db.Activity(office(), e.ActivityID)
		if err != nil || a.Title.EN != "Forum, rescheduled" || a.Start.String() != "2030-06-10T10:00" || a.Version != 2 {
			t.Fatalf("activity %+v, %v", a, err)
		}
		stale := *e
		stale.Version = 1
		if err := s.Update(office(), &stale); amur.ErrorCode(err) != amur.EStale {
			t.Fatalf("stale update: %v", err)
		}
	})
}
