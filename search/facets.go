package search

import (
	"cmp"
	"slices"
	"strconv"
)

// Facets counts the matches by kind, field of science, type, side and
// year, over every match the caller may see, not only the page shown.
type Facets struct {
	Kind  []FacetValue `json:"kind"`
	Field []FacetValue `json:"field"`
	Type  []FacetValue `json:"type"`
	Side  []FacetValue `json:"side"`
	Year  []FacetValue `json:"year"`

	counts [facetDims][]int
	kinds  [5]int
	years  map[int16]int
}

// FacetValue is one value of a facet and the number of matches holding it.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// maxFacetValues bounds the values listed per facet, the most frequent
// first.
const maxFacetValues = 20

func newFacets() Facets {
	return Facets{Kind: []FacetValue{}, Field: []FacetValue{}, Type: []FacetValue{}, Side: []FacetValue{},
		Year: []FacetValue{}, years: map[int16]int{}}
}

// count adds document d to the facets; the caller holds the read lock.
func (f *Facets) count(ix *Index, d int32) {
	m := &ix.docs[d]
	f.kinds[m.kind]++
	f.add(facetType, m.typ, len(ix.facets.values[facetType]))
	for _, s := range m.sides {
		f.add(facetSide, s, len(ix.facets.values[facetSide]))
	}
	for _, v := range m.fields {
		f.add(facetField, v, len(ix.facets.values[facetField]))
	}
	if m.year != 0 {
		f.years[m.year]++
	}
}

func (f *Facets) add(dim int, v uint16, n int) {
	if f.counts[dim] == nil {
		f.counts[dim] = make([]int, n)
	}
	if int(v) < len(f.counts[dim]) {
		f.counts[dim][v]++
	}
}

// finish turns the counts into sorted lists.
func (f *Facets) finish(ix *Index) {
	for i, n := range f.kinds {
		if n > 0 {
			f.Kind = append(f.Kind, FacetValue{string(kinds[i]), n})
		}
	}
	list := func(dim int) []FacetValue {
		out := []FacetValue{}
		for v, n := range f.counts[dim] {
			if name := ix.facets.values[dim][v]; n > 0 && name != "" {
				out = append(out, FacetValue{name, n})
			}
		}
		return top(out)
	}
	f.Type, f.Side, f.Field = list(facetType), list(facetSide), list(facetField)
	for y, n := range f.years {
		f.Year = append(f.Year, FacetValue{strconv.Itoa(int(y)), n})
	}
	f.Year = top(f.Year)
}

// top sorts values by count, then by value, and keeps the first few.
func top(vs []FacetValue) []FacetValue {
	slices.SortFunc(vs, func(a, b FacetValue) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Value, b.Value)
	})
	return vs[:min(len(vs), maxFacetValues)]
}
