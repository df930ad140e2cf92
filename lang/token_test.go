package lang

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"amur"
)

// tok is a token as the tables below write it: surface, text, stem, kind.
type tok struct {
	Surface, Text, Stem string
	Kind                Kind
}

func simplify(s string, toks []Token) []tok {
	out := make([]tok, 0, len(toks))
	for _, t := range toks {
		out = append(out, tok{t.Surface(s), t.Text, t.Stem, t.Kind})
	}
	return out
}

func TestTokens(t *testing.T) {
	w, n, u, h := KindWord, KindNumber, KindUnit, KindHan
	tests := []struct {
		name string
		in   string
		lang amur.Lang
		want []tok
	}{
		{"empty", "", amur.EN, []tok{}},
		{"stop words only", "the and of", amur.EN, []tok{}},
		{"english stems", "Joint research projects", amur.EN,
			[]tok{{"Joint", "joint", "joint", w}, {"research", "research", "research", w}, {"projects", "projects", "project", w}}},
		{"russian stems and ё", "Ещё объёмные исследования", amur.RU,
			[]tok{{"объёмные", "объемные", "объемн", w}, {"исследования", "исследования", "исследован", w}}},
		{"grouped numbers", "1,000 and 1 000 and 25 000 000", amur.EN,
			[]tok{{"1,000", "1000", "1000", n}, {"1 000", "1000", "1000", n}, {"25 000 000", "25000000", "25000000", n}}},
		{"decimals", "3.5 and 3.50", amur.EN, []tok{{"3.5", "3.5", "3.5", n}, {"3.50", "3.5", "3.5", n}}},
		{"russian decimal comma", "3,5 млрд", amur.RU, []tok{{"3,5 млрд", "3500000000", "3500000000", n}}},
		{"english comma list", "3,5", amur.EN, []tok{{"3", "3", "3", n}, {"5", "5", "5", n}}},
		{"year", "in 2020", amur.EN, []tok{{"2020", "2020", "2020", n}}},
		{"full-width digits", "２０２０年", amur.ZH, []tok{{"２０２０", "2020", "2020", n}, {"年", "年", "年", h}}},
		{"units", "10 MW, 5km, 12%, 25 °C, 3 кВт·ч", amur.EN, []tok{
			{"10", "10", "10", n}, {"MW", "mw", "mw", u}, {"5", "5", "5", n}, {"km", "km", "km", u},
			{"12", "12", "12", n}, {"%", "%", "%", u}, {"25", "25", "25", n}, {"°C", "°c", "°c", u},
			{"3", "3", "3", n}, {"кВт·ч", "квт·ч", "kwh", u}}},
		{"squared symbols", "5㎞ 3 ㎏", amur.ZH, []tok{{"5", "5", "5", n}, {"㎞", "km", "km", u}, {"3", "3", "3", n}, {"㎏", "kg", "kg", u}}},
		{"russian units", "100 км и 5 т", amur.RU, []tok{{"100", "100", "100", n}, {"км", "км", "km", u},
			{"5", "5", "5", n}, {"т", "т", "t", u}}},
		{"not a unit", "2020 с партнёрами", amur.RU, []tok{{"2020", "2020", "2020", n}, {"партнёрами", "партнерами", "партнер", w}}},
		{"year abbreviation", "в 2020 г. и 2021 гг.", amur.RU, []tok{{"2020", "2020", "2020", n}, {"2021", "2021", "2021", n}}},
		{"codes", "5G and H1N1 and COVID-19", amur.EN, []tok{{"5G", "5g", "5g", w}, {"H1N1", "h1n1", "h1n1", w},
			{"COVID", "covid", "covid", w}, {"19", "19", "19", n}}},
		{"latin in russian", "коллайдер NICA в Дубне", amur.RU, []tok{{"коллайдер", "коллайдер", "коллайдер", w},
			{"NICA", "nica", "nica", w}, {"Дубне", "дубне", "дубн", w}}},
		{"latin in chinese", "NICA对撞机", amur.ZH, []tok{{"NICA", "nica", "nica", w}, {"对撞", "对撞", "对撞", h}, {"撞机", "撞机", "撞机", h}}},
		{"chinese bigrams", "核能合作", amur.ZH, []tok{{"核能", "核能", "核能", h}, {"能合", "能合", "能合", h}, {"合作", "合作", "合作", h}}},
		{"chinese single", "中，俄", amur.ZH, []tok{{"中", "中", "中", h}, {"俄", "俄", "俄", h}}},
		{"chinese stop", "的，了", amur.ZH, []tok{}},
		{"chinese scale", "3万吨", amur.ZH, []tok{{"3万", "30000", "30000", n}, {"吨", "吨", "t", u}}},
		{"chinese percent", "百分之五十", amur.ZH, []tok{{"百分之", "百分之", "%", u}, {"五十", "50", "50", n}}},
		{"apostrophes", "O'Neill don't", amur.EN, []tok{{"O'Neill", "o'neill", "o'neil", w}, {"don't", "don't", "don't", w}}},
		{"homoglyph", "Рoссия", amur.RU, []tok{{"Рoссия", "россия", "росс", w}}},
		{"mixed script kept", "Xiфeng", amur.EN, []tok{{"Xiфeng", "xiфeng", "xiфeng", w}}},
		{"invalid utf-8", "x\xffy", amur.EN, []tok{{"x", "x", "x", w}, {"y", "y", "y", w}}},
		{"soft hyphen", "инфор\u00adмация", amur.RU, []tok{{"инфор\u00adмация", "информация", "информац", w}}},
		{"decomposed", "e\u0301te\u0301", amur.EN, []tok{{"e\u0301te\u0301", "ete", "ete", w}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := simplify(tt.in, Tokens(tt.in, tt.lang))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Tokens(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestTokensDict(t *testing.T) {
	texts := func(seg Segmentation, s string) []string {
		var out []string
		for _, tk := range (Tokenizer{Chinese: seg}).Tokens(s, amur.ZH) {
			out = append(out, tk.Text)
		}
		return out
	}
	in := "中俄核能合作项目在北京大学举行开幕式"
	want := []string{"中俄", "核能合作", "项目", "北京大学", "举行", "开幕式"}
	if diff := cmp.Diff(want, texts(SegmentDictPlain, in)); diff != "" {
		t.Errorf("dict-plain segmentation (-want +got):\n%s", diff)
	}
	want = []string{"中俄", "核能合作", "核能", "合作", "项目", "北京大学", "北京", "大学", "举行", "开幕式", "开幕"}
	if diff := cmp.Diff(want, texts(SegmentDict, in)); diff != "" {
		t.Errorf("dict segmentation (-want +got):\n%s", diff)
	}
	// A name the dictionary lacks is cut into characters; their bigrams
	// come along so that the name can still be found.
	got := texts(SegmentDict, "陈林浩说")
	if !strings.Contains(strings.Join(got, " "), "林浩") {
		t.Errorf("dict segmentation of an unknown name: %v", got)
	}
}

func TestTokensKeepStopWords(t *testing.T) {
	toks := Tokenizer{KeepStopWords: true}.Tokens("the joint", amur.EN)
	if len(toks) != 2 || toks[0].Text != "the" {
		t.Errorf("KeepStopWords: %v", toks)
	}
}

func TestAppendTokensReuse(t *testing.T) {
	var tk Tokenizer
	buf := tk.AppendTokens(nil, "first record", amur.EN)
	buf = tk.AppendTokens(buf, "второй 2 км", amur.RU)
	got := simplify("", nil)
	for _, x := range buf {
		got = append(got, tok{"", x.Text, x.Stem, x.Kind})
	}
	want := []tok{{"", "1", "1", KindNumber}, {"", "record", "record", KindWord},
		{"", "2", "2", KindNumber}, {"", "2", "2", KindNumber}, {"", "км", "km", KindUnit}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AppendTokens (-want +got):\n%s", diff)
	}
}

// checkOffsets fails when a token's offsets leave s, split a rune, or go
// backwards.
func checkOffsets(t testing.TB, s string, toks []Token) {
	t.Helper()
	// The boundaries of the runes as a decoder walks s, invalid bytes
	// counting as runes of one byte.
	boundary := make([]bool, len(s)+1)
	for i := 0; i < len(s); {
		boundary[i] = true
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	boundary[len(s)] = true
	last := 0
	for _, tk := range toks {
		if tk.Start < 0 || tk.End > len(s) || tk.Start >= tk.End {
			t.Fatalf("token %+v out of bounds of %d bytes", tk, len(s))
		}
		if !boundary[tk.Start] || !boundary[tk.End] {
			t.Fatalf("token %+v not on rune boundaries of %q", tk, s)
		}
		if tk.Start < last {
			t.Fatalf("token %+v starts before the previous one (%d)", tk, last)
		}
		if tk.Text == "" || tk.Stem == "" {
			t.Fatalf("token %+v has an empty text or stem", tk)
		}
		last = tk.Start
	}
}

func TestTokensHuge(t *testing.T) {
	s := strings.Repeat("Совместные исследования 中俄科技创新年 joint research 1 000 km; ", 4000)
	for _, seg := range []Segmentation{SegmentBigram, SegmentDict, SegmentDictPlain} {
		toks := Tokenizer{Chinese: seg}.Tokens(s, "")
		if len(toks) < 4000*6 {
			t.Errorf("%v: only %d tokens", seg, len(toks))
		}
		checkOffsets(t, s, toks)
	}
}

func TestOrdinalDigits(t *testing.T) {
	for _, s := range []string{"18th", "the 1st", "2nd", "18-й", "69-я сессия", "21-го века", "7384е заседание", "69й"} {
		toks := Tokens(s, "")
		if len(toks) == 0 || toks[0].Kind != KindNumber || strings.ContainsAny(toks[0].Text, "stndrhйяго-") {
			t.Errorf("Tokens(%q) = %v, want a number first", s, toks)
		}
	}
}

// TestUnhyphenatedOrdinalKeepsUnits guards the units that look like
// Russian ordinal endings: 5м is five metres, not the fifth.
func TestUnhyphenatedOrdinalKeepsUnits(t *testing.T) {
	toks := Tokens("5м", amur.RU)
	if len(toks) != 2 || toks[1].Kind != KindUnit {
		t.Errorf("Tokens(5м) = %v, want a number and a unit", toks)
	}
}
