package web

import (
	"context"
	"time"

	"amur"
)

// activities reaches the activity registry.
func (s *Server) activities() *resource[amur.Activity, *amur.Activity] {
	return &resource[amur.Activity, *amur.Activity]{
		s:      s,
		kind:   amur.KindActivity,
		get:    s.store.Activity,
		list:   s.listActivities,
		create: s.store.CreateActivity,
		update: s.store.UpdateActivity,
		remove: s.store.DeleteActivity,
	}
}

// listActivities reads an activity filter and a page and lists the matches.
func (s *Server) listActivities(ctx context.Context, q *query) (*amur.List[*amur.Activity], amur.Page, error) {
	f := activityFilter(q)
	f.Page = q.page(amur.ActivitySorts)
	if err := q.finish(); err != nil {
		return nil, f.Page, err
	}
	if err := s.resolveRefs(ctx, &f.ProgramID, &f.FlagshipID); err != nil {
		return nil, f.Page, err
	}
	list, err := s.store.Activities(ctx, f)
	return list, f.Page, err
}

// activityFilter reads the activity filter shared by the list and the
// figures. Dates bound the start in UTC, inclusively: from=2020 means
// 2020-01-01T00:00Z and to=2020-08 the last second of August.
func activityFilter(q *query) amur.ActivityFilter {
	f := amur.ActivityFilter{
		Types:      enums(q, "type", amur.ActivityTypes),
		Statuses:   enums(q, "status", amur.ActivityStatuses),
		Fields:     q.fieldCodes("field"),
		Sides:      q.sides("side"),
		OrgID:      q.id("org"),
		PersonID:   q.id("person"),
		FlagshipID: q.ref("flagship"),
		ProgramID:  q.ref("program"),
		Synthetic:  q.optBool("synthetic"),
		Draft:      q.optBool("draft"),
	}
	from, to := q.dateRange()
	if !from.IsZero() {
		f.From = from.First(time.UTC)
	}
	if !to.IsZero() {
		f.To = to.Last(time.UTC)
	}
	return f
}
