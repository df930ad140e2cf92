package sqlstore

import (
	"context"
	"time"

	"amur"
)

// activityTable stores activities: filter columns on the main row, fields
// and participants as child rows so that filters use indexes and foreign
// keys guard the references.
var activityTable = &table{
	kind: amur.KindActivity,
	name: "activities",
	cols: []string{"program_id", "type", "status", "start_at", "start_month", "sides", "flagship_id", "synthetic"},
	vals: func(r amur.Record) []any {
		a := r.(*amur.Activity)
		return []any{null(a.ProgramID), string(a.Type), string(a.Status), ms(a.StartTime()),
			monthKey(a.Start), joinSides(a.Sides), null(a.FlagshipID), a.Synthetic}
	},
	children: []child{
		{name: "activity_fields", cols: []string{"activity_id", "field_code"},
			rows: func(r amur.Record) [][]any { return idRows(r.(*amur.Activity).Fields) }},
		{name: "activity_participants", cols: []string{"activity_id", "pos", "org_id", "person_id", "side", "role"},
			rows: func(r amur.Record) [][]any { return participantRows(r.(*amur.Activity)) }},
	},
	refs: activityRefs,
}

// participantRows returns the participant rows of a, numbered by position.
func participantRows(a *amur.Activity) [][]any {
	out := make([][]any, len(a.Participants))
	for i, p := range a.Participants {
		out[i] = []any{i, null(p.OrgID), null(p.PersonID), p.Side, string(p.Role)}
	}
	return out
}

// activityRefs returns the references of an activity in field order.
func activityRefs(r amur.Record) []ref {
	a := r.(*amur.Activity)
	out := optRef("program_id", amur.KindProgram, a.ProgramID)
	out = append(out, listRefs("fields", amur.KindField, a.Fields)...)
	out = append(out, optRef("flagship_id", amur.KindFlagship, a.FlagshipID)...)
	for i, p := range a.Participants {
		f := indexed("participants", i)
		out = append(out, optRef(f+".org_id", amur.KindOrganization, p.OrgID)...)
		out = append(out, optRef(f+".person_id", amur.KindPerson, p.PersonID)...)
	}
	return out
}

// Activity returns the activity with id.
func (db *DB) Activity(ctx context.Context, id string) (*amur.Activity, error) {
	return getByID[amur.Activity](ctx, db, id)
}

// activityCols are the sort columns of activities.
var activityCols = map[string]string{"start": "x.start_at", "created": "x.created_at", "updated": "x.updated_at"}

// Activities lists activities matching f, by default by start and id.
func (db *DB) Activities(ctx context.Context, f amur.ActivityFilter) (*amur.List[*amur.Activity], error) {
	w, err := activityWhere(f)
	if err != nil {
		return nil, err
	}
	q := listQuery{table: "activities", where: w, sorts: amur.ActivitySorts, cols: activityCols}
	return list[amur.Activity](ctx, db, q, f.Page)
}

// activityWhere returns the conditions of f on activities aliased x.
func activityWhere(f amur.ActivityFilter) (filter, error) {
	var w filter
	if f.ProgramID != "" {
		w.add("x.program_id = ?", f.ProgramID)
	}
	in(&w, "x.type", f.Types)
	in(&w, "x.status", f.Statuses)
	if len(f.Fields) > 0 {
		if err := fieldCond(&w, f.Fields); err != nil {
			return w, err
		}
	}
	for i, s := range normSides(f.Sides) {
		if !amur.ValidSide(s) {
			return w, amur.Invalid("sides", "err.side", "value", f.Sides[i])
		}
	}
	sideCond(&w, normSides(f.Sides))
	if !f.From.IsZero() {
		w.add("x.start_at >= ?", ms(f.From))
	}
	if !f.To.IsZero() {
		w.add("x.start_at <= ?", ms(f.To.Truncate(time.Millisecond)))
	}
	if f.OrgID != "" {
		w.add("x.id IN (SELECT activity_id FROM activity_participants WHERE org_id = ?)", f.OrgID)
	}
	if f.PersonID != "" {
		w.add("x.id IN (SELECT activity_id FROM activity_participants WHERE person_id = ?)", f.PersonID)
	}
	if f.FlagshipID != "" {
		w.add("x.flagship_id = ?", f.FlagshipID)
	}
	if f.Synthetic != nil {
		w.add("x.synthetic = ?", *f.Synthetic)
	}
	return w, nil
}

// fieldCond matches activities in any of the codes or their sub-fields. The
// probe runs per candidate activity on the (activity_id, field_code) key,
// which stays cheap because an activity has few fields.
func fieldCond(w *filter, codes []string) error {
	cond := "EXISTS (SELECT 1 FROM activity_fields af WHERE af.activity_id = x.id AND ("
	var args []any
	for i, c := range codes {
		if !amur.ValidFieldCode(c) {
			return amur.Invalid("fields", "err.field_code", "value", c)
		}
		if i > 0 {
			cond += " OR "
		}
		// Codes hold no LIKE wildcards (ValidFieldCode), so the prefix is
		// safe to use as a pattern.
		cond += "af.field_code = ? OR af.field_code LIKE ?"
		args = append(args, c, c+".%")
	}
	w.add(cond+"))", args...)
	return nil
}

// sideCond matches activities in which any of the sides takes part; sides
// are stored as "CN,RU", so the comma-wrapped value is searched.
func sideCond(w *filter, sides []string) {
	if len(sides) == 0 {
		return
	}
	cond := "("
	args := make([]any, len(sides))
	for i, s := range sides {
		if i > 0 {
			cond += " OR "
		}
		cond += "',' || x.sides || ',' LIKE ?"
		args[i] = "%," + s + ",%"
	}
	w.add(cond+")", args...)
}

// CreateActivity stores a new activity.
func (db *DB) CreateActivity(ctx context.Context, a *amur.Activity) error { return db.create(ctx, a) }

// UpdateActivity replaces a stored activity.
func (db *DB) UpdateActivity(ctx context.Context, a *amur.Activity) error { return db.update(ctx, a) }

// DeleteActivity deletes an activity no timeline entry refers to.
func (db *DB) DeleteActivity(ctx context.Context, id string) error {
	return db.remove(ctx, amur.KindActivity, id)
}
