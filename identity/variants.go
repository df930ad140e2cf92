package identity

import (
	"slices"
	"strings"
	"unicode/utf8"

	"amur/lang"
)

// Variant is one spelling of a name and how it was made.
type Variant struct {
	Text string `json:"text"`
	Via  string `json:"via"`
}

// variants collects distinct spellings in order.
type variants struct {
	out  []Variant
	seen map[string]bool
}

func (v *variants) add(text, via string) {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" || v.seen[text] {
		return
	}
	if v.seen == nil {
		v.seen = map[string]bool{}
	}
	v.seen[text] = true
	v.out = append(v.out, Variant{text, via})
}

// PersonVariants returns the spellings of a person's name in the three
// scripts, for aliases and for searching sources: a Russian name in every
// romanisation scheme of lang.Romanize (Semin Aleksei Alekseevich,
// Aleksey, Alexei, Alexey), with initials (A. A. Semin, Семин А. А.),
// given name first, and with ё where an е may stand for it (Syomin); a
// Chinese name in pinyin family first and given first, with and without
// tone marks, spaces and hyphens, and in Palladius Cyrillic (Чжан
// Пинвэнь); a Latin name in the Cyrillic spellings lang.Cyrillize ranks
// first and, when it reads as pinyin, in the likeliest Han characters.
func PersonVariants(name string) []Variant {
	n := ParsePerson(name)
	var v variants
	v.add(name, viaSame)
	switch {
	case n.Chinese:
		chineseVariants(&v, n)
	case isCyrillic(name):
		cyrillicVariants(&v, n)
	default:
		latinVariants(&v, name, n)
	}
	return v.out
}

// ordered returns the family, given and patronymic parts of a name and
// its initials in the order written.
func ordered(n PersonName) (fam, given, pat string) {
	return n.Part(RoleFamily), n.Part(RoleGiven), n.Part(RolePatronymic)
}

// cyrillicVariants adds the romanisations of a Russian name.
func cyrillicVariants(v *variants, n PersonName) {
	fam, given, pat := ordered(n)
	if fam == "" && len(n.Parts) > 0 {
		// Without a patronymic or a comma the order is the running text's:
		// given name first, family name last.
		fam = n.Parts[len(n.Parts)-1].Text
		if len(n.Parts) > 1 {
			given = n.Parts[0].Text
		}
	}
	forms := func(f, g, p string) {
		v.add(strings.Join([]string{f, g, p}, " "), viaSame)
		v.add(strings.Join([]string{g, p, f}, " "), viaSame)
		if g != "" {
			v.add(initials(g, p)+" "+f, viaInitial)
			v.add(f+" "+initials(g, p), viaInitial)
		}
	}
	forms(fam, given, pat)
	for _, sc := range lang.Schemes {
		r := func(s string) string { return lang.Romanize(s, sc) }
		before := len(v.out)
		forms(r(fam), r(given), r(pat))
		for i := before; i < len(v.out); i++ {
			v.out[i].Via = viaRoman + " " + sc.String()
		}
	}
	// The spellings English text adds: x for кс (Alexei), -i and -y for
	// -ий (Yuri, Yury), written with the family name.
	rf := lang.Romanize(fam, lang.SchemeBGNPCGN)
	if given != "" {
		base := lang.Romanize(given, lang.SchemeBGNPCGN)
		alts := []string{strings.ReplaceAll(base, "ks", "x")}
		if s, ok := strings.CutSuffix(base, "iy"); ok {
			alts = append(alts, s+"i", s+"y")
		}
		for _, g := range alts {
			v.add(g+" "+rf, viaSpelling)
			v.add(rf+" "+g, viaSpelling)
		}
	}
	if yo := withYo(fam); yo != fam {
		v.add(yo, viaSpelling)
		v.add(lang.Romanize(yo, lang.SchemeWikipedia), viaSpelling)
	}
	if m := feminineOf(fam); m != "" {
		v.add(m, viaGender)
	}
}

// initials writes the initials of the given name and patronymic: "А. А.".
func initials(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p == "" {
			continue
		}
		r, n := utf8.DecodeRuneInString(p)
		in := string(r)
		// Romanised initials keep the digraph of one Cyrillic letter: Yu. for Ю.
		for _, d := range []string{"Yu", "Ya", "Ye", "Yo", "Zh", "Sh", "Ch", "Kh", "Ts", "Iu", "Ia"} {
			if strings.HasPrefix(p, d) && len(p) > len(d) {
				in = p[:n+1]
				break
			}
		}
		out = append(out, in+".")
	}
	return strings.Join(out, " ")
}

// withYo writes ё for the first е after a consonant that Russian print
// often leaves as е (Семин for Сёмин).
func withYo(s string) string {
	rs := []rune(s)
	for i := 1; i < len(rs); i++ {
		if rs[i] == 'е' && !strings.ContainsRune("аеёиоуыэюяйьъ", rs[i-1]) {
			rs[i] = 'ё'
			return string(rs)
		}
	}
	return s
}

// feminineOf returns the feminine form of a Russian masculine surname
// (Семин → Семина, Маслов → Маслова, Шахрай has none), or "".
func feminineOf(s string) string {
	for _, e := range []struct{ m, f string }{{"ский", "ская"}, {"цкий", "цкая"}, {"ов", "ова"}, {"ев", "ева"}, {"ёв", "ёва"}, {"ин", "ина"}, {"ын", "ына"}} {
		if b, ok := strings.CutSuffix(s, e.m); ok {
			return b + e.f
		}
	}
	return ""
}

// chineseVariants adds the pinyin and Palladius spellings of a Chinese name.
func chineseVariants(v *variants, n PersonName) {
	s := ""
	for _, p := range n.Parts {
		s += p.Text
	}
	cn := lang.NamePinyin(s)
	for _, f := range cn.Forms() {
		v.add(f, viaPinyin)
	}
	v.add(cn.FamilyTone+" "+cn.GivenTone, viaPinyin+" tone marks")
	v.add(cn.GivenTone+" "+cn.FamilyTone, viaPinyin+" tone marks")
	v.add(cn.FamilyNumbered+" "+cn.GivenNumbered, viaPinyin+" tone numbers")
	v.add(cn.Family+strings.ToLower(cn.Given), viaPinyin+" without spaces")
	v.add(strings.ToUpper(cn.Family)+" "+cn.Given, viaPinyin)
	if cn.Given != "" {
		v.add(initials(cn.Given)+" "+cn.Family, viaInitial)
	}
	pal := func(p string) string {
		var b strings.Builder
		for _, syl := range lang.Pinyin(p) {
			b.WriteString(lang.Palladius(syl))
		}
		return capitalizeFirst(b.String())
	}
	fam, given := n.Part(RoleFamily), n.Part(RoleGiven)
	v.add(pal(fam)+" "+pal(given), viaPalladio)
}

// capitalizeFirst upper-cases the first letter of s.
func capitalizeFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return strings.ToUpper(string(r)) + s[n:]
}

// latinVariants adds the Cyrillic and Han spellings of a Latin name.
func latinVariants(v *variants, name string, n PersonName) {
	for i, c := range lang.Cyrillize(name) {
		if i == 3 {
			break
		}
		v.add(c, "cyrillize")
	}
	for _, h := range HanziCandidates(name, 3) {
		v.add(h, viaPinyin+" to hanzi")
	}
	fam, given, pat := ordered(n)
	if fam != "" && given != "" {
		v.add(initials(given, pat)+" "+fam, viaInitial)
	}
	v.add(lang.LatinKey(name), viaLatin)
}

// OrganizationVariants returns the spellings of an organisation's name
// useful for searching: the name without its legal form, its word-by-word
// English reading through the organisation vocabulary and the lexicons,
// its acronyms and initials, and the names of the known organisation it
// is.
func OrganizationVariants(name string) []Variant {
	var v variants
	v.add(name, viaSame)
	f := analyzeOrg(name)
	if s := stripLegalForms(lang.Fold(name)); s != lang.Fold(name) {
		v.add(s, "without legal form")
	}
	v.add(f.English(), "translation")
	for _, a := range f.acronyms {
		v.add(strings.ToUpper(a), viaAcronym)
	}
	if len([]rune(f.initials)) >= 3 {
		v.add(strings.ToUpper(f.initials), "initials")
	}
	if f.known != "" {
		var names []string
		for n, id := range orgVocab().known {
			if id == f.known {
				names = append(names, n)
			}
		}
		slices.Sort(names)
		for _, n := range names {
			v.add(n, viaKnown)
		}
	}
	return v.out
}

// English returns the word-by-word English reading of the name: each
// word's best translation, or the word itself.
func (f *orgForm) English() string {
	var out []string
	for _, s := range f.slots {
		word := s.en
		if word == "" {
			word = s.word
		}
		if len(out) == 0 || out[len(out)-1] != word {
			out = append(out, word)
		}
	}
	return strings.Join(out, " ")
}
