package lexicon

import (
	"cmp"
	"iter"
	"maps"
	"slices"
	"strings"

	"amur/lang"
)

// Translation is one translation of a headword.
type Translation struct {
	// Text is the translation as the dictionary writes it: a word or a
	// short phrase ("nuclear energy", "ядерная энергия").
	Text string
	// Weight is in (0, 1]; 1 for the best translation of the headword.
	Weight float32
}

// Dict maps folded headwords of one language to weighted translations in
// another. It is read-only once built.
type Dict struct {
	m map[string][]Translation
}

// Lookup returns the translations of word, best first, or nil. The word
// is folded first (lang.Fold), so case and ё do not matter.
func (d *Dict) Lookup(word string) []Translation {
	return d.m[lang.Fold(word)]
}

// Has reports whether word is a headword.
func (d *Dict) Has(word string) bool {
	_, ok := d.m[lang.Fold(word)]
	return ok
}

// Len returns the number of headwords.
func (d *Dict) Len() int { return len(d.m) }

// All yields the headwords and their translations in sorted order.
func (d *Dict) All() iter.Seq2[string, []Translation] {
	return func(yield func(string, []Translation) bool) {
		for _, k := range slices.Sorted(maps.Keys(d.m)) {
			if !yield(k, d.m[k]) {
				return
			}
		}
	}
}

// builder accumulates translations, keeping the best weight of each.
type builder map[string]map[string]float32

func (b builder) add(head, text string, w float32) {
	head, text = lang.Fold(strings.TrimSpace(head)), strings.TrimSpace(text)
	if head == "" || text == "" || w <= 0 {
		return
	}
	m := b[head]
	if m == nil {
		m = make(map[string]float32, 4)
		b[head] = m
	}
	if w > m[text] {
		m[text] = w
	}
}

// dict freezes the builder: each headword's translations sorted by weight
// and scaled so that the best has weight 1, at most max of them, and none
// below minRatio.
func (b builder) dict(max int, minRatio float32) *Dict {
	d := &Dict{m: make(map[string][]Translation, len(b))}
	for head, m := range b {
		tr := make([]Translation, 0, len(m))
		var top float32
		for text, w := range m {
			tr = append(tr, Translation{text, w})
			top = max32(top, w)
		}
		slices.SortFunc(tr, func(a, b Translation) int {
			if c := cmp.Compare(b.Weight, a.Weight); c != 0 {
				return c
			}
			return strings.Compare(a.Text, b.Text)
		})
		if len(tr) > max {
			tr = tr[:max]
		}
		for i := range tr {
			tr[i].Weight /= top
			if tr[i].Weight < minRatio {
				tr = tr[:i]
				break
			}
		}
		d.m[head] = tr
	}
	return d
}

func max32(a, b float32) float32 {
	if a > b {
		return a
	}
	return b
}

// rankWeight is the weight of the j-th translation of the i-th sense:
// dictionaries order senses by how common they are, and within a sense the
// first translation is the usual one.
func rankWeight(sense, pos int) float32 {
	return 1 / (1 + 0.5*float32(sense) + 0.2*float32(pos))
}
