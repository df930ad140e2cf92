package identity

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"amur/lang"
)

// orgWordsTSV is the curated vocabulary of organisation names.
//
//go:embed data/orgwords.tsv
var orgWordsTSV string

// knownOrgsTSV lists well-known organisations of the two countries under
// their names and acronyms in the three languages.
//
//go:embed data/orgs.tsv
var knownOrgsTSV string

// vocab is the organisation vocabulary: Russian phrases by the stems of
// their words, Chinese words as written, each to English phrases.
type vocab struct {
	ru      map[string][]string
	ruMax   int // the most words of a Russian phrase
	zh      map[string][]string
	zhMax   int // the most characters of a Chinese word
	heads   map[string]bool
	known   map[string]string // folded name → known organisation id
	knownAc map[string]string // acronym as written → id
}

// headNouns are the English words that make a name an organisation's.
var headNouns = map[string]bool{
	"university": true, "college": true, "institute": true, "research institute": true, "academy": true,
	"academy of sciences": true, "school": true, "faculty": true, "department": true, "center": true,
	"laboratory": true, "key laboratory": true, "observatory": true, "museum": true, "library": true,
	"hospital": true, "society": true, "association": true, "union": true, "foundation": true,
	"fund": true, "council": true, "committee": true, "commission": true, "ministry": true,
	"agency": true, "bureau": true, "administration": true, "government": true, "company": true,
	"corporation": true, "group": true, "holding": true, "enterprise": true, "factory": true,
	"bank": true, "state council": true, "branch": true,
}

// orgVocab loads the vocabulary once.
var orgVocab = sync.OnceValue(func() *vocab {
	v := &vocab{ru: map[string][]string{}, zh: map[string][]string{}, heads: map[string]bool{},
		known: map[string]string{}, knownAc: map[string]string{}}
	eachRow(orgWordsTSV, func(f []string) {
		if len(f) != 3 {
			return
		}
		en := splitVariants(f[0])
		head := headNouns[en[0]]
		for _, ru := range splitVariants(f[1]) {
			k := ruKey(ru)
			v.ru[k] = appendNew(v.ru[k], en...)
			v.ruMax = max(v.ruMax, len(strings.Fields(k)))
			if head {
				v.heads[k] = true
			}
		}
		for _, zh := range splitVariants(f[2]) {
			v.zh[zh] = appendNew(v.zh[zh], en...)
			v.zhMax = max(v.zhMax, utf8.RuneCountInString(zh))
			if head && utf8.RuneCountInString(zh) > 1 || head && strings.ContainsAny(zh, "所部局院") {
				v.heads[zh] = true
			}
		}
		if head {
			for _, e := range en {
				v.heads[enKey(e)] = true
			}
		}
	})
	eachRow(knownOrgsTSV, func(f []string) {
		if len(f) < 4 {
			return
		}
		id := f[0]
		for _, col := range f[1:4] {
			for _, n := range splitVariants(col) {
				v.known[foldName(n)] = id
			}
		}
		if len(f) > 4 {
			for _, ac := range splitVariants(f[4]) {
				v.knownAc[ac] = id
			}
		}
	})
	return v
})

// ruKey keys a Russian phrase by the stems of its words, so that every
// case form of it meets the dictionary form.
func ruKey(s string) string {
	f := strings.Fields(strings.ReplaceAll(lang.Fold(s), "-", " "))
	for i, w := range f {
		f[i] = lang.Stem(w)
	}
	return strings.Join(f, " ")
}

// enKey keys an English phrase by the stems of its words.
func enKey(s string) string {
	var out []string
	for _, t := range lang.Tokens(s, "en") {
		out = append(out, t.Stem)
	}
	return strings.Join(out, " ")
}

// foldName is the exact-match form of a name: folded, legal forms and
// punctuation dropped, words separated by one space.
func foldName(s string) string {
	s = stripLegalForms(lang.Fold(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80)
	}), " ")
}

// eachRow yields the tab-separated fields of the non-comment lines of s.
func eachRow(s string, yield func([]string)) {
	for line := range strings.Lines(s) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || line[0] == '#' {
			continue
		}
		yield(strings.Split(line, "\t"))
	}
}

// splitVariants splits a "|"-separated list.
func splitVariants(s string) []string {
	var out []string
	for _, v := range strings.Split(s, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// appendNew appends the values not yet in list.
func appendNew(list []string, vs ...string) []string {
	for _, v := range vs {
		found := false
		for _, have := range list {
			found = found || have == v
		}
		if !found {
			list = append(list, v)
		}
	}
	return list
}

// legalForms are the words of legal forms, folded, which say nothing of
// which organisation it is: ООО and LLC, ФГБУ, 有限公司.
var legalForms = map[string]bool{
	"ооо": true, "ао": true, "пао": true, "зао": true, "оао": true, "нао": true, "фгбу": true,
	"фгбоу": true, "фгаоу": true, "фгуп": true, "гуп": true, "муп": true, "ано": true, "фгбун": true,
	"фгану": true, "фгау": true, "фгку": true, "нко": true, "во": true, "llc": true, "ltd": true,
	"inc": true, "co": true, "corp": true, "plc": true, "gmbh": true, "jsc": true, "pjsc": true,
	"ojsc": true, "cjsc": true, "limited": true, "incorporated": true, "ag": true, "sa": true,
}

// legalPhrases are the spelled-out legal forms, folded.
var legalPhrases = []string{
	"股份有限公司", "有限责任公司", "有限公司", "股份公司",
	"федеральное государственное бюджетное образовательное учреждение высшего профессионального образования",
	"федеральное государственное бюджетное образовательное учреждение высшего образования",
	"федеральное государственное автономное образовательное учреждение высшего образования",
	"федеральное государственное бюджетное учреждение науки",
	"федеральное государственное бюджетное научное учреждение",
	"федеральное государственное бюджетное учреждение",
	"федеральное государственное унитарное предприятие",
	"общество с ограниченной ответственностью", "публичное акционерное общество",
	"акционерное общество", "limited liability company", "joint stock company", "co., ltd.",
}

// stripLegalForms removes legal-form phrases and words from a folded name.
func stripLegalForms(s string) string {
	for _, p := range legalPhrases {
		s = strings.ReplaceAll(s, p, " ")
	}
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '"' || r == '«' || r == '»' })
	out := f[:0]
	for _, w := range f {
		if !legalForms[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}
