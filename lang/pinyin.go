package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

// ToneStyle selects how Pinyin writes tones.
type ToneStyle uint8

// The tone styles.
const (
	// NoTones writes plain syllables: zhang, lü.
	NoTones ToneStyle = iota
	// ToneMarks writes tones as accents, the standard orthography: zhāng, lǚ.
	ToneMarks
	// ToneNumbers writes the tone as a digit after the syllable: zhang1,
	// lü3; the neutral tone has no digit.
	ToneNumbers
)

// Pinyin returns the pinyin syllables of the Han characters of s, one per
// character, lower case and without tones; other characters are skipped.
// A character with several readings gets its most common one; names are
// better served by NamePinyin, which knows the readings of surnames.
func Pinyin(s string) []string {
	return PinyinTones(s, NoTones)
}

// PinyinTones is Pinyin with the tones written in style.
func PinyinTones(s string, style ToneStyle) []string {
	var out []string
	for _, r := range s {
		if syl, ok := syllable(r); ok {
			out = append(out, toneStyle(syl, style))
		}
	}
	return out
}

// syllable returns the most common reading of r with tone marks.
func syllable(r rune) (string, bool) {
	v, ok := pinyin.PinyinDict[int(r)]
	if !ok {
		return "", false
	}
	if i := strings.IndexByte(v, ','); i >= 0 {
		v = v[:i]
	}
	return v, true
}

// toneVowels maps each vowel with a tone mark to the plain vowel and tone.
var toneVowels = map[rune]struct {
	plain rune
	tone  byte
}{
	'ā': {'a', '1'}, 'á': {'a', '2'}, 'ǎ': {'a', '3'}, 'à': {'a', '4'},
	'ē': {'e', '1'}, 'é': {'e', '2'}, 'ě': {'e', '3'}, 'è': {'e', '4'},
	'ī': {'i', '1'}, 'í': {'i', '2'}, 'ǐ': {'i', '3'}, 'ì': {'i', '4'},
	'ō': {'o', '1'}, 'ó': {'o', '2'}, 'ǒ': {'o', '3'}, 'ò': {'o', '4'},
	'ū': {'u', '1'}, 'ú': {'u', '2'}, 'ǔ': {'u', '3'}, 'ù': {'u', '4'},
	'ǖ': {'ü', '1'}, 'ǘ': {'ü', '2'}, 'ǚ': {'ü', '3'}, 'ǜ': {'ü', '4'},
	'ń': {'n', '2'}, 'ň': {'n', '3'}, 'ǹ': {'n', '4'}, 'ḿ': {'m', '2'},
}

// toneStyle rewrites a tone-marked syllable in style.
func toneStyle(syl string, style ToneStyle) string {
	if style == ToneMarks {
		return syl
	}
	var b strings.Builder
	tone := byte(0)
	for _, r := range syl {
		if v, ok := toneVowels[r]; ok {
			r, tone = v.plain, v.tone
		}
		b.WriteRune(r)
	}
	if style == ToneNumbers && tone != 0 {
		b.WriteByte(tone)
	}
	return b.String()
}

// markTone writes a numbered syllable ("shan4") with its tone mark, on
// the vowel the orthography puts it on: a or e if present, o in ou, else
// the last vowel.
func markTone(numbered string) string {
	if numbered == "" {
		return ""
	}
	last := numbered[len(numbered)-1]
	if last < '1' || last > '4' {
		return numbered
	}
	syl := []rune(numbered[:len(numbered)-1])
	at := -1
	for i, r := range syl {
		switch {
		case r == 'a' || r == 'e':
			at = i
		case r == 'o' && at < 0 && i+1 < len(syl) && syl[i+1] == 'u':
			at = i
		}
		if at >= 0 {
			break
		}
	}
	if at < 0 {
		for i, r := range syl {
			if strings.ContainsRune("aeiouü", r) {
				at = i
			}
		}
	}
	if at < 0 {
		return string(syl)
	}
	for marked, v := range toneVowels {
		if v.plain == syl[at] && v.tone == last {
			syl[at] = marked
			break
		}
	}
	return string(syl)
}

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
