package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"amur"
	"amur/events"
	"amur/sqlstore"
)

func TestBrokerBench(t *testing.T) {
	m, out, errb := newTestMain(t, nil)
	lp := filepath.Join(t.TempDir(), "b.lp")
	code := m.Run(context.Background(), []string{"broker", "bench", "--participants", "100", "--requests", "800",
		"--slots", "8", "--tables", "15", "--interpreters", "2", "--json", "--write-lp", lp})
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep benchReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Scheduled <= rep.Greedy || rep.Scheduled > rep.Bound || rep.Meetings > 8*15 || rep.Bound > rep.SeatsBound {
		t.Fatalf("report %+v", rep)
	}
	b, err := os.ReadFile(lp)
	if err != nil || !strings.HasPrefix(string(b), `\ brokerage schedule: 100 participants`) || !strings.HasSuffix(string(b), "End\n") {
		t.Fatalf("LP file: %v %.80q", err, b)
	}
}

func TestBrokerBenchUsage(t *testing.T) {
	for _, args := range [][]string{{"broker"}, {"broker", "nope"}, {"broker", "bench", "--slots", "65"}, {"broker", "bench", "x"}} {
		m, _, _ := newTestMain(t, nil)
		if code := m.Run(context.Background(), args); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestBrokerSchedule(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "amur.db")
	db, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	svc := events.New(db)
	svc.SetClock(func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) })
	mo := amur.MustMoment
	e := &amur.Event{Kind: amur.EventForum, Zone: "Europe/Moscow", Public: true, Title: amur.T("ru", "Встречи"),
		Start: mo("2030-06-10T09:00"), End: mo("2030-06-10T18:00"), Registration: amur.RegistrationRules{Open: true},
		Brokerage: &amur.Brokerage{Slots: []amur.Moment{mo("2030-06-10T10:00")}, SlotMinutes: 20, Tables: 1}}
	if err := svc.Create(ctx, e, ""); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, name := range []string{"A", "B"} {
		id := amur.NewID()
		uctx := amur.WithActor(ctx, &amur.Actor{Principal: &amur.Principal{UserID: id, Role: amur.RoleApplicant}})
		if _, err := svc.Register(uctx, e.ID, events.RegistrationForm{Name: name, Email: "x@example.org"}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.PutProfile(uctx, e.ID, events.ProfileInput{Name: name, Langs: []amur.Lang{amur.RU}, Available: e.Brokerage.Slots}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	actx := func(id string) context.Context {
		return amur.WithActor(ctx, &amur.Actor{Principal: &amur.Principal{UserID: id, Role: amur.RoleApplicant}})
	}
	r, err := svc.RequestMeeting(actx(ids[0]), e.ID, ids[1], "", 4)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Respond(actx(ids[1]), e.ID, r.ID, true); err != nil {
		t.Fatal(err)
	}
	db.Close()

	m, out, errb := newTestMain(t, nil)
	if code := m.Run(ctx, []string{"broker", "schedule", "--event", e.ID, "--db", path, "--json"}); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var res events.ScheduleResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil || res.Scheduled != 1 || res.Weight != 4 || res.Bound != 4 {
		t.Fatalf("result %s, %v", out.String(), err)
	}
	m, _, errb = newTestMain(t, nil)
	if code := m.Run(ctx, []string{"broker", "schedule", "--event", amur.NewID(), "--db", path}); code != exitFailure || errb.Len() == 0 {
		t.Fatalf("unknown event: exit %d", code)
	}
}
