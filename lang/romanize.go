package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scheme is a system for writing Russian in Latin letters.
type Scheme uint8

// The romanisation schemes. Each follows its standard's context rules as
// the iuliia project's reference samples (lang/testdata/translit) show
// them, except that a romanisation never contains a Cyrillic letter: the
// samples write the Cyrillic ё where the standards have the Latin ë.
const (
	// SchemeICAO is ICAO Doc 9303, the scheme of machine-readable travel
	// documents and so of Russian passports since 2013: й→i, ц→ts, ъ→ie,
	// ю→iu, я→ia, ь dropped.
	SchemeICAO Scheme = iota + 1
	// SchemeGOST779B is GOST 7.79-2000 system B, the ASCII-only one:
	// щ→shh, х→x, ц→c before е, и, й, ы and cz elsewhere, ы→y`, ь→`.
	SchemeGOST779B
	// SchemeGOST779A is GOST 7.79-2000 system A, identical to ISO 9:1995:
	// one Latin letter per Cyrillic letter, with diacritics (ж→ž, щ→ŝ, я→â).
	SchemeGOST779A
	// SchemeBGNPCGN is BGN/PCGN 1947 as commonly written, without the
	// optional middle dots: е and ё become ye and yë at the start of a word
	// and after a vowel, й, ъ or ь; й→y, ъ→”, ь→’.
	SchemeBGNPCGN
	// SchemeBGNPCGNDots is BGN/PCGN with the middle dots that keep
	// digraphs unambiguous: Тыайа→Ty·ay·a, Улан-Удэ→Ulan-Ud·e, тс→t·s.
	SchemeBGNPCGNDots
	// SchemeWikipedia is the English Wikipedia's scheme: ye after vowels
	// and soft and hard signs, ё→yo, signs dropped or y before a vowel,
	// -ий and -ый endings as -y (Dostoyevsky).
	SchemeWikipedia
	// SchemeMVD782 is the Russian interior ministry's order 782 of 2000,
	// the passport scheme before ICAO: ё→yo (ye after consonants), ь→'.
	SchemeMVD782
	// SchemeALALC is the ALA-LC (Library of Congress) scheme without its
	// tie bars and diacritics, as library catalogues often print it.
	SchemeALALC
)

// Schemes lists every scheme, in the order of the constants.
var Schemes = []Scheme{SchemeICAO, SchemeGOST779B, SchemeGOST779A, SchemeBGNPCGN,
	SchemeBGNPCGNDots, SchemeWikipedia, SchemeMVD782, SchemeALALC}

var schemeNames = map[Scheme]string{
	SchemeICAO: "icao", SchemeGOST779B: "gost779b", SchemeGOST779A: "gost779a",
	SchemeBGNPCGN: "bgnpcgn", SchemeBGNPCGNDots: "bgnpcgn-dots", SchemeWikipedia: "wikipedia",
	SchemeMVD782: "mvd782", SchemeALALC: "alalc",
}

// String returns the scheme's short name, as ParseScheme reads it.
func (sc Scheme) String() string {
	if n, ok := schemeNames[sc]; ok {
		return n
	}
	return "unknown"
}

// ParseScheme returns the scheme named name (as Scheme.String writes it,
// in any case), and false when there is none.
func ParseScheme(name string) (Scheme, bool) {
	for sc, n := range schemeNames {
		if strings.EqualFold(n, name) {
			return sc, true
		}
	}
	return 0, false
}

// Romanize writes the Russian letters of s in Latin letters by scheme and
// leaves every other character as it is. A capital letter gives a capital
// first letter (Щ→Shch), or a capitalised whole when its word is in
// capitals (ЩИ→SHCHI). An unknown scheme returns s unchanged.
func Romanize(s string, scheme Scheme) string {
	sc := romanSchemes()[scheme]
	if sc == nil {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	var buf [48]rune
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isCyrillicLetter(r) {
			b.WriteRune(r)
			i += n
			continue
		}
		word := buf[:0]
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if !isCyrillicLetter(r) {
				break
			}
			word = append(word, r)
			i += n
		}
		sc.word(&b, word)
	}
	return b.String()
}

// isCyrillicLetter reports whether r is a letter of the Cyrillic block.
func isCyrillicLetter(r rune) bool {
	if r >= 0x400 && r <= 0x45f {
		return true
	}
	return r > 0x45f && r <= 0x4ff && unicode.IsLetter(r)
}

// cyrUpper reports whether the Cyrillic letter r is a capital.
func cyrUpper(r rune) bool {
	if r >= 0x400 && r <= 0x45f {
		return r < 0x430
	}
	return unicode.IsUpper(r)
}

// cyrLower returns the lower case of a Cyrillic letter.
func cyrLower(r rune) rune {
	switch {
	case r >= 0x430 && r <= 0x45f:
		return r
	case r >= 'А' && r <= 'Я':
		return r + 0x20
	case r >= 0x400 && r <= 0x40f:
		return r + 0x50
	}
	return unicode.ToLower(r)
}

// romanScheme is a compiled scheme: a Latin spelling per Russian letter,
// overridden by the letter before it (or the start of the word, as 0), by
// the letter after it (or the end, as 0), and by the word's last two
// letters, in that order of precedence.
type romanScheme struct {
	base    [russianLetters]string
	prev    map[[2]rune]string
	next    map[[2]rune]string
	ending  map[[2]rune]string
	hasRule [russianLetters]bool // letters with a prev or next rule
}

// russianLetters is the size of the tables indexed by russianIndex.
const russianLetters = 0x452 - 0x430

// russianIndex returns the table index of a lower-case Russian letter
// (а to я, and ё), or -1.
func russianIndex(r rune) int {
	if r >= 0x430 && r <= 0x451 && r != 0x450 {
		return int(r - 0x430)
	}
	return -1
}

func (sc *romanScheme) letter(prev, cur, next rune) (string, bool) {
	i := russianIndex(cur)
	if i < 0 {
		return "", false
	}
	if sc.hasRule[i] {
		if v, ok := sc.prev[[2]rune{prev, cur}]; ok {
			return v, true
		}
		if v, ok := sc.next[[2]rune{cur, next}]; ok {
			return v, true
		}
	}
	return sc.base[i], true
}

// word writes one run of Cyrillic letters.
func (sc *romanScheme) word(b *strings.Builder, w []rune) {
	upper := 0
	for _, r := range w {
		if cyrUpper(r) {
			upper++
		}
	}
	allCaps := len(w) > 1 && upper == len(w)
	end, ending := len(w), ""
	if len(w) > 2 && sc.ending != nil {
		if v, ok := sc.ending[[2]rune{cyrLower(w[len(w)-2]), cyrLower(w[len(w)-1])}]; ok {
			end, ending = len(w)-2, v
		}
	}
	for k, r := range w[:end] {
		var prev, next rune
		if k > 0 {
			prev = cyrLower(w[k-1])
		}
		if k+1 < len(w) {
			next = cyrLower(w[k+1])
		}
		out, ok := sc.letter(prev, cyrLower(r), next)
		if !ok {
			b.WriteRune(r)
			continue
		}
		writeCased(b, out, cyrUpper(r), allCaps)
	}
	if ending != "" {
		writeCased(b, ending, cyrUpper(w[end]), allCaps)
	}
}

// writeCased writes out in lower case, with its first letter in capitals
// when upper is set, or all of it when allCaps is set too.
func writeCased(b *strings.Builder, out string, upper, allCaps bool) {
	switch {
	case !upper:
		b.WriteString(out)
	case allCaps:
		b.WriteString(strings.ToUpper(out))
	default:
		done := false
		for _, r := range out {
			if !done && unicode.IsLetter(r) {
				r, done = unicode.ToUpper(r), true
			}
			b.WriteRune(r)
		}
	}
}
