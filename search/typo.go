package search

// vocabulary is the set of Latin and Cyrillic words of five letters or
// more that the index has seen, with a deletion neighbourhood (SymSpell's
// idea): every word is filed under each string one deletion makes of it.
// A word one edit from a known word (a letter missing, extra, replaced or
// two letters swapped) shares a key with it, so corrections cost a few
// map look-ups, whatever the vocabulary's size.
type vocabulary struct {
	ids   map[string]int32
	words []string
	count []int32
	dels  map[string][]int32
}

func newVocabulary() *vocabulary {
	return &vocabulary{ids: map[string]int32{}, dels: map[string][]int32{}}
}

// maxVocabulary bounds the words kept for corrections, so that hostile
// records cannot grow the table without end; past it, new words are not
// corrected towards.
const maxVocabulary = 2_000_000

// add counts one more document holding w.
func (v *vocabulary) add(w string) {
	if id, ok := v.ids[w]; ok {
		v.count[id]++
		return
	}
	if len(v.words) >= maxVocabulary {
		return
	}
	id := int32(len(v.words))
	v.ids[w] = id
	v.words = append(v.words, w)
	v.count = append(v.count, 1)
	for _, d := range deletions(w) {
		v.dels[d] = append(v.dels[d], id)
	}
}

// deletions returns the distinct strings one rune shorter than w.
func deletions(w string) []string {
	rs := []rune(w)
	out := make([]string, 0, len(rs))
	for i := range rs {
		d := string(rs[:i]) + string(rs[i+1:])
		if len(out) == 0 || out[len(out)-1] != d {
			out = append(out, d)
		}
	}
	return out
}

// correct returns the known word one edit from w held by the most
// documents, or "" when w is known itself or has no such neighbour.
func (v *vocabulary) correct(w string) string {
	if _, known := v.ids[w]; known {
		return ""
	}
	best := int32(-1)
	consider := func(id int32) {
		if best < 0 || v.count[id] > v.count[best] || v.count[id] == v.count[best] && v.words[id] < v.words[best] {
			if oneEdit(w, v.words[id]) {
				best = id
			}
		}
	}
	for _, id := range v.dels[w] { // w lacks a letter
		consider(id)
	}
	for _, d := range deletions(w) {
		if id, ok := v.ids[d]; ok { // w has an extra letter
			consider(id)
		}
		for _, id := range v.dels[d] { // a letter replaced or swapped
			consider(id)
		}
	}
	if best < 0 {
		return ""
	}
	return v.words[best]
}

// oneEdit reports whether a and b differ by one insertion, deletion,
// substitution or swap of neighbouring runes.
func oneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(y)-len(x) > 1 {
		return false
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if len(x) == len(y) {
		if i == len(x) {
			return false
		}
		if string(x[i+1:]) == string(y[i+1:]) {
			return true
		}
		return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:])
	}
	return string(x[i:]) == string(y[i+1:])
}
