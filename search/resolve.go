package search

import (
	"context"
	"math"

	"amur"
	"amur/registry"
	"amur/xling"
)

// Result is the answer to a query.
type Result struct {
	// Lang is the language the query was read in.
	Lang amur.Lang `json:"query_lang"`
	// Total counts every match the caller may see.
	Total int `json:"total"`
	// Complete is false while the index is still being built at start-up:
	// the hits then come from the records indexed so far.
	Complete bool   `json:"complete"`
	Hits     []Hit  `json:"items"`
	Facets   Facets `json:"facets"`
}

// Hit is one found record.
type Hit struct {
	Kind  amur.Kind `json:"kind"`
	ID    string    `json:"id"`
	Score float64   `json:"score"`
	// Title is the record's name in the requested language, or the best
	// fallback, whose language TitleLang tells.
	Title     string    `json:"title"`
	TitleLang amur.Lang `json:"title_lang"`
	// Highlights are the matched spans of the stored texts.
	Highlights []Highlight `json:"highlights"`
	// Explain tells which query word met which record word, and how.
	Explain []Explanation `json:"explain"`
}

// Highlight is one matched word of a stored text: Text[Start:End] of the
// field's value in Lang is what matched.
type Highlight struct {
	Field string    `json:"field"`
	Lang  amur.Lang `json:"lang"`
	Start int       `json:"start"`
	End   int       `json:"end"`
	Text  string    `json:"text"`
}

// Explanation is one reason a record matched.
type Explanation struct {
	// Query and Doc are the words as typed and as stored.
	Query string `json:"query"`
	Doc   string `json:"doc"`
	// Field and Lang say where the record's word is.
	Field string    `json:"field"`
	Lang  amur.Lang `json:"lang"`
	// Concept is what the two words share: an English lemma, a stem, a
	// number or the pinyin of a name.
	Concept string `json:"concept"`
	// Bridge names the way across: same-language, lexicon zh-en, lexicon
	// en-ru, pivot zh-en-ru, transliteration, name, number, latin, with
	// "typo, " before it when the query word was corrected.
	Bridge string `json:"bridge"`
	// Via names the translations or spellings used, when any.
	Via string `json:"via,omitempty"`
}

// Limits on what one hit lists.
const (
	maxHighlights = 12
	maxExplain    = 8
	// maxExplainPerWord bounds the explanations of one query word.
	maxExplainPerWord = 3
)

// Search runs q over ix and resolves each hit through store, which should
// be the permission-wrapped store of the caller (registry.New): drafts
// outside the caller's draft scope are never matched, and a record the
// store refuses to show is left out. Bad queries are EInvalid naming the
// parameter.
func Search(ctx context.Context, ix *Index, store amur.Store, q Query) (*Result, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	q.Drafts, q.DraftOrg = registry.DraftScope(amur.PrincipalFrom(ctx))
	r := ix.run(q)
	display := q.Lang
	if display == "" {
		display = r.lang
	}
	res := &Result{Lang: r.lang, Total: r.total, Complete: ix.Ready(), Hits: []Hit{}, Facets: r.facets}
	for _, m := range r.matches {
		rec, err := fetch(ctx, store, m.kind, m.id)
		if amur.ErrorCode(err) == amur.ENotFound {
			// Deleted since the index saw it, or hidden from the caller.
			res.Total--
			continue
		}
		if err != nil {
			return nil, err
		}
		doc, _ := DocOf(rec)
		h := Hit{Kind: m.kind, ID: m.id, Score: math.Round(m.score*1e4) / 1e4}
		h.Title, h.TitleLang, _ = doc.Title.In(display)
		h.Highlights, h.Explain = ix.explain(r.terms, doc, r.lang)
		res.Hits = append(res.Hits, h)
	}
	return res, nil
}

// explain re-analyses the document's texts and lists where and how they
// meet the query's concepts.
func (ix *Index) explain(terms []qterm, d Doc, ql amur.Lang) ([]Highlight, []Explanation) {
	byKey := map[string][]qterm{}
	for _, t := range terms {
		byKey[t.Key] = append(byKey[t.Key], t)
	}
	hs, es := []Highlight{}, []Explanation{}
	seenSpan := map[[3]any]bool{}
	seenPair := map[[2]string]int{}
	perWord := map[string]int{}
	for _, ft := range d.Texts {
		for _, l := range languages {
			text := ft.Text.Get(l)
			if text == "" {
				continue
			}
			for _, t := range xling.Analyze(text, l, ix.bridges) {
				qs := byKey[t.Key]
				if len(qs) == 0 {
					continue
				}
				span := [3]any{ft.Name, l, t.Start}
				if !seenSpan[span] && len(hs) < maxHighlights {
					seenSpan[span] = true
					hs = append(hs, Highlight{ft.Name, l, t.Start, t.End, text[t.Start:t.End]})
				}
				for _, q := range qs {
					e := explanation(q, t, text, ft.Name, l, ql)
					pair := [2]string{e.Query, e.Doc}
					if i, ok := seenPair[pair]; ok {
						if rank(e.Bridge) < rank(es[i].Bridge) {
							es[i] = e
						}
						continue
					}
					// Each query word gets its share of the list, so that
					// one word met in many places does not hide the others.
					if len(es) < maxExplain && perWord[e.Query] < maxExplainPerWord {
						seenPair[pair] = len(es)
						perWord[e.Query]++
						es = append(es, e)
					}
				}
			}
		}
	}
	return hs, es
}
