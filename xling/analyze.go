package xling

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"amur"
	"amur/lang"
	"amur/lexicon"
)

// term is one concept of an analysed text and where it came from.
type term struct {
	key    string
	weight float32
	bridge Bridge
	// src is the index of the token the concept came from.
	src int32
	// via is the translation or spelling that led to the concept, for
	// explanations: "nuclear energy" for 核能, "region" for регион.
	via string
}

// analysis is a text cut into tokens and turned into concepts.
type analysis struct {
	text  string
	toks  []lang.Token
	terms []term
}

// surface returns what the author wrote for the token of t.
func (a *analysis) surface(t term) string {
	return a.toks[t.src].Surface(a.text)
}

// tokenizer keeps Chinese words whole, so that each can be looked up in
// CC-CEDICT; words the dictionary lacks are split again by the analyser.
var tokenizer = lang.Tokenizer{Chinese: lang.SegmentDictPlain}

// analyze turns text into weighted concepts. Without bridges only what
// every language shares on its face survives across languages: numbers,
// units and Latin tokens; that is the baseline the bridges are measured
// against.
func analyze(text string, l amur.Lang, bridges bool) analysis {
	// Traditional characters become simplified ones of the same byte
	// length, so the tokens' offsets still point into text.
	a := analysis{text: text, toks: tokenizer.Tokens(lexicon.Simplify(text), l)}
	for i, t := range a.toks {
		src := int32(i)
		switch t.Kind {
		case lang.KindNumber:
			a.terms = append(a.terms, term{prefixNumber + t.Text, 1, Number, src, t.Text})
		case lang.KindUnit:
			a.terms = append(a.terms, term{prefixUnit + t.Stem, 1, Number, src, t.Stem})
		case lang.KindHan:
			a.terms = append(a.terms, term{prefixZH + t.Text, 1, Same, src, ""})
			if bridges {
				a.terms = appendConcepts(a.terms, src, lex().chinese(t.Text))
			}
		case lang.KindWord:
			a.terms = a.word(a.terms, t, src, bridges)
		}
	}
	return a
}

// word adds the concepts of a word of an alphabetic script.
func (a *analysis) word(out []term, t lang.Token, src int32, bridges bool) []term {
	r, _ := utf8.DecodeRuneInString(t.Text)
	capital := startsUpper(t.Surface(a.text))
	if lang.Script(r) != lang.Cyrillic {
		return append(out, term{t.Stem, 1, Latin, src, ""})
	}
	out = append(out, term{prefixRU + t.Stem, 1, Same, src, ""})
	if bridges {
		out = appendConcepts(out, src, lex().russian(t.Text, capital))
	}
	return out
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// concept is a weighted concept of one word, before it is placed in a
// text.
type concept struct {
	key    string
	weight float32
	bridge Bridge
	via    string
}

func appendConcepts(out []term, src int32, cs []concept) []term {
	for _, c := range cs {
		out = append(out, term{c.key, c.weight, c.bridge, src, c.via})
	}
	return out
}

// fromTranslations turns a word's weighted translations into concepts:
// the English lemmas of each translation, a phrase's words sharing its
// weight, each lemma at its best weight, and the word's total weight
// scaled to the square root of the number of its concepts, so that a
// word with many senses does not outweigh a word with one.
func fromTranslations(tr []lexicon.Translation, scale float32, b Bridge) []concept {
	var out []concept
	for _, t := range tr {
		stems := englishLemmas(t.Text)
		w := scale * t.Weight / float32(math.Sqrt(float64(max(1, len(stems)))))
		for _, s := range stems {
			if i := indexKey(out, s); i >= 0 {
				out[i].weight = max(out[i].weight, w)
				continue
			}
			out = append(out, concept{s, w, b, t.Text})
		}
	}
	var sum float32
	for _, c := range out {
		sum += c.weight
	}
	if sum > 0 {
		norm := float32(math.Sqrt(float64(len(out)))) / sum
		for i := range out {
			out[i].weight *= min(1, norm)
		}
	}
	return out
}

func indexKey(cs []concept, key string) int {
	for i, c := range cs {
		if c.key == key {
			return i
		}
	}
	return -1
}

// glossPlaceholder lists the words dictionaries write for an object in a
// gloss ("take sth to be", "ask sb for help"); no text says them.
var glossPlaceholder = map[string]bool{"sb": true, "sth": true, "sb's": true, "sth's": true, "oneself": true, "etc": true}

// englishLemmas returns the stems of the content words of an English
// phrase, as Tokens gives them for English text.
func englishLemmas(phrase string) []string {
	var out []string
	for _, t := range lang.Tokens(phrase, amur.EN) {
		if t.Kind == lang.KindWord && !glossPlaceholder[t.Text] &&
			!strings.ContainsFunc(t.Text, func(r rune) bool { return r >= 0x80 }) {
			out = append(out, t.Stem)
		}
	}
	return out
}
