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

// child is a table of rows that belong to one record; rows returns the
// rows of a record in the order of cols.
type child struct {
	name string
	cols []string
	rows func(r amur.Record) [][]any
	// nkey is 0 when the first column is the owner's id and leads the key,
	// so the rows of a record are deleted by owner. Otherwise the first
	// nkey columns are the key, and the rows of a record are deleted one
	// by one by the keys computed from the stored record.
	nkey int
}

// keyedChildren reports whether t has children deleted by key, which needs
// the stored record.
func (t *table) keyedChildren() bool {
	for _, c := range t.children {
		if c.nkey > 0 {
			return true
		}
	}
	return false
}

// ref is a reference from a record field to a record of another kind. A
// reference from an element of a list has idx >= 0 and sub naming the
// element's field; the full name is built only for an error, since bulk
// imports check millions of references.
type ref struct {
	field string
	idx   int
	sub   string
	kind  amur.Kind
	id    string
}

// name returns the path of the referring field, such as
// "participants[2].org_id".
func (r ref) name() string {
	if r.idx < 0 {
		return r.field
	}
	return r.field + "[" + strconv.Itoa(r.idx) + "]" + r.sub
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
	for _, t := range []*table{programTable, fieldTable, orgTable, personTable, flagshipTable, activityTable, timelineTable, offerTable, requestTable, interestTable} {
		tables[t.kind] = t
	}
}

// idRows returns one child row (owner, id) per id.
func idRows(owner string, ids []string) [][]any {
	out := make([][]any, len(ids))
	for i, id := range ids {
		out[i] = []any{owner, id}
	}
	return out
}

// listRefs returns references from a list field, each naming the list.
func listRefs(field string, k amur.Kind, ids []string) []ref {
	out := make([]ref, 0, len(ids))
	for _, id := range ids {
		out = append(out, ref{field: field, idx: -1, kind: k, id: id})
	}
	return out
}

// optRef returns a reference from an optional field, or none when empty.
func optRef(field string, k amur.Kind, id string) []ref {
	if id == "" {
		return nil
	}
	return []ref{{field: field, idx: -1, kind: k, id: id}}
}

// addRef appends to refs a reference from field sub of element i of list
// field (i < 0 for a plain field), unless id is empty.
func addRef(refs []ref, field string, i int, sub string, k amur.Kind, id string) []ref {
	if id == "" {
		return refs
	}
	return append(refs, ref{field: field, idx: i, sub: sub, kind: k, id: id})
}

// joinList returns a list of codes as stored in one column: "CN,RU".
func joinList(s []string) string { return strings.Join(s, ",") }
