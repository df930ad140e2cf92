package search

import (
	"context"
	"testing"

	"amur"
	"amur/demo"
	"amur/internal/testkit"
	"amur/registry"
)

// demoIndex loads the demo program into a fresh store and indexes it.
func demoIndex(t *testing.T, s amur.Store) *Index {
	t.Helper()
	ctx := context.Background()
	if err := demo.Load(ctx, s, demo.Options{Activities: 300}); err != nil {
		t.Fatal(err)
	}
	ix := New()
	if err := Build(ctx, s, ix, nil); err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestDemoScratch(t *testing.T) {
	s := testkit.MustOpenStore(t)
	ix := demoIndex(t, s)
	t.Logf("%+v", ix.Stats())
	for _, q := range []string{"атомная электростанция", "核电站", "nuclear power plant", "математический центр", "Чжан Пинвэнь", "Пекинский университт"} {
		res, err := Search(context.Background(), ix, registry.New(s), Query{Text: q, Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: total %d facets %+v", q, res.Total, res.Facets.Kind)
		for _, h := range res.Hits {
			t.Logf("  %s %.3f %s %v", h.Kind, h.Score, h.Title, h.Explain[:min(3, len(h.Explain))])
		}
	}
}
