package lang

import (
	"hash/maphash"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
)

// Stem returns the matching stem of a word as Tokens gives it: the word is
// folded, then stemmed by its script (Russian snowball for Cyrillic,
// English for Latin). Lexicons use it to key dictionary forms the way text
// tokens are keyed.
func Stem(word string) string { return stemWord(Fold(word)) }

// stemWord returns the snowball stem of a folded word: Russian for a
// Cyrillic word, English for a Latin one. Codes with digits and words of
// other scripts are their own stem. Stems come from a cache, because the
// snowball stemmers cost a microsecond or two a word while the words of a
// corpus repeat.
func stemWord(w string) string {
	switch wordScript(w) {
	case Cyrillic:
		return stems.get(w, true)
	case Latin:
		return stems.get(w, false)
	}
	return w
}

// stemShards and stemShardSize bound the stem cache at about 260,000
// words; a full shard is emptied, which costs a few recomputed stems but
// never unbounded memory.
const (
	stemShards    = 64
	stemShardSize = 4096
)

// stemCache maps words to their stems, in shards that lock separately so
// that concurrent indexers rarely wait for each other.
type stemCache struct {
	seed   maphash.Seed
	shards [stemShards]struct {
		mu sync.Mutex
		m  map[string]string
	}
}

var stems = newStemCache()

func newStemCache() *stemCache {
	c := &stemCache{seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].m = make(map[string]string)
	}
	return c
}

// get returns the stem of w, computed with the Russian stemmer when ru is
// set and the English one otherwise.
func (c *stemCache) get(w string, ru bool) string {
	sh := &c.shards[maphash.String(c.seed, w)%stemShards]
	sh.mu.Lock()
	stem, ok := sh.m[w]
	sh.mu.Unlock()
	if ok {
		return stem
	}
	if ru {
		stem = russian.Stem(w, true)
	} else {
		stem = english.Stem(w, true)
	}
	// w may be a slice of a large text; the cache must not keep that alive.
	key, stem := strings.Clone(w), strings.Clone(stem)
	sh.mu.Lock()
	if len(sh.m) >= stemShardSize {
		clear(sh.m)
	}
	sh.m[key] = stem
	sh.mu.Unlock()
	return stem
}

// wordScript returns the script of a word whose letters share one
// script, or Common when it has a digit, no letter or mixed scripts.
func wordScript(w string) ScriptKind {
	k := Common
	for i := 0; i < len(w); {
		r, n := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(w[i:])
		}
		i += n
		switch s := Script(r); {
		case r >= '0' && r <= '9':
			return Common
		case s == Common:
		case k == Common:
			k = s
		case k != s:
			return Common
		}
	}
	return k
}

// latinLookalike maps folded Latin letters to the Cyrillic letters they
// look like, and cyrLookalike the reverse. Typists and OCR mix them ("Рoссия"
// with a Latin o), which breaks matching invisibly.
var (
	latinLookalike = map[rune]rune{'a': 'а', 'b': 'в', 'c': 'с', 'e': 'е', 'h': 'н', 'k': 'к',
		'm': 'м', 'o': 'о', 'p': 'р', 't': 'т', 'x': 'х', 'y': 'у'}
	cyrLookalike = map[rune]rune{'а': 'a', 'в': 'b', 'с': 'c', 'е': 'e', 'н': 'h', 'к': 'k',
		'м': 'm', 'о': 'o', 'р': 'p', 'т': 't', 'х': 'x', 'у': 'y', 'і': 'i'}
)

// fixHomoglyphs rewrites a folded word that mixes Latin and Cyrillic
// letters into the script of its majority when every minority letter has a
// lookalike in that script; other words come back unchanged.
func fixHomoglyphs(w string) string {
	ascii, other := false, false
	for i := 0; i < len(w); i++ {
		if w[i] < utf8.RuneSelf {
			ascii = ascii || (w[i]|0x20 >= 'a' && w[i]|0x20 <= 'z')
		} else {
			other = true
		}
	}
	if !ascii || !other {
		return w
	}
	var lat, cyr int
	for _, r := range w {
		switch Script(r) {
		case Latin:
			lat++
		case Cyrillic:
			cyr++
		}
	}
	if lat == 0 || cyr == 0 || lat == cyr {
		return w
	}
	from, minority := cyrLookalike, Cyrillic
	if cyr > lat {
		from, minority = latinLookalike, Latin
	}
	out := make([]rune, 0, len(w))
	for _, r := range w {
		if Script(r) == minority {
			m, ok := from[r]
			if !ok {
				return w
			}
			r = m
		}
		out = append(out, r)
	}
	return string(out)
}
