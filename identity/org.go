package identity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"amur"
	"amur/lang"
	"amur/lexicon"
)

// The bridges of organisation words.
const (
	viaVocab   = "organisation vocabulary"
	viaLexicon = "lexicon"
	viaCognate = "cognate"
	viaWord    = "same word"
	viaAcronym = "acronym"
	viaKnown   = "known organisation"
)

// slot is one word of an organisation's name read into English concepts:
// a word of an English name is one concept; a Chinese or Russian word
// becomes the concepts of its translations, or several slots when its
// best translation is a phrase (科学院 → academy, sciences).
type slot struct {
	word     string
	en       string // the English word of the best translation
	via      string
	concepts map[string]float32
}

// orgForm is an organisation's name prepared for matching.
type orgForm struct {
	name     string
	slots    []slot
	acronyms []string // folded acronyms the name is written with
	initials string   // the folded initials of its words
	known    string   // the id of a known organisation, or ""
	head     bool     // the name has a word only organisation names have
}

// cognateWeight is the weight of a cognate concept: below a translation,
// since a shared beginning of two words is weaker evidence.
const cognateWeight = 0.9

// maxGlossWords is the longest gloss read as a translation.
const maxGlossWords = 7

// maxTranslations bounds the dictionary translations kept per word.
const maxTranslations = 3

// analyzeOrg reads an organisation's name into concepts.
func analyzeOrg(name string) *orgForm {
	v := orgVocab()
	f := &orgForm{name: name}
	folded := foldName(name)
	f.known = v.known[folded]
	f.head = f.known != ""
	clean := stripLegalForms(lang.Fold(lang.Normalize(name)))
	for _, w := range strings.Fields(name) {
		w = strings.Trim(w, ".,«»\"()")
		if id, ok := v.knownAc[w]; ok && f.known == "" && len(strings.Fields(name)) == 1 {
			f.known = id
		}
		if isAcronym(w) {
			f.acronyms = append(f.acronyms, lang.Fold(w))
		}
	}
	for _, run := range scriptRuns(clean) {
		switch {
		case run.han:
			f.addChinese(run.text)
		case isCyrillic(run.text):
			f.addRussian(run.text)
		default:
			f.addEnglish(run.text)
		}
	}
	if in := f.wordInitials(); len([]rune(in)) >= 2 {
		f.initials = lang.Fold(in)
	}
	return f
}

// isAcronym reports whether a word is an acronym: two to eight letters,
// all capitals (MSU, МГУ), or capitals with small letters inside (SPbU).
func isAcronym(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 8 || !unicode.IsUpper([]rune(w)[0]) {
		return false
	}
	upper := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2 && upper*2 >= n
}

// wordInitials returns the first letters of the name's words in its own
// script (Московский государственный университет → мгу), the acronym it
// would have.
func (f *orgForm) wordInitials() string {
	var b strings.Builder
	for _, s := range f.slots {
		if s.via == viaWord || strings.HasPrefix(s.via, viaVocab) && !hasHan(s.word) {
			r, _ := utf8.DecodeRuneInString(s.word)
			if unicode.IsLetter(r) && lang.Script(r) != lang.Han {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// run is a stretch of a name in one script.
type run struct {
	text string
	han  bool
}

// scriptRuns cuts a name into runs of Han characters and of other text.
func scriptRuns(s string) []run {
	var out []run
	for _, r := range s {
		h := lang.Script(r) == lang.Han
		if len(out) == 0 || out[len(out)-1].han != h {
			out = append(out, run{han: h})
		}
		out[len(out)-1].text += string(r)
	}
	return out
}

// addEnglish adds the words of Latin text, each its own concept and its
// cognate key.
func (f *orgForm) addEnglish(s string) {
	for _, t := range lang.Tokens(s, amur.EN) {
		if legalForms[t.Text] || utf8.RuneCountInString(t.Text) < 2 {
			continue
		}
		sl := slot{word: t.Text, en: t.Text, via: viaWord, concepts: map[string]float32{"w:" + t.Stem: 1}}
		if c := cognate(t.Text); c != "" {
			sl.concepts[c] = cognateWeight
		}
		if orgVocab().heads[t.Stem] {
			f.head = true
		}
		f.slots = append(f.slots, sl)
	}
}

// addRussian adds Russian words: the longest phrase of the organisation
// vocabulary first, then the lexicon's translations of the word's
// dictionary form; every word also keeps its cognate key, so that
// Новосибирский meets Novosibirsk.
func (f *orgForm) addRussian(s string) {
	v := orgVocab()
	toks := lang.Tokens(strings.ReplaceAll(s, "-", " "), amur.RU)
	toks = slices.DeleteFunc(toks, func(t lang.Token) bool {
		// Initials and имени (named after) say nothing of the organisation.
		return utf8.RuneCountInString(t.Text) < 2 || t.Text == "им" || t.Text == "имени"
	})
	for i := 0; i < len(toks); {
		n := 0
		var en []string
		for l := min(v.ruMax, len(toks)-i); l > 0 && n == 0; l-- {
			stems := make([]string, l)
			for j := range l {
				stems[j] = toks[i+j].Stem
			}
			if tr, ok := v.ru[strings.Join(stems, " ")]; ok {
				n, en = l, tr
				if v.heads[strings.Join(stems, " ")] {
					f.head = true
				}
			}
		}
		words := make([]string, 0, max(n, 1))
		for j := range max(n, 1) {
			words = append(words, toks[i+j].Text)
		}
		word := strings.Join(words, " ")
		if n > 0 {
			f.addTranslations(word, viaVocab, weighted(en))
			i += n
			continue
		}
		var tr []lexicon.Translation
		if lem := lexicon.Russian().Lemmas(word); len(lem) > 0 {
			tr = lexicon.RuEn().Lookup(lem[0])
		}
		f.addTranslations(word, viaLexicon, tr)
		i++
	}
}

// addChinese adds Chinese text cut into words by lang's dictionary
// segmenter; a word neither the organisation vocabulary nor CC-CEDICT
// knows is cut again by the longest words they know, and a character
// neither knows is kept by its pinyin.
func (f *orgForm) addChinese(s string) {
	s = lexicon.Simplify(s)
	toks := zhWords.Tokens(s, amur.ZH)
	for i := 0; i < len(toks); {
		// Adjacent words that together make a known one are read
		// together: 生物 物理 is biophysics, not biology and physics.
		n := 1
		for j := min(len(toks), i+4); j > i+1; j-- {
			if knownZh(s[toks[i].Start:toks[j-1].End]) {
				n = j - i
				break
			}
		}
		f.addZhPiece(s[toks[i].Start:toks[i+n-1].End])
		i += n
	}
}

// addZhPiece adds a Chinese word: as a whole when known, else around the
// longest known word inside it (the vocabulary's first), and a piece that
// nothing knows as itself, read by its pinyin: usually a place or a
// name (云南, 新疆).
func (f *orgForm) addZhPiece(w string) {
	if w == "" || f.addZhWord(w) {
		return
	}
	rs := []rune(w)
	bi, bn, bv := -1, 0, false
	for i := range rs {
		for l := min(8, len(rs)-i); l > 1; l-- {
			if i == 0 && l == len(rs) {
				continue
			}
			sub := string(rs[i : i+l])
			_, vocab := orgVocab().zh[sub]
			if !vocab && len(lexicon.ZhEn().Lookup(sub)) == 0 {
				continue
			}
			if l > bn || l == bn && vocab && !bv {
				bi, bn, bv = i, l, vocab
			}
		}
	}
	if bi < 0 {
		f.addTranslations(w, viaCognate, nil)
		return
	}
	f.addZhPiece(string(rs[:bi]))
	f.addZhWord(string(rs[bi : bi+bn]))
	f.addZhPiece(string(rs[bi+bn:]))
}

// zhWords cuts Chinese into dictionary words, one token a word.
var zhWords = lang.Tokenizer{Chinese: lang.SegmentDictPlain, KeepStopWords: true}

// knownZh reports whether the vocabulary or CC-CEDICT has the word.
func knownZh(w string) bool {
	_, ok := orgVocab().zh[w]
	return ok || len(lexicon.ZhEn().Lookup(w)) > 0
}

// addZhWord adds a Chinese word the vocabulary or CC-CEDICT knows and
// reports whether it did.
func (f *orgForm) addZhWord(w string) bool {
	v := orgVocab()
	if en, ok := v.zh[w]; ok {
		if v.heads[w] {
			f.head = true
		}
		f.addTranslations(w, viaVocab, weighted(en))
		return true
	}
	if tr := lexicon.ZhEn().Lookup(w); len(tr) > 0 {
		f.addTranslations(w, viaLexicon, tr)
		return true
	}
	return false
}

// weighted turns a ranked list of vocabulary translations into weighted ones.
func weighted(en []string) []lexicon.Translation {
	out := make([]lexicon.Translation, len(en))
	for i, e := range en {
		out[i] = lexicon.Translation{Text: e, Weight: 1 / (1 + 0.3*float32(i))}
	}
	return out
}

// addTranslations adds the slots of one source word: the English words of
// its best translation, one slot each, with the other translations' words
// as further concepts of the slot at the same position, and the word's
// cognate key on the first slot.
func (f *orgForm) addTranslations(word, via string, tr []lexicon.Translation) {
	first := len(f.slots)
	for i, t := range tr {
		if i == maxTranslations {
			break
		}
		text := t.Text
		if j := strings.IndexAny(text, ",;(/"); j > 0 {
			text = text[:j]
		}
		toks := lang.Tokens(text, amur.EN)
		if len(toks) > maxGlossWords {
			// A long gloss describes rather than translates.
			toks = toks[:1]
		}
		for j, tk := range toks {
			at := first + j
			switch {
			case at < len(f.slots):
			case i == 0 || len(f.slots) == first:
				f.slots = append(f.slots, slot{word: word, via: via, concepts: map[string]float32{}})
				at = len(f.slots) - 1
			default:
				at = len(f.slots) - 1
			}
			if i == 0 && f.slots[at].en == "" {
				f.slots[at].en = tk.Text
				f.head = f.head || orgVocab().heads[tk.Stem]
			}
			c := "w:" + tk.Stem
			if t.Weight > f.slots[at].concepts[c] {
				f.slots[at].concepts[c] = t.Weight
			}
		}
	}
	if len(f.slots) == first {
		f.slots = append(f.slots, slot{word: word, via: viaCognate, concepts: map[string]float32{}})
	}
	for _, c := range []string{cognate(word), adjectiveBase(word)} {
		if c != "" && f.slots[first].concepts[c] < cognateWeight {
			f.slots[first].concepts[c] = cognateWeight
		}
	}
}

// cognate returns the cognate concept of a word: the first five letters
// of its phonetic key (the pinyin of Chinese), so that Московский meets
// Moscow and 上海 Shanghai; "" for words too short to tell.
func cognate(word string) string {
	if hasHan(word) {
		word = strings.Join(lang.Pinyin(word), "")
	}
	k := strings.ReplaceAll(lang.LatinKey(strings.ReplaceAll(word, " ", "")), " ", "")
	if len(k) < 4 {
		return ""
	}
	return "k:" + k[:min(5, len(k))]
}

// adjectiveBase returns the cognate concept of the base of a Russian
// place adjective (Пермский → perm, Томская → tom), which its English
// place name starts with, or "".
func adjectiveBase(word string) string {
	for _, suf := range []string{"ский", "ская", "ское", "ские", "ского", "ской", "ских", "скую", "ским", "скими", "скому"} {
		if b, ok := strings.CutSuffix(word, suf); ok {
			k := strings.ReplaceAll(lang.LatinKey(b), " ", "")
			if len(k) == 4 {
				return "k:" + k
			}
		}
	}
	return ""
}

// IsOrganizationName reports whether a name reads as an organisation's
// rather than a person's: it has a legal form, a word only organisation
// names have (university, институт, 大学), or more words than a person's
// name has.
func IsOrganizationName(s string) bool {
	f := lang.Fold(s)
	if stripLegalForms(f) != strings.Join(strings.Fields(strings.NewReplacer(",", " ", ".", " ", "\"", " ", "«", " ", "»", " ").Replace(f)), " ") {
		return true
	}
	if isAcronym(strings.TrimSpace(s)) {
		return true
	}
	words := strings.Fields(s)
	if len(words) > 4 {
		return true
	}
	if hasHan(s) && utf8.RuneCountInString(s) > 4 {
		return true
	}
	return analyzeOrg(s).head
}
