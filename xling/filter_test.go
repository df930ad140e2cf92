package xling

import (
	"testing"

	"amur"
)

// TestSearchFunc checks that the filter leaves texts out while the best
// are kept, so that k results come back however many better texts it
// refuses, and that a nil filter is Search.
func TestSearchFunc(t *testing.T) {
	ix := NewIndex()
	texts := []struct {
		id, text string
		l        amur.Lang
	}{
		{"ru1", "испытания микросхем на радиационную стойкость", amur.RU},
		{"ru2", "радиационная стойкость электроники", amur.RU},
		{"zh1", "集成电路抗辐射测试", amur.ZH},
		{"en1", "radiation hardness testing of chips", amur.EN},
		{"en2", "weather report", amur.EN},
	}
	for _, tx := range texts {
		if err := ix.Add(tx.id, tx.text, tx.l); err != nil {
			t.Fatal(err)
		}
	}
	ix.Freeze()
	all := ix.Search("抗辐射测试", amur.ZH, 10)
	same := ix.SearchFunc("抗辐射测试", amur.ZH, 10, nil)
	if len(all) != len(same) || len(all) == 0 || all[0].ID != same[0].ID {
		t.Fatalf("SearchFunc without a filter differs from Search: %v, %v", all, same)
	}
	notZH := func(id string) bool { return id[:2] != "zh" }
	hits := ix.SearchFunc("抗辐射测试", amur.ZH, 2, notZH)
	if len(hits) != 2 {
		t.Fatalf("%d hits, want 2", len(hits))
	}
	for _, h := range hits {
		if !notZH(h.ID) || len(h.Explain) == 0 {
			t.Errorf("hit %s refused by the filter or unexplained", h.ID)
		}
	}
	// The accumulator must come back clean: the same query again scores
	// the same.
	again := ix.Search("抗辐射测试", amur.ZH, 10)
	for i := range all {
		if again[i].ID != all[i].ID || again[i].Score != all[i].Score {
			t.Errorf("scores changed after a filtered search: %v, then %v", all, again)
		}
	}
}
