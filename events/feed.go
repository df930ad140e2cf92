package events

import (
	"context"

	"amur"
	"amur/ical"
)

// PublicEntries returns the calendar entries of every public event
// (sessions included) in the language l, up to amur.MaxLimit events from
// the earliest, for a calendar that joins them to other entries.
func (s *Service) PublicEntries(ctx context.Context, l amur.Lang) ([]ical.Event, error) {
	list, err := s.store.Events(ctx, amur.EventFilter{PublicOnly: true, Page: amur.Page{Limit: amur.MaxLimit}})
	if err != nil {
		return nil, err
	}
	var out []ical.Event
	for _, e := range list.Items {
		out = append(out, eventEntries(e, l, s.now())...)
	}
	return out, nil
}
