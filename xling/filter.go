package xling

import "amur"

// SearchFunc returns, like Search, the k best texts for text in language
// l, but only among those whose id keep accepts. Matching uses it to rank
// the offers of one side among every offer, and to leave out what the
// asking principal may not see, without a second index per side or per
// principal: the filter is applied while the k best are kept, so the k
// results are the best acceptable ones, however many better texts are
// left out. A nil keep accepts every text.
func (ix *Index) SearchFunc(text string, l amur.Lang, k int, keep func(id string) bool) []Hit {
	if !ix.frozen || k <= 0 {
		return nil
	}
	q := ix.prepare(text, l)
	acc := ix.score(q)
	// A view of the accumulator over the accepted documents only: the
	// accumulator itself keeps every touched document, so that its reset
	// clears them all.
	view := acc
	if keep != nil {
		view = &accumulator{score: acc.score}
		for _, d := range acc.touched {
			if keep(ix.ids[d]) {
				view.touched = append(view.touched, d)
			}
		}
	}
	best := topK(view, k)
	hits := make([]Hit, len(best))
	for i, d := range best {
		hits[i] = Hit{ID: ix.ids[d], Score: float64(acc.score[d])}
	}
	acc.reset()
	ix.acc.Put(acc)
	for i, d := range best {
		hits[i].Explain = ix.explain(q, d)
	}
	return hits
}
