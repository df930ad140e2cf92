package lang

import (
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"
)

// Russian writes Chinese names and places in the Palladius system
// (张平文 Zhang Pingwen → Чжан Пинвэнь, 北京 → Бэйцзин), which no rule of
// romanisation undoes. The functions here move between pinyin syllables
// and Palladius spellings, so that the three spellings of one Chinese
// name can meet.

// palladiusInitials maps pinyin initials to Cyrillic, longest first.
var palladiusInitials = []struct{ py, cy string }{
	{"zh", "чж"}, {"ch", "ч"}, {"sh", "ш"}, {"b", "б"}, {"p", "п"}, {"m", "м"},
	{"f", "ф"}, {"d", "д"}, {"t", "т"}, {"n", "н"}, {"l", "л"}, {"g", "г"},
	{"k", "к"}, {"h", "х"}, {"j", "цз"}, {"q", "ц"}, {"x", "с"}, {"r", "ж"},
	{"z", "цз"}, {"c", "ц"}, {"s", "с"},
}

// palladiusFinals maps pinyin finals after a consonant to Cyrillic.
var palladiusFinals = map[string]string{
	"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу",
	"an": "ань", "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр",
	"i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь",
	"iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о",
	"uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан",
	"ü": "юй", "üe": "юэ", "üan": "юань", "ün": "юнь", "v": "юй", "ve": "юэ",
}

// palladiusWhole maps syllables that have no initial consonant, and those
// whose spelling is irregular, to Cyrillic.
var palladiusWhole = map[string]string{
	"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу",
	"an": "ань", "en": "энь", "ang": "ан", "eng": "эн", "er": "эр",
	"yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь",
	"yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "yu": "юй",
	"yue": "юэ", "yuan": "юань", "yun": "юнь", "wu": "у", "wa": "ва", "wo": "во",
	"wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван",
	"weng": "вэн", "zi": "цзы", "ci": "цы", "si": "сы", "zhi": "чжи", "chi": "чи",
	"shi": "ши", "ri": "жи", "ju": "цзюй", "qu": "цюй", "xu": "сюй", "jue": "цзюэ",
	"que": "цюэ", "xue": "сюэ", "juan": "цзюань", "quan": "цюань", "xuan": "сюань",
	"jun": "цзюнь", "qun": "цюнь", "xun": "сюнь", "nü": "нюй", "lü": "люй",
	"nüe": "нюэ", "lüe": "люэ", "ri4": "жи",
}

// Palladius returns the Palladius spelling of one toneless pinyin
// syllable ("zhang" → "чжан"), or "" when it is not a syllable.
func Palladius(syllable string) string {
	s := strings.ToLower(syllable)
	if c, ok := palladiusWhole[s]; ok {
		return c
	}
	for _, in := range palladiusInitials {
		if rest, ok := strings.CutPrefix(s, in.py); ok {
			if f, ok := palladiusFinals[rest]; ok && rest != "er" {
				return in.cy + f
			}
			return ""
		}
	}
	return ""
}

// syllableTables holds every toneless pinyin syllable of the character
// table and the reverse Palladius map, built on first use.
type syllableTables struct {
	pinyin    map[string]bool
	fromCyr   map[string]string
	maxPinyin int
	maxCyr    int
}

var syllables = sync.OnceValue(func() *syllableTables {
	t := &syllableTables{pinyin: map[string]bool{}, fromCyr: map[string]string{}}
	var softless [][2]string
	for _, v := range pinyin.PinyinDict {
		for _, syl := range strings.Split(v, ",") {
			p := strings.ReplaceAll(toneStyle(syl, NoTones), "ü", "v")
			if p == "" || t.pinyin[p] {
				continue
			}
			t.pinyin[p] = true
			t.maxPinyin = max(t.maxPinyin, len(p))
			c := Palladius(strings.ReplaceAll(p, "v", "ü"))
			if c == "" {
				continue
			}
			t.fromCyr[c] = p
			t.maxCyr = max(t.maxCyr, len(c))
			if cut, ok := strings.CutSuffix(c, "ь"); ok {
				softless = append(softless, [2]string{cut, p})
			}
		}
	}
	// Names drop the soft sign often enough (Цзинпин) to accept that too,
	// where it does not spell another syllable (чжан is zhang, not zhan).
	for _, s := range softless {
		if _, ok := t.fromCyr[s[0]]; !ok {
			t.fromCyr[s[0]] = s[1]
		}
	}
	return t
})

// PinyinWord splits a Latin word into toneless pinyin syllables
// ("pingwen" → ping, wen; apostrophes separate: "xi'an"), preferring
// fewer, longer syllables. ok is false when the word is not pinyin.
func PinyinWord(word string) (syls []string, ok bool) {
	t := syllables()
	for part := range strings.SplitSeq(strings.ReplaceAll(Fold(word), "ü", "v"), "'") {
		p, ok := splitSyllables(part, t.maxPinyin, func(s string) (string, bool) { return s, t.pinyin[s] })
		if !ok {
			return nil, false
		}
		syls = append(syls, p...)
	}
	return syls, true
}

// PinyinFromCyrillic reads a Cyrillic word as Palladius syllables and
// returns their pinyin ("Пинвэнь" → ping, wen; "Чжан" → zhang). ok is
// false when the word is not a Palladius spelling.
func PinyinFromCyrillic(word string) (syls []string, ok bool) {
	t := syllables()
	return splitSyllables(Fold(word), t.maxCyr, func(s string) (string, bool) {
		p, ok := t.fromCyr[s]
		return p, ok
	})
}

// splitSyllables cuts w into the fewest pieces that look up, each at most
// maxLen bytes, and returns what they look up to.
func splitSyllables(w string, maxLen int, look func(string) (string, bool)) ([]string, bool) {
	if w == "" || len(w) > 64 {
		return nil, false
	}
	// best[i] is the fewest pieces covering w[i:], and next[i] the end of
	// the first of them; 0 pieces means w[i:] cannot be covered.
	best := make([]int, len(w)+1)
	next := make([]int, len(w)+1)
	for i := len(w) - 1; i >= 0; i-- {
		for j := min(len(w), i+maxLen); j > i; j-- {
			if j < len(w) && best[j] == 0 {
				continue
			}
			if _, ok := look(w[i:j]); ok && (best[i] == 0 || best[j]+1 < best[i]) {
				best[i], next[i] = best[j]+1, j
			}
		}
	}
	if best[0] == 0 {
		return nil, false
	}
	var out []string
	for i := 0; i < len(w); i = next[i] {
		p, _ := look(w[i:next[i]])
		out = append(out, p)
	}
	return out, true
}
