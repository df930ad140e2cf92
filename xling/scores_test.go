package xling

import (
	"testing"

	"amur"
)

// TestScoresMatchSearch checks that Scores gives every text Search finds,
// with the same score, and no other.
func TestScoresMatchSearch(t *testing.T) {
	ix := NewIndex()
	texts := []struct {
		id, text string
		l        amur.Lang
	}{
		{"zh", "量子材料与超导", amur.ZH},
		{"ru", "Квантовые материалы и сверхпроводимость", amur.RU},
		{"en", "Arctic permafrost and climate change", amur.EN},
		{"ru2", "Изменение климата в Арктике", amur.RU},
	}
	for _, x := range texts {
		if err := ix.Add(x.id, x.text, x.l); err != nil {
			t.Fatal(err)
		}
	}
	ix.Freeze()
	for _, q := range []struct {
		text string
		l    amur.Lang
	}{{"quantum materials", amur.EN}, {"климат Арктики", amur.RU}, {"超导", amur.ZH}} {
		want := map[string]float64{}
		for _, h := range ix.Search(q.text, q.l, ix.Len()) {
			want[h.ID] = h.Score
		}
		got := map[string]float64{}
		ix.Scores(q.text, q.l, func(id string, s float64) { got[id] = s })
		if len(got) != len(want) || len(got) == 0 {
			t.Errorf("%q: Scores %v, Search %v", q.text, got, want)
		}
		for id, s := range want {
			if got[id] != s {
				t.Errorf("%q: %s scores %v, Search %v", q.text, id, got[id], s)
			}
		}
	}
}
