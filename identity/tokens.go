package identity

import (
	"strings"
	"unicode/utf8"

	"amur/lang"
	"amur/lexicon"
)

// The bridges through which a name part reaches a key; explanations name them.
const (
	viaSame      = "same spelling"
	viaLatin     = "latin key"
	viaRoman     = "romanization"
	viaPinyin    = "pinyin"
	viaPalladio  = "palladius"
	viaGender    = "gender form"
	viaSpelling  = "spelling variant"
	viaInitial   = "initial"
	viaSimilar   = "similar spelling"
	viaHomophone = "homophone"
)

// key is one phonetic key of a name part and the bridge that produced it.
type key struct {
	k   string
	via string
	// alt marks a key of a variant (gender form, spelling variant), which
	// scores a little below the part's own key.
	alt bool
}

// token is one name part prepared for matching.
type token struct {
	text    string
	role    Role
	initial bool
	han     bool
	keys    []key
	// py is the plain pinyin of a part that reads as pinyin, written in
	// any script, or "".
	py string
}

// addKey appends a key unless it is empty or already there.
func (t *token) addKey(k, via string, alt bool) {
	if k == "" {
		return
	}
	for _, have := range t.keys {
		if have.k == k {
			return
		}
	}
	t.keys = append(t.keys, key{k, via, alt})
}

// readings returns the ways a person's name can be aligned: its parts as
// tokens, and for a Chinese name also the whole name as one token (平文 is
// a two-character full name or a given name alone).
func readings(n PersonName) [][]token {
	var toks []token
	for _, p := range n.Parts {
		if n.Chinese {
			toks = append(toks, hanToken(p))
		} else {
			toks = append(toks, wordToken(p))
		}
	}
	out := [][]token{toks}
	if n.Chinese && len(n.Parts) > 1 {
		whole := NamePart{Text: "", Role: RoleUnknown}
		for _, p := range n.Parts {
			whole.Text += p.Text
		}
		t := token{text: whole.Text, han: true}
		for _, k := range givenKeys(whole.Text) {
			t.addKey(k, viaPinyin, false)
		}
		out = append(out, []token{t})
	}
	if n.Chinese {
		if r := transcriptionReading(n); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// hanToken prepares a part written in Han characters: a family name with
// its surname reading, a given name with the readings of its characters.
func hanToken(p NamePart) token {
	t := token{text: p.Text, role: p.Role, han: true}
	if p.Role == RoleFamily {
		t.py = strings.ToLower(stripDigits(lang.NamePinyin(p.Text + "一").FamilyNumbered))
	}
	if t.py == "" || countSyllables(lang.NamePinyin(p.Text+"一").FamilyNumbered) != utf8.RuneCountInString(p.Text) {
		t.py = strings.Join(lang.Pinyin(p.Text), "")
	}
	if p.Role == RoleFamily {
		// A family name has its surname reading only (单 Shan, not Dan).
		cn := lang.NamePinyin(p.Text + "一")
		if countSyllables(cn.FamilyNumbered) == utf8.RuneCountInString(p.Text) {
			t.addKey(lang.LatinKey(cn.Family), viaPinyin, false)
			return t
		}
		// A transcribed foreign family name (谢明 in 阿列克谢·谢明).
	}
	for _, k := range givenKeys(p.Text) {
		t.addKey(k, viaPinyin, false)
	}
	return t
}

// givenKeys returns the key of a given name in Han characters: the
// common reading of each character (the other readings of polyphonic
// characters are mostly literary and would join names that differ); a
// character without a reading stands for itself.
func givenKeys(s string) []string {
	var b strings.Builder
	for _, r := range s {
		if rs := hanReadings(r); len(rs) > 0 {
			b.WriteString(rs[0])
		} else {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return nil
	}
	return []string{lang.LatinKey(b.String())}
}

// wordToken prepares a part written in Latin or Cyrillic letters.
func wordToken(p NamePart) token {
	w := strings.ReplaceAll(p.Text, "-", "")
	t := token{text: p.Text, role: p.Role, initial: p.Initial}
	cyr := isCyrillic(w)
	via := viaLatin
	if cyr {
		via = viaRoman
	}
	k := lang.LatinKey(w)
	t.addKey(k, via, false)
	if p.Initial {
		return t
	}
	if p.Role == RoleFamily || p.Role == RoleUnknown {
		if m := masculine(k); m != k {
			t.addKey(m, viaGender, true)
		}
	}
	if cyr {
		if syl, ok := lang.PinyinFromCyrillic(w); ok && len(syl) > 0 {
			// Not kept as t.py: Russian words decode as Palladius too
			// (Семин as xie-min), so the decoding may not rule anything out.
			t.addKey(lang.LatinKey(strings.Join(syl, "")), viaPalladio, false)
		}
		return t
	}
	if syl, ok := lang.PinyinWord(strings.ToLower(w)); ok && len(syl) > 0 {
		t.py = strings.Join(syl, "")
	}
	for _, v := range spellingVariants(k) {
		t.addKey(v, viaSpelling, true)
	}
	return t
}

// stripDigits removes the tone digits of numbered pinyin.
func stripDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == '\'' {
			return -1
		}
		return r
	}, s)
}

// isCyrillic reports whether s has a Cyrillic letter.
func isCyrillic(s string) bool {
	for _, r := range s {
		if lang.Script(r) == lang.Cyrillic {
			return true
		}
	}
	return false
}

// feminineEndings map the keys of Russian feminine surnames to the
// masculine form: Семина → Семин, Голикова → Голиков, Чайковская →
// Чайковский. Keys are lang.LatinKey's: й and ы are i, я is ia.
var feminineEndings = []struct{ fem, masc string }{
	{"skaia", "ski"}, {"ckaia", "cki"}, {"aia", "ii"}, {"ova", "ov"}, {"eva", "ev"}, {"ina", "in"}, {"ena", "en"},
}

// masculine returns the masculine form of a surname key, or the key.
func masculine(k string) string {
	if len(k) < 5 {
		return k
	}
	for _, e := range feminineEndings {
		if strings.HasSuffix(k, e.fem) {
			return k[:len(k)-len(e.fem)] + e.masc
		}
	}
	return k
}

// spellingRules rewrite a key the way spellings of other languages than
// English differ from it: German ch for х (Michail, Sacharow), French gu
// before e and i (Serguei), eo for ё (Feodor), French j and German sch
// for ж and ш are rarer and left to the similarity of keys.
var spellingRules = strings.NewReplacer("q", "h", "gue", "ge", "gui", "gi", "eo", "e", "io", "e")

// spellingVariants returns the keys of the spelling variants of a Latin key.
func spellingVariants(k string) []string {
	var out []string
	if v := spellingRules.Replace(k); v != k {
		out = append(out, v)
	}
	return out
}

// similarity returns 1 minus the Levenshtein distance of two keys over
// the longer length; keys too different in length to reach 0.7 are 0
// at once, since only those are worth the distance.
func similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 || la > 63 || lb > 63 {
		return 0
	}
	if d := la - lb; d*10 > 3*max(la, lb) || -d*10 > 3*max(la, lb) {
		return 0
	}
	// Optimal string alignment: a swap of two neighbouring letters, the
	// commonest typing error, is one edit.
	var buf [3][64]int
	pp, prev, cur := buf[0][:lb+1], buf[1][:lb+1], buf[2][:lb+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		for j := 1; j <= lb; j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				c = min(c, pp[j-2]+1)
			}
			cur[j] = c
		}
		pp, prev, cur = prev, cur, pp
	}
	return 1 - float64(prev[lb])/float64(max(la, lb))
}

// tokenSim scores two name parts in [0, 1] and tells through which bridge
// they met; keys that differ count when their similarity reaches minSim.
func tokenSim(a, b *token, minSim float64) (float64, string) {
	if a.initial || b.initial {
		return initialSim(a, b)
	}
	best, via := 0.0, ""
	for _, ka := range a.keys {
		for _, kb := range b.keys {
			if ka.k != kb.k {
				continue
			}
			s := 1.0
			if ka.alt || kb.alt {
				s = 0.93
			}
			if s > best {
				best, via = s, bridge(ka.via, kb.via)
			}
		}
	}
	if best > 0 {
		if lang.Fold(a.text) == lang.Fold(b.text) {
			return 1, viaSame
		}
		if a.py != "" && b.py != "" && a.py != b.py {
			// Pinyin tells apart what the key joins (Jiang, Yang).
			return 0.6, viaHomophone
		}
		if a.han && b.han && lexicon.Simplify(a.text) != lexicon.Simplify(b.text) {
			// Names written in characters are the same name only in the
			// same characters: 尹微 and 尹围 sound alike but differ.
			return 0.5, viaHomophone
		}
		return best, via
	}
	for _, ka := range a.keys {
		for _, kb := range b.keys {
			if ka.alt || kb.alt {
				continue
			}
			if s := similarity(ka.k, kb.k); s >= minSim && 0.85*s > best {
				best, via = 0.85*s, viaSimilar
			}
		}
	}
	return best, via
}

// bridge names the way two keys met: the bridge of the side that was
// rewritten, or the latin key when both were.
func bridge(a, b string) string {
	switch {
	case a == b:
		return a
	case a == viaLatin:
		return b
	case b == viaLatin:
		return a
	}
	return a + "+" + b
}

// initialSim scores a part against an initial: the same initial, or an
// initial that starts the other part's key.
func initialSim(a, b *token) (float64, string) {
	for _, ka := range a.keys {
		for _, kb := range b.keys {
			if ka.alt || kb.alt || ka.k == "" || kb.k == "" {
				continue
			}
			short, long := ka.k, kb.k
			if b.initial && !a.initial || b.initial && len(kb.k) < len(ka.k) {
				short, long = kb.k, ka.k
			}
			if strings.HasPrefix(long, short) || short[0] == long[0] {
				return 0.85, viaInitial
			}
		}
	}
	return 0, ""
}
