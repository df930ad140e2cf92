package xling

import (
	"cmp"
	"math"
	"slices"

	"amur"
)

// Hit is one search result.
type Hit struct {
	// ID is the id the text was added under.
	ID string `json:"id"`
	// Score orders hits: the cosine similarity of the query and the text,
	// less the hubness correction; higher is better.
	Score float64 `json:"score"`
	// Explain lists the matches that make up the score, the largest first.
	Explain []Match `json:"explain"`
}

// Match is one reason a text matched: a word of the query met a word of
// the text through a shared concept.
type Match struct {
	// Query and Doc are the words as written in the query and the text.
	Query string `json:"query"`
	Doc   string `json:"doc"`
	// Concept is what they share: an English lemma, a number, a unit, the
	// pinyin of a name, or the stem of a same-language word.
	Concept string `json:"concept"`
	// Bridge tells how the query word reached the text's word.
	Bridge Bridge `json:"bridge"`
	// Via names the translations used on each side, "query → doc", when a
	// dictionary or a transliteration was involved.
	Via string `json:"via,omitempty"`
	// Share is the part of the cosine this match contributes.
	Share float64 `json:"share"`
}

// maxExplain bounds the matches listed per hit.
const maxExplain = 8

// accumulator sums scores per document for one query, resetting only the
// documents it touched.
type accumulator struct {
	score   []float32
	touched []int32
}

func newAccumulator(n int) *accumulator { return &accumulator{score: make([]float32, n)} }

func (a *accumulator) add(d int32, w float32) {
	if a.score[d] == 0 {
		a.touched = append(a.touched, d)
	}
	a.score[d] += w
}

func (a *accumulator) reset() {
	for _, d := range a.touched {
		a.score[d] = 0
	}
	a.touched = a.touched[:0]
}

// query is an analysed query as concept ids and normalised weights.
type query struct {
	a     analysis
	terms []entry
}

// prepare analyses a query and weighs its concepts with the collection's
// inverse document frequencies; concepts the collection lacks are dropped.
func (ix *Index) prepare(text string, l amur.Lang) query {
	q := query{a: analyze(text, l, ix.bridges)}
	var ts []sourced
	for _, t := range q.a.terms {
		if c, ok := ix.keys[t.key]; ok {
			ts = append(ts, sourced{c, t.src, t.weight})
		}
	}
	q.terms = ix.weigh(ts)
	var norm [2]float64
	for _, e := range q.terms {
		norm[ix.spaces[e.id]] += float64(e.w * e.w)
	}
	for i, e := range q.terms {
		sp := ix.spaces[e.id]
		w := e.w / float32(math.Sqrt(norm[sp]))
		if sp == native {
			w *= nativeWeight
		}
		q.terms[i].w = w
	}
	return q
}

// score accumulates the query's scores over the collection, hubness
// correction included, and returns the accumulator; the caller puts it
// back into the pool.
func (ix *Index) score(q query) *accumulator {
	acc := ix.acc.Get().(*accumulator)
	for _, e := range q.terms {
		for _, p := range ix.postings[e.id] {
			acc.add(p.id, e.w*p.w)
		}
	}
	if ix.hubness > 0 {
		for _, d := range acc.touched {
			acc.score[d] -= ix.hubness * ix.hub[d]
		}
	}
	return acc
}

// Search returns the k texts that best match text, written in language l,
// best first, each with its explanation. Texts that share no concept with
// the query are never returned. The index must be frozen.
func (ix *Index) Search(text string, l amur.Lang, k int) []Hit {
	if !ix.frozen || k <= 0 {
		return nil
	}
	q := ix.prepare(text, l)
	acc := ix.score(q)
	best := topK(acc, k)
	hits := make([]Hit, len(best))
	for i, d := range best {
		hits[i] = Hit{ID: ix.ids[d], Score: float64(acc.score[d])}
	}
	acc.reset()
	ix.acc.Put(acc)
	for i, d := range best {
		hits[i].Explain = ix.explain(q, d)
	}
	return hits
}

// topK returns the k best-scoring touched documents, best first, ties in
// the order they were added. It keeps a sorted list of at most k, so that
// a query touching much of a large collection is not sorted whole.
func topK(acc *accumulator, k int) []int32 {
	before := func(a, b int32) int {
		if c := cmp.Compare(acc.score[b], acc.score[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	}
	best := make([]int32, 0, min(k, len(acc.touched)))
	for _, d := range acc.touched {
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

// Rank returns the 1-based position that the text with the given id takes
// among the results of Search for the same query, or 0 when the text
// shares no concept with the query or the id is unknown. Evaluation uses
// it to measure recall and mean reciprocal rank without listing results.
func (ix *Index) Rank(text string, l amur.Lang, id string) int {
	target, ok := ix.byID[id]
	if !ok || !ix.frozen {
		return 0
	}
	acc := ix.score(ix.prepare(text, l))
	defer func() { acc.reset(); ix.acc.Put(acc) }()
	s := acc.score[target]
	if !slices.Contains(acc.touched, target) {
		return 0
	}
	rank := 1
	for _, d := range acc.touched {
		if acc.score[d] > s || acc.score[d] == s && d < target {
			rank++
		}
	}
	return rank
}
