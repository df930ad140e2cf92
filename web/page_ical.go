package web

import (
	"bytes"
	"net/http"
	"time"

	"amur"
	"amur/i18n"
	"amur/ical"
)

// pageCalendar answers the iCalendar of the program in the page's
// language: the timeline's milestones as all-day entries, then the public
// events when the server runs them.
func (s *Server) pageCalendar(w http.ResponseWriter, r *http.Request) {
	if err := noQuery(r); err != nil {
		s.pageError(w, r, err)
		return
	}
	l := requestLang(r)
	c := &ical.Calendar{Name: i18n.T(l, "calendar.name")}
	for offset := 0; ; offset += amur.MaxLimit {
		list, err := s.store.Timeline(r.Context(), amur.TimelineFilter{Page: amur.Page{Limit: amur.MaxLimit, Offset: offset, Sort: "date"}})
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		for _, e := range list.Items {
			c.Events = append(c.Events, milestoneEntry(e, l))
		}
		if !list.More {
			break
		}
	}
	if s.events != nil {
		evs, err := s.events.PublicEntries(r.Context(), l)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		c.Events = append(c.Events, evs...)
	}
	var b bytes.Buffer
	if err := c.Encode(&b); err != nil {
		s.pageError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="calendar.ics"`)
	w.Write(b.Bytes())
}

// milestoneEntry returns the all-day calendar entry of a timeline entry:
// its day, or for a month or year, the first day of it with the precision
// said in the description, since a calendar has no coarser date.
func milestoneEntry(e *amur.TimelineEntry, l amur.Lang) ical.Event {
	title, _, _ := e.Title.In(l)
	desc, _, _ := e.Summary.In(l)
	if p := e.Date.Precision(); p != amur.Day {
		note := i18n.T(l, "calendar.precision."+string(p), "date", i18n.Date(l, e.Date))
		if desc != "" {
			note += "\n\n" + desc
		}
		desc = note
	}
	start := e.Date.First(time.UTC)
	stamp := e.UpdatedAt
	if stamp.IsZero() {
		stamp = start
	}
	return ical.Event{UID: e.ID + "@amur", Stamp: stamp, AllDay: true, Start: start, End: start.AddDate(0, 0, 1),
		Summary: title, Description: desc, Categories: []string{string(e.Kind)}}
}
