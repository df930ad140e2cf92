package web

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"amur"
	"amur/demo"
	"amur/events"
	"amur/ical"
	"amur/internal/testkit"
	"amur/registry"
)

// TestCalendarFeed fetches the program's calendar in Russian and Chinese,
// parses it back and checks the opening ceremony as an all-day milestone,
// a month-precision milestone on the first of its month with the
// precision said, and the CIEP forum as a public event.
func TestCalendarFeed(t *testing.T) {
	db := testkit.MustOpenStore(t)
	ctx := context.Background()
	if err := demo.Load(ctx, db, demo.Options{Activities: 0, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	ev, err := demo.CIEPEvent(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	svc := events.New(db)
	if err := svc.Create(ctx, ev, ""); err != nil {
		t.Fatal(err)
	}
	tl, err := db.Timeline(ctx, amur.TimelineFilter{Page: amur.Page{Limit: 1}})
	if err != nil || len(tl.Items) == 0 {
		t.Fatalf("no timeline: %v", err)
	}
	month := &amur.TimelineEntry{ProgramID: tl.Items[0].ProgramID, Date: amur.MustDate("2021-09"), Kind: amur.ForumEntry,
		Title: amur.T("en", "Forum held", "ru", "Форум проведён", "zh", "论坛举行")}
	if err := db.CreateTimelineEntry(ctx, month); err != nil {
		t.Fatal(err)
	}
	srv := New(Config{Store: registry.New(db), Events: svc})
	for _, tc := range []struct {
		lang, opening, monthNote, event string
	}{
		{"ru", "Открытие Годов российско-китайского научно-технического сотрудничества", "с точностью до месяца", ev.Title.RU},
		{"zh", "中俄科技创新年开幕", "仅精确到月", ev.Title.ZH},
	} {
		if tc.event == "" {
			t.Fatalf("%s: the demo event has no title", tc.lang)
		}
		r := do(t, srv, "GET", "/"+tc.lang+"/calendar.ics", "").want(t, http.StatusOK)
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "text/calendar") {
			t.Errorf("%s: content type %q", tc.lang, r.Header.Get("Content-Type"))
		}
		if !bytes.Contains(r.Body, []byte("DTSTART;VALUE=DATE:20200826")) {
			t.Errorf("%s: no all-day opening date in the file", tc.lang)
		}
		c, err := ical.Parse(bytes.NewReader(r.Body))
		if err != nil {
			t.Fatalf("%s: %v", tc.lang, err)
		}
		found := map[string]ical.Event{}
		for _, e := range c.Events {
			found[e.Summary] = e
		}
		day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
		if e, ok := found[tc.opening]; !ok || !e.AllDay || !e.Start.Equal(day("2020-08-26")) || !e.End.Equal(day("2020-08-27")) {
			t.Errorf("%s: opening %+v (found %v)", tc.lang, e, ok)
		}
		m, ok := found[month.Title.Get(amur.Lang(tc.lang))]
		if !ok || !m.AllDay || !m.Start.Equal(day("2021-09-01")) || !strings.Contains(m.Description, tc.monthNote) {
			t.Errorf("%s: month entry %+v (found %v)", tc.lang, m, ok)
		}
		if e, ok := found[tc.event]; !ok || e.Start.IsZero() {
			t.Errorf("%s: public event %q missing", tc.lang, tc.event)
		}
	}
	do(t, srv, "GET", "/en/calendar.ics?x=1", "").want(t, http.StatusBadRequest)
	page := do(t, srv, "GET", "/en/timeline", "").want(t, http.StatusOK)
	if !bytes.Contains(page.Body, []byte(`href="/en/calendar.ics"`)) {
		t.Error("the timeline page does not link its calendar")
	}
}
