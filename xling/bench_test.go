package xling

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"amur"
)

// benchTexts makes n varied texts of about two fixture sentences each,
// in the language of the first, with numbers, so that concepts repeat as
// in a real collection but texts differ.
func benchTexts(n int) ([]string, []amur.Lang) {
	r := rand.New(rand.NewPCG(1, 2))
	texts, langs := make([]string, n), make([]amur.Lang, n)
	for i := range n {
		a, b := fixture[r.IntN(len(fixture))], fixture[r.IntN(len(fixture))]
		words := strings.Fields(b.text)
		cut := words[:1+r.IntN(len(words))]
		texts[i] = fmt.Sprintf("%s %s %d", a.text, strings.Join(cut, " "), r.IntN(3000))
		langs[i] = a.lang
	}
	return texts, langs
}

func benchOptions() map[string][]Option {
	return map[string][]Option{"bridges": nil, "baseline": {WithoutBridges()}}
}

// BenchmarkIndexAdd measures adding one text; the baseline is the same
// engine without the cross-language bridges.
func BenchmarkIndexAdd(b *testing.B) {
	texts, langs := benchTexts(5000)
	lex() // the lexicons load once per process; that is not an Add
	for name, opts := range benchOptions() {
		b.Run(name, func(b *testing.B) {
			ix := NewIndex(opts...)
			i := 0
			for b.Loop() {
				if i%len(texts) == 0 {
					ix = NewIndex(opts...)
				}
				ix.Add(fmt.Sprint(i), texts[i%len(texts)], langs[i%len(texts)])
				i++
			}
		})
	}
}

// BenchmarkFreeze measures the collection statistics and hubness of
// 5,000 texts.
func BenchmarkFreeze(b *testing.B) {
	texts, langs := benchTexts(5000)
	for b.Loop() {
		b.StopTimer()
		ix := NewIndex()
		for i, t := range texts {
			ix.Add(fmt.Sprint(i), t, langs[i])
		}
		b.StartTimer()
		ix.Freeze()
	}
}

// BenchmarkSearch measures one query against 5,000 texts, top 10 with
// explanations.
func BenchmarkSearch(b *testing.B) {
	texts, langs := benchTexts(5000)
	queries, qlangs := benchTexts(500)
	for name, opts := range benchOptions() {
		b.Run(name, func(b *testing.B) {
			ix := NewIndex(opts...)
			for i, t := range texts {
				ix.Add(fmt.Sprint(i), t, langs[i])
			}
			ix.Freeze()
			i := 0
			for b.Loop() {
				ix.Search(queries[i%len(queries)], qlangs[i%len(queries)], 10)
				i++
			}
		})
	}
}
