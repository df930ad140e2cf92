package lang

import (
	"testing"

	"amur"
)

func TestStem(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Энергии", "энерг"},
		{"ЁЛКИ", "елк"},
		{"Governments", "govern"},
		{"h1n1", "h1n1"},
		{"张平文", "张平文"},
	} {
		if got := Stem(tc.in); got != tc.want {
			t.Errorf("Stem(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Stem must key a word exactly as Tokens does, or lexicon look-ups miss.
	for _, w := range []string{"симптомы", "вакцинами", "regions", "Vaccines"} {
		if toks := Tokens(w, amur.RU); len(toks) != 1 || toks[0].Stem != Stem(w) {
			t.Errorf("Tokens(%q) = %v, Stem = %q", w, toks, Stem(w))
		}
	}
}
