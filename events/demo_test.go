package events

import (
	"bytes"
	"context"
	"testing"
	"time"

	"amur"
	"amur/demo"
	"amur/ical"
	"amur/internal/testkit"
)

// TestCIEPDemoEvent stores the CIEP 2020 Shenzhen forum of the demo as an
// event on its activity and reads its calendar back.
func TestCIEPDemoEvent(t *testing.T) {
	db := testkit.MustOpenStore(t)
	ctx := context.Background()
	if err := demo.Load(ctx, db, demo.Options{Activities: 0, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	ev, err := demo.CIEPEvent(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	s := New(db)
	if err := s.Create(ctx, ev, ""); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	sp := got.Sessions[0].Speakers
	if len(got.Sessions) != 1 || len(sp) != 7 || len(got.Organizers) != 7 || got.ActivityID == "" {
		t.Fatalf("event: %d sessions, %d speakers, %d organisers", len(got.Sessions), len(sp), len(got.Organizers))
	}
	names := map[string]bool{}
	for _, x := range sp {
		names[x.Name.ZH] = true
	}
	if !names["张平文"] {
		t.Fatalf("speakers %+v lack 张平文", sp)
	}
	var b bytes.Buffer
	if err := s.EventCalendar(ctx, ev.ID, amur.ZH, &b); err != nil {
		t.Fatal(err)
	}
	c, err := ical.Parse(&b)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2020, 9, 7, 0, 0, 0, 0, time.UTC)
	if len(c.Events) != 2 || !c.Events[0].AllDay || !c.Events[0].Start.Equal(day) || !c.Events[0].End.Equal(day.AddDate(0, 0, 1)) {
		t.Fatalf("calendar %+v", c.Events)
	}
}
