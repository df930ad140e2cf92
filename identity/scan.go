package identity

import (
	"cmp"
	"hash/maphash"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Pair is a proposed duplicate: two indexed entities and how well they match.
type Pair struct {
	A, B   string
	Result Result
}

// scanKey is one blocking key of a scan, hashed, and whether only an
// entity written with initials starts comparisons from it.
type scanKey struct {
	h       uint64
	initial bool
}

// scanSeed hashes scan keys; fixed per process, so keys compare within one scan.
var scanSeed = maphash.MakeSeed()

// scanKeys returns the keys a scan for duplicates pairs entities by,
// tighter than a search's, so that no common name makes a large block:
// every two full parts of a person's name together, in any order and
// through every key of each (semin+aleksei for Alexei Semin, Семин
// Алексей Алексеевич and Сёмина Алексеевна's masculine form); a part
// with the first letter of another (semin+a), which only a name written
// with initials compares through; a one-part name by itself; an
// organisation's concepts, acronyms and known identity; strong
// identifiers.
func scanKeys(p *prepared) []scanKey {
	var out []scanKey
	add := func(initial bool, parts ...string) {
		var h maphash.Hash
		h.SetSeed(scanSeed)
		for _, s := range parts {
			h.WriteString(s)
			h.WriteByte(0)
		}
		k := scanKey{h.Sum64(), initial}
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	if p.ROR != "" {
		add(false, "ror", p.ROR)
	}
	if p.ORCID != "" {
		add(false, "orcid", p.ORCID)
	}
	for _, f := range p.forms {
		if f.isOrg && f.org != nil {
			for _, k := range blockKeys(&prepared{forms: []form{{org: f.org}}}) {
				add(false, k)
			}
			continue
		}
		for _, r := range f.person {
			personScanKeys(r, add)
		}
	}
	return out
}

// personScanKeys adds the scan keys of one reading of a person's name.
func personScanKeys(r []token, add func(bool, ...string)) {
	full := 0
	for _, t := range r {
		if !t.initial {
			full++
		}
	}
	for i, t := range r {
		if t.initial {
			continue
		}
		for _, k := range t.keys {
			if full == 1 && len(r) == 1 {
				add(false, "one", k.k)
			}
			for j, u := range r {
				if j == i || len(u.keys) == 0 || u.keys[0].k == "" {
					continue
				}
				add(true, "ini", k.k, u.keys[0].k[:1])
				if u.initial || j < i || t.role != RoleFamily && u.role != RoleFamily && (t.role != RoleUnknown || u.role != RoleUnknown) {
					// A given name with a patronymic (Алексей Алексеевич) is
					// shared by too many people to pair records by.
					continue
				}
				for _, ku := range u.keys {
					add(false, "two", min(k.k, ku.k), max(k.k, ku.k))
				}
			}
		}
	}
}

// hasInitials reports whether an entity has a name written with initials.
func (p *prepared) hasInitials() bool {
	for _, f := range p.forms {
		for _, r := range f.person {
			for _, t := range r {
				if t.initial {
					return true
				}
			}
		}
	}
	return false
}

// shareFull reports whether two entities share a key that is no
// initials key.
func shareFull(a, b []scanKey) bool {
	for _, x := range a {
		if !x.initial && slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// posting is one entity under one scan key.
type posting struct {
	h  uint64
	id int32
}

// Duplicates compares every indexed entity with the entities that share a
// scan key with it (scanKeys) and calls fn, from one goroutine at a time,
// for each pair scoring at least minScore. Blocks larger than maxBlock are
// skipped. Pairs with conflicting identifiers are never proposed.
func (ix *Index) Duplicates(minScore float64, fn func(Pair)) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	// The keys are computed again while scanning rather than kept: at a
	// million records they would cost more memory than the postings.
	var post []posting
	for i, p := range ix.ents {
		for _, k := range scanKeys(p) {
			post = append(post, posting{k.h, int32(i)})
		}
	}
	slices.SortFunc(post, func(a, b posting) int { return cmp.Or(cmp.Compare(a.h, b.h), cmp.Compare(a.id, b.id)) })
	block := func(h uint64) []posting {
		lo, _ := slices.BinarySearchFunc(post, h, func(p posting, h uint64) int { return cmp.Compare(p.h, h) })
		hi := lo
		for hi < len(post) && post[hi].h == h {
			hi++
		}
		return post[lo:hi]
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
				q := &query{prepared: ix.ents[i], minSim: scanMinSim}
				ini := q.hasInitials()
				keys := scanKeys(ix.ents[i])
				for _, k := range keys {
					if k.initial && !ini {
						continue
					}
					b := block(k.h)
					if len(b) > maxBlock {
						continue
					}
					for _, pd := range b {
						d := pd.id
						// A pair is compared from its first entity, except
						// through an initials key, which only a name with
						// initials starts from.
						if d == i || seen[d] || (!k.initial || ix.ents[d].hasInitials()) && d < i {
							continue
						}
						if d < i && k.initial && shareFull(keys, scanKeys(ix.ents[d])) {
							continue // compared from d through the key they share
						}
						seen[d] = true
						r := q.compare(ix.ents[d], ix.idf)
						if r.Conflict == "" && r.Score >= minScore {
							a, b := ix.ents[i].ID, ix.ents[d].ID
							out.Lock()
							fn(Pair{A: a, B: b, Result: r})
							out.Unlock()
						}
					}
				}
			}
		}()
	}
	wg.Wait()
}
