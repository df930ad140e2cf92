package xling

import (
	"math"
	"runtime"
	"sync"

	"amur"
)

// Index is an inverted index of texts in any of the platform languages,
// searched across languages. Add texts from one goroutine, call Freeze,
// then Search and Rank from as many goroutines as needed. The index keeps
// each text, since explaining a hit re-analyses it; its postings hold only
// concept ids and weights.
type Index struct {
	bridges bool
	// hubness is the weight of a document's mean similarity to its
	// nearest neighbours, subtracted from its score.
	hubness float32

	ids    []string
	texts  []string
	langs  []amur.Lang
	byID   map[string]int32
	keys   map[string]int32 // concept key → concept id
	spaces []uint8          // concept id → space
	docs   [][]entry        // doc → concept weights, set by Freeze
	raw    [][]sourced      // doc → concepts with their words, until Freeze

	frozen   bool
	postings [][]entry // concept id → documents and their normalised weights
	idf      []float32
	hub      []float32 // doc → mean similarity to its nearest neighbours
	acc      sync.Pool
}

// entry is a (concept or document, weight) pair.
type entry struct {
	id int32
	w  float32
}

// Option configures an Index.
type Option func(*Index)

// WithoutBridges makes an index that matches across languages only what
// texts share on their face: numbers, units and Latin tokens. It is the
// baseline the bridges are measured against.
func WithoutBridges() Option { return func(ix *Index) { ix.bridges = false } }

// WithHubness sets the weight of the hubness correction; 0 turns it off.
func WithHubness(beta float64) Option { return func(ix *Index) { ix.hubness = float32(beta) } }

// defaultHubness is the weight of a document's neighbourhood similarity.
// CSLS (2·cos − r_query − r_doc) weighs it at half the score, but there
// the neighbours are in the other language; here they are documents of
// the collection, and collections hold near-duplicates (the UN's "Other
// matters" recurs in every session), whose documents then look like hubs
// although queries need them. At 0.5 it cost ru↔zh recall@1 ten points
// on the UN dev set; at 0.1 it gains a little on all dev sets
// (docs/benchmarks.md).
const defaultHubness = 0.1

// hubNeighbours is the number of nearest neighbours averaged for
// hubness: many, so that a handful of near-duplicates does not decide it.
const hubNeighbours = 50

// hubSample bounds the documents used as probes when computing hubness, so
// that Freeze stays linear in the collection's size.
const hubSample = 5000

// nativeWeight is the weight of the same-language space in a score: a
// same-language match counts more than a translated one, but a good
// translated match still outranks a weak same-language one.
const nativeWeight = 0.5

// pivotSlope tilts the cosine's length normalisation towards the mean
// norm (pivoted normalisation, Singhal et al. 1996): plain cosine favours
// short texts, which match a single concept of any query fully.
const pivotSlope = 0.8

// NewIndex returns an empty index.
func NewIndex(opts ...Option) *Index {
	ix := &Index{bridges: true, hubness: defaultHubness, byID: map[string]int32{}, keys: map[string]int32{}}
	for _, o := range opts {
		o(ix)
	}
	return ix
}

// Len returns the number of indexed texts.
func (ix *Index) Len() int { return len(ix.ids) }

// Add indexes text under id. It fails with an invalid error for an empty
// or repeated id, an unknown language, or an index already frozen.
func (ix *Index) Add(id, text string, l amur.Lang) error {
	switch {
	case ix.frozen:
		return amur.Errorf(amur.EInvalid, "err.index_frozen")
	case id == "":
		return amur.Invalid("id", "err.required")
	case !l.Valid():
		return amur.Invalid("lang", "err.enum", "value", string(l), "allowed", "zh, ru, en")
	}
	if _, dup := ix.byID[id]; dup {
		return amur.Errorf(amur.EConflict, "err.duplicate", "value", id)
	}
	a := analyze(text, l, ix.bridges)
	raw := make([]sourced, 0, len(a.terms))
	for _, t := range a.terms {
		c, ok := ix.keys[t.key]
		if !ok {
			c = int32(len(ix.spaces))
			ix.keys[t.key] = c
			ix.spaces = append(ix.spaces, uint8(space(t.key)))
		}
		raw = append(raw, sourced{c, t.src, t.weight})
	}
	ix.byID[id] = int32(len(ix.ids))
	ix.ids = append(ix.ids, id)
	ix.texts = append(ix.texts, text)
	ix.langs = append(ix.langs, l)
	ix.raw = append(ix.raw, raw)
	return nil
}

// tfWeight damps repeated concepts: the second mention of a subject adds
// less than the first.
func tfWeight(tf float32) float32 { return float32(math.Log1p(float64(tf))) }

// Freeze computes the collection statistics (document frequencies, norms,
// hubness) and makes the index searchable. Adding after Freeze fails;
// calling it twice does nothing.
func (ix *Index) Freeze() {
	if ix.frozen {
		return
	}
	ix.frozen = true
	n := len(ix.raw)
	df := make([]int32, len(ix.spaces))
	seen := make([]int32, len(ix.spaces))
	for d, raw := range ix.raw {
		for _, e := range raw {
			if seen[e.c] != int32(d)+1 {
				seen[e.c] = int32(d) + 1
				df[e.c]++
			}
		}
	}
	ix.idf = make([]float32, len(df))
	for c, f := range df {
		ix.idf[c] = float32(math.Log(1 + float64(n)/float64(f)))
	}
	ix.docs = make([][]entry, n)
	for d, raw := range ix.raw {
		ix.docs[d] = ix.weigh(raw)
	}
	ix.raw = nil
	ix.postings = make([][]entry, len(df))
	for c, f := range df {
		ix.postings[c] = make([]entry, 0, f)
	}
	norms := make([][2]float64, n)
	var avg [2]float64
	for d, doc := range ix.docs {
		for _, e := range doc {
			norms[d][ix.spaces[e.id]] += float64(e.w * e.w)
		}
		for sp := range avg {
			norms[d][sp] = math.Sqrt(norms[d][sp])
			avg[sp] += norms[d][sp] / float64(n)
		}
	}
	for d, doc := range ix.docs {
		for _, e := range doc {
			sp := ix.spaces[e.id]
			norm := (1-pivotSlope)*avg[sp] + pivotSlope*norms[d][sp]
			ix.postings[e.id] = append(ix.postings[e.id], entry{int32(d), e.w / float32(norm)})
		}
	}
	ix.acc.New = func() any { return newAccumulator(n) }
	ix.hub = make([]float32, n)
	if ix.hubness > 0 {
		ix.computeHubness()
	}
	ix.docs = nil
}

// computeHubness sets each document's mean similarity to its nearest
// neighbours in the pivot space, probing with up to hubSample documents
// spread over the collection; similarity is symmetric, so probing with
// every document of a small collection finds each one's exact neighbours,
// and a sample estimates them in a large one at a bounded cost.
func (ix *Index) computeHubness() {
	n := len(ix.docs)
	step := max(1, n/hubSample)
	workers := runtime.GOMAXPROCS(0)
	tops := make([]neighbours, workers)
	var wg sync.WaitGroup
	for w := range workers {
		tops[w] = newNeighbours(n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc := newAccumulator(n)
			for p := w * step; p < n; p += workers * step {
				ix.probe(int32(p), acc, tops[w])
			}
		}()
	}
	wg.Wait()
	all := newNeighbours(n)
	for d := range n {
		for _, top := range tops {
			for _, s := range top.of(d) {
				all.insert(d, s)
			}
		}
		var sum float32
		for _, s := range all.of(d) {
			sum += s
		}
		ix.hub[d] = sum / hubNeighbours
	}
}

// probe scores every document against document p in the pivot space and
// records the scores among each document's nearest neighbours.
func (ix *Index) probe(p int32, acc *accumulator, top neighbours) {
	var norm float64
	for _, e := range ix.docs[p] {
		if ix.spaces[e.id] != pivot {
			continue
		}
		norm += float64(e.w * e.w)
		for _, q := range ix.postings[e.id] {
			acc.add(q.id, e.w*q.w)
		}
	}
	// The probe's weights are its tf-idf; normalising them is one factor.
	inv := float32(1 / math.Sqrt(max(norm, 1e-12)))
	for _, d := range acc.touched {
		if d != p {
			top.insert(int(d), acc.score[d]*inv)
		}
	}
	acc.reset()
}

// neighbours keeps the hubNeighbours best scores of each document, with
// the smallest of them at hand, so that the common case, a score too low
// to enter, costs one comparison.
type neighbours struct {
	top []float32 // hubNeighbours scores per document
	min []float32 // the smallest score of each document's top
}

func newNeighbours(n int) neighbours {
	return neighbours{top: make([]float32, n*hubNeighbours), min: make([]float32, n)}
}

// of returns the scores kept for document d.
func (nb neighbours) of(d int) []float32 {
	return nb.top[d*hubNeighbours : (d+1)*hubNeighbours]
}

// insert puts s among d's scores when it beats the smallest.
func (nb neighbours) insert(d int, s float32) {
	if s <= nb.min[d] {
		return
	}
	top := nb.of(d)
	m := 0
	for i := range top {
		if top[i] < top[m] {
			m = i
		}
	}
	top[m] = s
	low := top[0]
	for _, v := range top[1:] {
		low = min(low, v)
	}
	nb.min[d] = low
}
