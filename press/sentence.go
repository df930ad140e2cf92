package press

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbrevs are the words a full stop follows without ending a sentence.
var abbrevs = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"prof": true, "st": true, "no": true, "gen": true, "jr": true, "sr": true, "co": true, "inc": true,
	"ltd": true, "u.s": true, "u.n": true, "vs": true, "etc": true, "г": true, "гг": true, "им": true,
	"ул": true, "т": true, "н": true, "э": true, "проф": true, "акад": true, "д": true, "см": true,
}

// sentences returns the byte spans of the sentences of a line.
func sentences(s string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		end := i + n
		switch {
		case r == '。' || r == '！' || r == '？' || r == '；':
			for end < len(s) && strings.ContainsRune("”’」』）)", rune(s[end])) {
				end++
			}
			for end < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[end:])
				if r2 != '”' && r2 != '’' && r2 != '」' && r2 != '）' {
					break
				}
				end += n2
			}
			out = appendSpan(out, s, start, end)
			start = end
		case r == '.' || r == '!' || r == '?':
			if sentenceEnds(s, i, end) {
				for end < len(s) && strings.ContainsRune(`"'”»)`, rune(s[end])) {
					end++
				}
				out = appendSpan(out, s, start, end)
				start = end
			}
		}
		i = end
	}
	return appendSpan(out, s, start, len(s))
}

// appendSpan adds the trimmed span s[a:b] when it holds anything.
func appendSpan(out [][2]int, s string, a, b int) [][2]int {
	for a < b && (s[a] == ' ' || s[a] == '\t') {
		a++
	}
	if a < b {
		out = append(out, [2]int{a, b})
	}
	return out
}

// sentenceEnds reports whether the mark at s[i:j] ends a sentence: a
// space and a capital, a digit or a quote follow, and the word before is
// no abbreviation or initial.
func sentenceEnds(s string, i, j int) bool {
	if j >= len(s) {
		return true
	}
	if s[j] != ' ' {
		return false
	}
	k := j
	for k < len(s) && s[k] == ' ' {
		k++
	}
	next, _ := utf8.DecodeRuneInString(s[k:])
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"“«'(`, next)) {
		return false
	}
	if s[i] != '.' {
		return true
	}
	w := i
	for w > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:w])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		w -= n
	}
	word := strings.ToLower(s[w:i])
	if abbrevs[word] {
		return false
	}
	return utf8.RuneCountInString(word) > 1 || word == ""
}
