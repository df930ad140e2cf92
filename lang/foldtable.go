package lang

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable holds the folded form of every rune below U+10000 (outside
// the Cyrillic and Han blocks Fold handles inline) whose folded form
// differs from the rune. It is computed once from the Unicode tables, so
// Fold costs one map look-up for a rare rune instead of a normalisation.
var foldTable = sync.OnceValue(func() map[rune]string {
	m := make(map[rune]string, 4096)
	for r := rune(0x80); r < 0x10000; r++ {
		if (r >= 0x3400 && r <= 0x9fff) || (r >= 0xac00 && r <= 0xd7ff) || (r >= 0xd800 && r <= 0xdfff) {
			continue
		}
		if f := foldRuneSlow(r); f != string(r) {
			m[r] = f
		}
	}
	return m
})

// foldRune returns the folded form of r and whether it differs from r.
func foldRune(r rune) (string, bool) {
	if r < 0x10000 {
		if (r >= 0x3400 && r <= 0x9fff) || (r >= 0xac00 && r <= 0xd7ff) {
			return "", false
		}
		f, ok := foldTable()[r]
		return f, ok
	}
	f := foldRuneSlow(r)
	return f, f != string(r)
}

// latinSpecial folds Latin letters that have no decomposition into a base
// letter and an accent, so that names written with them still match their
// plain spellings.
var latinSpecial = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d",
	'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i", 'ħ': "h", 'Ħ': "h",
}

// punctFold unifies the many quotes and dashes of typeset text, which
// differ between Chinese, Russian and English typography but never in
// meaning.
var punctFold = map[rune]rune{
	'‘': '\'', '’': '\'', '‚': '\'', '‛': '\'', '′': '\'', '´': '\'',
	'ʹ': '\'', 'ʼ': '\'', 'ʻ': '\'', '‹': '\'', '›': '\'',
	'“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"',
	'ʺ': '"', '「': '"', '」': '"', '『': '"', '』': '"',
	'‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-',
	'﹘': '-', '⁃': '-',
}

// foldRuneSlow computes the folded form of one rune from the Unicode
// tables: compatibility mapping, then per resulting rune the quote and
// dash unification, accent stripping for Latin and lower case.
func foldRuneSlow(r rune) string {
	if isSpaceRune(r) {
		return " "
	}
	if isFormatRune(r) {
		return ""
	}
	buf := make([]byte, 0, 8)
	for _, c := range norm.NFKC.String(string(r)) {
		if p, ok := punctFold[c]; ok {
			buf = append(buf, byte(p))
			continue
		}
		if sp, ok := latinSpecial[c]; ok {
			buf = append(buf, sp...)
			continue
		}
		switch {
		case c == 'ё' || c == 'Ё':
			buf = utf8.AppendRune(buf, 'е')
		case c == '`':
			buf = append(buf, '\'')
		case isSpaceRune(c):
			buf = append(buf, ' ')
		case unicode.Is(unicode.Latin, c):
			for _, d := range norm.NFD.String(string(unicode.ToLower(c))) {
				if sp, ok := latinSpecial[d]; ok {
					buf = append(buf, sp...)
				} else if !unicode.Is(unicode.Mn, d) {
					buf = utf8.AppendRune(buf, d)
				}
			}
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(c))
		}
	}
	return string(buf)
}
