package lexicon

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// t2sGz maps traditional Chinese characters to simplified ones, derived
// from CC-CEDICT's paired headwords (CC BY-SA 4.0).
//
//go:embed data/zh-t2s.tsv.gz
var t2sGz []byte

var t2s = sync.OnceValue(func() map[rune]rune {
	m := map[rune]rune{}
	rows(gunzip(t2sGz), func(f []string) {
		if len(f) != 2 {
			return
		}
		t, nt := utf8.DecodeRuneInString(f[0])
		s, ns := utf8.DecodeRuneInString(f[1])
		// Only same-length pairs, so that byte offsets into the converted
		// text are offsets into the original too.
		if nt == len(f[0]) && ns == len(f[1]) && nt == ns {
			m[t] = s
		}
	})
	return m
})

// Simplify rewrites traditional Chinese characters as simplified ones,
// character by character (國際會議 → 国际会议), so that text from Taiwan
// or Hong Kong meets the simplified dictionary. Every byte offset into
// the result is an offset into s. Characters that simplified text also
// uses are kept, so simplified text comes back unchanged, without
// allocating.
func Simplify(s string) string {
	m := t2s()
	first := -1
	for i, r := range s {
		if _, ok := m[r]; ok {
			first = i
			break
		}
	}
	if first < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:first])
	for _, r := range s[first:] {
		if t, ok := m[r]; ok {
			r = t
		}
		b.WriteRune(r)
	}
	return b.String()
}
