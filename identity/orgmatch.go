package identity

import (
	"cmp"
	"slices"
	"strings"
)

// orgSim scores two organisation names in [0, 1]: 1 for the same known
// organisation, at least 0.9 for an acronym one name writes and the other
// has or spells out, else the Dice coefficient of their aligned words,
// each word weighing as much as its concept is rare.
func orgSim(a, b *orgForm, idf idfFunc) (float64, []Evidence) {
	if a.known != "" && a.known == b.known {
		return 1, []Evidence{{a.name, b.name, viaKnown, 1}}
	}
	s, ev, heads := alignSlots(a, b, idf)
	if !heads && hasHead(a) && hasHead(b) {
		// A ministry is no university, however many words they share.
		s *= 0.7
	}
	if ac, ok := sharedAcronym(a, b); ok && s < 0.9 {
		s, ev = 0.9, append(ev, Evidence{ac, ac, viaAcronym, 0.9})
	}
	return s, ev
}

// isHead reports whether a slot is a word only organisation names have
// (university, институт, 大学 read as institute).
func isHead(s *slot) bool {
	for c := range s.concepts {
		if strings.HasPrefix(c, "w:") && orgVocab().heads[c[2:]] {
			return true
		}
	}
	return false
}

// hasHead reports whether a name has a head word.
func hasHead(f *orgForm) bool {
	for i := range f.slots {
		if isHead(&f.slots[i]) {
			return true
		}
	}
	return false
}

// sharedAcronym finds an acronym one name is written with that the other
// is written with too or has as its initials.
func sharedAcronym(a, b *orgForm) (string, bool) {
	for _, p := range [][2]*orgForm{{a, b}, {b, a}} {
		x, y := p[0], p[1]
		// Only a name that is an acronym alone stands for the other:
		// РАН inside two names says nothing of them.
		if len(x.acronyms) != 1 || len(strings.Fields(x.name)) != 1 {
			continue
		}
		if ac := x.acronyms[0]; ac == y.initials || slices.Contains(y.acronyms, ac) && len(strings.Fields(y.name)) == 1 {
			return ac, true
		}
	}
	return "", false
}

// slotWeight is the idf of a slot's main concept: its heaviest, the best
// translation of the word.
func slotWeight(s *slot, idf idfFunc) float64 {
	best, w := "", float32(-1)
	for c, cw := range s.concepts {
		if cw > w || cw == w && c < best {
			best, w = c, cw
		}
	}
	if best == "" {
		// A word nothing translates still counts, as rare as can be.
		return idf("\x00" + s.word)
	}
	return idf(best)
}

// alignSlots aligns the words of two names one to one, best shared
// concepts first, and returns twice the weight matched over the weight of
// both names, and whether two head words met.
func alignSlots(a, b *orgForm, idf idfFunc) (float64, []Evidence, bool) {
	type cell struct {
		i, j int
		w    float64
		via  string
	}
	var cells []cell
	for i := range a.slots {
		for j := range b.slots {
			best, via := 0.0, ""
			for c, wa := range a.slots[i].concepts {
				wb, ok := b.slots[j].concepts[c]
				if !ok {
					continue
				}
				w := float64(wa*wb) * idf(c)
				if w > best || w == best && via != "" && c < via {
					best, via = w, c
				}
			}
			if best > 0 {
				cells = append(cells, cell{i, j, best, via})
			}
		}
	}
	slices.SortFunc(cells, func(x, y cell) int {
		if c := cmp.Compare(y.w, x.w); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(x.i, y.i), cmp.Compare(x.j, y.j))
	})
	usedA, usedB := make([]bool, len(a.slots)), make([]bool, len(b.slots))
	var matched, wa, wb float64
	var ev []Evidence
	heads := false
	for _, c := range cells {
		if usedA[c.i] || usedB[c.j] {
			continue
		}
		usedA[c.i], usedB[c.j] = true, true
		matched += c.w
		heads = heads || isHead(&a.slots[c.i]) && isHead(&b.slots[c.j])
		ev = append(ev, Evidence{a.slots[c.i].word, b.slots[c.j].word, slotVia(&a.slots[c.i], &b.slots[c.j], c.via), round3(c.w)})
	}
	for i := range a.slots {
		wa += slotWeight(&a.slots[i], idf)
	}
	for j := range b.slots {
		wb += slotWeight(&b.slots[j], idf)
	}
	if wa+wb == 0 {
		return 0, nil, false
	}
	return min(1, 2*matched/(wa+wb)), ev, heads
}

// slotVia names how two words met: through a cognate key, the same
// English word, or the translation of one side.
func slotVia(a, b *slot, concept string) string {
	if strings.HasPrefix(concept, "k:") {
		return viaCognate
	}
	if a.via == viaWord && b.via == viaWord {
		return viaWord
	}
	if a.via != viaWord {
		return a.via
	}
	return b.via
}
