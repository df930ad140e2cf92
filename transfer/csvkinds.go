package transfer

import (
	"strconv"
	"strings"

	"amur"
)

// csvCodec maps the records of one kind to CSV rows and back.
type csvCodec interface {
	// names returns the header names in the order exports write them.
	names() []string
	// path returns the field path errors in column c name.
	path(c int) string
	newRecord() amur.Record
	get(r amur.Record, c int) string
	set(r amur.Record, c int, v string, x *cell) error
}

// record is the constraint of the entity types: a struct whose pointer is
// an amur.Record.
type record[T any] interface {
	*T
	amur.Record
}

// codec is the csvCodec of entity type T.
type codec[T any, P record[T]] struct {
	cols []column[T]
}

// names returns the header names in column order.
func (c *codec[T, P]) names() []string {
	out := make([]string, len(c.cols))
	for i, col := range c.cols {
		out[i] = col.name
	}
	return out
}

// path returns the field path of column i.
func (c *codec[T, P]) path(i int) string { return c.cols[i].path }

// newRecord returns an empty record of type T.
func (c *codec[T, P]) newRecord() amur.Record { return P(new(T)) }

// get returns the cell of column i of r.
func (c *codec[T, P]) get(r amur.Record, i int) string { return c.cols[i].get(r.(P)) }

// set reads the cell v of column i into r.
func (c *codec[T, P]) set(r amur.Record, i int, v string, x *cell) error {
	return c.cols[i].set(r.(P), v, x)
}

// cols concatenates groups of columns.
func cols[T any](groups ...[]column[T]) []column[T] {
	var out []column[T]
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// codecs holds the CSV layout of every kind; docs/import-format.md
// describes the same layouts, and a test keeps the two in step.
var codecs = map[amur.Kind]csvCodec{
	amur.KindField:        &codec[amur.Field, *amur.Field]{fieldCols()},
	amur.KindProgram:      &codec[amur.Program, *amur.Program]{programCols()},
	amur.KindOrganization: &codec[amur.Organization, *amur.Organization]{orgCols()},
	amur.KindPerson:       &codec[amur.Person, *amur.Person]{personCols()},
	amur.KindFlagship:     &codec[amur.Flagship, *amur.Flagship]{flagshipCols()},
	amur.KindActivity:     &codec[amur.Activity, *amur.Activity]{activityCols()},
	amur.KindTimeline:     &codec[amur.TimelineEntry, *amur.TimelineEntry]{timelineCols()},
}

// fieldCols are the columns of a field.
func fieldCols() []column[amur.Field] {
	type T = amur.Field
	meta := func(t *T) *amur.Meta { return &t.Meta }
	return cols(
		[]column[T]{idCol(meta), str("parent", "parent", func(t *T) *string { return &t.Parent })},
		textCols("label", func(t *T) *amur.Text { return &t.Label }),
		metaCols(meta),
	)
}

// programCols are the columns of a program.
func programCols() []column[amur.Program] {
	type T = amur.Program
	meta := func(t *T) *amur.Meta { return &t.Meta }
	return cols(
		[]column[T]{idCol(meta), str("slug", "slug", func(t *T) *string { return &t.Slug })},
		textCols("name", func(t *T) *amur.Text { return &t.Name }),
		textCols("description", func(t *T) *amur.Text { return &t.Description }),
		[]column[T]{
			strList("sides", "sides", func(t *T) *[]string { return &t.Sides }),
			strList("languages", "languages", func(t *T) *[]amur.Lang { return &t.Languages }),
			date("start", func(t *T) *amur.Date { return &t.Start }),
			date("end", func(t *T) *amur.Date { return &t.End }),
			jsonList("goals", func(t *T) *[]amur.Goal { return &t.Goals }),
			strList("priority_fields", "priority_fields", func(t *T) *[]string { return &t.PriorityFields }),
		},
		metaCols(meta),
	)
}

// orgCols are the columns of an organisation.
func orgCols() []column[amur.Organization] {
	type T = amur.Organization
	meta := func(t *T) *amur.Meta { return &t.Meta }
	return cols(
		[]column[T]{idCol(meta)},
		textCols("name", func(t *T) *amur.Text { return &t.Name }),
		[]column[T]{
			strList("aliases", "aliases", func(t *T) *[]string { return &t.Aliases }),
			strList("acronyms", "acronyms", func(t *T) *[]string { return &t.Acronyms }),
			str("kind", "kind", func(t *T) *amur.OrgKind { return &t.Kind }),
			str("country", "country", func(t *T) *string { return &t.Country }),
		},
		textCols("city", func(t *T) *amur.Text { return &t.City }),
		[]column[T]{
			str("ror", "ror", func(t *T) *string { return &t.ROR }),
			str("website", "website", func(t *T) *string { return &t.Website }),
			str("parent_id", "parent_id", func(t *T) *string { return &t.ParentID }),
		},
		provCols(func(t *T) *amur.Provenance { return &t.Provenance }),
		[]column[T]{boolean("synthetic", func(t *T) *bool { return &t.Synthetic })},
		metaCols(meta),
	)
}

// nameCols are the three columns of a person's name in one script.
func nameCols(script string, f func(*amur.Person) *amur.PersonName) []column[amur.Person] {
	type T = amur.Person
	return []column[T]{
		str(script+"_family", script+".family", func(t *T) *string { return &f(t).Family }),
		str(script+"_given", script+".given", func(t *T) *string { return &f(t).Given }),
		str(script+"_patronymic", script+".patronymic", func(t *T) *string { return &f(t).Patronymic }),
	}
}

// personCols are the columns of a person.
func personCols() []column[amur.Person] {
	type T = amur.Person
	meta := func(t *T) *amur.Meta { return &t.Meta }
	return cols(
		[]column[T]{idCol(meta)},
		nameCols("native", func(t *T) *amur.PersonName { return &t.Native }),
		nameCols("latin", func(t *T) *amur.PersonName { return &t.Latin }),
		[]column[T]{
			strList("aliases", "aliases", func(t *T) *[]string { return &t.Aliases }),
			str("country", "country", func(t *T) *string { return &t.Country }),
			jsonList("affiliations", func(t *T) *[]amur.Affiliation { return &t.Affiliations }),
			str("orcid", "orcid", func(t *T) *string { return &t.ORCID }),
		},
		textCols("expertise", func(t *T) *amur.Text { return &t.Expertise }),
		[]column[T]{
			strList("keywords", "keywords", func(t *T) *[]string { return &t.Keywords }),
			str("contact_email", "contact.email", func(t *T) *string { return &t.Contact.Email }),
			str("contact_phone", "contact.phone", func(t *T) *string { return &t.Contact.Phone }),
		},
		provCols(func(t *T) *amur.Provenance { return &t.Provenance }),
		[]column[T]{boolean("synthetic", func(t *T) *bool { return &t.Synthetic })},
		metaCols(meta),
	)
}

// flagshipCols are the columns of a flagship project.
func flagshipCols() []column[amur.Flagship] {
	type T = amur.Flagship
	meta := func(t *T) *amur.Meta { return &t.Meta }
	return cols(
		[]column[T]{
			idCol(meta),
			str("program_id", "program_id", func(t *T) *string { return &t.ProgramID }),
			str("slug", "slug", func(t *T) *string { return &t.Slug }),
		},
		textCols("name", func(t *T) *amur.Text { return &t.Name }),
		textCols("description", func(t *T) *amur.Text { return &t.Description }),
		[]column[T]{
			strList("fields", "fields", func(t *T) *[]string { return &t.Fields }),
			strList("org_ids", "org_ids", func(t *T) *[]string { return &t.OrgIDs }),
		},
		textCols("location", func(t *T) *amur.Text { return &t.Location }),
		[]column[T]{str("website", "website", func(t *T) *string { return &t.Website })},
		provCols(func(t *T) *amur.Provenance { return &t.Provenance }),
		metaCols(meta),
	)
}

// activityCols are the columns of an activity.
func activityCols() []column[amur.Activity] {
	type T = amur.Activity
	meta := func(t *T) *amur.Meta { return &t.Meta }
	return cols(
		[]column[T]{idCol(meta), str("program_id", "program_id", func(t *T) *string { return &t.ProgramID })},
		textCols("title", func(t *T) *amur.Text { return &t.Title }),
		textCols("description", func(t *T) *amur.Text { return &t.Description }),
		[]column[T]{
			str("type", "type", func(t *T) *amur.ActivityType { return &t.Type }),
			str("status", "status", func(t *T) *amur.ActivityStatus { return &t.Status }),
			boolean("draft", func(t *T) *bool { return &t.Draft }),
			strList("fields", "fields", func(t *T) *[]string { return &t.Fields }),
			moment("start", func(t *T) *amur.Moment { return &t.Start }),
			moment("end", func(t *T) *amur.Moment { return &t.End }),
			str("zone", "zone", func(t *T) *string { return &t.Zone }),
			str("format", "format", func(t *T) *amur.Format { return &t.Format }),
			str("video_url", "video_url", func(t *T) *string { return &t.VideoURL }),
		},
		textCols("location", func(t *T) *amur.Text { return &t.Location }),
		[]column[T]{
			strList("sides", "sides", func(t *T) *[]string { return &t.Sides }),
			participants(),
			jsonList("outcomes", func(t *T) *[]amur.Outcome { return &t.Outcomes }),
			str("flagship_id", "flagship_id", func(t *T) *string { return &t.FlagshipID }),
		},
		provCols(func(t *T) *amur.Provenance { return &t.Provenance }),
		[]column[T]{boolean("synthetic", func(t *T) *bool { return &t.Synthetic })},
		metaCols(meta),
	)
}

// timelineCols are the columns of a timeline entry.
func timelineCols() []column[amur.TimelineEntry] {
	type T = amur.TimelineEntry
	meta := func(t *T) *amur.Meta { return &t.Meta }
	return cols(
		[]column[T]{
			idCol(meta),
			str("program_id", "program_id", func(t *T) *string { return &t.ProgramID }),
			date("date", func(t *T) *amur.Date { return &t.Date }),
			str("kind", "kind", func(t *T) *amur.EntryKind { return &t.Kind }),
		},
		textCols("title", func(t *T) *amur.Text { return &t.Title }),
		textCols("summary", func(t *T) *amur.Text { return &t.Summary }),
		[]column[T]{
			strList("person_ids", "person_ids", func(t *T) *[]string { return &t.PersonIDs }),
			strList("org_ids", "org_ids", func(t *T) *[]string { return &t.OrgIDs }),
			str("flagship_id", "flagship_id", func(t *T) *string { return &t.FlagshipID }),
			str("activity_id", "activity_id", func(t *T) *string { return &t.ActivityID }),
			jsonList("sources", func(t *T) *[]amur.Source { return &t.Sources }),
		},
		provCols(func(t *T) *amur.Provenance { return &t.Provenance }),
		metaCols(meta),
	)
}

// participants is the column of an activity's participants, written
// compactly as KIND:ID:SIDE:ROLE items joined with ";", such as
// "org:0190…:CN:organiser;person:0190…:RU:speaker". None of the parts
// can hold ":" or ";", so no escaping is needed.
func participants() column[amur.Activity] {
	return column[amur.Activity]{name: "participants", path: "participants",
		get: func(a *amur.Activity) string {
			var b strings.Builder
			for i, p := range a.Participants {
				if i > 0 {
					b.WriteByte(';')
				}
				if p.OrgID != "" {
					b.WriteString("org:" + p.OrgID)
				} else {
					b.WriteString("person:" + p.PersonID)
				}
				b.WriteString(":" + p.Side + ":" + string(p.Role))
			}
			return b.String()
		},
		set: func(a *amur.Activity, v string, _ *cell) error {
			a.Participants = nil
			if strings.TrimSpace(v) == "" {
				return nil
			}
			for i, item := range strings.Split(v, ";") {
				p, ok := parseParticipant(strings.TrimSpace(item))
				if !ok {
					return amur.Invalid("participants["+strconv.Itoa(i)+"]", "err.participant_format", "value", item)
				}
				a.Participants = append(a.Participants, p)
			}
			return nil
		},
	}
}

// parseParticipant reads one KIND:ID:SIDE:ROLE item.
func parseParticipant(s string) (amur.Participant, bool) {
	kind, rest, ok1 := strings.Cut(s, ":")
	id, rest, ok2 := strings.Cut(rest, ":")
	side, role, ok3 := strings.Cut(rest, ":")
	if !ok1 || !ok2 || !ok3 || id == "" || strings.Contains(role, ":") {
		return amur.Participant{}, false
	}
	p := amur.Participant{Side: side, Role: amur.Role(role)}
	switch kind {
	case "org":
		p.OrgID = id
	case "person":
		p.PersonID = id
	default:
		return amur.Participant{}, false
	}
	return p, true
}
