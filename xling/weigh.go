package xling

import (
	"cmp"
	"slices"
)

// sourced is a concept of a text with the word it came from.
type sourced struct {
	c, src int32
	w      float32
}

// weigh turns the concepts of a text into TF-IDF weights. The concepts
// that one word yields are its translations, synonyms of each other, so
// they share one inverse document frequency, the mean of theirs weighed by
// translation weight (structured queries, Pirkola 1998): otherwise a rare
// wrong sense (воздушный → ether) takes a rare concept's high idf and
// outweighs the common right one (air). The result is sorted by concept.
func (ix *Index) weigh(ts []sourced) []entry {
	type acc struct{ idf, w float32 }
	words := make(map[int32]acc, len(ts))
	for _, t := range ts {
		a := words[t.src]
		a.idf += t.w * ix.idf[t.c]
		a.w += t.w
		words[t.src] = a
	}
	tf := make(map[int32]float32, len(ts))
	for _, t := range ts {
		a := words[t.src]
		tf[t.c] += t.w * (a.idf / a.w) / ix.idf[t.c]
	}
	out := make([]entry, 0, len(tf))
	for c, f := range tf {
		out = append(out, entry{c, tfWeight(f) * ix.idf[c]})
	}
	// A fixed order makes the float sums, and so the ties, the same on
	// every run.
	slices.SortFunc(out, func(a, b entry) int { return cmp.Compare(a.id, b.id) })
	return out
}
