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

// bruteMax is the size up to which a search compares the query with
// every entity: small pools are best served exactly. A variable so that
// tests can send every search through the blocks.
var bruteMax = 2_000

// Limits of candidate generation.
const (
	// maxBlock is the largest block a search or scan reads: a key that
	// many entities share (a common surname alone, the word university)
	// tells too little to be worth the comparisons.
	maxBlock = 2_000
)

// Index holds prepared entities and their blocking keys. Add may not run
// concurrently with searches; searches are safe for concurrent use.
type Index struct {
	mu   sync.RWMutex
	ents []*prepared
	byID map[string]int32
	df   map[string]int32
	// blocks maps search keys to entities; built on the first search of a
	// large index (blockOnce), so that a scan alone never pays for it.
	blocks    map[string][]int32
	blockOnce *sync.Once
	names     int
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{byID: map[string]int32{}, df: map[string]int32{}, blockOnce: &sync.Once{}}
}

// Len returns the number of entities.
func (ix *Index) Len() int { return len(ix.ents) }

// Add indexes an entity; an entity with the id of one already indexed is
// refused.
func (ix *Index) Add(e Entity) error {
	if e.ID == "" {
		return amur.Invalid("id", "err.id")
	}
	return ix.addPrepared(prepare(e))
}

// addPrepared indexes a prepared entity.
func (ix *Index) addPrepared(p *prepared) error {
	if p.ID == "" {
		return amur.Invalid("id", "err.id")
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if _, dup := ix.byID[p.ID]; dup {
		return amur.Errorf(amur.EConflict, "err.duplicate", "value", p.ID)
	}
	n := int32(len(ix.ents))
	ix.ents = append(ix.ents, p)
	ix.byID[p.ID] = n
	ix.blocks, ix.blockOnce = nil, &sync.Once{}
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

// AddAll indexes entities, preparing their names on all cores; it stops
// at the first entity refused (see Add), leaving those before it indexed.
func (ix *Index) AddAll(es []Entity) error {
	prep := make([]*prepared, len(es))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(es); i = int(next.Add(1) - 1) {
				prep[i] = prepare(es[i])
			}
		}()
	}
	wg.Wait()
	for _, p := range prep {
		if err := ix.addPrepared(p); err != nil {
			return err
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
					if len(k.k) > 3 {
						// The beginning of a key finds spellings that
						// differ further on (Eisenstein, Эйзенштейн).
						add("q:" + k.k[:3])
					}
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
	ix.blockOnce.Do(func() {
		ix.blocks = map[string][]int32{}
		for i, p := range ix.ents {
			for _, k := range blockKeys(p) {
				ix.blocks[k] = append(ix.blocks[k], int32(i))
			}
		}
	})
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
	q := &query{prepared: prepare(e), cyr: map[string][]string{}, minSim: searchMinSim}
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
