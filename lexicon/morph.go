package lexicon

import (
	"strings"
	"sync"

	"amur/lang"
)

// Morph maps inflected Russian words to the dictionary forms the lexicon
// knows. The snowball stem of a dictionary form often differs from the
// stems of its inflected forms (симптом → симпт, симптомы → симптом), so
// each dictionary word is keyed by its own stem and by the stems of all
// its forms, which the build expands from hunspell-ru.
type Morph struct {
	// lemma holds every Russian word of the lexicon, true for the primary
	// ones: whole translations of an English word or hand-written entries,
	// as opposed to words met only inside a phrase (often inflected:
	// должностных лиц), which are looked up last.
	lemma  map[string]bool
	byStem map[string][]string
}

// Russian returns the Russian lemmatiser over the lexicon's vocabulary.
var Russian = sync.OnceValue(func() *Morph {
	m := &Morph{lemma: map[string]bool{}, byStem: map[string][]string{}}
	add := func(phrase string, primary bool) {
		for _, w := range strings.Fields(lang.Fold(phrase)) {
			if !isCyrillicWord(w) {
				continue
			}
			if _, ok := m.lemma[w]; !ok {
				s := lang.Stem(w)
				m.byStem[s] = append(m.byStem[s], w)
			}
			m.lemma[w] = m.lemma[w] || primary
		}
	}
	for _, f := range muellerRows() {
		for _, sense := range strings.Split(f[1], "|") {
			for _, r := range strings.Split(sense, ";") {
				add(r, !strings.Contains(r, " "))
			}
		}
	}
	for _, t := range terms() {
		for _, r := range t.ru {
			add(r, true)
		}
	}
	rows(ruEnTSV, func(f []string) { add(f[0], true) })
	rows(gunzip(ruformsGz), func(f []string) {
		if _, ok := m.lemma[f[0]]; len(f) != 2 || !ok {
			return
		}
		for _, s := range strings.Fields(f[1]) {
			m.byStem[s] = append(m.byStem[s], f[0])
		}
	})
	return m
})

// Lemmas returns the dictionary forms word may be an inflection of,
// the likeliest first: word itself when it is a primary dictionary word,
// then the primary words sharing its stem or having a form with its stem,
// then the same among words met only in phrases. It returns nil for a
// word the lexicon does not know.
func (m *Morph) Lemmas(word string) []string {
	w := lang.Fold(word)
	var primary, other []string
	if p, ok := m.lemma[w]; ok {
		if p {
			primary = append(primary, w)
		} else {
			other = append(other, w)
		}
	}
	for _, l := range m.byStem[lang.Stem(w)] {
		switch {
		case l == w:
		case m.lemma[l]:
			primary = append(primary, l)
		default:
			other = append(other, l)
		}
	}
	return append(primary, other...)
}

// Primary reports whether word is a primary dictionary word: the whole
// translation of an English word or a hand-written entry, not a word met
// only inside a phrase.
func (m *Morph) Primary(word string) bool { return m.lemma[lang.Fold(word)] }

// Lemma returns the first of Lemmas, or the folded word when the lexicon
// does not know it.
func (m *Morph) Lemma(word string) string {
	if l := m.Lemmas(word); len(l) > 0 {
		return l[0]
	}
	return lang.Fold(word)
}

// Len returns the number of dictionary forms.
func (m *Morph) Len() int { return len(m.lemma) }

func isCyrillicWord(w string) bool {
	for _, r := range w {
		if !(r >= 'а' && r <= 'я' || r == 'ё' || r == '-') {
			return false
		}
	}
	return w != ""
}
