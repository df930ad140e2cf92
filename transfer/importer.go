package transfer

import (
	"cmp"
	"context"

	"amur"
)

// batchSize is how many records are checked against the store together: one
// Missing query per referenced kind and batch instead of one per record.
const batchSize = 512

// missingChunk bounds the ids of one Missing call, keeping its SQL under
// the parameter limits of both databases.
const missingChunk = 500

// pending is a prepared record waiting for its batch's reference check.
type pending struct {
	rec  amur.Record
	line int
	seq  int
}

// importer checks and stores the records of one import.
type importer struct {
	ctx  context.Context
	s    amur.Store
	w    amur.BulkWriter
	kind amur.Kind
	opt  ImportOptions
	// codes holds the codes of stored fields and of fields imported so far.
	codes map[string]bool
	// ids maps the id of every record imported so far to its sequence
	// number, to find duplicates and to resolve references to earlier
	// records of the same kind.
	ids *idSet
	// known caches ids of other records found in the store.
	known map[amur.Kind]*idSet
	// unique maps a unique key's field to its values seen so far.
	unique map[string]map[string]bool
	batch  []pending
	refs   []ref
	seq    int
	stored int
}

// newImporter prepares an import of kind k into s, loading the field codes
// when records of k refer to fields (there are few fields, so one read
// up front replaces a lookup per record).
func newImporter(ctx context.Context, s amur.Store, k amur.Kind, opt ImportOptions) (*importer, error) {
	imp := &importer{
		ctx: ctx, s: s, kind: k, opt: opt,
		ids:    newIDSet(),
		known:  map[amur.Kind]*idSet{},
		unique: map[string]map[string]bool{},
		batch:  make([]pending, 0, batchSize),
	}
	switch k {
	case amur.KindField, amur.KindProgram, amur.KindFlagship, amur.KindActivity:
		imp.codes = map[string]bool{}
		err := s.Each(ctx, amur.KindField, func(r amur.Record) error {
			imp.codes[r.Base().ID] = true
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return imp, nil
}

// fail reports err unless a record before it, still waiting in the batch,
// fails its reference check: the first bad record of the file is the one
// to report.
func (imp *importer) fail(err error) error {
	if ferr := imp.flush(); ferr != nil {
		return ferr
	}
	return err
}

// progress reports the records stored and the bytes read so far.
func (imp *importer) progress(bytes int64) {
	if imp.opt.Progress != nil {
		imp.opt.Progress(imp.stored, bytes)
	}
}

// add runs the checks of a prepared record that need no store lookup: its
// own id and unique keys against the file so far, and the field codes it
// names; then the record waits in the batch.
func (imp *importer) add(rec amur.Record, line int) error {
	imp.seq++
	if err := imp.checkOwn(rec, line); err != nil {
		return err
	}
	if err := imp.checkCodes(rec, line); err != nil {
		return err
	}
	imp.batch = append(imp.batch, pending{rec: rec, line: line, seq: imp.seq})
	return nil
}

// stamp fills in the provenance of a record that names no source, so each
// record tells which file and line it came from; a record that already
// names one (an earlier export) keeps it, so re-importing changes nothing.
func (imp *importer) stamp(rec amur.Record, line int) {
	p := provenanceOf(rec)
	if p == nil || p.Source != "" {
		return
	}
	if imp.opt.Source != "" {
		p.Source, p.Line = imp.opt.Source, line
	}
	if p.EnteredBy == "" {
		p.EnteredBy = imp.opt.EnteredBy
	}
}

// checkOwn checks the record's id and unique keys against the records
// imported so far (and, for fields, against the stored ones).
func (imp *importer) checkOwn(rec amur.Record, line int) error {
	id := rec.Base().ID
	if imp.kind != amur.KindField && id != "" && !amur.ValidID(id) {
		return amur.AtLine(amur.Invalid("id", "err.id"), line)
	}
	if id != "" {
		if _, dup := imp.ids.get(id); dup || (imp.kind == amur.KindField && imp.codes[id]) {
			return conflict(line, "id", id)
		}
		imp.ids.add(id, imp.seq)
	}
	for _, k := range uniqueKeys(rec) {
		seen := imp.unique[k.field]
		if seen == nil {
			seen = map[string]bool{}
			imp.unique[k.field] = seen
		}
		if seen[k.value] {
			return conflict(line, k.field, k.value)
		}
		seen[k.value] = true
	}
	return nil
}

// checkCodes checks that every field code the record names exists.
func (imp *importer) checkCodes(rec amur.Record, line int) error {
	field, codes := fieldCodes(rec)
	for _, c := range codes {
		if !imp.codes[c] {
			return amur.AtLine(amur.Invalid(field, "err.ref", "value", c), line)
		}
	}
	if f, ok := rec.(*amur.Field); ok {
		imp.codes[f.ID] = true
	}
	return nil
}

// conflict is the error of a duplicate unique value.
func conflict(line int, field, value string) *amur.Error {
	e := amur.Errorf(amur.EConflict, "err.duplicate", "value", value)
	e.Field, e.Line = field, line
	return e
}

// flush checks the references of the waiting records against the store in
// one query per kind, then stores them in file order.
func (imp *importer) flush() error {
	if len(imp.batch) == 0 {
		return nil
	}
	if err := imp.ctx.Err(); err != nil {
		return err
	}
	missing, taken, err := imp.lookup()
	if err != nil {
		return err
	}
	for _, p := range imp.batch {
		if taken[p.rec.Base().ID] {
			return conflict(p.line, "id", p.rec.Base().ID)
		}
		imp.refs = refsOf(p.rec, imp.refs[:0])
		for _, r := range imp.refs {
			if !imp.resolved(r, p.seq) && missing[r.kind][r.id] {
				return amur.AtLine(amur.Invalid(r.path(), "err.ref", "value", r.id), p.line)
			}
		}
		for _, u := range uniqueKeys(p.rec) {
			if held, err := storedKey(imp.ctx, imp.s, imp.kind, u); held || err != nil {
				return cmp.Or(err, error(conflict(p.line, u.field, u.value)))
			}
		}
		if err := imp.w.Put(p.rec); err != nil {
			return amur.AtLine(err, p.line)
		}
		imp.stored++
	}
	clear(imp.batch)
	imp.batch = imp.batch[:0]
	return nil
}

// resolved reports whether reference r of the record numbered seq names a
// record imported before it or one already found in the store.
func (imp *importer) resolved(r ref, seq int) bool {
	if r.kind == imp.kind {
		if at, ok := imp.ids.get(r.id); ok && at < seq {
			return true
		}
	}
	k := imp.known[r.kind]
	return k != nil && k.has(r.id)
}

// lookup asks the store about every id of the batch it cannot resolve yet:
// it returns the referenced ids the store lacks, by kind, and the batch's
// own ids that the store already holds.
func (imp *importer) lookup() (missing map[amur.Kind]map[string]bool, taken map[string]bool, err error) {
	ask := map[amur.Kind][]string{}
	asked := map[amur.Kind]map[string]bool{}
	want := func(k amur.Kind, id string) {
		if asked[k] == nil {
			asked[k] = map[string]bool{}
		}
		if !asked[k][id] {
			asked[k][id] = true
			ask[k] = append(ask[k], id)
		}
	}
	for _, p := range imp.batch {
		if id := p.rec.Base().ID; id != "" && imp.kind != amur.KindField {
			want(imp.kind, id)
		}
		imp.refs = refsOf(p.rec, imp.refs[:0])
		for _, r := range imp.refs {
			if !imp.resolved(r, p.seq) {
				want(r.kind, r.id)
			}
		}
	}
	missing = map[amur.Kind]map[string]bool{}
	for k, ids := range ask {
		gone, err := imp.missing(k, ids)
		if err != nil {
			return nil, nil, err
		}
		missing[k] = gone
	}
	taken = map[string]bool{}
	for _, p := range imp.batch {
		if id := p.rec.Base().ID; id != "" && asked[imp.kind][id] && !missing[imp.kind][id] {
			taken[id] = true
		}
	}
	return missing, taken, nil
}

// missing returns those of ids of kind k that the store lacks, and
// remembers the others as known.
func (imp *importer) missing(k amur.Kind, ids []string) (map[string]bool, error) {
	gone := map[string]bool{}
	for len(ids) > 0 {
		n := min(len(ids), missingChunk)
		lost, err := imp.s.Missing(imp.ctx, k, ids[:n])
		if err != nil {
			return nil, err
		}
		for _, id := range lost {
			gone[id] = true
		}
		known := imp.known[k]
		if known == nil {
			known = newIDSet()
			imp.known[k] = known
		}
		for _, id := range ids[:n] {
			if !gone[id] {
				known.add(id, 0)
			}
		}
		ids = ids[n:]
	}
	return gone, nil
}
