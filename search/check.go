package search

import (
	"context"

	"amur"
)

// SelfCheck searches for about n records of s, spread over the store, by
// their own title in its original language, and returns how many it
// searched and how many were among the ten best hits. A record whose title
// its kind repeats (synthetic activities share templates) may be missed
// by a correct index, so this measures, it does not judge.
func SelfCheck(ctx context.Context, s amur.Store, ix *Index, n int) (checked, found int, err error) {
	total, err := Count(ctx, s)
	if err != nil || total == 0 || n <= 0 {
		return 0, 0, err
	}
	stride := max(1, total/n)
	i := 0
	for _, k := range kinds {
		err := s.Each(ctx, k, func(r amur.Record) error {
			i++
			if i%stride != 0 || checked >= n {
				return nil
			}
			d, ok := DocOf(r)
			title, _, _ := d.Title.In(d.Title.Orig)
			q := Query{Text: title, Limit: 10, Drafts: amur.AllDrafts}
			if !ok || q.Validate() != nil {
				return nil
			}
			checked++
			for _, m := range ix.run(q).matches {
				if m.id == d.ID && m.kind == d.Kind {
					found++
					break
				}
			}
			return nil
		})
		if err != nil {
			return checked, found, err
		}
	}
	return checked, found, nil
}
