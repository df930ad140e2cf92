package xling

import "amur"

// Term is one concept of an analysed text, for indexes that keep their own
// postings, such as the registry's search index, which adds and removes
// records one at a time where an Index is built once and frozen.
type Term struct {
	// Key is the concept: an English lemma, a number ("#69"), a unit, the
	// pinyin of a name, or a same-language stem ("ru:…", "zh:…").
	Key string
	// Weight is the concept's share of its word, 1 for a word's own stem.
	Weight float32
	// Bridge tells how the word reached the concept.
	Bridge Bridge
	// Word numbers the token the concept came from, from 0, so that the
	// concepts of one word can share their weight.
	Word int
	// Start and End are the byte offsets of the word in the analysed text.
	Start, End int
	// Via is the translation or spelling that led to the concept.
	Via string
}

// Analyze turns text, written in language l, into its concepts, exactly
// as an Index does: with bridges, through the lexicons, transliteration
// and names; without, only what the languages share on their face.
func Analyze(text string, l amur.Lang, bridges bool) []Term {
	a := analyze(text, l, bridges)
	out := make([]Term, len(a.terms))
	for i, t := range a.terms {
		tok := a.toks[t.src]
		out[i] = Term{Key: t.key, Weight: t.weight, Bridge: t.bridge, Word: int(t.src),
			Start: tok.Start, End: tok.End, Via: t.via}
	}
	return out
}

// Native reports whether a concept key is a same-language stem, which only
// texts of the same language share; an index weighs it by NativeWeight.
func Native(key string) bool { return space(key) == native }

// NativeWeight is the weight of a same-language stem relative to a pivot
// concept: a same-language match counts more than a translated one, but a
// good translated match still outranks a weak same-language one.
const NativeWeight = nativeWeight

// Display returns a concept key as an explanation shows it, without the
// prefix that tells its space.
func Display(key string) string { return display(key) }

// Combine names the bridge of a match from the ways the query and the
// document reached the shared concept: the less direct of the two.
func Combine(q, d Bridge) Bridge { return combine(q, d) }
