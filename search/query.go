package search

import (
	"math"
	"slices"
	"strings"

	"amur"
	"amur/lang"
	"amur/xling"
)

// Limits on a query.
const (
	// MaxQueryBytes bounds the query text.
	MaxQueryBytes = 1000
	// MaxQueryWords bounds the words a query is analysed into; one word
	// takes one bit of the per-document mask of matched words.
	MaxQueryWords = 32
	// MaxLimit bounds one page of hits.
	MaxLimit = 100
	// MaxOffset bounds how deep one may page.
	MaxOffset = 10_000
	// DefaultLimit is the page size when none is asked.
	DefaultLimit = 20
)

// Query is one search.
type Query struct {
	// Text is what the user typed, in any language or mix of them. It has
	// no syntax: quotes, colons and operators are only punctuation.
	Text string
	// Kinds restricts the hits to these kinds; empty means every kind.
	Kinds []amur.Kind
	// Lang is the language titles and facets are shown in; "" means the
	// query's own language.
	Lang   amur.Lang
	Limit  int
	Offset int
	// Drafts and DraftOrg say which unpublished activities may be found;
	// Search sets them from the caller's principal with
	// registry.DraftScope, and the zero value finds none.
	Drafts   amur.Drafts
	DraftOrg string
}

// Validate checks the query and fills in its defaults.
func (q *Query) Validate() error {
	if err := amur.ValidString("q", q.Text, MaxQueryBytes); err != nil {
		return err
	}
	q.Text = strings.TrimSpace(q.Text)
	if q.Text == "" {
		return amur.Invalid("q", "err.required")
	}
	for _, k := range q.Kinds {
		if _, ok := kindIndex(k); !ok {
			return amur.Invalid("kind", "err.enum", "value", string(k), "allowed", kindNames())
		}
	}
	if q.Lang != "" && !q.Lang.Valid() {
		return amur.Invalid("lang", "err.enum", "value", string(q.Lang), "allowed", "zh, ru, en")
	}
	if q.Limit == 0 {
		q.Limit = DefaultLimit
	}
	if q.Limit < 1 || q.Limit > MaxLimit {
		return amur.Invalid("limit", "err.range", "min", 1, "max", MaxLimit)
	}
	if q.Offset < 0 || q.Offset > MaxOffset {
		return amur.Invalid("offset", "err.range", "min", 0, "max", MaxOffset)
	}
	return nil
}

// qterm is one concept of the analysed query.
type qterm struct {
	xling.Term
	// word is the surface word the concept came from; typo is the known
	// word it was corrected to, if any.
	word, typo string
}

// typoWeight scales the concepts of a corrected word: a guess counts
// less than what the user typed.
const typoWeight = 0.8

// analyzeQuery turns the query text into concepts, correcting unknown
// Latin and Cyrillic words to known ones one edit away. It returns the
// language it read the text in.
func (ix *Index) analyzeQuery(text string) ([]qterm, amur.Lang) {
	l := lang.DetectLang(text)
	if l == "" {
		l = amur.EN
	}
	terms := xling.Analyze(text, l, ix.bridges)
	out := make([]qterm, 0, len(terms))
	seen := map[int]bool{}
	for _, t := range terms {
		if t.Word >= MaxQueryWords {
			break
		}
		surface := text[t.Start:t.End]
		out = append(out, qterm{Term: t, word: surface})
		if seen[t.Word] {
			continue
		}
		seen[t.Word] = true
		if fixed := ix.correction(text, t); fixed != "" {
			for _, c := range xling.Analyze(fixed, l, ix.bridges) {
				c.Word, c.Start, c.End = t.Word, t.Start, t.End
				c.Weight *= typoWeight
				out = append(out, qterm{Term: c, word: surface, typo: fixed})
			}
		}
	}
	return out, l
}

// correction returns the known word a typo of the query stands for.
func (ix *Index) correction(text string, t xling.Term) string {
	w, ok := typoWord(text, t)
	if !ok {
		return ""
	}
	// Writers add words under the write lock; the query is analysed
	// before run takes the read lock, so the look-up takes its own.
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.vocab.correct(w)
}

// weighted is a query concept ready to score: its posting list, its
// weight, and the bits of the query words it stands for.
type weighted struct {
	id   int32
	w    float32
	mask uint32
}

// idf is BM25's inverse document frequency.
func idf(n, df int) float32 {
	if df > n {
		df = n
	}
	return float32(math.Log(1 + (float64(n-df)+0.5)/(float64(df)+0.5)))
}

// Common concepts: in a collection of at least commonFloor documents, a
// concept held by more than one document in commonShare is not scanned
// when the query has rarer ones. Its idf is small (about 3 against up to
// 14 for a rare concept at a million documents) while its posting list
// holds most of the collection, so scanning it costs nearly all of a
// query's time and changes the order of the hits little.
const (
	commonFloor = 10_000
	commonShare = 20
)

// weigh gives each known concept of the query its weight. The concepts of
// one word are its senses or translations, synonyms of each other, so
// they share the word's idf, the mean of theirs weighed by translation
// weight (structured queries, Pirkola 1998): otherwise a rare wrong sense
// outweighs the common right one. It returns the concepts to scan and the
// mask of the words they stand for.
func (ix *Index) weigh(qs []qterm) ([]weighted, uint32) {
	type acc struct{ idf, w float32 }
	words := map[int]acc{}
	n := max(ix.live, 1)
	rare := false
	for _, q := range qs {
		if c, ok := ix.concepts[q.Key]; ok {
			df := ix.postings[c].len()
			a := words[q.Word]
			a.idf += q.Weight * idf(n, df)
			a.w += q.Weight
			words[q.Word] = a
			rare = rare || !ix.common(df)
		}
	}
	var out []weighted
	var mask uint32
	for _, q := range qs {
		c, ok := ix.concepts[q.Key]
		if !ok || rare && ix.common(ix.postings[c].len()) {
			continue
		}
		a := words[q.Word]
		w := q.Weight * a.idf / a.w
		if xling.Native(q.Key) {
			w *= xling.NativeWeight
		}
		bit := uint32(1) << q.Word
		mask |= bit
		if i := slices.IndexFunc(out, func(e weighted) bool { return e.id == c }); i >= 0 {
			out[i].w += w
			out[i].mask |= bit
			continue
		}
		out = append(out, weighted{c, w, bit})
	}
	return out, mask
}

// common reports whether a concept held by df documents is too common to
// scan when a query has rarer ones.
func (ix *Index) common(df int) bool {
	return ix.live >= commonFloor && df*commonShare > ix.live
}

// kindNames lists the searched kinds for messages.
func kindNames() string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}
