package lexicon

import (
	"slices"
	"strings"
	"testing"
)

// texts returns the translation texts of tr.
func texts(tr []Translation) []string {
	out := make([]string, len(tr))
	for i, t := range tr {
		out[i] = t.Text
	}
	return out
}

func TestLookups(t *testing.T) {
	for _, tc := range []struct {
		name  string
		dict  func() *Dict
		word  string
		first string   // the best translation, or "" to check only want
		want  []string // translations that must be among the first five
		never []string // junk senses that must be gone
	}{
		{"zh-en", ZhEn, "核能", "nuclear energy", []string{"nuclear power"}, nil},
		{"zh-en", ZhEn, "疫苗", "vaccine", nil, nil},
		{"zh-en", ZhEn, "新冠", "", []string{"novel coronavirus"}, nil},
		{"zh-en", ZhEn, "联合国", "United Nations", nil, nil},
		{"zh-en", ZhEn, "俄罗斯", "russia", nil, nil},
		{"ru-en", RuEn, "энергия", "energy", nil, nil},
		{"ru-en", RuEn, "вакцина", "vaccine", nil, nil},
		{"ru-en", RuEn, "Правительство", "government", nil, []string{"sircar", "gerontocracy", "Whitehall"}},
		{"ru-en", RuEn, "регион", "region", nil, nil},
		{"ru-en", RuEn, "ООН", "united nations", []string{"un"}, nil},
		{"ru-en", RuEn, "Китай", "china", nil, nil},
		{"ru-en", RuEn, "млрд", "billion", nil, nil},
		{"en-ru", EnRu, "energy", "энергия", nil, nil},
		{"en-ru", EnRu, "vaccine", "вакцина", nil, nil},
		{"en-ru", EnRu, "nuclear", "ядерный", nil, nil},
	} {
		tr := tc.dict().Lookup(tc.word)
		got := texts(tr)
		if len(got) == 0 {
			t.Errorf("%s %q: no translation", tc.name, tc.word)
			continue
		}
		if tc.first != "" && !strings.EqualFold(got[0], tc.first) {
			t.Errorf("%s %q: best translation %q, want %q (all: %v)", tc.name, tc.word, got[0], tc.first, got)
		}
		for _, w := range tc.want {
			if !slices.Contains(got[:min(5, len(got))], w) {
				t.Errorf("%s %q: %q not among the first five of %v", tc.name, tc.word, w, got)
			}
		}
		for _, w := range tc.never {
			if slices.Contains(got, w) {
				t.Errorf("%s %q: junk sense %q kept in %v", tc.name, tc.word, w, got)
			}
		}
	}
}

// TestPivot follows 疫苗 to Russian through English and back.
func TestPivot(t *testing.T) {
	var ru []string
	for _, en := range ZhEn().Lookup("疫苗") {
		ru = append(ru, texts(EnRu().Lookup(en.Text))...)
	}
	if !slices.Contains(ru, "вакцина") {
		t.Errorf("疫苗 → English → Russian = %v, want вакцина", ru)
	}
	if got := texts(RuEn().Lookup("вакцина")); len(got) == 0 || got[0] != "vaccine" {
		t.Errorf("вакцина → %v, want vaccine first", got)
	}
}

func TestWeights(t *testing.T) {
	for name, d := range map[string]*Dict{"zh-en": ZhEn(), "ru-en": RuEn(), "en-ru": EnRu()} {
		if d.Len() < 30000 {
			t.Errorf("%s has %d headwords, want the whole dictionary", name, d.Len())
		}
		for head, tr := range d.All() {
			if len(tr) == 0 || tr[0].Weight != 1 {
				t.Errorf("%s %q: first weight %v, want 1", name, head, tr)
				break
			}
			if !slices.IsSortedFunc(tr, func(a, b Translation) int {
				return compare(b.Weight, a.Weight)
			}) || tr[len(tr)-1].Weight <= 0 {
				t.Errorf("%s %q: weights not falling in (0, 1]: %v", name, head, tr)
				break
			}
		}
	}
}

func compare(a, b float32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestRussianLemmas(t *testing.T) {
	for _, tc := range []struct{ word, lemma string }{
		{"симптомы", "симптом"},
		{"вакцинами", "вакцина"},
		{"энергии", "энергия"},
		{"правительства", "правительство"},
		{"регионах", "регион"},
		{"Ядерного", "ядерный"},
	} {
		if got := Russian().Lemmas(tc.word); !slices.Contains(got, tc.lemma) {
			t.Errorf("Lemmas(%q) = %v, want %q among them", tc.word, got, tc.lemma)
		}
	}
	if got := Russian().Lemmas("абырвалг"); got != nil {
		t.Errorf("Lemmas of an unknown word = %v, want nil", got)
	}
}

// TestHandFiles checks the shape of the hand-written files, whose rows a
// loader would otherwise skip silently.
func TestHandFiles(t *testing.T) {
	for name, tc := range map[string]struct {
		data   string
		fields int
	}{"terms.tsv": {termsTSV, 3}, "ru-en.tsv": {ruEnTSV, 2}} {
		n := 0
		rows(tc.data, func(f []string) {
			n++
			if len(f) != tc.fields || slices.Contains(f, "") {
				t.Errorf("%s: row %q has %d fields, want %d non-empty", name, strings.Join(f, "\t"), len(f), tc.fields)
			}
		})
		if n < 100 {
			t.Errorf("%s: %d rows", name, n)
		}
	}
}

func TestSimplify(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"國際會議", "国际会议"},
		{"新冠肺炎疫苗研發", "新冠肺炎疫苗研发"},
		{"乾隆", "乾隆"}, // 乾 is also a simplified character
		{"国际会议", "国际会议"},
		{"Россия, 2020", "Россия, 2020"},
		{"", ""},
	} {
		got := Simplify(tc.in)
		if got != tc.want || len(got) != len(tc.in) {
			t.Errorf("Simplify(%q) = %q, want %q of the same byte length", tc.in, got, tc.want)
		}
	}
}
