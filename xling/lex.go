package xling

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"amur/lang"
	"amur/lexicon"
)

// lexBridge turns words into pivot concepts through the lexicons, with a
// cache per word, since a collection repeats its words and a look-up
// stems every translation.
type lexBridge struct {
	zhEn, ruEn, enRu *lexicon.Dict
	morph            *lexicon.Morph
	cognates         *cognateIndex

	cache sync.Map // "lang\x00word" → []concept
	size  atomic.Int64
}

// nameWeight is the weight of a capitalised word's romanisation: full
// when nothing else translates the word, else half.
func nameWeight(others int) float32 {
	if others == 0 {
		return 1
	}
	return 0.5
}

// nameEndings rewrite the case endings of Russian surnames and place
// names to their nominative: Голиковой → Голикова, Зеленского →
// Зеленский, Путиным → Путин, Путина → Путин.
var nameEndings = []struct{ from, to string }{
	{"ской", "ская"}, {"ского", "ский"}, {"скому", "ский"}, {"ским", "ский"}, {"ском", "ский"},
	{"ой", "а"}, {"ую", "а"}, {"ым", ""}, {"ом", ""}, {"ем", ""}, {"а", ""}, {"у", ""}, {"е", ""},
}

// nominatives returns a capitalised word and, when it ends like an
// inflected name, the nominative it would have; a feminine nominative
// (Голикова) also yields the masculine form, which costs little.
func nominatives(w string) []string {
	for _, e := range nameEndings {
		if stem, ok := strings.CutSuffix(w, e.from); ok && utf8.RuneCountInString(stem) >= 3 {
			return []string{w, stem + e.to}
		}
	}
	return []string{w}
}

// cognateWeight is the weight of the cognate of a word that also has
// dictionary translations.
const cognateWeight = 0.5

// maxCached bounds the word cache; past it the cache starts again, which
// costs recomputation but never unbounded memory on hostile input.
const maxCached = 500_000

var lex = sync.OnceValue(func() *lexBridge {
	b := &lexBridge{zhEn: lexicon.ZhEn(), ruEn: lexicon.RuEn(), enRu: lexicon.EnRu(), morph: lexicon.Russian()}
	b.cognates = newCognateIndex(b.enRu)
	return b
})

// cached returns the concepts of key, computing them with f once.
func (b *lexBridge) cached(key string, f func() []concept) []concept {
	if v, ok := b.cache.Load(key); ok {
		return v.([]concept)
	}
	cs := f()
	if b.size.Add(1) > maxCached {
		b.cache.Clear()
		b.size.Store(0)
	}
	b.cache.Store(key, cs)
	return cs
}

// chinese returns the concepts of a Chinese word: its CC-CEDICT glosses,
// or those of the longest dictionary words it is made of (single
// characters at half weight, as they are the most ambiguous), and for a
// short word the dictionary lacks, most often a name, its pinyin.
func (b *lexBridge) chinese(w string) []concept {
	return b.cached("zh\x00"+w, func() []concept {
		if tr := b.zhEn.Lookup(w); tr != nil {
			return fromTranslations(tr, 1, Dictionary)
		}
		var out []concept
		runes := []rune(w)
		for i := 0; i < len(runes); {
			n := min(len(runes)-i, 6)
			for ; n > 1 && b.zhEn.Lookup(string(runes[i:i+n])) == nil; n-- {
			}
			scale := float32(1)
			if n == 1 {
				scale = 0.5
			}
			out = append(out, fromTranslations(b.zhEn.Lookup(string(runes[i:i+n])), scale, Dictionary)...)
			i += n
		}
		if len(runes) >= 2 && len(runes) <= 4 {
			out = append(out, chineseName(w)...)
		}
		return out
	})
}

// chineseName returns the pinyin concepts of a Chinese name: family name
// and given name, each one word as the other languages write them, so
// that they meet English text (Zhang Pingwen), CC-CEDICT glosses of place
// names (Wuhan) and Palladius spellings read back (Чжан Пинвэнь).
func chineseName(w string) []concept {
	n := lang.NamePinyin(w)
	var out []concept
	for _, part := range []string{n.Family, n.Given} {
		if part != "" {
			out = append(out, concept{lang.Stem(part), 1, Name, part})
		}
	}
	return out
}

// russian returns the concepts of a Russian word: the translations of its
// dictionary forms, the first form weighing most; for a word no dictionary
// knows, the English word it is spelled like (and for a long known word
// too, at half weight); and for a capitalised word
// that reads as a Palladius spelling, the pinyin of the Chinese name.
func (b *lexBridge) russian(w string, capital bool) []concept {
	key := "ru\x00" + w
	if capital {
		key = "RU\x00" + w
	}
	return b.cached(key, func() []concept {
		var out []concept
		i := 0
		for _, l := range b.morph.Lemmas(w) {
			if i == 3 {
				break
			}
			tr := b.ruEn.Lookup(l)
			if tr == nil || len(out) > 0 && !b.morph.Primary(l) {
				// Words met only in phrases translate through the
				// phrase's other words; use them only as a last resort.
				continue
			}
			scale := float32(1)
			if i > 0 {
				scale = 0.6
			}
			for _, c := range fromTranslations(tr, scale, Dictionary) {
				if j := indexKey(out, c.key); j >= 0 {
					out[j].weight = max(out[j].weight, c.weight)
				} else {
					out = append(out, c)
				}
			}
			i++
		}
		n := utf8.RuneCountInString(w)
		if n >= 4 && len(out) == 0 || n >= 6 {
			// A cognate also backs up a known word: Mueller (1961) often
			// gives an old or narrow sense where the modern word is the
			// international one (технология, платформа).
			wt := float32(1)
			if len(out) > 0 {
				wt = cognateWeight
			}
			if en := b.cognates.find(w); en != "" {
				for _, s := range englishLemmas(en) {
					if indexKey(out, s) < 0 {
						out = append(out, concept{s, wt, Transliteration, en})
					}
				}
			}
		}
		if capital && len(out) == 0 {
			if syls, ok := lang.PinyinFromCyrillic(w); ok {
				p := strings.Join(syls, "")
				out = append(out, concept{lang.Stem(p), 1, Name, p})
			}
		}
		if capital && n >= 4 {
			// A capitalised word may be a foreign name, which English and
			// CC-CEDICT spell much as the Wikipedia romanisation of its
			// nominative does (Путина Putin, Голиковой Golikova, Алеппо
			// Aleppo), whatever the dictionary makes of it (Путин is no
			// "putting").
			wt := nameWeight(len(out))
			for _, form := range nominatives(w) {
				r := strings.ToLower(lang.Romanize(form, lang.SchemeWikipedia))
				if s := lang.Stem(r); indexKey(out, s) < 0 {
					out = append(out, concept{s, wt, Transliteration, r})
				}
			}
		}
		return out
	})
}
