package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"amur"
	"amur/demo"
	"amur/i18n"
	"amur/press"
)

// ingest reads press pages into proposed timeline events.
func (m *Main) ingest(ctx context.Context, args []string) error {
	fs := m.flags("ingest", "[--db DSN] [--published YYYY-MM-DD] [--dry-run] [--json] FILE...",
		"Reads news pages (plain text, HTML or Markdown; English, Chinese or Russian; UTF-8,\n"+
			"GB18030/GBK or Windows-1251) and finds the happenings they report: letters, calls,\n"+
			"meetings, ceremonies, forums and more, dated and with their people and sources.\n"+
			"Without --dry-run the events join the review queue of the database. A file that\n"+
			"cannot be read is reported and the others go on; the exit code is then 1.")
	dsn := m.dbFlag(fs)
	published := fs.String("published", "", "publication date of the pages (YYYY-MM-DD), overriding what they say")
	dry := fs.Bool("dry-run", false, "print the events without storing them")
	asJSON := fs.Bool("json", false, "print the events as JSON")
	if err := m.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return m.usageErr(fs, "amur ingest: give at least one FILE")
	}
	var opts press.Options
	if *published != "" {
		d, err := amur.ParseDate(*published)
		if err != nil || d.Precision() != amur.Day {
			return m.usageErr(fs, "amur ingest: --published must be a date YYYY-MM-DD")
		}
		opts.Published = d
	}
	var queue amur.PressStore
	if !*dry || flagSet(fs, "db") {
		db, err := m.open(ctx, *dsn)
		if err != nil {
			return err
		}
		defer db.Close()
		queue = db
		ir, err := press.LoadIdentityResolver(ctx, db)
		if err != nil {
			return err
		}
		opts.Registry, opts.Resolver = ir.Registry, ir
	}
	if opts.Registry == nil || opts.Registry.Empty() {
		// Without a loaded program, names and dates are matched against the
		// program's public facts, which the binary embeds.
		recs, err := demo.Build(demo.Options{Activities: 1})
		if err != nil {
			return err
		}
		ir, err := press.NewIdentityResolver(recs)
		if err != nil {
			return err
		}
		opts.Registry, opts.Resolver = ir.Registry, ir
	}
	res := press.Ingest(m.readPages(fs.Args()), opts)
	for _, fe := range res.Errors {
		fmt.Fprintln(m.Stderr, "amur ingest: "+i18n.Message(m.Lang, fe.Err))
	}
	if !*dry {
		if err := queue.ProposePress(ctx, pressEvents(res.Events)); err != nil {
			return err
		}
	}
	if err := m.printEvents(m.Stdout, res.Events, *asJSON, !*dry); err != nil {
		return err
	}
	if len(res.Errors) > 0 {
		return errFilesFailed
	}
	return nil
}

// errFilesFailed ends ingest with exit code 1 once every failed file has
// been reported.
var errFilesFailed = &amur.Error{Code: amur.EInvalid, Key: "press.files_failed"}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// readPages reads the files; a file that cannot be read becomes a page
// whose bytes fail decoding with a clear message, so that it is reported
// with the others.
func (m *Main) readPages(names []string) []press.Page {
	pages := make([]press.Page, 0, len(names))
	for _, n := range names {
		data, err := readLimited(n)
		if err != nil {
			fmt.Fprintln(m.Stderr, "amur ingest: "+i18n.T(m.Lang, "press.unreadable", "file", n))
			data = nil
		}
		pages = append(pages, press.Page{Name: n, Data: data})
	}
	return pages
}

// readLimited reads at most one byte more than press.MaxBytes, so a huge
// file is refused without being read whole.
func readLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, press.MaxBytes+1))
}

// pressEvents turns extracted events into proposed events of the queue.
func pressEvents(evs []*press.Event) []*amur.PressEvent {
	out := make([]*amur.PressEvent, 0, len(evs))
	for _, e := range evs {
		p := &amur.PressEvent{Date: e.Date, Kind: e.Kind, Title: e.Title, People: e.People,
			Organizations: e.Organizations, Fields: e.Fields, PersonIDs: e.PersonIDs, OrgIDs: e.OrgIDs}
		for _, s := range e.Sources {
			p.Sources = append(p.Sources, amur.Source{File: s.File, Start: s.Start, End: s.End})
		}
		out = append(out, p)
	}
	return out
}

// printEvents writes the events as JSON or as one line each.
func (m *Main) printEvents(w io.Writer, evs []*press.Event, asJSON, stored bool) error {
	if evs == nil {
		evs = []*press.Event{}
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Events []*press.Event `json:"events"`
		}{evs})
	}
	for _, e := range evs {
		t, _, _ := e.Title.In(m.Lang)
		fmt.Fprintf(w, "%-10s %-9s %s\n", e.Date, e.Kind, t)
	}
	key := "press.found"
	if stored {
		key = "press.queued"
	}
	fmt.Fprintln(w, i18n.N(m.Lang, key, len(evs)))
	return nil
}
