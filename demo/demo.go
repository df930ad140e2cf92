// Package demo builds the embedded demo program: the public facts of the
// China–Russia Years of Scientific and Technological Innovation 2020–2021
// (the program, its fields, organisations, people, flagship projects,
// activities and timeline) and a seeded generator of synthetic activities and
// researchers around them, each marked synthetic.
//
// The same Options always give the same records, byte for byte, including
// their ids and timestamps, so the demo can serve as a fixture.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"amur"

	// The activities name IANA zones (Asia/Shanghai, Europe/Moscow,
	// Asia/Novosibirsk…) that amur.Prepare resolves; the embedded database
	// keeps Build working on machines without one.
	_ "time/tzdata"
)

// DefaultActivities is the number of synthetic activities when
// Options.Activities is zero: about the number the Years reported.
const DefaultActivities = 1200

// MaxActivities bounds Options.Activities.
const MaxActivities = 10_000_000

// Options selects the size and randomness of the demo program.
type Options struct {
	// Activities is the number of synthetic activities; 0 means
	// DefaultActivities.
	Activities int
	// Seed drives the synthetic generator; 0 means 1.
	Seed int64
}

// normalized returns o with its defaults filled in, or an error when it is
// out of range.
func (o Options) normalized() (Options, error) {
	if o.Activities < 0 || o.Activities > MaxActivities {
		return o, amur.Invalid("activities", "err.range", "min", 0, "max", MaxActivities)
	}
	if o.Activities == 0 {
		o.Activities = DefaultActivities
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	return o, nil
}

// Build returns every record of the demo program in dependency order
// (fields, program, organizations, people, flagships, activities, timeline
// entries), each prepared so that amur.Prepare passes.
func Build(opts Options) ([]amur.Record, error) {
	var recs []amur.Record
	err := build(opts, func(r amur.Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return recs, nil
}

// Load writes Build's records into s in one s.Bulk transaction: either the
// whole demo program is stored or nothing is. Records are generated while
// they are written, so a large program is never held in memory at once.
func Load(ctx context.Context, s amur.Store, opts Options) error {
	return s.Bulk(ctx, func(w amur.BulkWriter) error {
		return build(opts, func(r amur.Record) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := w.Put(r); err != nil {
				return fmt.Errorf("demo: store %s %s: %w", r.RecordKind(), r.Base().ID, err)
			}
			return nil
		})
	})
}

// build generates the demo program and hands each prepared record to emit,
// in dependency order.
func build(opts Options, emit func(amur.Record) error) error {
	opts, err := opts.normalized()
	if err != nil {
		return err
	}
	b := newBuilder(opts, emit)
	steps := []func(){b.addFields, b.addProgram, b.addOrgs, b.addPeople,
		b.addFlagships, b.addActivities, b.addTimeline, b.addListings, b.addInterests}
	for _, step := range steps {
		step()
		if b.err != nil {
			return b.err
		}
	}
	return nil
}

// builder holds the state of one build: the random source of the synthetic
// part, the ids of the records emitted so far by their stable keys, and the
// first error, after which every step does nothing.
type builder struct {
	opts Options
	rng  *rand.Rand
	emit func(amur.Record) error
	err  error
	// seq counts the records of each kind, for their ids and timestamps.
	seq map[amur.Kind]int
	ids map[string]string // "kind/key" → id

	programID string
	people    []synthPerson
}

// newBuilder returns a builder for opts that hands records to emit.
func newBuilder(opts Options, emit func(amur.Record) error) *builder {
	return &builder{
		opts: opts,
		rng:  rand.New(rand.NewPCG(uint64(opts.Seed), 0x616d7572)), // "amur"
		emit: emit,
		seq:  map[amur.Kind]int{},
		ids:  map[string]string{},
	}
}

// add prepares r and emits it, remembering its id under key for the
// records that refer to it.
func (b *builder) add(key string, r amur.Record) {
	if b.put(key, r) {
		b.ids[string(r.RecordKind())+"/"+key] = r.Base().ID
	}
}

// put prepares r and emits it, reporting whether it succeeded. Synthetic
// activities are put without remembering their ids: nothing refers to them,
// and a large program would otherwise fill memory with ids.
func (b *builder) put(key string, r amur.Record) bool {
	if b.err != nil {
		return false
	}
	if err := amur.Prepare(r); err != nil {
		b.err = fmt.Errorf("demo: %s %q: %w", r.RecordKind(), key, err)
		return false
	}
	if err := b.emit(r); err != nil {
		b.err = err
		return false
	}
	return true
}

// id returns the id of the record of kind k emitted under key; an unknown
// key is an error in the demo's own tables and stops the build.
func (b *builder) id(k amur.Kind, key string) string {
	id, ok := b.ids[string(k)+"/"+key]
	if !ok && b.err == nil {
		b.err = fmt.Errorf("demo: no %s with key %q", k, key)
	}
	return id
}

// orgID returns the id of the organisation with key.
func (b *builder) orgID(key string) string { return b.id(amur.KindOrganization, key) }

// personID returns the id of the person with key.
func (b *builder) personID(key string) string { return b.id(amur.KindPerson, key) }

// orgIDs returns the ids of the organisations with keys.
func (b *builder) orgIDs(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = b.orgID(k)
	}
	return out
}

// personIDs returns the ids of the people with keys.
func (b *builder) personIDs(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = b.personID(k)
	}
	return out
}
