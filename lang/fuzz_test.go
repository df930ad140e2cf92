package lang

import (
	"testing"
	"unicode/utf8"

	"amur"
)

// FuzzTokens checks that no input makes tokenisation panic and that every
// token's offsets lie within the input, on rune boundaries, in order. The
// seeds in testdata/fuzz/FuzzTokens cover the tricky corners found so far.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{
		"", "1 000,5 млн", "3万吨百分之五十", "第六十九届", "e\u0301\u0306", "\xff\xfe中", "5G H1N1 COVID-19",
		"кВт·ч 12% 25 °C", "O'Neill'", "sixty-ninth and", "二〇二〇年", "Ёж\u00ad\u200b", "１２３", "18-й",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, seg := range []Segmentation{SegmentBigram, SegmentDict} {
			for _, l := range []amur.Lang{amur.ZH, amur.RU, amur.EN} {
				toks := Tokenizer{Chinese: seg}.Tokens(s, l)
				checkOffsets(t, s, toks)
				for _, tk := range toks {
					if !utf8.ValidString(tk.Text) {
						t.Fatalf("token text %q is not valid UTF-8", tk.Text)
					}
				}
			}
		}
		if f := Fold(s); !utf8.ValidString(f) || Fold(f) != f {
			t.Fatalf("Fold(%q) = %q is not stable", s, f)
		}
		_ = Normalize(s)
		_ = LatinKey(s)
		_ = Romanize(s, SchemeBGNPCGNDots)
		if got := Cyrillize(s); len(got) > MaxCyrillize {
			t.Fatalf("Cyrillize gave %d candidates", len(got))
		}
	})
}
