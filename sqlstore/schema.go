package sqlstore

import (
	"strconv"
	"strings"

	"amur"
)

// table describes how one kind of record is stored: its main row, its
// child rows, its unique keys and its references to other records. The
// generic write paths (create, update, delete, bulk) work from it.
type table struct {
	kind amur.Kind
	name string
	// cols are the extracted columns of the main row between id and
	// version; vals returns their values for a record.
	cols []string
	vals func(r amur.Record) []any
	// unique lists the unique keys besides the id.
	unique []uniqueKey
	// children are child tables rewritten with the record.
	children []child
	// refs returns the record's references to other records, in the order
	// their fields appear, so the first unknown one is reported.
	refs func(r amur.Record) []ref
}

// uniqueKey is a unique constraint of a table, checked before writing so
// that a conflict names its field.
type uniqueKey struct {
	field string
	// where selects rows with the same key; vals gives its arguments, or
	// nil when the record has no key (an empty ROR is not a duplicate).
	where string
	vals  func(r amur.Record) []any
}

// child is a table of rows that belong to one record; its first column is
// the owner's id.
type child struct {
	name string
	cols []string
	rows func(r amur.Record) [][]any
}

// ref is a reference from a record field to a record of another kind.
type ref struct {
	field string
	kind  amur.Kind
	id    string
}

// metaCols are the bookkeeping columns that follow a table's own columns.
var metaCols = []string{"version", "created_at", "updated_at", "doc"}

// allCols returns every column of t's main row in insert order.
func (t *table) allCols() []string {
	out := append([]string{"id"}, t.cols...)
	return append(out, metaCols...)
}

// rowValues returns the main row of r in the order of allCols.
func (t *table) rowValues(r amur.Record, doc string) []any {
	m := r.Base()
	out := make([]any, 0, len(t.cols)+5)
	out = append(out, m.ID)
	out = append(out, t.vals(r)...)
	return append(out, m.Version, ms(m.CreatedAt), ms(m.UpdatedAt), doc)
}

// tables maps each kind to its table.
var tables = map[amur.Kind]*table{}

// tableOf returns the table of kind k, which must be a known kind.
func tableOf(k amur.Kind) (*table, error) {
	t, ok := tables[k]
	if !ok {
		return nil, amur.Invalid("kind", "err.enum", "value", string(k))
	}
	return t, nil
}

func init() {
	for _, t := range []*table{programTable, fieldTable, orgTable, personTable, flagshipTable, activityTable, timelineTable} {
		tables[t.kind] = t
	}
}

// idRows returns one child row per id.
func idRows(ids []string) [][]any {
	out := make([][]any, len(ids))
	for i, id := range ids {
		out[i] = []any{id}
	}
	return out
}

// listRefs returns references from a list field, each naming the list.
func listRefs(field string, k amur.Kind, ids []string) []ref {
	out := make([]ref, 0, len(ids))
	for _, id := range ids {
		out = append(out, ref{field, k, id})
	}
	return out
}

// optRef returns a reference from an optional field, or none when empty.
func optRef(field string, k amur.Kind, id string) []ref {
	if id == "" {
		return nil
	}
	return []ref{{field, k, id}}
}

// indexed returns field[i], the path of an element of a list field.
func indexed(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

// joinSides returns the sides of an activity as stored: "CN,RU".
func joinSides(s []string) string { return strings.Join(s, ",") }
