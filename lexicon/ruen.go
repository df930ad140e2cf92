package lexicon

import (
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"amur/lang"
)

// RuEn returns the Russian→English dictionary: the curated terms, the
// modern Russian supplement and CLDR country names first, then the
// Mueller dictionary inverted. Inverting spreads a Russian word over every
// English headword whose translations mention it, most of them rare words
// or phrases (правительство ← sircar, gerontocracy, Whitehall), so each
// candidate is weighed by its sense rank in the English entry, by whether
// the Russian word is the whole translation or only part of a phrase, and
// by how common the English word is (how many CC-CEDICT glosses use it);
// candidates under a quarter of the best are dropped.
var RuEn = sync.OnceValue(func() *Dict {
	b := builder{}
	for _, t := range terms() {
		addPairs(b, t.ru, t.en)
	}
	rows(ruEnTSV, func(f []string) {
		if len(f) == 2 {
			addPairs(b, []string{f[0]}, variants(f[1]))
		}
	})
	hand := b.dict(maxRuEn, 0)
	inv, parts := builder{}, builder{}
	common := englishCommonness()
	morph := Russian()
	for _, f := range muellerRows() {
		c := common(f[0])
		for i, sense := range strings.Split(f[1], "|") {
			for j, r := range strings.Split(sense, ";") {
				w := rankWeight(i, j) * c
				words := strings.Fields(r)
				if len(words) == 1 {
					inv.add(r, f[0], w)
					continue
				}
				inv.add(r, f[0], w)
				for _, word := range words {
					if utf8.RuneCountInString(word) > 3 {
						parts.add(morph.Lemma(word), f[0], 0.25*w)
					}
				}
			}
		}
	}
	// A word that is only ever part of phrases (ядерная in "ядерная
	// физика") takes its translations from them; elsewhere they are noise.
	for head, m := range parts {
		if _, ok := inv[head]; !ok {
			inv[head] = m
		}
	}
	out := inv.dict(maxRuEn, 0.25)
	// Hand-written translations come first; the dictionary's follow at
	// most at 0.7, since a word the supplement lists is one Mueller knew
	// only in an old or narrow sense.
	for head, tr := range hand.m {
		merged := append([]Translation(nil), tr...)
		for _, t := range out.m[head] {
			if !hasText(merged, t.Text) && len(merged) < maxRuEn {
				merged = append(merged, Translation{t.Text, 0.7 * t.Weight})
			}
		}
		out.m[head] = merged
	}
	return out
})

func hasText(tr []Translation, text string) bool {
	for _, t := range tr {
		if t.Text == text {
			return true
		}
	}
	return false
}

// englishCommonness returns a function that scores an English headword in
// [0.3, 1] by how many CC-CEDICT headwords use its words in a gloss, a
// stand-in for word frequency that also favours the English words the
// Chinese side can reach.
func englishCommonness() func(string) float32 {
	count := map[string]int{}
	for _, tr := range ZhEn().m {
		seen := map[string]bool{}
		for _, t := range tr {
			for _, w := range strings.Fields(t.Text) {
				w = lang.Fold(w)
				if !seen[w] {
					seen[w] = true
					count[w]++
				}
			}
		}
	}
	return func(head string) float32 {
		words := strings.Fields(lang.Fold(head))
		if len(words) == 0 {
			return 0.3
		}
		var sum float64
		for _, w := range words {
			sum += math.Min(1, math.Log1p(float64(count[w]))/math.Log1p(30))
		}
		return float32(0.3 + 0.7*sum/float64(len(words)))
	}
}
