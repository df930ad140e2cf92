package search

import (
	"strings"

	"amur"
	"amur/xling"
)

// explanation describes how query concept q met document term t, found in
// text, field name, language l; the query was read in language ql.
func explanation(q qterm, t xling.Term, text, field string, l, ql amur.Lang) Explanation {
	e := Explanation{Query: q.word, Doc: text[t.Start:t.End], Field: field, Lang: l,
		Concept: xling.Display(t.Key), Bridge: bridgeName(xling.Combine(q.Bridge, t.Bridge), ql, l)}
	if q.typo != "" {
		e.Bridge = "typo, " + e.Bridge
	}
	if q.Via != "" || t.Via != "" {
		e.Via = or(q.Via, q.word) + " → " + or(t.Via, e.Doc)
	}
	return e
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// bridgeName names a bridge for the languages it joined.
func bridgeName(b xling.Bridge, ql, dl amur.Lang) string {
	switch b {
	case xling.Same:
		return "same-language"
	case xling.Latin:
		if ql == dl {
			return "same-language"
		}
		return "latin"
	case xling.Dictionary:
		switch {
		case ql == amur.ZH && dl == amur.RU, ql == amur.RU && dl == amur.ZH:
			return "pivot zh-en-ru"
		case ql == amur.ZH || dl == amur.ZH:
			return "lexicon zh-en"
		}
		return "lexicon en-ru"
	}
	return b.String()
}

// bridgeRanks orders bridge names from the most to the least direct, so
// that a pair of words met several ways is explained by the best.
var bridgeRanks = []string{"same-language", "latin", "number", "lexicon", "pivot", "transliteration", "name"}

func rank(bridge string) int {
	base := 0
	if b, ok := strings.CutPrefix(bridge, "typo, "); ok {
		bridge, base = b, 100
	}
	for i, p := range bridgeRanks {
		if strings.HasPrefix(bridge, p) {
			return base + i
		}
	}
	return base + len(bridgeRanks)
}
