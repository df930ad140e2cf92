// Package match ranks research offers for industrial requests and requests
// for offers across Chinese, Russian and English, and finds partners
// (organisations and people) by expertise described in any language.
//
// The text part is xling's cross-lingual concept index; around it match
// weighs what the records state in common: fields of science (FORD codes,
// by shared prefix), technology readiness (the offer's level against the
// request's range) and forms of cooperation. Only the other side's
// listings are candidates: a Chinese request is matched with Russian
// offers and the reverse. Every result explains its score: which words met
// through which language bridge, which fields, TRL and cooperation types
// fit.
//
// An Engine keeps its indexes in memory, built from the store and rebuilt
// when the store's outbox shows a change of the records it reads, so that
// a query costs a search, not a scan of the database. Results respect the
// registry's policy for the principal of the context: drafts are never
// candidates, and the owner and contact of an anonymous listing are left
// out for those who may not see them.
package match

import (
	"amur"
	"amur/xling"
)

// Weights of the parts of a listing's score. The text decides; the facets
// order listings of similar text, so that a weaker text match with the
// right fields and readiness can pass a stronger one without them, but a
// listing about something else cannot win on facets alone.
const (
	weightText   = 1.0
	weightFields = 0.15
	weightTRL    = 0.08
	weightCoop   = 0.07
)

// Matches is the answer to one query: what was asked and the ranked
// results.
type Matches struct {
	Query Query    `json:"query"`
	Items []Result `json:"items"`
}

// Query describes what was matched: a listing (kind and id) or the text of
// a partner search, with the language it was read in and its side.
type Query struct {
	Kind amur.Kind `json:"kind,omitempty"`
	ID   string    `json:"id,omitempty"`
	Text string    `json:"text,omitempty"`
	Lang amur.Lang `json:"lang,omitempty"`
	Side string    `json:"side,omitempty"`
}

// Result is one ranked offer, request, organisation or person.
type Result struct {
	Kind  amur.Kind `json:"kind"`
	ID    string    `json:"id"`
	Title amur.Text `json:"title"`
	Side  string    `json:"side,omitempty"`
	// OwnerID is empty for an anonymous listing whose owner the principal
	// may not see.
	OwnerID   string  `json:"owner_id,omitempty"`
	Anonymous bool    `json:"anonymous,omitempty"`
	Score     float64 `json:"score"`
	Explain   Explain `json:"explain"`
}

// Explain is why a result matched and how its score is made.
type Explain struct {
	// Text is the cross-lingual text similarity, Terms its largest parts.
	Text  float64 `json:"text"`
	Terms []Term  `json:"terms"`
	// Fields, TRL, Coop and Side are the facets of a listing match.
	Fields *FieldFit `json:"fields,omitempty"`
	TRL    *TRLFit   `json:"trl,omitempty"`
	Coop   *CoopFit  `json:"coop,omitempty"`
	Side   *SideFit  `json:"side,omitempty"`
	// Sources are the parts of a partner's profile that matched.
	Sources []Source `json:"sources,omitempty"`
}

// Term is one word of the query meeting one word of the result.
type Term struct {
	Query   string `json:"query"`
	Match   string `json:"match"`
	Concept string `json:"concept"`
	// Bridge is xling's name of the way the words met (same, latin,
	// number, dictionary, transliteration, name); Route says it for the
	// two languages at hand, such as "zh-en lexicon + en-ru pivot".
	Bridge xling.Bridge `json:"bridge"`
	Route  string       `json:"route"`
	Via    string       `json:"via,omitempty"`
	Share  float64      `json:"share"`
}

// FieldFit is the overlap of two listings' fields of science.
type FieldFit struct {
	Score float64     `json:"score"`
	Pairs []FieldPair `json:"pairs"`
}

// FieldPair is the best-fitting field of the result for one field of the
// query, and the FORD prefix they share.
type FieldPair struct {
	Query  string  `json:"query"`
	Match  string  `json:"match"`
	Shared string  `json:"shared"`
	Score  float64 `json:"score"`
}

// TRLFit compares the offer's readiness with the range the request needs.
type TRLFit struct {
	Score float64 `json:"score"`
	Offer int     `json:"offer"`
	Min   int     `json:"min"`
	Max   int     `json:"max"`
	// Known is false when the offer or the request states no level; the
	// fit is then neutral.
	Known bool `json:"known"`
}

// CoopFit lists the cooperation types both listings name.
type CoopFit struct {
	Score  float64         `json:"score"`
	Shared []amur.CoopType `json:"shared"`
}

// SideFit names the sides of the query and the result.
type SideFit struct {
	Query string `json:"query"`
	Match string `json:"match"`
}

// Source is one part of a partner's profile that matched the query: its
// name, an activity it took part in, or an offer or request it owns.
type Source struct {
	Kind  amur.Kind `json:"kind"`
	ID    string    `json:"id"`
	Title string    `json:"title"`
	Score float64   `json:"score"`
	// Fields are the fields of science of an activity or a listing.
	Fields []string `json:"fields,omitempty"`
}

// routeOf names the bridge b between the query's language q and the
// result's language d: the same bridge means different paths for
// different pairs of languages, and users ask which.
func routeOf(b xling.Bridge, q, d amur.Lang) string {
	switch b {
	case xling.Same:
		return "same language"
	case xling.Latin:
		return "shared Latin word"
	case xling.Number:
		return "number or unit"
	case xling.Transliteration:
		return "transliteration (Russian cognate of an English word)"
	case xling.Name:
		return "name (pinyin, Palladius)"
	case xling.Dictionary:
		zh, ru := q == amur.ZH || d == amur.ZH, q == amur.RU || d == amur.RU
		switch {
		case zh && ru:
			return "zh-en lexicon + en-ru pivot"
		case zh:
			return "zh-en lexicon"
		case ru:
			return "en-ru lexicon"
		}
		return "dictionary"
	}
	return b.String()
}

// terms converts xling's matches into terms between languages q and d.
func terms(ms []xling.Match, q, d amur.Lang) []Term {
	out := make([]Term, len(ms))
	for i, m := range ms {
		out[i] = Term{Query: m.Query, Match: m.Doc, Concept: m.Concept, Bridge: m.Bridge,
			Route: routeOf(m.Bridge, q, d), Via: m.Via, Share: round(m.Share)}
	}
	return out
}

// round keeps four decimals, so that scores read well and golden files do
// not change with the last bits of a float.
func round(f float64) float64 {
	if f < 0 {
		return -round(-f)
	}
	return float64(int64(f*10000+0.5)) / 10000
}
