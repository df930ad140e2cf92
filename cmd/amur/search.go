package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"amur"
	"amur/registry"
	"amur/search"
	"amur/sqlstore"
)

// searchCmd runs one query from the command line.
func (m *Main) searchCmd(ctx context.Context, args []string) error {
	fs := m.flags("search", "[--db DSN] [--kind K] [--lang L] [--limit N] [--json] QUERY",
		"Finds activities, organisations, people, offers and requests matching QUERY in\n"+
			"any of Chinese, Russian and English, as GET /api/v1/search does for the public:\n"+
			"drafts, anonymous owners and contact data are never shown. The index is built\n"+
			"from the database first.")
	dsn := m.dbFlag(fs)
	kind := fs.String("kind", "", "only records of this kind: activities, organizations, people, offers or requests (comma-separate several)")
	lang := fs.String("lang", "", "language of the titles shown: zh, ru or en (default: the query's)")
	limit := fs.Int("limit", 10, "number of hits to show, 1 to 100")
	asJSON := fs.Bool("json", false, "print the result as JSON, as the API does")
	if err := m.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return m.usageErr(fs, "amur search: a QUERY is required")
	}
	q := search.Query{Text: strings.Join(fs.Args(), " "), Lang: amur.Lang(*lang), Limit: *limit}
	if *kind != "" {
		for part := range strings.SplitSeq(*kind, ",") {
			k, err := amur.ParseKind(strings.TrimSpace(part))
			if err != nil {
				return err
			}
			q.Kinds = append(q.Kinds, k)
		}
	}
	if err := q.Validate(); err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ix, err := m.buildIndex(ctx, db)
	if err != nil {
		return err
	}
	// The command line shows what the public sees: the context carries no
	// principal, so the registry hides drafts and contacts.
	res, err := search.Search(ctx, ix, registry.New(db), q)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printHits(m.Stdout, res)
	return nil
}

// printHits writes the hits as text: kind, score and title, then the
// explanation of each.
func printHits(w io.Writer, res *search.Result) {
	fmt.Fprintf(w, "%d matches (query read as %s)\n", res.Total, res.Lang)
	for i, h := range res.Hits {
		fmt.Fprintf(w, "%2d. %-13s %7.3f  %s\n", i+1, h.Kind, h.Score, h.Title)
		for _, e := range h.Explain {
			fmt.Fprintf(w, "      %s → %s (%s, %s %s: %s)\n", e.Query, e.Doc, e.Bridge, e.Field, e.Lang, e.Concept)
		}
	}
}

// buildIndex indexes every searchable record of db, drawing a progress bar
// on a terminal.
func (m *Main) buildIndex(ctx context.Context, db *sqlstore.DB) (*search.Index, error) {
	total, err := search.Count(ctx, db)
	if err != nil {
		return nil, err
	}
	bar := newProgress(m.Stderr, int64(total))
	ix := search.New()
	err = search.Build(ctx, db, ix, func(n int) { bar.Update(n, int64(n)) })
	bar.Done()
	return ix, err
}

// startSearch builds the search index of a serving node in the background
// and then keeps it current from the outbox, so that every node sees every
// node's writes; until the build ends, searches answer from what is
// indexed so far and say so.
func (m *Main) startSearch(ctx context.Context, db *sqlstore.DB, wg *sync.WaitGroup) *search.Index {
	ix := search.New()
	wg.Go(func() {
		start := time.Now()
		if err := search.Build(ctx, db, ix, nil); err != nil {
			if ctx.Err() == nil {
				m.Logger.Error("search index build failed; search answers from the records indexed so far", "err", err)
			}
		} else {
			m.Logger.Info("search index built", "records", ix.Len(), "took", time.Since(start).Round(time.Millisecond))
		}
		search.Follow(ctx, db, ix, search.DefaultInterval, func(err error) {
			m.Logger.Warn("search index: reading the outbox failed; retrying", "err", err)
		})
	})
	return ix
}
