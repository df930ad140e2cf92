package sqlstore

import (
	"context"
	"time"

	"amur"
)

// activityTable stores activities: filter columns on the main row, and
// child rows keyed by the field, organisation or person they name, so that
// filters use indexes and foreign keys guard the references.
var activityTable = &table{
	kind: amur.KindActivity,
	name: "activities",
	cols: []string{"program_id", "type", "status", "start_at", "start_month", "sides", "fields", "flagship_id", "synthetic", "draft"},
	vals: func(r amur.Record) []any {
		a := r.(*amur.Activity)
		return []any{null(a.ProgramID), string(a.Type), string(a.Status), ms(startTime(a)),
			monthKey(a.Start), joinList(a.Sides), joinList(a.Fields), null(a.FlagshipID), a.Synthetic, a.Draft}
	},
	children: []child{
		{name: "activity_fields", cols: []string{"field_code", "activity_id"}, nkey: 2, rows: activityFieldRows},
		{name: "activity_orgs", cols: []string{"org_id", "activity_id", "pos", "side", "role"}, nkey: 3,
			rows: func(r amur.Record) [][]any { return participantRows(r.(*amur.Activity), true) }},
		{name: "activity_people", cols: []string{"person_id", "activity_id", "pos", "side", "role"}, nkey: 3,
			rows: func(r amur.Record) [][]any { return participantRows(r.(*amur.Activity), false) }},
	},
	refs: activityRefs,
}

// activityFieldRows returns the (field, activity) rows of an activity.
func activityFieldRows(r amur.Record) [][]any {
	a := r.(*amur.Activity)
	out := make([][]any, len(a.Fields))
	for i, f := range a.Fields {
		out[i] = []any{f, a.ID}
	}
	return out
}

// participantRows returns the rows of the organisations (orgs true) or the
// people among a's participants, numbered by position in the list.
func participantRows(a *amur.Activity, orgs bool) [][]any {
	out := make([][]any, 0, len(a.Participants))
	for i, p := range a.Participants {
		id := p.PersonID
		if orgs {
			id = p.OrgID
		}
		if id != "" {
			out = append(out, []any{id, a.ID, i, p.Side, string(p.Role)})
		}
	}
	return out
}

// activityRefs returns the references of an activity in field order.
func activityRefs(r amur.Record) []ref {
	a := r.(*amur.Activity)
	out := make([]ref, 0, 2+len(a.Fields)+len(a.Participants))
	out = addRef(out, "program_id", -1, "", amur.KindProgram, a.ProgramID)
	for _, f := range a.Fields {
		out = addRef(out, "fields", -1, "", amur.KindField, f)
	}
	out = addRef(out, "flagship_id", -1, "", amur.KindFlagship, a.FlagshipID)
	for i, p := range a.Participants {
		out = addRef(out, "participants", i, ".org_id", amur.KindOrganization, p.OrgID)
		out = addRef(out, "participants", i, ".person_id", amur.KindPerson, p.PersonID)
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
	q, err := activityQuery(f, db.d)
	if err != nil {
		return nil, err
	}
	return list[amur.Activity](ctx, db, q, f.Page)
}

// activityQuery returns the list query of f.
func activityQuery(f amur.ActivityFilter, d dialect) (listQuery, error) {
	w, err := activityWhere(f, d)
	return listQuery{table: "activities", where: w, sorts: amur.ActivitySorts, cols: activityCols}, err
}

// activityWhere returns the conditions of f on activities aliased x.
func activityWhere(f amur.ActivityFilter, d dialect) (filter, error) {
	var w filter
	if f.ProgramID != "" {
		w.add("x.program_id = ?", f.ProgramID)
	}
	// One type reads the (type, start_at) index in start order. Several
	// would be read type by type and sorted whole, so the start index is
	// read instead, testing the type on each row, which finds a page of
	// common types after a few hundred rows.
	if len(f.Types) > 1 {
		in(&w, d.unindexed("x.type"), f.Types)
	} else {
		in(&w, "x.type", f.Types)
	}
	in(&w, "x.status", f.Statuses)
	if len(f.Fields) > 0 {
		if err := fieldCond(&w, f.Fields, d); err != nil {
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
		w.add("x.id IN (SELECT activity_id FROM activity_orgs WHERE org_id = ?)", f.OrgID)
	}
	if f.PersonID != "" {
		w.add("x.id IN (SELECT activity_id FROM activity_people WHERE person_id = ?)", f.PersonID)
	}
	if f.FlagshipID != "" {
		w.add("x.flagship_id = ?", f.FlagshipID)
	}
	if f.Synthetic != nil {
		w.add("x.synthetic = ?", *f.Synthetic)
	}
	return w, draftCond(&w, f)
}

// draftCond limits the matches to the drafts f's scope admits, then to
// drafts or published activities when f.Draft asks. The conditions are
// literal SQL so that SQLite can use the partial index of drafts.
func draftCond(w *filter, f amur.ActivityFilter) error {
	switch f.Drafts {
	case amur.NoDrafts:
		w.add("NOT x.draft")
	case amur.OrgDrafts:
		if !amur.ValidID(f.DraftOrg) {
			return amur.Invalid("draft_org", "err.id")
		}
		w.add("(NOT x.draft OR x.id IN (SELECT activity_id FROM activity_orgs WHERE org_id = ?))", f.DraftOrg)
	case amur.AllDrafts:
	default:
		return amur.Invalid("drafts", "err.invalid")
	}
	switch {
	case f.Draft == nil:
	case *f.Draft:
		w.add("x.draft")
	default:
		w.add("NOT x.draft")
	}
	return nil
}

// fieldCond matches activities in any of the codes or their sub-fields,
// on the row's fields column ("1.1,2.3"), which the list indexes hold:
// testing the index entry that is read anyway is cheaper than probing a
// child table per candidate. Codes are lower case (ValidFieldCode), so a
// byte-wise search finds what a case-blind LIKE would.
func fieldCond(w *filter, codes []string, d dialect) error {
	cond := "("
	var args []any
	for i, c := range codes {
		if !amur.ValidFieldCode(c) {
			return amur.Invalid("fields", "err.field_code", "value", c)
		}
		if i > 0 {
			cond += " OR "
		}
		cond += d.contains("',' || x.fields || ','", "?") + " OR " + d.contains("',' || x.fields || ','", "?")
		args = append(args, ","+c+",", ","+c+".")
	}
	w.add(cond+")", args...)
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
