package events

import (
	"context"
	"testing"
	"time"

	"amur"
	"amur/sqlstore"
)

// as returns a context signed in as a new or given user with role.
func as(role amur.UserRole, userID string) context.Context {
	if userID == "" {
		userID = amur.NewID()
	}
	return amur.WithActor(context.Background(), &amur.Actor{Via: "api",
		Principal: &amur.Principal{UserID: userID, Email: userID + "@example.org", Role: role, Side: "CN"}})
}

// office is a program office's context.
func office() context.Context { return as(amur.RoleOffice, "") }

// forum returns a valid two-day forum in Shanghai time with a brokerage.
func forum() *amur.Event {
	m := amur.MustMoment
	return &amur.Event{
		Kind: amur.EventForum, Zone: "Asia/Shanghai", Public: true,
		Title: amur.T("en", "Forum", "ru", "Форум", "zh", "论坛"),
		Venue: amur.T("en", "Harbin Expo Centre"), VideoURL: "https://example.org/live",
		Start: m("2030-06-10T09:00"), End: m("2030-06-11T18:00"),
		Sessions: []amur.EventSession{
			{Title: amur.T("en", "Opening"), Start: m("2030-06-10T09:00"), End: m("2030-06-10T10:00"), Room: "Hall A", Language: amur.ZH, Interpretation: true,
				Speakers: []amur.SessionSpeaker{{Name: amur.T("en", "Wang Wei", "ru", "Ван Вэй"), Title: amur.T("en", "Vice-minister")}}},
			{Title: amur.T("en", "Materials"), Start: m("2030-06-10T10:00"), End: m("2030-06-10T12:00"), Room: "Hall A", Language: amur.RU},
		},
		Registration: amur.RegistrationRules{Open: true, Capacity: 2, Waitlist: true,
			Questions: []amur.Question{{Key: "diet", Label: amur.T("en", "Diet")}, {Key: "role", Label: amur.T("en", "Role"), Required: true}}},
		Brokerage: &amur.Brokerage{SlotMinutes: 30, Tables: 2, Interpreters: 1,
			Slots: []amur.Moment{m("2030-06-10T14:00"), m("2030-06-10T14:30"), m("2030-06-10T15:00")}},
	}
}

// newService returns the service over db with a clock before the forum.
func newService(db *sqlstore.DB) *Service {
	s := New(db)
	s.SetClock(func() time.Time { return time.Date(2030, 5, 1, 0, 0, 0, 0, time.UTC) })
	return s
}

// mustCreate stores a forum and fails the test on error.
func mustCreate(t *testing.T, s *Service, e *amur.Event) *amur.Event {
	t.Helper()
	if err := s.Create(office(), e, ""); err != nil {
		t.Fatal(err)
	}
	return e
}

// wantCode fails unless err is an *amur.Error with code and key.
func wantCode(t *testing.T, err error, code, key string) {
	t.Helper()
	e := amur.AsError(err)
	if err == nil || e.Code != code || e.Key != key {
		t.Fatalf("error %v, want %s %s", err, code, key)
	}
}
