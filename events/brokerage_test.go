package events

import (
	"bytes"
	"context"
	"testing"

	"amur"
	"amur/ical"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// brokerUser is one participant of the end-to-end brokerage test.
type brokerUser struct {
	id      string
	ctx     context.Context
	profile ProfileInput
}

// TestBrokerageEndToEnd registers four people, publishes profiles, sends
// and answers requests, schedules, and reads each agenda back from its
// iCalendar, on SQLite and PostgreSQL.
func TestBrokerageEndToEnd(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		s := newService(db)
		e := forum()
		e.Registration.Capacity = 0
		mustCreate(t, s, e)
		users := registerBrokerUsers(t, s, e)
		bad := users[0].profile
		bad.Available = []amur.Moment{amur.MustMoment("2030-06-12T14:00")}
		_, err := s.PutProfile(users[0].ctx, e.ID, bad)
		wantCode(t, err, amur.EInvalid, "events.availability_outside")

		// A Chinese query finds the Russian profile that asks for laser welding.
		hits, err := s.SearchProfiles(users[0].ctx, e.ID, "激光焊接", amur.ZH, 2)
		if err != nil || len(hits) == 0 || hits[0].Profile.UserID != users[1].id && hits[0].Profile.UserID != users[0].id {
			t.Fatalf("search: %+v, %v", hits, err)
		}
		found := false
		for _, h := range hits {
			found = found || h.Profile.UserID == users[1].id
		}
		if !found {
			t.Fatalf("the Russian laser-welding profile was not found: %+v", hits)
		}

		// Requests: 0→1 (needs an interpreter), 0→2, 2→3, 1→3 (declined).
		pairs := []struct {
			from, to int
			accept   bool
		}{{0, 1, true}, {0, 2, true}, {2, 3, true}, {1, 3, false}}
		for _, p := range pairs {
			r, err := s.RequestMeeting(users[p.from].ctx, e.ID, users[p.to].id, "", 5-p.from)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Respond(users[p.from].ctx, e.ID, r.ID, true); amur.ErrorCode(err) != amur.ENotFound {
				t.Fatalf("the requester answered their own request: %v", err)
			}
			if _, err := s.Respond(users[p.to].ctx, e.ID, r.ID, p.accept); err != nil {
				t.Fatal(err)
			}
		}
		_, err = s.RequestMeeting(users[1].ctx, e.ID, users[0].id, "", 3)
		wantCode(t, err, amur.EConflict, "events.request_exists")

		if _, err := s.Schedule(users[0].ctx, e.ID); amur.ErrorCode(err) != amur.EForbidden {
			t.Fatalf("participant scheduled: %v", err)
		}
		res, err := s.Schedule(office(), e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if res.Accepted != 3 || res.Scheduled != 3 || res.Weight > res.Bound {
			t.Fatalf("schedule %+v", res)
		}
		checkAgendas(t, s, e, users, map[int]int{0: 2, 1: 1, 2: 2, 3: 1})
		if _, _, err := s.Agenda(users[0].ctx, e.ID, users[1].id); amur.ErrorCode(err) != amur.EForbidden {
			t.Fatalf("read another's agenda: %v", err)
		}
		// The whole personal calendar holds the event, its sessions and the meetings.
		var b bytes.Buffer
		if err := s.MyCalendar(users[0].ctx, amur.ZH, &b); err != nil {
			t.Fatal(err)
		}
		c, err := ical.Parse(&b)
		if err != nil || len(c.Events) != 3+2 {
			t.Fatalf("personal calendar: %d entries, %v", len(c.Events), err)
		}
	})
}

// TestOnlineMeetingsCarryVideoLink schedules one online meeting and finds
// the event's video link in the agenda and its calendar entry.
func TestOnlineMeetingsCarryVideoLink(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		s := newService(db)
		e := forum()
		e.Kind, e.Brokerage.Online, e.Registration.Questions = amur.EventOnlineSeminar, true, nil
		mustCreate(t, s, e)
		var ctxs []context.Context
		var ids []string
		for _, name := range []string{"A", "B"} {
			id := amur.NewID()
			ctx := as(amur.RoleApplicant, id)
			if _, err := s.Register(ctx, e.ID, RegistrationForm{Name: name, Email: "x@example.org"}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.PutProfile(ctx, e.ID, ProfileInput{Name: name, Langs: []amur.Lang{amur.EN}, Available: e.Brokerage.Slots[2:]}); err != nil {
				t.Fatal(err)
			}
			ctxs, ids = append(ctxs, ctx), append(ids, id)
		}
		r, err := s.RequestMeeting(ctxs[0], e.ID, ids[1], "", 2)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Respond(ctxs[1], e.ID, r.ID, true); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Schedule(office(), e.ID); err != nil {
			t.Fatal(err)
		}
		_, ms, err := s.Agenda(ctxs[1], e.ID, ids[1])
		if err != nil || len(ms) != 1 || ms[0].VideoURL != e.VideoURL || ms[0].Start.Beijing != "2030-06-10 15:00" || ms[0].Interpreter {
			t.Fatalf("agenda %+v, %v", ms, err)
		}
		var b bytes.Buffer
		if err := s.AgendaCalendar(ctxs[1], e.ID, ids[1], amur.EN, &b); err != nil {
			t.Fatal(err)
		}
		c, err := ical.Parse(&b)
		if err != nil || len(c.Events) != 1 || c.Events[0].URL != e.VideoURL || c.Events[0].Location != "" {
			t.Fatalf("calendar %+v, %v", c, err)
		}
	})
}

// registerBrokerUsers registers four people for e and publishes their
// profiles, checking that a profile needs a registration first.
func registerBrokerUsers(t *testing.T, s *Service, e *amur.Event) []*brokerUser {
	t.Helper()
	slots := e.Brokerage.Slots
	users := []*brokerUser{
		{profile: ProfileInput{Name: "Li Na", Org: "Harbin Institute of Technology", Langs: []amur.Lang{amur.ZH}, Available: slots,
			Summary: amur.T("zh", "我们研究焊接机器人和激光加工"), Offers: "激光焊接技术"}},
		{profile: ProfileInput{Name: "Иван Петров", Org: "ИЭС", Langs: []amur.Lang{amur.RU}, Available: slots[:2],
			Summary: amur.T("ru", "Ищем партнёров по лазерной сварке"), Requests: "лазерная сварка труб"}},
		{profile: ProfileInput{Name: "Anna Smirnova", Org: "Tomsk Polytechnic", Langs: []amur.Lang{amur.RU, amur.EN}, Available: slots,
			Summary: amur.T("en", "Battery materials and catalysis")}},
		{profile: ProfileInput{Name: "Zhou Jie", Org: "CAS", Langs: []amur.Lang{amur.ZH, amur.EN}, Available: slots[1:],
			Summary: amur.T("en", "Catalysis for hydrogen")}},
	}
	for _, u := range users {
		u.id = amur.NewID()
		u.ctx = as(amur.RoleApplicant, u.id)
		if _, err := s.PutProfile(u.ctx, e.ID, u.profile); amur.ErrorCode(err) != amur.EForbidden {
			t.Fatalf("profile before registering: %v", err)
		}
		if _, err := s.Register(u.ctx, e.ID, RegistrationForm{Name: u.profile.Name, Email: "u@example.org", Answers: map[string]string{"role": "x"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.PutProfile(u.ctx, e.ID, u.profile); err != nil {
			t.Fatal(err)
		}
	}
	return users
}

// checkAgendas reads each user's agenda as JSON and as iCalendar and checks
// the number of meetings and that both agree.
func checkAgendas(t *testing.T, s *Service, e *amur.Event, users []*brokerUser, want map[int]int) {
	t.Helper()
	for i, u := range users {
		_, ms, err := s.Agenda(u.ctx, e.ID, u.id)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := s.AgendaCalendar(u.ctx, e.ID, u.id, amur.EN, &b); err != nil {
			t.Fatal(err)
		}
		c, err := ical.Parse(&b)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != want[i] || len(c.Events) != want[i] {
			t.Fatalf("user %d: %d meetings, %d calendar entries, want %d", i, len(ms), len(c.Events), want[i])
		}
		for k, m := range ms {
			if !c.Events[k].Start.Equal(m.start) || c.Events[k].Summary == "" {
				t.Fatalf("user %d entry %d: %+v vs %+v", i, k, c.Events[k], m)
			}
		}
		if i == 1 && !ms[0].Interpreter {
			t.Fatalf("zh–ru meeting without an interpreter: %+v", ms[0])
		}
	}
}
