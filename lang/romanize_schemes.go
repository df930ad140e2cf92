package lang

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// russianAlphabet is the order of the letters in the base tables below.
const russianAlphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"

// schemeDef is a scheme as written down: base spellings of the 33 letters
// in alphabet order (with "-" for a letter that is dropped), and context
// rules as "letters=spelling" pairs. A prev rule "ае=ye" spells е after а;
// "^е=ye" spells е at the start of a word. A next rule "це=c" spells ц
// before е. An ending rule "ий=y" spells a word's last two letters.
type schemeDef struct {
	base               string
	prev, next, ending string
}

// The letter classes the context rules are written with.
const (
	vowels     = "аеёиоуыэюя"
	consonants = "бвгджзклмнпрстфхцчшщ"
)

// expand writes one rule for each letter of class: expand("е", vowels+"йъь",
// "ye", true) spells е as ye after any of them.
func expand(letter, class, out string, after bool) string {
	var b strings.Builder
	for _, c := range class {
		if after {
			b.WriteString(string(c) + letter + "=" + out + " ")
		} else {
			b.WriteString(letter + string(c) + "=" + out + " ")
		}
	}
	return b.String()
}

var bgnYe = "^е=ye ^ё=yë " + expand("е", vowels+"йъь", "ye", true) + expand("ё", vowels+"йъь", "yë", true)

var schemeDefs = map[Scheme]schemeDef{
	SchemeICAO: {base: "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch ie y - e iu ia"},
	SchemeGOST779B: {
		base: "a b v g d e yo zh z i j k l m n o p r s t u f x cz ch sh shh `` y` ` e` yu ya",
		next: "це=c ци=c цй=c цы=c",
	},
	SchemeGOST779A: {base: "a b v g d e ë ž z i j k l m n o p r s t u f h c č š ŝ ʺ y ʹ è û â"},
	SchemeBGNPCGN: {
		base: "a b v g d e ë zh z i y k l m n o p r s t u f kh ts ch sh shch ” y ’ e yu ya",
		prev: bgnYe,
	},
	SchemeBGNPCGNDots: {
		base: "a b v g d e ë zh z i y k l m n o p r s t u f kh ts ch sh shch ” y ’ e yu ya",
		prev: bgnYe + expand("ы", "аеёиоуыэюя", "·y", true) + expand("э", consonants, "·e", true),
		next: expand("й", "ауыэ", "y·", false) + expand("ы", "ауыэ", "y·", false) + "тс=t· шч=sh·",
	},
	SchemeWikipedia: {
		base:   "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya",
		prev:   "^е=ye " + expand("е", "аиоуэюяьъ", "ye", true),
		next:   expand("ъ", "аиоуыэ", "y", false) + expand("ь", "аиоуыэ", "y", false),
		ending: "ий=y ый=y",
	},
	SchemeMVD782: {
		base: "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch ' y ' e yu ya",
		prev: expand("е", "аеёиоуъыьэюя", "ye", true) + expand("ё", "бвгдзклмнпрстфхц", "ye", true) +
			expand("ё", "жчшщ", "e", true) + "ьи=yi",
		next: "ъе=- ье=- ъё=- ьё=- ьи=-",
	},
	SchemeALALC: {base: "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch \" y ' e iu ia"},
}

// romanSchemes compiles schemeDefs on first use.
var romanSchemes = sync.OnceValue(func() map[Scheme]*romanScheme {
	m := make(map[Scheme]*romanScheme, len(schemeDefs))
	for sc, d := range schemeDefs {
		m[sc] = compileScheme(d)
	}
	return m
})

func compileScheme(d schemeDef) *romanScheme {
	sc := &romanScheme{}
	letters := []rune(russianAlphabet)
	for i, v := range strings.Fields(d.base) {
		sc.base[russianIndex(letters[i])] = dropMark(v)
	}
	sc.prev = compileRules(d.prev, &sc.hasRule, 1)
	sc.next = compileRules(d.next, &sc.hasRule, 0)
	if d.ending != "" {
		sc.ending = compileRules(d.ending, new([russianLetters]bool), 0)
	}
	return sc
}

// compileRules parses "xy=out" rules into pairs; the letter at index cur
// of each pair is the one the rule spells, marked in hasRule.
func compileRules(rules string, hasRule *[russianLetters]bool, cur int) map[[2]rune]string {
	m := map[[2]rune]string{}
	for _, r := range strings.Fields(rules) {
		k, v, _ := strings.Cut(r, "=")
		k = strings.Replace(k, "^", "\x00", 1)
		a, n := utf8.DecodeRuneInString(k)
		b, _ := utf8.DecodeRuneInString(k[n:])
		pair := [2]rune{a, b}
		m[pair] = dropMark(v)
		if i := russianIndex(pair[cur]); i >= 0 {
			hasRule[i] = true
		}
	}
	return m
}

// dropMark turns the "-" that marks a dropped letter into "".
func dropMark(v string) string {
	if v == "-" {
		return ""
	}
	return v
}
