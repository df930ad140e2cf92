package sqlstore

import (
	"context"

	"amur"
)

// timelineTable stores timeline entries with a sortable date key and the
// people and organisations they name as child rows.
var timelineTable = &table{
	kind: amur.KindTimeline,
	name: "timeline",
	cols: []string{"program_id", "date_key", "date_precision", "kind", "flagship_id", "activity_id"},
	vals: func(r amur.Record) []any {
		e := r.(*amur.TimelineEntry)
		return []any{null(e.ProgramID), dateKey(e.Date), string(e.Date.Precision()), string(e.Kind),
			null(e.FlagshipID), null(e.ActivityID)}
	},
	children: []child{
		{name: "timeline_people", cols: []string{"entry_id", "person_id"},
			rows: func(r amur.Record) [][]any {
				return idRows(r.(*amur.TimelineEntry).ID, r.(*amur.TimelineEntry).PersonIDs)
			}},
		{name: "timeline_orgs", cols: []string{"entry_id", "org_id"},
			rows: func(r amur.Record) [][]any { return idRows(r.(*amur.TimelineEntry).ID, r.(*amur.TimelineEntry).OrgIDs) }},
	},
	refs: func(r amur.Record) []ref {
		e := r.(*amur.TimelineEntry)
		out := optRef("program_id", amur.KindProgram, e.ProgramID)
		out = append(out, listRefs("person_ids", amur.KindPerson, e.PersonIDs)...)
		out = append(out, listRefs("org_ids", amur.KindOrganization, e.OrgIDs)...)
		out = append(out, optRef("flagship_id", amur.KindFlagship, e.FlagshipID)...)
		return append(out, optRef("activity_id", amur.KindActivity, e.ActivityID)...)
	},
}

// TimelineEntry returns the timeline entry with id.
func (db *DB) TimelineEntry(ctx context.Context, id string) (*amur.TimelineEntry, error) {
	return getByID[amur.TimelineEntry](ctx, db, id)
}

// Timeline lists timeline entries, by default by date. From and To select
// entries whose date falls within them at the entry's precision: To
// 2020-08 includes 2020-08-31, From 2020-08 excludes an entry dated 2020.
func (db *DB) Timeline(ctx context.Context, f amur.TimelineFilter) (*amur.List[*amur.TimelineEntry], error) {
	q := listQuery{table: "timeline", sorts: amur.TimelineSorts,
		cols: map[string]string{"date": "x.date_key", "created": "x.created_at"}}
	w := &q.where
	if f.ProgramID != "" {
		w.add("x.program_id = ?", f.ProgramID)
	}
	in(w, "x.kind", f.Kinds)
	if !f.From.IsZero() {
		w.add("x.date_key >= ?", dateKey(f.From))
	}
	if !f.To.IsZero() {
		w.add("x.date_key <= ?", dateKeyEnd(f.To))
	}
	if f.FlagshipID != "" {
		w.add("x.flagship_id = ?", f.FlagshipID)
	}
	if f.PersonID != "" {
		w.add("x.id IN (SELECT entry_id FROM timeline_people WHERE person_id = ?)", f.PersonID)
	}
	if f.OrgID != "" {
		w.add("x.id IN (SELECT entry_id FROM timeline_orgs WHERE org_id = ?)", f.OrgID)
	}
	return list[amur.TimelineEntry](ctx, db, q, f.Page)
}

// CreateTimelineEntry stores a new timeline entry.
func (db *DB) CreateTimelineEntry(ctx context.Context, e *amur.TimelineEntry) error {
	return db.create(ctx, e)
}

// UpdateTimelineEntry replaces a stored timeline entry.
func (db *DB) UpdateTimelineEntry(ctx context.Context, e *amur.TimelineEntry) error {
	return db.update(ctx, e)
}

// DeleteTimelineEntry deletes a timeline entry.
func (db *DB) DeleteTimelineEntry(ctx context.Context, id string) error {
	return db.remove(ctx, amur.KindTimeline, id)
}
