package press

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"amur/lang"
)

// The titles that introduce a person in news text, and the name after it.
var (
	enTitled = regexp.MustCompile(`\b(?:President|Premier|Vice[- ]Premier|Prime Minister|Minister|Ambassador|Chairman|Chairwoman|Chair|Director(?:-General)?|Vice[- ]President|Vice[- ]Chairman|Academician|Professor|Prof\.|Dr\.|Governor|Mayor|Secretary-General|Secretary|Rector|Spokesperson|spokesperson|spokesman|spokeswoman|Councilor|Councillor|counterpart|Envoy|Head|Chief|Speaker)(?:\s+of\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+(?:and|of|for|the|[A-Z][\w.-]*))*?)?,?\s+((?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?\s){1,2}[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)`)
	zhTitled = regexp.MustCompile(`国家主席|副主席|主席|总统|总理|副总理|国务委员|外交部长|外长|副部长|部长|大使|副院长|院长|副校长|校长|副主任|主任|总书记|书记|省长|市长|院士|教授|委员长|发言人|副司长|司长|局长|董事长|总经理`)
	ruTitled = regexp.MustCompile(`(?i:президент\p{L}*|председател\p{L}*|премьер-министр\p{L}*|вице-премьер\p{L}*|министр\p{L}*|посол|посл[аоу]\p{L}*|губернатор\p{L}*|ректор\p{L}*|академик\p{L}*|вице-президент\p{L}*|директор\p{L}*|заместител\p{L}*|руководител\p{L}*|глав[аыеуо]й?|спикер\p{L}*|помощник\p{L}*|пресс-секретар\p{L}*)((?:\s+[а-яёa-z-]+|\s+(?:РФ|КНР|России|Китая|Российской Федерации|Китайской Народной Республики|Минобрнауки|МИД|РАН|Госсовета|Правительства|правительства)){0,5})\s+([А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]*){1,2})`)
)

// notNameWords are capitalised words the English pattern must not take
// for a name.
var notNameWords = map[string]bool{
	"The": true, "Russian": true, "Chinese": true, "China": true, "Russia": true, "Federation": true,
	"State": true, "Council": true, "Ministry": true, "University": true, "Academy": true, "Sciences": true,
	"President": true, "Premier": true, "Minister": true, "Xinhua": true, "Monday": true, "Tuesday": true,
	"Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true, "On": true,
	"In": true, "At": true, "Year": true, "Years": true, "Committee": true, "Party": true, "People": true,
	"Republic": true, "Foreign": true, "Affairs": true, "Science": true, "Technology": true, "Beijing": true,
	"Moscow": true, "And": true, "Deputy": true, "Vice": true, "Prime": true, "General": true,
}

// zhNameStop are characters that end a Chinese name read after a title:
// prepositions, verbs and particles that follow a name in news text.
const zhNameStop = "在于同与和及致出表说指今会向为对分通将也、，。的共一并就当以还称时等上下前后应已再都均"

// titledPeople returns the people text introduces by a title whom the
// registry may not know, with their names in Latin letters.
func titledPeople(text string) []Match {
	var out []Match
	if !containsAny(text, enTitleWords) {
		return append(out, zhRuTitled(text)...)
	}
	for _, loc := range enTitled.FindAllStringSubmatchIndex(text, -1) {
		a, b := loc[2], loc[3]
		name := text[a:b]
		ws := strings.Fields(name)
		for len(ws) > 0 && notNameWords[ws[len(ws)-1]] {
			ws = ws[:len(ws)-1]
		}
		bad := len(ws) < 2
		for _, w := range ws {
			bad = bad || notNameWords[w]
		}
		if !bad {
			out = append(out, Match{Name: strings.Join(ws, " "), Start: a, End: a + len(strings.Join(ws, " "))})
		}
	}
	return append(out, zhRuTitled(text)...)
}

// enTitleWords are the words one of which a sentence must hold for the
// English title pattern to be tried.
var enTitleWords = []string{"President", "Premier", "Minister", "Ambassador", "Chair", "Director", "Academician",
	"Prof", "Dr.", "Governor", "Mayor", "Secretary", "Rector", "spokes", "Spokes", "Council", "counterpart", "Envoy",
	"Head", "Chief", "Speaker"}

// ruTitleWords do the same for the Russian pattern, in lower case.
var ruTitleWords = []string{"президент", "председател", "премьер", "министр", "посол", "посл", "губернатор", "ректор",
	"академик", "директор", "заместител", "руководител", "глав", "спикер", "помощник", "пресс-секретар"}

// zhRuTitled returns the people a Chinese or Russian sentence introduces
// by a title.
func zhRuTitled(text string) []Match {
	var out []Match
	han := hasHan(text)
	for _, loc := range zhTitled.FindAllStringIndex(text, -1) {
		if !han {
			break
		}
		pre := text[max(0, loc[0]-9):loc[0]]
		rest := text[loc[1]:]
		if strings.Contains(pre, "俄") || strings.HasPrefix(rest, "兼") || zhTitled.MatchString(firstRunes(rest, 3)) {
			continue
		}
		name := zhName(firstRunes(rest, 4))
		if name == "" {
			continue
		}
		cn := lang.NamePinyin(name)
		if cn.Family == "" || cn.Given == "" {
			continue
		}
		out = append(out, Match{Name: cn.Family + " " + cn.Given, Start: loc[1], End: loc[1] + len(name)})
	}
	if !containsAny(lower(text), ruTitleWords) {
		return out
	}
	for _, loc := range ruTitled.FindAllStringSubmatchIndex(text, -1) {
		a, b := loc[4], loc[5]
		if n := ruPersonName(strings.Fields(text[a:b])); n != "" {
			out = append(out, Match{Name: n, Start: a, End: b})
		}
	}
	return out
}

// firstRunes returns the first n characters of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// zhName cuts a Chinese personal name off the characters after a title:
// three characters unless the third ends the name, else two.
func zhName(s string) string {
	rs := []rune(s)
	if len(rs) < 2 {
		return ""
	}
	for _, r := range rs[:2] {
		if r < 0x4E00 || r > 0x9FFF {
			return ""
		}
	}
	for _, r := range rs[:2] {
		if strings.ContainsRune(zhNameStop, r) {
			return ""
		}
	}
	if len(rs) >= 3 && !strings.ContainsRune(zhNameStop, rs[2]) {
		return string(rs[:3])
	}
	return string(rs[:2])
}

// ruPersonName returns the Latin form of a Russian-text name: a Chinese
// name in Palladius spelling becomes pinyin (Ли Цян → Li Qiang); a Russian
// name is put in the nominative and romanised (Михаила Мишустина →
// Mikhail Mishustin). It returns "" for words that are no name.
func ruPersonName(ws []string) string {
	if len(ws) < 2 || len(ws) > 3 {
		return ""
	}
	if fam, ok := lang.PinyinFromCyrillic(ws[0]); ok && len(fam) == 1 && len(ws) == 2 {
		if given, ok := palladius(ws[1]); ok {
			return capital(fam[0]) + " " + capital(strings.Join(given, ""))
		}
	}
	given, family := ws[0], ws[len(ws)-1]
	gn, fem := nominativeGiven(given)
	fn := nominativeFamily(family, fem)
	return lang.Romanize(gn, lang.SchemeWikipedia) + " " + lang.Romanize(fn, lang.SchemeWikipedia)
}

// palladius reads a Chinese given name in Palladius spelling, also when
// a Russian case ending follows it (Цзиньпином, Чжигана).
func palladius(w string) ([]string, bool) {
	if syl, ok := lang.PinyinFromCyrillic(w); ok {
		return syl, true
	}
	for _, e := range []string{"ом", "ем", "ым", "а", "у", "е", "я", "ю"} {
		if s, ok := strings.CutSuffix(w, e); ok {
			if syl, ok := lang.PinyinFromCyrillic(s); ok {
				return syl, true
			}
		}
	}
	return nil, false
}

// capital returns s with its first letter in upper case.
func capital(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

// nominativeGiven puts a Russian given name in the nominative and tells
// whether it is a woman's name.
func nominativeGiven(w string) (string, bool) {
	if femaleNames[w] {
		return w, true
	}
	for _, e := range []struct {
		from, to string
		fem      bool
	}{{"ием", "ий", false}, {"ию", "ий", false}, {"ия", "ий", false}, {"еем", "ей", false}, {"ея", "ей", false},
		{"ею", "ей", false}, {"аем", "ай", false}, {"ая", "ай", false}, {"аю", "ай", false},
		{"ьей", "ья", true}, {"ья", "ья", true}, {"ью", "ья", true}, {"ией", "ия", true},
		{"ой", "а", true}, {"ом", "", false}, {"у", "", false}, {"а", "", false}, {"е", "", false}} {
		if s, ok := strings.CutSuffix(w, e.from); ok && utf8.RuneCountInString(s) >= 1 {
			if e.from == "е" && femaleNames[s+"а"] {
				return s + "а", true
			}
			return s + e.to, e.fem
		}
	}
	r, _ := utf8.DecodeLastRuneInString(w)
	return w, r == 'а' || r == 'я'
}

// femaleNames are common Russian women's names ending in -а, which the
// masculine genitive ending would otherwise cut.
var femaleNames = map[string]bool{"Татьяна": true, "Анна": true, "Елена": true, "Ольга": true, "Ирина": true,
	"Наталья": true, "Мария": true, "Светлана": true, "Екатерина": true, "Валентина": true, "Марина": true,
	"Людмила": true, "Вероника": true, "Галина": true, "Юлия": true, "Анастасия": true, "Дарья": true, "Вера": true, "Виктория": true, "Лидия": true}

// nominativeFamily puts a Russian family name in the nominative.
func nominativeFamily(w string, fem bool) string {
	ends := []struct{ from, to string }{{"ской", "ская"}, {"ского", "ский"}, {"скому", "ский"}, {"ским", "ский"}, {"ском", "ский"}}
	if fem {
		ends = append(ends, struct{ from, to string }{"ой", "а"}, struct{ from, to string }{"ую", "а"})
	} else {
		ends = append(ends, struct{ from, to string }{"ым", ""}, struct{ from, to string }{"ом", ""},
			struct{ from, to string }{"ем", ""}, struct{ from, to string }{"а", ""}, struct{ from, to string }{"у", ""},
			struct{ from, to string }{"е", ""})
	}
	for _, e := range ends {
		if s, ok := strings.CutSuffix(w, e.from); ok && utf8.RuneCountInString(s) >= 3 {
			return s + e.to
		}
	}
	return w
}
