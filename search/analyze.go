package search

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"amur"
	"amur/lang"
	"amur/xling"
)

// titleBoost is how much more a concept of the first text (the title or
// name) counts than one of the others.
const titleBoost = 2

// analyzed is a document turned into concept weights, outside the lock.
type analyzed struct {
	concepts []conceptTF
	length   float32
	words    []string
}

type conceptTF struct {
	key string
	tf  float32
}

// languages are the languages of a Text, in the order they are analysed.
var languages = []amur.Lang{amur.ZH, amur.RU, amur.EN}

// analyzeDoc analyses every text of d in every language it holds.
func (ix *Index) analyzeDoc(d Doc) analyzed {
	tf := map[string]float32{}
	var a analyzed
	for i, ft := range d.Texts {
		boost := float32(1)
		if i == 0 {
			boost = titleBoost
		}
		for _, l := range languages {
			text := ft.Text.Get(l)
			if text == "" {
				continue
			}
			terms := xling.Analyze(text, l, ix.bridges)
			words := -1
			for _, t := range terms {
				tf[t.Key] += boost * t.Weight
				words = max(words, t.Word)
				if w, ok := typoWord(text, t); ok {
					a.words = append(a.words, w)
				}
			}
			a.length += float32(words + 1)
		}
	}
	a.concepts = make([]conceptTF, 0, len(tf))
	for k, v := range tf {
		a.concepts = append(a.concepts, conceptTF{k, v})
	}
	// A fixed order makes new concept ids, and so the index, the same on
	// every build.
	slices.SortFunc(a.concepts, func(x, y conceptTF) int { return cmp.Compare(x.key, y.key) })
	slices.Sort(a.words)
	a.words = slices.Compact(a.words)
	return a
}

// minTypoRunes is the shortest word corrected for a typo: shorter words
// have too many neighbours one edit away.
const minTypoRunes = 5

// typoWord returns the folded word of a same-language Latin or Cyrillic
// term, when it is long enough to be corrected towards.
func typoWord(text string, t xling.Term) (string, bool) {
	if t.Bridge != xling.Latin && !strings.HasPrefix(t.Key, "ru:") {
		return "", false
	}
	if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
		return "", false
	}
	w := lang.Fold(text[t.Start:t.End])
	if utf8.RuneCountInString(w) < minTypoRunes || !alphabetic(w) {
		return "", false
	}
	return w, true
}

// alphabetic reports whether w is made of Latin or Cyrillic letters only.
func alphabetic(w string) bool {
	for _, r := range w {
		if s := lang.Script(r); s != lang.Latin && s != lang.Cyrillic {
			return false
		}
	}
	return w != ""
}

// facet dimensions interned to small numbers.
const (
	facetType = iota
	facetSide
	facetField
	facetDims
)

// interner numbers the values of each facet dimension.
type interner struct {
	ids    [facetDims]map[string]uint16
	values [facetDims][]string
}

func (in *interner) init() {
	for i := range in.ids {
		in.ids[i] = map[string]uint16{}
	}
}

// id returns the number of value in dimension dim; more than 65,535
// distinct values share the last number, which only blurs a facet.
func (in *interner) id(dim int, value string) uint16 {
	if id, ok := in.ids[dim][value]; ok {
		return id
	}
	if len(in.values[dim]) == 1<<16-1 {
		return 1<<16 - 1
	}
	id := uint16(len(in.values[dim]))
	in.ids[dim][value] = id
	in.values[dim] = append(in.values[dim], value)
	return id
}
