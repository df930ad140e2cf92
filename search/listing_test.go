package search

import (
	"context"
	"testing"

	"amur"
)

// listingTitled returns the stored offer or request of kind k whose title
// in language l is title.
func listingTitled(t *testing.T, s amur.Store, k amur.Kind, l amur.Lang, title string) amur.Record {
	t.Helper()
	var found amur.Record
	err := s.Each(context.Background(), k, func(r amur.Record) error {
		var lt amur.Text
		switch v := r.(type) {
		case *amur.Offer:
			lt = v.Title
		case *amur.Request:
			lt = v.Title
		}
		if lt.Get(l) == title {
			found = r
		}
		return nil
	})
	if err != nil || found == nil {
		t.Fatalf("no demo %s titled %q (%v)", k, title, err)
	}
	return found
}

// TestListingsAcrossLanguages searches the demo's offers and requests: a
// Chinese query finds the Russian offer on the same subject and an
// English query the Chinese request, each through a language bridge, and
// the kind filter keeps to listings.
func TestListingsAcrossLanguages(t *testing.T) {
	s, ix := demoStore(t)
	ctx := context.Background()
	cases := []struct {
		kind  amur.Kind
		lang  amur.Lang
		title string
		query string
	}{
		{amur.KindOffer, amur.RU, "Катодные материалы для литий-ионных аккумуляторов высокой энергоёмкости", "锂离子电池正极材料"},
		{amur.KindRequest, amur.ZH, "管道焊缝无损检测技术", "pipeline weld inspection"},
	}
	for _, c := range cases {
		want := listingTitled(t, s, c.kind, c.lang, c.title).Base().ID
		res := search(t, ctx, ix, s, Query{Text: c.query, Kinds: []amur.Kind{c.kind}, Limit: 5})
		r := rankOf(res, want)
		if r == 0 {
			t.Errorf("%q: the %s %q is not in the top 5: %+v", c.query, c.kind, c.title, res.Hits)
			continue
		}
		h := res.Hits[r-1]
		if h.Kind != c.kind {
			t.Errorf("%q: hit kind %s, want %s", c.query, h.Kind, c.kind)
		}
		for _, e := range h.Explain {
			if e.Bridge == "same-language" {
				t.Errorf("%q: explanation %+v: the listing is written in another language", c.query, e)
			}
		}
		for _, o := range res.Hits {
			if o.Kind != c.kind {
				t.Errorf("%q: the kind filter let through a %s", c.query, o.Kind)
			}
		}
	}
}
