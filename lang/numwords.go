package lang

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// numClass is the grammatical role of a number word.
type numClass uint8

const (
	numUnit     numClass = iota + 1 // 1–9
	numTeen                         // 10–19
	numTen                          // 20–90
	numHundred                      // 100–900 as one word: сто, двести
	numTimes100                     // English "hundred", which multiplies
	numScale                        // thousand, million, миллиард, тыс
	numAnd                          // English "and" inside a number
)

// numWord is what a number word means.
type numWord struct {
	value   uint64
	class   numClass
	ordinal bool // the word ends an ordinal: ninth, девятая
	bare    bool // a scale that needs a count before it: тысяч, млн
}

// place is the position within a group of three digits that a word
// fills; words must fill falling places (сто двадцать три, not три сто).
func (w numWord) place() uint64 {
	switch w.class {
	case numHundred:
		return 100
	case numTen, numTeen:
		return 10
	}
	return 1
}

// numberValue returns the value of a sequence of number words, or false
// when they do not form one well-formed number. An ordinal may only come
// last; "and" only after a hundred or a scale and before more words.
func numberValue(ws []numWord) (uint64, bool) {
	var total, group uint64
	last, scale := uint64(1000), uint64(1<<63)
	for i, w := range ws {
		if w.ordinal && i != len(ws)-1 {
			return 0, false
		}
		switch w.class {
		case numAnd:
			if i == 0 || i == len(ws)-1 || (ws[i-1].class != numTimes100 && ws[i-1].class != numScale) {
				return 0, false
			}
		case numTimes100:
			if group > 9 || (group == 0 && i > 0 && ws[i-1].class != numScale) {
				return 0, false
			}
			group, last = max(group, 1)*100, 100
		case numScale:
			if w.value >= scale || (group == 0 && w.bare) {
				return 0, false
			}
			total += max(group, 1) * w.value
			group, last, scale = 0, 1000, w.value
		default:
			if w.place() >= last || (w.class == numTeen && last <= 10) {
				return 0, false
			}
			group += w.value
			last = w.place()
			if w.class == numTeen {
				last = 1
			}
		}
	}
	return total + group, true
}

// lookupNumWord returns the meaning of a folded English or Russian word.
func lookupNumWord(w string) (numWord, bool) {
	if nw, ok := numWords()[w]; ok {
		return nw, true
	}
	return ruOrdinal(w)
}

// mergeNumberWords replaces runs of number words in toks[first:] with
// number tokens: "sixty-ninth" → 69, "двадцать" → 20, "3 million" →
// 3000000. A run is cut where the words stop forming a number, and only
// spans white space and hyphens, so that "twenty, thirty" stays two.
func mergeNumberWords(s string, toks []Token, first int) []Token {
	out := toks[:first]
	ws := make([]numWord, 0, 8)
	for i := first; i < len(toks); {
		j := i
		ws = ws[:0]
		for j < len(toks) && (j == i || adjacent(s, toks[j-1], toks[j])) {
			w, ok := tokenNumWord(toks[j], j == i)
			if !ok {
				break
			}
			ws = append(ws, w)
			j++
		}
		n, text := longestNumber(ws, toks[i])
		if n == 0 || (n == 1 && toks[i].Kind == KindNumber) {
			out = append(out, toks[i])
			i++
			continue
		}
		out = append(out, Token{Text: text, Stem: text, Start: toks[i].Start, End: toks[i+n-1].End, Kind: KindNumber})
		i += n
	}
	return out
}

// tokenNumWord returns the number word a token stands for. A number
// written in digits may only start a run, as the count of a scale word
// (3 million); its value travels in a numWord of class numUnit.
func tokenNumWord(t Token, first bool) (numWord, bool) {
	switch t.Kind {
	case KindWord:
		return lookupNumWord(t.Text)
	case KindNumber:
		if first {
			return numWord{class: numUnit}, true
		}
	}
	return numWord{}, false
}

// longestNumber returns how many of ws, from the first, form the longest
// well-formed number, and its digits. When the first token is digits, the
// rest must be scale words that multiply it (1,5 млрд).
func longestNumber(ws []numWord, head Token) (int, string) {
	if head.Kind == KindNumber {
		if len(ws) > 1 && ws[1].class == numScale {
			pow := len(strconv.FormatUint(ws[1].value, 10)) - 1
			return 2, shiftDecimal(head.Text, pow)
		}
		return 1, head.Text
	}
	for n := len(ws); n > 0; n-- {
		if ws[n-1].class == numAnd {
			continue
		}
		if v, ok := numberValue(ws[:n]); ok {
			return n, strconv.FormatUint(v, 10)
		}
	}
	return 0, ""
}

// adjacent reports whether only white space and hyphens separate two
// tokens of s.
func adjacent(s string, a, b Token) bool {
	if a.End > b.Start || b.Start-a.End > 8 {
		return false
	}
	for _, r := range s[a.End:b.Start] {
		if r != '-' && r != '‐' && !isSpaceRune(r) {
			return false
		}
	}
	return true
}

// ParseNumberWords returns the digits of a number written in words or
// numerals, and whether s is exactly one number: "шестьдесят девятая" →
// 69, "sixty-ninth" → 69, "六十九" and "第六十九" → 69, "二〇二〇" → 2020,
// "3万" → 30000, "1 000" → 1000. Inside Tokens the same numbers become
// number tokens, where Chinese numerals obey extra safety rules.
func ParseNumberWords(s string) (string, bool) {
	s = strings.TrimSpace(s)
	zh := strings.TrimPrefix(s, "第")
	if zh != "" && allZhNumerals(zh) {
		text, _, ok := parseZhNumeral(zh)
		return text, ok
	}
	toks := Tokenizer{KeepStopWords: true}.Tokens(s, DetectLang(s))
	if len(toks) != 1 || toks[0].Kind != KindNumber || strings.TrimSpace(s[:toks[0].Start]+s[toks[0].End:]) != "" {
		return "", false
	}
	return toks[0].Text, true
}

func allZhNumerals(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if !isZhNumeral(r) {
			return false
		}
		s = s[n:]
	}
	return true
}
