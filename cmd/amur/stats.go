package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"amur"
)

// stats prints the program's figures.
func (m *Main) stats(ctx context.Context, args []string) error {
	fs := m.flags("stats", "[--json] [--drafts] [--db DSN]",
		"Prints activity counts by type, field, side, status and month, and the sizes\nof the registries.")
	asJSON := fs.Bool("json", false, "print JSON")
	drafts := fs.Bool("drafts", false, "count draft (unpublished) activities too; by default the figures are the published ones, as the public sees them")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	f := amur.ActivityFilter{}
	if *drafts {
		f.Drafts = amur.AllDrafts
	}
	st, err := db.Stats(ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	printStats(m.Stdout, st)
	return nil
}

// printStats writes the figures as aligned text tables.
func printStats(w io.Writer, st *amur.Stats) {
	fmt.Fprintf(w, "activities     %8d\norganizations  %8d\npeople         %8d\nfields         %8d\nflagships      %8d\ntimeline       %8d\n",
		st.Activities, st.Organizations, st.People, st.Fields, st.Flagships, st.Timeline)
	sections := []struct {
		title  string
		counts map[string]int
		byKey  bool
	}{
		{"by type", st.ByType, false},
		{"by status", st.ByStatus, false},
		{"by side", st.BySide, false},
		{"by field", st.ByField, false},
		{"by month", st.ByMonth, true},
	}
	for _, s := range sections {
		fmt.Fprintf(w, "\n%s\n", s.title)
		for _, k := range sortedKeys(s.counts, s.byKey) {
			fmt.Fprintf(w, "  %-24s %8d %s\n", k, s.counts[k], bar(s.counts[k], st.Activities))
		}
	}
}

// sortedKeys orders keys by count, largest first, or by key when byKey.
func sortedKeys(m map[string]int, byKey bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if byKey || m[keys[i]] == m[keys[j]] {
			return keys[i] < keys[j]
		}
		return m[keys[i]] > m[keys[j]]
	})
	return keys
}

// bar draws n out of total as a short bar, so a glance shows the shape.
func bar(n, total int) string {
	if total == 0 {
		return ""
	}
	return strings.Repeat("▇", (n*40+total-1)/total)
}
