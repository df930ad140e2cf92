package xling

import "amur"

// Scores calls fn with the id and score of every text that shares a
// concept with text, written in language l, in the order the texts were
// added; the scores are those Search gives. It neither sorts nor explains,
// so scoring a whole collection (as the fund does to weigh every reviewer
// against every proposal) costs only the accumulation. The index must be
// frozen.
func (ix *Index) Scores(text string, l amur.Lang, fn func(id string, score float64)) {
	if !ix.frozen {
		return
	}
	acc := ix.score(ix.prepare(text, l))
	defer func() { acc.reset(); ix.acc.Put(acc) }()
	for d := range ix.ids {
		if acc.score[d] != 0 {
			fn(ix.ids[d], float64(acc.score[d]))
		}
	}
}
