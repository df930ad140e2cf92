package identity

import (
	"slices"
	"strings"
	"time"

	"amur/lang"
)

// DedupFigures are the measured figures of one deduplication run over
// synthetic records with known duplicates.
type DedupFigures struct {
	Records  int           `json:"records"`
	True     int           `json:"true_pairs"`
	Proposed int           `json:"proposed"`
	Correct  int           `json:"correct"`
	Elapsed  time.Duration `json:"elapsed_ns"`
}

// Precision is the share of proposed pairs that are duplicates.
func (f DedupFigures) Precision() float64 { return ratio(f.Correct, f.Proposed) }

// Recall is the share of duplicates proposed.
func (f DedupFigures) Recall() float64 { return ratio(f.Correct, f.True) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// MeasureDuplicates indexes the records, scans them for duplicates scoring
// at least minScore and counts what it found against the known truth.
// Elapsed covers indexing (the candidate keys) and the scan.
func MeasureDuplicates(recs []SyntheticPerson, minScore float64) DedupFigures {
	start := time.Now()
	ix := NewIndex()
	es := make([]Entity, len(recs))
	for i, r := range recs {
		es[i] = r.Entity
	}
	if err := ix.AddAll(es); err != nil {
		panic(err) // generated ids are unique
	}
	f := DedupFigures{Records: len(recs), True: truePairs(recs)}
	person := make(map[string]int, len(recs))
	for _, r := range recs {
		person[r.ID] = r.Person
	}
	ix.Duplicates(minScore, func(p Pair) {
		f.Proposed++
		if person[p.A] == person[p.B] {
			f.Correct++
		}
	})
	f.Elapsed = time.Since(start)
	return f
}

// MeasureExactKey is the baseline: records whose names have the same
// phonetic key, word order aside, are proposed as duplicates, with blocks
// larger than the scan's limit skipped as the scan skips them.
func MeasureExactKey(recs []SyntheticPerson) DedupFigures {
	start := time.Now()
	groups := map[string][]int{}
	for i, r := range recs {
		words := strings.Fields(lang.LatinKey(r.Names[0]))
		slices.Sort(words)
		k := strings.Join(words, " ")
		groups[k] = append(groups[k], i)
	}
	f := DedupFigures{Records: len(recs), True: truePairs(recs)}
	for _, g := range groups {
		if len(g) > maxBlock {
			continue
		}
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				f.Proposed++
				if recs[g[i]].Person == recs[g[j]].Person {
					f.Correct++
				}
			}
		}
	}
	f.Elapsed = time.Since(start)
	return f
}

// truePairs counts the pairs of records that stand for one person.
func truePairs(recs []SyntheticPerson) int {
	n := map[int]int{}
	for _, r := range recs {
		n[r.Person]++
	}
	t := 0
	for _, c := range n {
		t += c * (c - 1) / 2
	}
	return t
}
