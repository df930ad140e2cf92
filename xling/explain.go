package xling

import (
	"cmp"
	"slices"
	"strings"
)

// explain lists what the query and document d share, by re-analysing the
// document: the index keeps only weights, and only the few hits shown
// need their words.
func (ix *Index) explain(q query, d int32) []Match {
	doc := analyze(ix.texts[d], ix.langs[d], ix.bridges)
	qw := map[int32]float32{}
	for _, e := range q.terms {
		qw[e.id] = e.w
	}
	shared, order := ix.sharedSides(&q.a, &doc, qw)
	var out []Match
	for _, key := range order {
		s := shared[key]
		if len(s[1].words) == 0 {
			continue
		}
		c := ix.keys[key]
		m := Match{
			Query:   strings.Join(s[0].words, ", "),
			Doc:     strings.Join(s[1].words, ", "),
			Concept: display(key),
			Bridge:  combine(s[0].bridge, s[1].bridge),
			Share:   float64(qw[c] * ix.postingWeight(c, d)),
		}
		if len(s[0].via) > 0 || len(s[1].via) > 0 {
			m.Via = viaOf(s[0], m.Query) + " → " + viaOf(s[1], m.Doc)
		}
		out = append(out, m)
	}
	slices.SortStableFunc(out, func(a, b Match) int { return cmp.Compare(b.Share, a.Share) })
	return out[:min(len(out), maxExplain)]
}

// side is how one text reached a shared concept: its words, the
// translations used and the most direct bridge.
type side struct {
	words, via []string
	bridge     Bridge
}

// sharedSides collects, for every concept of the query that the index
// knows, the query's side and the document's side, in query order.
func (ix *Index) sharedSides(qa, doc *analysis, qw map[int32]float32) (map[string]*[2]side, []string) {
	shared := map[string]*[2]side{}
	var order []string
	note := func(a *analysis, t term, which int) {
		c, ok := ix.keys[t.key]
		if !ok || qw[c] == 0 {
			return
		}
		s := shared[t.key]
		if s == nil {
			if which == 1 {
				return // in the document only
			}
			s = &[2]side{}
			shared[t.key] = s
			order = append(order, t.key)
		}
		sd := &s[which]
		sd.words = appendNew(sd.words, a.surface(t))
		if t.via != "" && t.bridge != Number {
			sd.via = appendNew(sd.via, t.via)
		}
		if sd.bridge == 0 || t.bridge < sd.bridge {
			sd.bridge = t.bridge
		}
	}
	for _, t := range qa.terms {
		note(qa, t, 0)
	}
	for _, t := range doc.terms {
		note(doc, t, 1)
	}
	return shared, order
}

// postingWeight returns the weight of concept c in document d.
func (ix *Index) postingWeight(c, d int32) float32 {
	ps := ix.postings[c]
	i, ok := slices.BinarySearchFunc(ps, d, func(e entry, d int32) int { return cmp.Compare(e.id, d) })
	if !ok {
		return 0
	}
	return ps[i].w
}

// combine names the bridge of a match from the ways each side reached the
// shared concept: the least direct of the two, since a dictionary on
// either side makes the match a translation.
func combine(q, d Bridge) Bridge {
	if q == Same && d == Same {
		return Same
	}
	return max(q, d)
}

// viaOf names the translations one side used, or its words when it used
// none (an English word is its own concept).
func viaOf(s side, words string) string {
	if len(s.via) == 0 {
		return words
	}
	return strings.Join(s.via, "/")
}

func appendNew(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
