package identity

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"amur"
)

// Limits of candidate generation.
const (
	// bruteMax is the size up to which a search compares the query with
	// every entity: small pools are best served exactly.
	bruteMax = 20_000
	// maxBlock is the largest block a search or scan reads: a key that
	// many entities share (a common surname alone, the word university)
	// tells too little to be worth the comparisons.
	maxBlock = 2_000
)

// Index holds prepared entities and their blocking keys. Add may not run
// concurrently with searches; searches are safe for concurrent use.
type Index struct {
	mu     sync.RWMutex
	ents   []*prepared
	byID   map[string]int32
	blocks map[string][]int32
	df     map[string]int32
	names  int
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{byID: map[string]int32{}, blocks: map[string][]int32{}, df: map[string]int32{}}
}

// Len returns the number of entities.
func (ix *Index) Len() int { return len(ix.ents) }

// Add indexes an entity; an entity with the id of one already indexed is
// refused.
func (ix *Index) Add(e Entity) error {
	if e.ID == "" {
		return amur.Invalid("id", "err.id")
	}
	p := prepare(e)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if _, dup := ix.byID[e.ID]; dup {
		return amur.Errorf(amur.EConflict, "err.duplicate", "value", e.ID)
	}
	n := int32(len(ix.ents))
	ix.ents = append(ix.ents, p)
	ix.byID[e.ID] = n
	for _, k := range blockKeys(p) {
		ix.blocks[k] = append(ix.blocks[k], n)
	}
	for i := range p.forms {
		if o := p.forms[i].org; o != nil {
			ix.names++
			for _, c := range o.concepts() {
				ix.df[c]++
			}
		}
	}
	return nil
}

// concepts returns the distinct concepts of an organisation's name.
func (f *orgForm) concepts() []string {
	var out []string
	for _, s := range f.slots {
		for c := range s.concepts {
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// blockKeys returns the keys under which an entity is found: the keys of
// its people's name parts, the concepts, acronyms and known identity of
// its organisations' names, and its strong identifiers.
func blockKeys(p *prepared) []string {
	var out []string
	add := func(k string) {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	if p.ROR != "" {
		add("ror:" + p.ROR)
	}
	if p.ORCID != "" {
		add("orcid:" + p.ORCID)
	}
	for _, f := range p.forms {
		for _, r := range f.person {
			for _, t := range r {
				if t.initial {
					continue
				}
				for _, k := range t.keys {
					add("p:" + k.k)
				}
			}
		}
		if o := f.org; o != nil {
			for _, c := range o.concepts() {
				add("o:" + c)
			}
			for _, a := range o.acronyms {
				add("a:" + a)
			}
			if o.initials != "" {
				add("a:" + o.initials)
			}
			if o.known != "" {
				add("n:" + o.known)
			}
		}
	}
	return out
}

// idf weighs a concept of organisation names by how rare it is among the
// indexed names; a concept no indexed name has weighs the most.
func (ix *Index) idf(c string) float64 {
	return math.Log(1 + float64(ix.names+1)/float64(ix.df[c]+1))
}

// candidates returns the entities that share a block key with the query,
// or every entity while the index is small.
func (ix *Index) candidates(q *prepared) []int32 {
	if len(ix.ents) <= bruteMax {
		out := make([]int32, len(ix.ents))
		for i := range out {
			out[i] = int32(i)
		}
		return out
	}
	seen := map[int32]bool{}
	var out []int32
	for _, k := range blockKeys(q) {
		b := ix.blocks[k]
		if len(b) > maxBlock {
			continue
		}
		for _, d := range b {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	return out
}

// Search returns the k entities that match e best, best first, each with
// its explanation; entities with conflicting identifiers are left out.
func (ix *Index) Search(e Entity, k int) []Result {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	q := &query{prepared: prepare(e), cyr: map[string][]string{}}
	var out []Result
	for _, d := range ix.candidates(q.prepared) {
		if ix.ents[d].ID == e.ID {
			continue
		}
		r := q.compare(ix.ents[d], ix.idf)
		if r.Score > 0 && r.Conflict == "" {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b Result) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.ID, b.ID))
	})
	return out[:min(k, len(out))]
}

// Rank returns the rank (1 for the best) of the entity id among the
// matches of e, counting ties at their expected rank, or 0 when id is not
// among them.
func (ix *Index) Rank(e Entity, id string) int {
	ix.mu.RLock()
	d, ok := ix.byID[id]
	ix.mu.RUnlock()
	if !ok {
		return 0
	}
	hits := ix.Search(e, len(ix.ents))
	var target float64 = -1
	for _, h := range hits {
		if h.ID == ix.ents[d].ID {
			target = h.Score
		}
	}
	if target < 0 {
		return 0
	}
	better, equal := 0, 0
	for _, h := range hits {
		switch {
		case h.Score > target:
			better++
		case h.Score == target:
			equal++
		}
	}
	return better + (equal+1)/2
}

// Pair is a proposed duplicate: two indexed entities and how well they match.
type Pair struct {
	A, B   string
	Result Result
}

// Duplicates compares every indexed entity with the entities that share a
// scan key with it (scanKeys) and calls fn, from one goroutine at a time,
// for each pair scoring at least minScore, with A < B in index order.
// Pairs with conflicting identifiers are never proposed.
func (ix *Index) Duplicates(minScore float64, fn func(Pair)) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	scan := map[string][]int32{}
	for i, p := range ix.ents {
		for _, k := range scanKeys(p) {
			scan[k] = append(scan[k], int32(i))
		}
	}
	var next atomic.Int64
	var out sync.Mutex
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen := map[int32]bool{}
			for {
				i := int32(next.Add(1) - 1)
				if int(i) >= len(ix.ents) {
					return
				}
				clear(seen)
				q := &query{prepared: ix.ents[i]}
				for _, k := range scanKeys(ix.ents[i]) {
					b := scan[k]
					if len(b) > maxBlock {
						continue
					}
					for _, d := range b {
						if d <= i || seen[d] {
							continue
						}
						seen[d] = true
						r := q.compare(ix.ents[d], ix.idf)
						if r.Conflict == "" && r.Score >= minScore {
							out.Lock()
							fn(Pair{A: ix.ents[i].ID, B: ix.ents[d].ID, Result: r})
							out.Unlock()
						}
					}
				}
			}
		}()
	}
	wg.Wait()
}

// scanKeys returns the keys a scan for duplicates pairs entities by,
// tighter than a search's: a person's name part together with the initial
// of another part (semin|a for A. A. Semin and Семин Алексей), so that a
// common surname alone makes no block; an organisation's concepts,
// acronyms and known identity; strong identifiers.
func scanKeys(p *prepared) []string {
	var out []string
	add := func(k string) {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	if p.ROR != "" {
		add("ror:" + p.ROR)
	}
	if p.ORCID != "" {
		add("orcid:" + p.ORCID)
	}
	for _, f := range p.forms {
		for _, r := range f.person {
			for i, t := range r {
				if t.initial {
					continue
				}
				for _, k := range t.keys {
					if len(r) == 1 {
						add("s:" + k.k)
					}
					for j, u := range r {
						if j != i && len(u.keys) > 0 && u.keys[0].k != "" {
							add("s:" + k.k + "|" + u.keys[0].k[:1])
						}
					}
				}
			}
		}
		if f.org != nil && f.isOrg {
			for _, k := range blockKeys(&prepared{forms: []form{{org: f.org}}}) {
				add(k)
			}
		}
	}
	return out
}
