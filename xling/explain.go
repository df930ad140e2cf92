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
	type side struct {
		words, via []string
		bridge     Bridge
	}
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
	for _, t := range q.a.terms {
		note(&q.a, t, 0)
	}
	for _, t := range doc.terms {
		note(&doc, t, 1)
	}
	var out []Match
	for _, key := range order {
		s := shared[key]
		if len(s[1].words) == 0 {
			continue
		}
		m := Match{
			Query:   strings.Join(s[0].words, ", "),
			Doc:     strings.Join(s[1].words, ", "),
			Concept: display(key),
			Bridge:  combine(s[0].bridge, s[1].bridge),
			Share:   float64(qw[ix.keys[key]] * ix.postingWeight(ix.keys[key], d)),
		}
		if len(s[0].via) > 0 || len(s[1].via) > 0 {
			m.Via = strings.Join(s[0].via, "/") + " → " + strings.Join(s[1].via, "/")
		}
		out = append(out, m)
	}
	slices.SortStableFunc(out, func(a, b Match) int { return cmp.Compare(b.Share, a.Share) })
	return out[:min(len(out), maxExplain)]
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

func appendNew(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
