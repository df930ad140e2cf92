package web

import (
	"context"

	"amur"
)

// timeline reaches the program timeline.
func (s *Server) timeline() *resource[amur.TimelineEntry, *amur.TimelineEntry] {
	return &resource[amur.TimelineEntry, *amur.TimelineEntry]{
		s:      s,
		kind:   amur.KindTimeline,
		get:    s.store.TimelineEntry,
		list:   s.listTimeline,
		create: s.store.CreateTimelineEntry,
		update: s.store.UpdateTimelineEntry,
		remove: s.store.DeleteTimelineEntry,
	}
}

// listTimeline reads a timeline filter and lists the matches.
func (s *Server) listTimeline(ctx context.Context, q *query) (*amur.List[*amur.TimelineEntry], amur.Page, error) {
	f := amur.TimelineFilter{
		Kinds:      enums(q, "kind", amur.EntryKinds),
		FlagshipID: q.ref("flagship"),
		PersonID:   q.id("person"),
		OrgID:      q.id("org"),
		ProgramID:  q.ref("program"),
	}
	f.From, f.To = q.dateRange()
	f.Page = q.page(amur.TimelineSorts)
	if err := q.finish(); err != nil {
		return nil, f.Page, err
	}
	if err := s.resolveRefs(ctx, &f.ProgramID, &f.FlagshipID); err != nil {
		return nil, f.Page, err
	}
	list, err := s.store.Timeline(ctx, f)
	return list, f.Page, err
}
