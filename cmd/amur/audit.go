package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"amur"
)

// auditJSON is an audit entry as --json prints it: the entry and the
// changed top-level members, as the API gives them.
type auditJSON struct {
	amur.AuditEntry
	Diff map[string]amur.AuditChange `json:"diff,omitempty"`
}

// audit prints the audit log, newest first.
func (m *Main) audit(ctx context.Context, args []string) error {
	fs := m.flags("audit", "[--kind K] [--id ID] [--user EMAIL-or-ID] [--action A] [--from DATE] [--to DATE] [--limit N] [--json] [--db DSN]",
		"Prints the audit log, newest first: who changed which record, when, from where\nand what changed. An import is one entry per kind it stored.")
	kind := fs.String("kind", "", "only changes of this kind of record ("+kindNames()+")")
	id := fs.String("id", "", "only changes of the record with this id (a field's code)")
	user := fs.String("user", "", "only changes by this user: an e-mail address or a user id")
	action := fs.String("action", "", "only this action ("+strings.Join(amur.AuditActions, ", ")+")")
	from := fs.String("from", "", "only changes on or after this day (YYYY, YYYY-MM or YYYY-MM-DD, UTC)")
	to := fs.String("to", "", "only changes on or before this day (YYYY, YYYY-MM or YYYY-MM-DD, UTC)")
	limit := fs.Int("limit", 50, fmt.Sprintf("print at most this many entries (1–%d)", amur.MaxLimit))
	asJSON := fs.Bool("json", false, "print JSON")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	f, err := auditFilter(*kind, *id, *user, *action, *from, *to, *limit)
	if err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := db.Audit(ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]auditJSON, len(list.Items))
		for i, e := range list.Items {
			out[i] = auditJSON{AuditEntry: *e, Diff: e.Diff()}
		}
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	printAudit(m.Stdout, list)
	return nil
}

// kindNames lists the kinds of audit entries for help texts.
func kindNames() string {
	names := make([]string, len(amur.AuditKinds))
	for i, k := range amur.AuditKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// auditFilter turns the command's flags into a checked filter.
func auditFilter(kind, id, user, action, from, to string, limit int) (amur.AuditFilter, error) {
	f := amur.AuditFilter{ID: id, Action: action, Page: amur.Page{Limit: limit}}
	if strings.Contains(user, "@") {
		f.Email = user
	} else {
		f.UserID = user
	}
	if kind != "" {
		k, err := amur.ParseAuditKind(kind)
		if err != nil {
			return f, err
		}
		f.Kind = k
	}
	for _, d := range []struct {
		flag, value string
		set         func(amur.Date)
	}{
		{"from", from, func(v amur.Date) { f.From = v.First(time.UTC) }},
		{"to", to, func(v amur.Date) { f.To = v.Last(time.UTC) }},
	} {
		if d.value == "" {
			continue
		}
		v, err := amur.ParseDate(d.value)
		if err != nil {
			return f, amur.Invalid(d.flag, "err.date", "value", d.value)
		}
		d.set(v)
	}
	if limit < 1 || limit > amur.MaxLimit {
		return f, amur.Invalid("limit", "err.range", "min", 1, "max", amur.MaxLimit)
	}
	return f, f.Validate()
}

// printAudit writes the entries as an aligned table, one line each: the
// last column names the members a change altered, or sums up an import.
func printAudit(w io.Writer, list *amur.List[*amur.AuditEntry]) {
	if len(list.Items) == 0 {
		fmt.Fprintln(w, "no entries")
		return
	}
	fmt.Fprintf(w, "%-6s  %-19s  %-28s  %-6s  %-6s  %-13s  %-36s  %s\n", "SEQ", "AT (UTC)", "USER", "VIA", "ACTION", "KIND", "ID", "CHANGED")
	for _, e := range list.Items {
		fmt.Fprintf(w, "%-6d  %-19s  %-28s  %-6s  %-6s  %-13s  %-36s  %s\n", e.Seq, e.At.UTC().Format(time.DateTime),
			orDash(auditUser(e)), orDash(e.Via), e.Action, e.Kind, orDash(e.ID), changed(e))
	}
	if list.More {
		fmt.Fprintln(w, "… more entries follow; raise --limit or narrow the filter")
	}
}

// auditUser names who made a change: the e-mail address, the user id, or
// "system" for the platform's own commands.
func auditUser(e *amur.AuditEntry) string {
	switch {
	case e.Email != "":
		return e.Email
	case e.UserID != "":
		return e.UserID
	}
	return "system"
}

// changed sums up what an entry changed.
func changed(e *amur.AuditEntry) string {
	if e.Action == amur.AuditImport {
		var s amur.BulkSummary
		if json.Unmarshal(e.After, &s) != nil {
			return ""
		}
		if len(s.Sources) == 0 {
			return fmt.Sprintf("%d records", s.Count)
		}
		return fmt.Sprintf("%d records from %s", s.Count, strings.Join(s.Sources, ", "))
	}
	if e.Action != amur.AuditUpdate {
		return ""
	}
	return strings.Join(slices.Sorted(maps.Keys(e.Diff())), ", ")
}

// orDash returns s, or "-" for an empty cell.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
