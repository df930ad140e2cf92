package search

import (
	"cmp"
	"math/bits"
	"slices"

	"amur"
)

// BM25's parameters: k1 saturates repeated concepts, b normalises by the
// document's length (in words, over all its languages).
const (
	k1 = 1.2
	b  = 0.75
)

// accumulator sums scores per document for one query, resetting only the
// documents it touched.
type accumulator struct {
	score   []float32
	mask    []uint32
	touched []int32
}

func (a *accumulator) grow(n int) {
	if len(a.score) < n {
		a.score = make([]float32, n+n/4)
		a.mask = make([]uint32, n+n/4)
	}
}

func (a *accumulator) reset() {
	for _, d := range a.touched {
		a.score[d], a.mask[d] = 0, 0
	}
	a.touched = a.touched[:0]
}

// match is one scored document before it is resolved.
type match struct {
	slot  int32
	kind  amur.Kind
	id    string
	score float64
}

// raw is the index's answer to a query: the page of matches, how many
// there were, the facets over all of them and the analysed query.
type raw struct {
	matches []match
	total   int
	facets  Facets
	terms   []qterm
	lang    amur.Lang
}

// run scores the query over the index under the read lock. The query
// must be valid.
func (ix *Index) run(q Query) raw {
	terms, l := ix.analyzeQuery(q.Text)
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := raw{terms: terms, lang: l, facets: newFacets()}
	ws, wordMask := ix.weigh(terms)
	if len(ws) == 0 {
		return out
	}
	acc := ix.acc.Get().(*accumulator)
	defer ix.acc.Put(acc)
	defer acc.reset()
	ix.scan(acc, ws)
	best := ix.rank(acc, q, float32(max(bits.OnesCount32(wordMask), 1)), &out)
	for _, d := range best[min(q.Offset, len(best)):] {
		m := ix.docs[d]
		out.matches = append(out.matches, match{d, kinds[m.kind], m.id, float64(acc.score[d])})
	}
	out.facets.finish(ix)
	return out
}

// scan adds the BM25 scores of the query's concepts to the accumulator.
func (ix *Index) scan(acc *accumulator, ws []weighted) {
	acc.grow(len(ix.docs))
	avg := float32(ix.totalLen / float64(max(ix.live, 1)))
	for _, w := range ws {
		for d, tf := range ix.postings[w.id].all() {
			norm := k1 * (1 - b + b*ix.docs[d].length/avg)
			if acc.score[d] == 0 && acc.mask[d] == 0 {
				acc.touched = append(acc.touched, d)
			}
			acc.score[d] += w.w * tf * (k1 + 1) / (tf + norm)
			acc.mask[d] |= w.mask
		}
	}
}

// rank filters the scored documents, applies coordination, counts them
// and their facets into out, and returns the best Offset+Limit of them,
// best first, ties in index order. It keeps a sorted list of that many,
// so that a query touching much of the index is not sorted whole.
func (ix *Index) rank(acc *accumulator, q Query, known float32, out *raw) []int32 {
	keep := ix.filter(q)
	k := q.Offset + q.Limit
	best := make([]int32, 0, k)
	before := func(x, y int32) int {
		if c := cmp.Compare(acc.score[y], acc.score[x]); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	}
	for _, d := range acc.touched {
		if !keep(d) {
			continue
		}
		// The share of the query's words a document matches scales its
		// score (coordination, as in Lucene's classic similarity): all
		// of them through translations beats one in the same language.
		acc.score[d] *= float32(bits.OnesCount32(acc.mask[d])) / known
		out.total++
		out.facets.count(ix, d)
		if len(best) == k && before(d, best[k-1]) > 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(best, d, before)
		if len(best) == k {
			best = best[:k-1]
		}
		best = slices.Insert(best, i, d)
	}
	return best
}

// filter returns the test a matched document must pass: alive, of an
// asked kind, and visible under the query's draft scope.
func (ix *Index) filter(q Query) func(int32) bool {
	var kindMask uint8
	for _, k := range q.Kinds {
		i, _ := kindIndex(k)
		kindMask |= 1 << i
	}
	return func(d int32) bool {
		m := &ix.docs[d]
		if !m.alive || kindMask != 0 && kindMask&(1<<m.kind) == 0 {
			return false
		}
		if !m.draft {
			return true
		}
		switch q.Drafts {
		case amur.AllDrafts:
			return true
		case amur.OrgDrafts:
			return q.DraftOrg != "" && slices.Contains(m.orgs, q.DraftOrg)
		}
		return false
	}
}
