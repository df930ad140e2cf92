package lang

import (
	"unicode"
	"unicode/utf8"

	"amur"
)

// ScriptKind is the writing system of a rune, as far as Amur's three
// languages need to tell them apart.
type ScriptKind uint8

// The scripts Script reports. Common covers digits, punctuation, symbols
// and white space, which belong to every language.
const (
	Common ScriptKind = iota
	Latin
	Cyrillic
	Han
	OtherScript
)

// String returns the script's English name.
func (k ScriptKind) String() string {
	switch k {
	case Latin:
		return "Latin"
	case Cyrillic:
		return "Cyrillic"
	case Han:
		return "Han"
	case OtherScript:
		return "Other"
	}
	return "Common"
}

// Script returns the script of r. Full-width Latin letters are Latin, the
// ideographic zero 〇 is Han, and combining marks are Common because they
// take the script of the letter they sit on.
func Script(r rune) ScriptKind {
	if r < 0x80 {
		if (r|0x20) >= 'a' && (r|0x20) <= 'z' {
			return Latin
		}
		return Common
	}
	switch {
	case r >= 0x400 && r <= 0x52f:
		if unicode.IsLetter(r) {
			return Cyrillic
		}
		return Common
	case r >= 0x4e00 && r <= 0x9fff, r >= 0x3400 && r <= 0x4dbf, r == 0x3007:
		return Han
	case !unicode.IsLetter(r):
		return Common
	case unicode.Is(unicode.Han, r):
		return Han
	case unicode.Is(unicode.Latin, r):
		return Latin
	case unicode.Is(unicode.Cyrillic, r):
		return Cyrillic
	}
	return OtherScript
}

// hanWeight is how many letters one Han character counts for in
// DetectLang. An ideograph is a syllable and usually a word or half of
// one, while a Latin or Cyrillic word averages five or six letters; counting
// each ideograph twice keeps a Chinese sentence that quotes an English
// organisation name Chinese, and an English sentence that quotes one
// Chinese word English.
const hanWeight = 2

// DetectLang returns the language of s by the majority of its letters:
// Han characters (each weighted as hanWeight letters) mean Chinese,
// Cyrillic Russian and Latin English. Ties go to Chinese, then Russian, the
// scripts that identify their language more surely than Latin does. It
// returns "" when s has no letters of the three scripts.
func DetectLang(s string) amur.Lang {
	var han, cyr, lat int
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if (c|0x20) >= 'a' && (c|0x20) <= 'z' {
				lat++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch Script(r) {
		case Han:
			han += hanWeight
		case Cyrillic:
			cyr++
		case Latin:
			lat++
		}
	}
	switch {
	case han == 0 && cyr == 0 && lat == 0:
		return ""
	case han >= cyr && han >= lat:
		return amur.ZH
	case cyr >= lat:
		return amur.RU
	}
	return amur.EN
}
