package lang

import (
	"unicode"
	"unicode/utf8"

	"amur"
)

// Kind tells what a token stands for.
type Kind uint8

// The kinds of token.
const (
	// KindWord is a word of an alphabetic script, or a letter-digit code
	// such as "h1n1" or "5g".
	KindWord Kind = iota + 1
	// KindNumber is a number, from digits, Chinese numerals or number
	// words; its Text holds plain digits with an optional decimal point.
	KindNumber
	// KindUnit is a unit of measure that follows a number: km, кВт, %, 公里.
	KindUnit
	// KindHan is a Chinese word, character bigram or single character.
	KindHan
)

// String returns the kind's lower-case name.
func (k Kind) String() string {
	switch k {
	case KindWord:
		return "word"
	case KindNumber:
		return "number"
	case KindUnit:
		return "unit"
	case KindHan:
		return "han"
	}
	return "unknown"
}

// Token is one unit of indexed text.
type Token struct {
	// Text is the folded form of the token (see Fold); for numbers it is
	// the value in plain digits, "1000" for "1 000", "一千" or "thousand".
	Text string `json:"text"`
	// Stem is the key to match on: the snowball stem of a Russian or
	// English word, the Latin symbol of a unit (км and 公里 are "km"), and
	// Text for everything else.
	Stem string `json:"stem"`
	// Start and End are the byte offsets of the token's surface form in
	// the original string, so s[Start:End] is what the author wrote.
	Start int `json:"start"`
	End   int `json:"end"`
	// Kind tells what the token stands for.
	Kind Kind `json:"kind"`
}

// Surface returns the token's text as written in s, the string it was
// taken from, or "" when the offsets do not fit s.
func (t Token) Surface(s string) string {
	if t.Start < 0 || t.Start > t.End || t.End > len(s) {
		return ""
	}
	return s[t.Start:t.End]
}

// Segmentation selects how Chinese text is cut into tokens.
type Segmentation uint8

// The Chinese segmentations. lang/README.md compares them on retrieval:
// bigrams find a sentence from any fragment of it far more often, and tie
// with dictionary words on matching related text, so they are the default.
const (
	// SegmentBigram cuts Chinese into overlapping character bigrams, plus
	// a unigram for a run of one character.
	SegmentBigram Segmentation = iota
	// SegmentDict cuts Chinese into dictionary words with a unigram
	// Viterbi search over a word-frequency list, and also emits the
	// dictionary words inside words of three or more characters and the
	// bigrams of runs of single characters the dictionary leaves (often a
	// name), so that 联合研究所 is found by 研究所 and 张平文 by 平文.
	SegmentDict
	// SegmentDictPlain is SegmentDict without the inner words and bigrams:
	// one token per word, for keyword extraction and display.
	SegmentDictPlain
)

// String returns the segmentation's name.
func (g Segmentation) String() string {
	switch g {
	case SegmentDict:
		return "dict"
	case SegmentDictPlain:
		return "dict-plain"
	}
	return "bigram"
}

// Tokenizer cuts text into tokens. Its zero value is the default used by
// Tokens; a Tokenizer holds no state and may be shared.
type Tokenizer struct {
	// Chinese selects the segmentation of Han text.
	Chinese Segmentation
	// KeepStopWords keeps function words (the, и, 的) that are dropped by
	// default.
	KeepStopWords bool
}

// Tokens cuts s into tokens with the default Tokenizer. See
// Tokenizer.Tokens.
func Tokens(s string, l amur.Lang) []Token {
	var t Tokenizer
	return t.AppendTokens(nil, s, l)
}

// Tokens cuts s into tokens in order of their offsets. Words are chosen by
// their script, whatever l says: Cyrillic words are stemmed as Russian,
// Latin ones as English, Han text is segmented as Chinese, so "NICA" in a
// Chinese sentence is an English word. l decides what scripts cannot: in
// Russian "3,5" is three and a half, elsewhere two numbers. Numbers in
// digits, Chinese numerals and Russian or English words become number
// tokens; a unit right after a number becomes a unit token; stop words are
// dropped unless KeepStopWords is set.
func (t Tokenizer) Tokens(s string, l amur.Lang) []Token {
	return t.AppendTokens(nil, s, l)
}

// AppendTokens appends the tokens of s to dst and returns the extended
// slice, so that an indexer can reuse one slice for many records.
func (t Tokenizer) AppendTokens(dst []Token, s string, l amur.Lang) []Token {
	p := scanner{s: s, lang: l, tk: t, out: dst, first: len(dst)}
	p.run()
	p.out = mergeNumberWords(s, p.out, p.first)
	return p.finish()
}

// scanner walks one string and collects raw tokens: folded, unstemmed and
// with stop words still in, so that number words can be joined across them.
type scanner struct {
	s     string
	lang  amur.Lang
	tk    Tokenizer
	out   []Token
	first int      // index in out of the first token of s
	pos   []int    // scratch: rune offsets of a Han run
	route []zhStep // scratch: the Viterbi table of a Han run
}

func (p *scanner) run() {
	s := p.s
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isDigit(r):
			i = p.number(i)
		case r >= 0x3000 && Script(r) == Han:
			i = p.han(i)
		case isLetter(r):
			i = p.word(i)
		default:
			i += n
		}
	}
}

func (p *scanner) emit(text, stem string, start, end int, k Kind) {
	p.out = append(p.out, Token{Text: text, Stem: stem, Start: start, End: end, Kind: k})
}

// isDigit reports whether r is an ASCII or a full-width decimal digit.
func isDigit(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
}

// isLetter reports whether r can start a word of an alphabetic script.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	return unicode.IsLetter(r)
}

// wordEnd returns the end of the word that starts at i: letters, digits,
// combining marks, and apostrophes or invisible format characters between
// letters (don't, O'Neill, a soft hyphen inside информация).
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case isDigit(r) || unicode.Is(unicode.Mn, r):
		case isLetter(r):
			if r >= 0x3000 && Script(r) == Han {
				return j
			}
		case r == '\'' || r == '’' || r == 'ʼ' || isFormatRune(r):
			if j == i || !letterAt(s, j+n) {
				return j
			}
		default:
			return j
		}
		j += n
	}
	return j
}

// letterAt reports whether a non-Han letter starts at byte i of s.
func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isLetter(r) && Script(r) != Han
}

// word emits the word starting at byte i and returns its end.
func (p *scanner) word(i int) int {
	j := wordEnd(p.s, i)
	text := fixHomoglyphs(Fold(p.s[i:j]))
	if text != "" {
		p.emit(text, "", i, j, KindWord)
	}
	return j
}

// finish stems the words, drops stop words and returns the token list.
func (p *scanner) finish() []Token {
	out := p.out[:p.first]
	for _, t := range p.out[p.first:] {
		switch t.Kind {
		case KindWord:
			if !p.tk.KeepStopWords && isStopWord(t.Text) {
				continue
			}
			t.Stem = stemWord(t.Text)
		case KindHan:
			if !p.tk.KeepStopWords && zhStop[t.Text] {
				continue
			}
			t.Stem = t.Text
		default:
			if t.Stem == "" {
				t.Stem = t.Text
			}
		}
		out = append(out, t)
	}
	return out
}
