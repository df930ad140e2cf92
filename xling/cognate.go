package xling

import (
	"strings"

	"amur/lang"
	"amur/lexicon"
)

// cognateIndex finds the English word a Russian word is spelled like:
// регион → region, коронавирус → coronavirus, пандемия → pandemic. It
// compares loose phonetic keys (lang.LatinKey), bucketed by their first
// three letters, and accepts the English word sharing the longest prefix,
// when that prefix is at least five letters and most of both words.
type cognateIndex struct {
	buckets map[string][]cognate
}

type cognate struct{ key, word string }

// newCognateIndex indexes the single-word headwords of an English→Russian
// dictionary: the English words with a Russian translation of their own.
func newCognateIndex(enRu *lexicon.Dict) *cognateIndex {
	ix := &cognateIndex{buckets: map[string][]cognate{}}
	for w := range enRu.All() {
		if len(w) < 4 || strings.ContainsAny(w, " -'.") {
			continue
		}
		k := cognateKey(w)
		if len(k) >= 4 {
			ix.buckets[k[:3]] = append(ix.buckets[k[:3]], cognate{k, w})
		}
	}
	return ix
}

// cognateKey is LatinKey with the spellings of one sound that Russian and
// English cognates differ in made equal: English ch (as in technology) and
// Russian х, initial Russian г for h (Галифакс, Halifax).
func cognateKey(w string) string {
	k := strings.ReplaceAll(lang.LatinKey(w), "q", "h")
	return strings.ReplaceAll(k, " ", "")
}

// find returns the English cognate of a Russian word, or "".
func (ix *cognateIndex) find(ru string) string {
	k := cognateKey(ru)
	best, bestLen := "", 0
	for _, key := range []string{k, "h" + strings.TrimPrefix(k, "g")} {
		if len(key) < 4 || (key != k && !strings.HasPrefix(k, "g")) {
			continue
		}
		for _, c := range ix.buckets[key[:3]] {
			n := commonPrefix(key, c.key)
			short := min(len(key), len(c.key))
			if n >= 5 && n*10 >= short*7 || n == len(key) && n == len(c.key) && n >= 4 {
				if n > bestLen || n == bestLen && len(c.word) < len(best) {
					best, bestLen = c.word, n
				}
			}
		}
	}
	return best
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
