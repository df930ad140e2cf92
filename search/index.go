// Package search is the registry's multilingual search: one inverted index
// over activities, organisations and people, in which a query in Chinese,
// Russian or English finds records written in any of the three.
//
// Texts and queries are analysed by xling, the same machinery as the
// cross-lingual evaluation and matching: each word becomes its own stem
// (the native space, shared only with the same language) and the English
// pivot concepts its lexicon translations, transliteration and name
// readings give (the pivot space, shared by all languages). A record is
// scored with BM25 over these concepts; the concepts of one query word
// share one idf, a same-language stem weighs xling.NativeWeight, and the
// share of query words matched scales the score, so that a translated
// match on every word outranks a same-language match on one. Latin and
// Cyrillic query words the index has never seen are corrected to a known
// word one edit away (typo.go).
//
// Unlike xling.Index, which is built once and frozen, this index takes
// records one at a time (Put, Delete) while it is searched, since it is
// kept current from the store's outbox (Follow). Collection statistics are
// read at query time. It keeps no text: a hit is resolved through the
// store, normally the permission-wrapped one, which gives the title,
// highlights and explanation and hides what the caller may not see.
package search

import (
	"sync"

	"amur"
)

// Index is the in-memory inverted index. It is safe for concurrent use:
// searches share a read lock, writes take the write lock only to insert
// what was analysed outside it.
type Index struct {
	bridges bool

	mu       sync.RWMutex
	docs     []docMeta
	slots    map[string]int32 // kind/id → slot
	live     int
	dead     int
	totalLen float64
	concepts map[string]int32 // concept key → id
	postings []postingList    // concept id → documents, in slot order
	vocab    *vocabulary
	facets   interner
	seq      int64
	ready    bool

	acc sync.Pool
}

// docMeta is what the index keeps of one document besides its postings.
type docMeta struct {
	id     string
	kind   uint8
	alive  bool
	draft  bool
	year   int16
	typ    uint16
	length float32
	sides  []uint16
	fields []uint16
	orgs   []string
}

// Option configures an Index.
type Option func(*Index)

// WithoutBridges makes an index that matches across languages only what
// texts share on their face (numbers, Latin words); it is the baseline
// the bridges are measured against.
func WithoutBridges() Option { return func(ix *Index) { ix.bridges = false } }

// New returns an empty index.
func New(opts ...Option) *Index {
	ix := &Index{bridges: true, slots: map[string]int32{}, concepts: map[string]int32{}, vocab: newVocabulary()}
	ix.facets.init()
	for _, o := range opts {
		o(ix)
	}
	ix.acc.New = func() any { return &accumulator{} }
	return ix
}

// kinds are the searched kinds; a document's kind is its position here.
var kinds = []amur.Kind{amur.KindActivity, amur.KindOrganization, amur.KindPerson, amur.KindOffer, amur.KindRequest}

func kindIndex(k amur.Kind) (uint8, bool) {
	for i, v := range kinds {
		if v == k {
			return uint8(i), true
		}
	}
	return 0, false
}

func slotKey(k amur.Kind, id string) string { return string(k) + "/" + id }

// Len returns the number of documents searched.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.live
}

// Seq returns the outbox sequence number of the last change applied.
func (ix *Index) Seq() int64 {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.seq
}

// Ready reports whether the index holds every record: Build has finished.
// Until then searches answer from the part indexed so far.
func (ix *Index) Ready() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.ready
}

// setSeq records that the changes up to seq are applied.
func (ix *Index) setSeq(seq int64) {
	ix.mu.Lock()
	ix.seq = max(ix.seq, seq)
	ix.mu.Unlock()
}

// Stats describes the index, for reindex and the benchmark.
type Stats struct {
	Docs     int `json:"docs"`
	Concepts int `json:"concepts"`
	Postings int `json:"postings"`
	Words    int `json:"words"`
}

// Stats returns the index's sizes.
func (ix *Index) Stats() Stats {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	st := Stats{Docs: ix.live, Concepts: len(ix.postings), Words: len(ix.vocab.words)}
	for i := range ix.postings {
		st.Postings += ix.postings[i].len()
	}
	return st
}

// Put indexes d, replacing the document of the same kind and id. A kind
// the search does not cover is ignored.
func (ix *Index) Put(d Doc) {
	k, ok := kindIndex(d.Kind)
	if !ok || d.ID == "" {
		return
	}
	a := ix.analyzeDoc(d)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.insert(k, d, a)
}

// Delete removes the document of kind k and id; an unknown one is ignored.
func (ix *Index) Delete(k amur.Kind, id string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.remove(slotKey(k, id))
}

// remove marks a document dead; its postings stay until compaction.
func (ix *Index) remove(key string) {
	s, ok := ix.slots[key]
	if !ok {
		return
	}
	delete(ix.slots, key)
	m := &ix.docs[s]
	m.alive = false
	m.orgs, m.sides, m.fields = nil, nil, nil
	ix.live--
	ix.dead++
	ix.totalLen -= float64(m.length)
	if ix.dead > 1000 && ix.dead*4 > len(ix.docs) {
		ix.compact()
	}
}

// insert adds an analysed document under the write lock.
func (ix *Index) insert(k uint8, d Doc, a analyzed) {
	key := slotKey(d.Kind, d.ID)
	ix.remove(key)
	slot := int32(len(ix.docs))
	m := docMeta{id: d.ID, kind: k, alive: true, draft: d.Draft, year: int16(d.Year),
		typ: ix.facets.id(facetType, d.Type), length: a.length, orgs: d.Orgs}
	for _, s := range d.Sides {
		m.sides = append(m.sides, ix.facets.id(facetSide, s))
	}
	for _, f := range d.Fields {
		m.fields = append(m.fields, ix.facets.id(facetField, f))
	}
	ix.docs = append(ix.docs, m)
	ix.slots[key] = slot
	ix.live++
	ix.totalLen += float64(a.length)
	for _, c := range a.concepts {
		id, ok := ix.concepts[c.key]
		if !ok {
			id = int32(len(ix.postings))
			ix.concepts[c.key] = id
			ix.postings = append(ix.postings, postingList{})
		}
		// A posting's weight is the sum of the concept's weights over the
		// document's words, the title counting double.
		ix.postings[id].add(slot, c.tf)
	}
	for _, w := range a.words {
		ix.vocab.add(w)
	}
}

// Trim gives every posting list the capacity it needs: lists grown by
// appending hold up to twice that, which at a million documents is
// hundreds of megabytes. Build calls it at the end.
func (ix *Index) Trim() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for c := range ix.postings {
		ix.postings[c].trim()
	}
}

// compact drops dead documents and renumbers the live ones, keeping their
// order, so that postings stay sorted by slot.
func (ix *Index) compact() {
	renum := make([]int32, len(ix.docs))
	docs := make([]docMeta, 0, ix.live)
	for s, m := range ix.docs {
		renum[s] = -1
		if m.alive {
			renum[s] = int32(len(docs))
			ix.slots[slotKey(kinds[m.kind], m.id)] = int32(len(docs))
			docs = append(docs, m)
		}
	}
	for c := range ix.postings {
		ix.postings[c].renumber(renum)
	}
	ix.docs, ix.dead = docs, 0
}
