package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"amur"
)

// The benchmarks run on the golden paragraphs. Each Baseline benchmark is
// the plainest standard-library treatment of the same input, so that the
// ratio to it, taken in the same run, says what the analysis costs.

func paragraph(b *testing.B, name string) string {
	b.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "golden", name+".txt"))
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func BenchmarkFold(b *testing.B) {
	for _, c := range []struct{ name, in string }{
		{"folded", "совместные исследования joint research 北京大学 2020"},
		{"mixed", "Совместные Исследования Ёлка Joint Research «Café» — ＮＩＣＡ 北京大学 2020"},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.in)))
			b.ReportAllocs()
			for b.Loop() {
				_ = Fold(c.in)
			}
		})
	}
}

func BenchmarkBaselineToLower(b *testing.B) {
	in := "Совместные Исследования Ёлка Joint Research «Café» — ＮＩＣＡ 北京大学 2020"
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		_ = strings.ToLower(in)
	}
}

func BenchmarkNormalize(b *testing.B) {
	in := "  Совместные  исследования\tＮＩＣＡ ２０２０ "
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Normalize(in)
	}
}

func benchTokens(b *testing.B, name string, l amur.Lang, tk Tokenizer) {
	s := paragraph(b, name)
	tk.Tokens(s, l) // load the dictionary outside the timing
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	var buf []Token
	for b.Loop() {
		buf = tk.AppendTokens(buf[:0], s, l)
	}
}

func BenchmarkTokensEN(b *testing.B) { benchTokens(b, "en", amur.EN, Tokenizer{}) }
func BenchmarkTokensRU(b *testing.B) { benchTokens(b, "ru", amur.RU, Tokenizer{}) }
func BenchmarkTokensZH(b *testing.B) { benchTokens(b, "zh", amur.ZH, Tokenizer{}) }
func BenchmarkTokensZHDict(b *testing.B) {
	benchTokens(b, "zh", amur.ZH, Tokenizer{Chinese: SegmentDict})
}

// BenchmarkBaselineFields splits the Russian paragraph at white space and
// lower-cases each piece: no stemming, numbers, units or stop words.
func BenchmarkBaselineFields(b *testing.B) {
	s := paragraph(b, "ru")
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range strings.Fields(s) {
			_ = strings.ToLower(f)
		}
	}
}

func BenchmarkRomanize(b *testing.B) {
	in := "Сергей Михайлович Шахрай, Алексей Алексеевич Сёмин"
	for _, sc := range []Scheme{SchemeICAO, SchemeBGNPCGNDots, SchemeWikipedia} {
		b.Run(sc.String(), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				_ = Romanize(in, sc)
			}
		})
	}
}

func BenchmarkLatinKey(b *testing.B) {
	for _, in := range []string{"Alexei Alexandrovich Maslov", "Алексей Александрович Маслов", "张平文"} {
		b.Run(DetectLangName(in), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = LatinKey(in)
			}
		})
	}
}

// DetectLangName names a benchmark input by its language.
func DetectLangName(s string) string { return string(DetectLang(s)) }

func BenchmarkCyrillize(b *testing.B) {
	for _, in := range []string{"Semin", "Shakhray", "Alexei Alexandrovich Maslov"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Cyrillize(in)
			}
		})
	}
}

func BenchmarkNamePinyin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = NamePinyin("张平文").FamilyFirst()
	}
}

func BenchmarkLoadZHDict(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = loadZHDict()
	}
}
