package lexicon

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
)

// The embedded data. Third-party files keep their own licences (see
// data/SOURCES.txt and docs/data-licences.md).
var (
	//go:embed data/cedict.tsv.gz
	cedictGz []byte // CC-CEDICT, CC BY-SA 4.0
	//go:embed data/mueller.tsv.gz
	muellerGz []byte // Mueller English-Russian dictionary, GPL-2+
	//go:embed data/ruforms.tsv.gz
	ruformsGz []byte // derived from hunspell-ru (A. I. Lebedev), BSD-style
	//go:embed data/cldr-territories.tsv
	cldrTSV string // Unicode CLDR 48 territory names, Unicode License v3
	//go:embed data/terms.tsv
	termsTSV string // the project's own
	//go:embed data/ru-en.tsv
	ruEnTSV string // the project's own
)

// Limits on the translations kept per headword: more only spread a word's
// weight over rare senses.
const (
	maxZhEn = 12
	maxRuEn = 8
	maxEnRu = 10
)

// gunzip decompresses embedded data; the data is built and tested with
// the binary, so a failure is a build error and panics.
func gunzip(b []byte) string {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		panic("lexicon: corrupt embedded data: " + err.Error())
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		panic("lexicon: corrupt embedded data: " + err.Error())
	}
	return string(out)
}

// rows yields the tab-separated fields of the non-comment lines of s.
func rows(s string, yield func(f []string)) {
	for line := range strings.Lines(s) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || line[0] == '#' {
			continue
		}
		yield(strings.Split(line, "\t"))
	}
}

// variants splits a "|"-separated list of a hand-written file.
func variants(s string) []string {
	var out []string
	for _, v := range strings.Split(s, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// muellerRows returns the rows of the Mueller file: headword and senses.
var muellerRows = sync.OnceValue(func() [][]string {
	var out [][]string
	rows(gunzip(muellerGz), func(f []string) {
		if len(f) >= 2 {
			out = append(out, f)
		}
	})
	return out
})

// term is one row of the curated trilingual list.
type term struct{ en, ru, zh []string }

var terms = sync.OnceValue(func() []term {
	var out []term
	rows(termsTSV, func(f []string) {
		if len(f) == 3 {
			out = append(out, term{variants(f[0]), variants(f[1]), variants(f[2])})
		}
	})
	rows(cldrTSV, func(f []string) {
		if len(f) >= 4 && f[0] != "code" {
			out = append(out, term{variants(f[1]), variants(f[2]), variants(f[3])})
		}
	})
	return out
})

// addPairs adds every (from, to) pair of two variant lists, the first
// variants weighing most.
func addPairs(b builder, from, to []string) {
	for _, f := range from {
		for j, t := range to {
			b.add(f, t, rankWeight(0, j))
		}
	}
}

// ZhEn returns the Chinese→English dictionary: CC-CEDICT (about 100,000
// simplified headwords) with the curated terms and CLDR country names.
var ZhEn = sync.OnceValue(func() *Dict {
	b := builder{}
	for _, t := range terms() {
		addPairs(b, t.zh, t.en)
	}
	rows(gunzip(cedictGz), func(f []string) {
		if len(f) < 2 {
			return
		}
		for i, sense := range strings.Split(f[1], "|") {
			for j, g := range strings.Split(sense, ";") {
				// The curated entries outrank the general dictionary.
				b.add(f[0], g, 0.9*rankWeight(i, j))
			}
		}
	})
	return b.dict(maxZhEn, 0)
})

// EnRu returns the English→Russian dictionary: Mueller (about 42,000
// headwords) with the curated terms, the modern Russian supplement and
// CLDR country names.
var EnRu = sync.OnceValue(func() *Dict {
	b := builder{}
	for _, t := range terms() {
		addPairs(b, t.en, t.ru)
	}
	rows(ruEnTSV, func(f []string) {
		if len(f) == 2 {
			for j, en := range variants(f[1]) {
				b.add(en, f[0], rankWeight(0, j))
			}
		}
	})
	for _, f := range muellerRows() {
		for i, sense := range strings.Split(f[1], "|") {
			for j, r := range strings.Split(sense, ";") {
				b.add(f[0], r, 0.9*rankWeight(i, j))
			}
		}
	}
	return b.dict(maxEnRu, 0)
})
