package fund_test

import (
	"testing"

	"amur"
	"amur/fund"
)

// TestAffinity checks that expertise written in one language finds the
// proposal on the same subject written in others, and that a bid moves
// the affinity by a tenth per step.
func TestAffinity(t *testing.T) {
	props := []*amur.Proposal{
		{Meta: amur.Meta{ID: "p-quantum"}, Title: amur.T("ru", "Квантовые материалы и сверхпроводимость")},
		{Meta: amur.Meta{ID: "p-permafrost"}, Title: amur.T("en", "Permafrost thaw in the Arctic and climate change")},
		{Meta: amur.Meta{ID: "p-catalysis"}, Title: amur.T("zh", "催化剂与化学反应")},
	}
	revs := []*amur.Reviewer{
		{Name: "quantum", Expertise: amur.T("zh", "量子 材料 超导")},
		{Name: "arctic", Expertise: amur.T("ru", "Арктика, вечная мерзлота, климат")},
		{Name: "catalysis", Expertise: amur.T("en", "catalysis, chemical reactions"), Bids: map[string]int{"p-quantum": 2}},
	}
	aff := fund.Affinity(props, revs)
	at := func(p, r int) float32 { return aff[p*len(revs)+r] }
	for p := range props {
		for r := range revs {
			if r != p && r != 2 && at(p, r) >= at(p, p) {
				t.Errorf("proposal %d: reviewer %d (%.3f) scores at least its own subject's (%.3f)", p, r, at(p, r), at(p, p))
			}
		}
	}
	if at(2, 2) <= at(2, 0) || at(2, 2) <= at(2, 1) {
		t.Errorf("catalysis: %v", aff)
	}
	revs[2].Bids = nil
	plain := fund.Affinity(props, revs)[0*len(revs)+2]
	if got := at(0, 2); got < plain+0.2-1e-6 || got > plain+0.2+1e-6 {
		t.Errorf("a +2 bid gives %.3f, without it %.3f", got, plain)
	}
	for _, v := range aff {
		if v < 0 || v > 1 {
			t.Fatalf("affinity %v out of [0,1]", v)
		}
	}
}
