package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"amur"
	"amur/match"
)

// matchCmd prints the offers that best meet a request, the requests an
// offer best meets, or the partners whose expertise matches a text.
func (m *Main) matchCmd(ctx context.Context, args []string) error {
	fs := m.flags("match", "--request ID | --offer ID | --partners QUERY [--kind organizations|people] [--limit N] [--json] [--today DATE] [--db DSN]",
		"Ranks the published offers of the other side for a request (--request), the requests\n"+
			"for an offer (--offer), or organisations and people by expertise written in Chinese,\n"+
			"Russian or English (--partners). Each result explains itself: the words that met and\n"+
			"through which language bridge, and the fit of fields, TRL and cooperation types.\n"+
			"Results are what the public sees: no drafts, no owners of anonymous listings.")
	reqID := fs.String("request", "", "id of the request to find offers for")
	offerID := fs.String("offer", "", "id of the offer to find requests for")
	partners := fs.String("partners", "", "text describing the expertise sought")
	kindFlag := fs.String("kind", "", "with --partners: organizations or people (default both)")
	limit := fs.Int("limit", match.DefaultLimit, fmt.Sprintf("number of results, 1 to %d", match.MaxLimit))
	asJSON := fs.Bool("json", false, "print JSON")
	today := fs.String("today", "", "match as on this day, YYYY-MM-DD (listings expired by then are left out; default today)")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	if n := countSet(*reqID, *offerID, *partners); n != 1 {
		return m.usageErr(fs, "amur match: give exactly one of --request, --offer and --partners")
	}
	if *limit < 1 || *limit > match.MaxLimit {
		return amur.Invalid("limit", "err.range", "min", 1, "max", match.MaxLimit)
	}
	kind, err := match.ParseKind(*kindFlag)
	if err != nil {
		return err
	}
	opts, err := clockOption(*today)
	if err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	e := match.New(db, opts...)
	var res *match.Matches
	switch {
	case *reqID != "":
		res, err = e.ForRequest(ctx, *reqID, *limit)
	case *offerID != "":
		res, err = e.ForOffer(ctx, *offerID, *limit)
	default:
		res, err = e.Partners(ctx, *partners, kind, *limit)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printMatches(m.Stdout, res, m.Lang)
	return nil
}

// countSet counts the non-empty values.
func countSet(vs ...string) int {
	n := 0
	for _, v := range vs {
		if v != "" {
			n++
		}
	}
	return n
}

// clockOption returns the engine option of --today, if given.
func clockOption(day string) ([]match.Option, error) {
	if day == "" {
		return nil, nil
	}
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return nil, amur.Invalid("today", "err.date", "value", day)
	}
	return []match.Option{match.WithClock(func() time.Time { return t })}, nil
}

// printMatches writes the results as text, titles in lang where known.
func printMatches(w io.Writer, res *match.Matches, lang amur.Lang) {
	q := res.Query
	if q.ID != "" {
		fmt.Fprintf(w, "%s %s (%s, side %s)\n", singular(q.Kind), q.ID, q.Lang, q.Side)
	} else {
		fmt.Fprintf(w, "partners for %q (%s)\n", q.Text, q.Lang)
	}
	if len(res.Items) == 0 {
		fmt.Fprintln(w, "no matches")
	}
	for i, r := range res.Items {
		title, _, _ := r.Title.In(lang)
		fmt.Fprintf(w, "\n%2d. %.4f  %s %s  %s\n    %s\n", i+1, r.Score, r.Side, singular(r.Kind), r.ID, title)
		printExplain(w, r)
	}
}

// printExplain writes the explanation of one result.
func printExplain(w io.Writer, r match.Result) {
	ex := r.Explain
	fmt.Fprintf(w, "    text %.4f", ex.Text)
	if ex.Fields != nil {
		fmt.Fprintf(w, "  fields %.2f", ex.Fields.Score)
		for _, p := range ex.Fields.Pairs {
			fmt.Fprintf(w, " [%s~%s: %s]", p.Query, p.Match, p.Shared)
		}
	}
	if ex.TRL != nil {
		fmt.Fprintf(w, "  TRL %.2f (%d in %d–%d)", ex.TRL.Score, ex.TRL.Offer, ex.TRL.Min, ex.TRL.Max)
	}
	if ex.Coop != nil {
		fmt.Fprintf(w, "  coop %.2f %v", ex.Coop.Score, ex.Coop.Shared)
	}
	if r.Anonymous && r.OwnerID == "" {
		fmt.Fprint(w, "  anonymous: interest goes through the program office")
	}
	fmt.Fprintln(w)
	for _, t := range ex.Terms {
		fmt.Fprintf(w, "      %s → %s  [%s] %s\n", t.Query, t.Match, t.Concept, t.Route)
	}
	for _, s := range ex.Sources {
		fmt.Fprintf(w, "      from %s: %s (%.4f)\n", singular(s.Kind), s.Title, s.Score)
	}
}

// singular names one record of kind k.
func singular(k amur.Kind) string {
	switch k {
	case amur.KindPerson:
		return "person"
	case amur.KindActivity:
		return "activity"
	}
	return strings.TrimSuffix(string(k), "s")
}
