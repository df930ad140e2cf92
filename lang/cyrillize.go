package lang

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxCyrillize is the most candidates Cyrillize returns.
const MaxCyrillize = 16

// cyrBeam is how many partial spellings of a word the search keeps at
// each position; wider than MaxCyrillize so that a spelling that starts
// badly but ends well survives.
const cyrBeam = 48

// Cyrillize returns candidate Cyrillic spellings of a name or word written
// in Latin letters, best first, at most MaxCyrillize of them, for matching
// Latin records against Cyrillic ones: "Alexei" gives Алексей first,
// "Syomin" Сёмин, "Shakhray" Шахрай, "Iurii" Юрий. It knows the official
// romanisations (ICAO, GOST 7.79, BGN/PCGN, MVD) and common English,
// French and German spellings (x→кс, ts/tz→ц, kh/h→х, sch→щ, -sky→-ский,
// -off→-ов). Candidates are ranked by a cost that adds, over the
// spelling's letter groups, how unusual each reading is. Characters that
// are no Latin letters are kept; capitals stay capitals.
func Cyrillize(s string) []string {
	parts := splitLatinWords(s)
	cands := []cyrCand{{}}
	for _, p := range parts {
		var next []cyrCand
		if !p.word {
			for _, c := range cands {
				next = append(next, cyrCand{text: c.text + p.text, cost: c.cost})
			}
			cands = next
			continue
		}
		words := cyrillizeWord(p.text)
		for _, c := range cands {
			for _, w := range words {
				next = append(next, cyrCand{text: c.text + w.text, cost: c.cost + w.cost})
			}
		}
		cands = bestCands(next, MaxCyrillize)
	}
	out := make([]string, 0, len(cands))
	for _, c := range cands {
		if c.text != "" {
			out = append(out, c.text)
		}
	}
	return out
}

type cyrCand struct {
	text string
	cost float32
}

// bestCands sorts candidates by cost, then text, drops duplicates and keeps
// at most n.
func bestCands(c []cyrCand, n int) []cyrCand {
	slices.SortFunc(c, func(a, b cyrCand) int {
		switch {
		case a.cost < b.cost:
			return -1
		case a.cost > b.cost:
			return 1
		}
		return strings.Compare(a.text, b.text)
	})
	out := c[:0]
	for _, x := range c {
		if len(out) == n {
			break
		}
		if len(out) > 0 && out[len(out)-1].text == x.text {
			continue
		}
		if slices.ContainsFunc(out, func(y cyrCand) bool { return y.text == x.text }) {
			continue
		}
		out = append(out, x)
	}
	return out
}

type latinPart struct {
	text string
	word bool
}

// splitLatinWords cuts s into runs of Latin letters (with apostrophes
// inside, for ь: Il'in) and the text between them.
func splitLatinWords(s string) []latinPart {
	var parts []latinPart
	for i := 0; i < len(s); {
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !(isLatinLetter(r) || (j > i && (r == '\'' || r == '’') && letterAt(s, j+n))) {
				break
			}
			j += n
		}
		if j > i {
			parts = append(parts, latinPart{s[i:j], true})
			i = j
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		if k := len(parts) - 1; k >= 0 && !parts[k].word {
			parts[k].text += s[i : i+n]
		} else {
			parts = append(parts, latinPart{s[i : i+n], false})
		}
		i += n
	}
	return parts
}

// maxCyrWord is the longest word, in bytes, that Cyrillize reads; a
// longer one is no name and comes back as it is, which keeps the search's
// cost (it grows with the square of a word's length) bounded.
const maxCyrWord = 64

// cyrillizeWord returns the best Cyrillic spellings of one Latin word,
// with the case of the original: capitalised, in capitals or lower case.
func cyrillizeWord(w string) []cyrCand {
	if len(w) > maxCyrWord {
		return []cyrCand{{text: w}}
	}
	folded := latinPremap.Replace(w)
	folded = strings.ReplaceAll(Fold(folded), "’", "'")
	first, _ := utf8.DecodeRuneInString(w)
	capital := unicode.IsUpper(first)
	allCaps := capital && utf8.RuneCountInString(w) > 1 && strings.ToUpper(w) == w
	cands := searchCyrillic(folded)
	for i, c := range cands {
		switch {
		case allCaps:
			cands[i].text = strings.ToUpper(c.text)
		case capital:
			cands[i].text = capitalize(c.text)
		}
	}
	return cands
}

// searchCyrillic runs a beam search over the readings of the letter groups
// of the folded word w and returns its best spellings.
func searchCyrillic(w string) []cyrCand {
	beams := make([][]cyrCand, len(w)+1)
	beams[0] = []cyrCand{{}}
	rules := cyrRules()
	for i := 0; i < len(w); i++ {
		if len(beams[i]) == 0 {
			continue
		}
		// Prune once all the ways of reaching i are in.
		beams[i] = bestCands(beams[i], cyrBeam)
		matched := false
		var candidates []cyrRule
		if w[i] < utf8.RuneSelf {
			candidates = rules[w[i]]
		}
		for _, r := range candidates {
			if !strings.HasPrefix(w[i:], r.lat) || !r.fits(w, i) {
				continue
			}
			matched = true
			j := i + len(r.lat)
			for _, c := range beams[i] {
				beams[j] = append(beams[j], cyrCand{text: c.text + r.cyr, cost: c.cost + r.cost})
			}
		}
		if !matched {
			_, n := utf8.DecodeRuneInString(w[i:])
			for _, c := range beams[i] {
				beams[i+n] = append(beams[i+n], cyrCand{text: c.text + w[i:i+n], cost: c.cost})
			}
		}
	}
	return bestCands(beams[len(w)], MaxCyrillize)
}
