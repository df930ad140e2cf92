package lang

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// vectorSchemes maps the iuliia names of the schemes in
// testdata/translit/iuliia-samples.tsv to ours. Every sample of these
// schemes must pass; samples of other schemes (ALA-LC with tie bars,
// mosmetro, yandex and so on) are not claimed and not read.
var vectorSchemes = map[string]Scheme{
	"icao_doc_9303": SchemeICAO,
	"gost_779":      SchemeGOST779A,
	"gost_779_alt":  SchemeGOST779B,
	"bgn_pcgn":      SchemeBGNPCGNDots,
	"bgn_pcgn_alt":  SchemeBGNPCGN,
	"wikipedia":     SchemeWikipedia,
	"mvd_782":       SchemeMVD782,
	"ala_lc_alt":    SchemeALALC,
}

// latinE rewrites the Cyrillic ё that the iuliia samples write inside
// romanisations as the Latin ë of the standards (BGN/PCGN and GOST 7.79
// system A), which is what Romanize writes: a romanisation must hold no
// Cyrillic letter, or a Latin-only search could never match it. This is
// the only change made to any vector.
var latinE = strings.NewReplacer("ё", "ë", "Ё", "Ë")

type vector struct {
	scheme       string
	cyrillic, in string
}

func readVectors(t *testing.T) []vector {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "translit", "iuliia-samples.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []vector
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) != 3 || p[0] == "schema" {
			continue
		}
		out = append(out, vector{p[0], p[1], p[2]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRomanizeVectors(t *testing.T) {
	counts := map[string]int{}
	for _, v := range readVectors(t) {
		sc, ok := vectorSchemes[v.scheme]
		if !ok {
			continue
		}
		counts[v.scheme]++
		want := latinE.Replace(v.in)
		if got := Romanize(v.cyrillic, sc); got != want {
			t.Errorf("%s: Romanize(%q)\n got %q\nwant %q", v.scheme, v.cyrillic, got, want)
		}
	}
	for name := range vectorSchemes {
		if counts[name] == 0 {
			t.Errorf("no vectors of %s were read", name)
		}
	}
	t.Logf("vectors per scheme: %v", counts)
}

// TestRomanizeTables checks the base spelling of every letter against the
// mapping tables of the iuliia scheme files.
func TestRomanizeTables(t *testing.T) {
	files := map[string]Scheme{
		"icao_doc_9303.json": SchemeICAO, "gost_779.json": SchemeGOST779A,
		"bgn_pcgn.json": SchemeBGNPCGNDots, "wikipedia.json": SchemeWikipedia, "mvd_782.json": SchemeMVD782,
	}
	for name, sc := range files {
		data, err := os.ReadFile(filepath.Join("testdata", "translit", name))
		if err != nil {
			t.Fatal(err)
		}
		var def struct {
			Mapping map[string]string `json:"mapping"`
			Samples [][2]string       `json:"samples"`
		}
		if err := json.Unmarshal(data, &def); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		base := romanSchemes()[sc].base
		for cyr, lat := range def.Mapping {
			r := []rune(cyr)[0]
			// The file spells ž decomposed, as z and a combining caron.
			if got, want := base[russianIndex(r)], norm.NFC.String(latinE.Replace(lat)); got != want {
				t.Errorf("%s: %s → %q, want %q", name, cyr, got, want)
			}
		}
		for _, s := range def.Samples {
			if got, want := Romanize(s[0], sc), latinE.Replace(s[1]); got != want {
				t.Errorf("%s: Romanize(%q) = %q, want %q", name, s[0], got, want)
			}
		}
	}
}

func TestRomanizeCases(t *testing.T) {
	tests := []struct {
		in     string
		scheme Scheme
		want   string
	}{
		{"", SchemeICAO, ""},
		{"Щукин", SchemeICAO, "Shchukin"},
		{"МГУ и ЩИ", SchemeICAO, "MGU i SHCHI"},
		{"Я", SchemeBGNPCGN, "Ya"},
		{"ЁЖ", SchemeBGNPCGN, "YËZH"},
		{"Ельцин", SchemeBGNPCGN, "Yel’tsin"},
		{"Ельцин", SchemeMVD782, "El'tsin"},
		{"Достоевский", SchemeWikipedia, "Dostoyevsky"},
		{"Цветков Цыганов", SchemeGOST779B, "Czvetkov Cy`ganov"},
		{"Київ", SchemeICAO, "Kiїv"},
		{"NICA в Дубне, 2020", SchemeICAO, "NICA v Dubne, 2020"},
		{"bad\xffbyte", SchemeICAO, "bad\uFFFDbyte"},
		{"Москва", Scheme(0), "Москва"},
	}
	for _, tt := range tests {
		if got := Romanize(tt.in, tt.scheme); got != tt.want {
			t.Errorf("Romanize(%q, %v) = %q, want %q", tt.in, tt.scheme, got, tt.want)
		}
	}
	for _, sc := range Schemes {
		if got, ok := ParseScheme(strings.ToUpper(sc.String())); !ok || got != sc {
			t.Errorf("ParseScheme(%q) = %v, %v", sc.String(), got, ok)
		}
	}
	if _, ok := ParseScheme("klingon"); ok {
		t.Error(`ParseScheme("klingon") succeeded`)
	}
}
