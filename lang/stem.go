package lang

import (
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
)

// stemWord returns the snowball stem of a folded word: Russian for a
// Cyrillic word, English for a Latin one. Codes with digits and words of
// other scripts are their own stem.
func stemWord(w string) string {
	switch wordScript(w) {
	case Cyrillic:
		return russian.Stem(w, true)
	case Latin:
		return english.Stem(w, true)
	}
	return w
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
