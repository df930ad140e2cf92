package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"amur"
	"amur/fund"
	"amur/i18n"
	"amur/sqlstore"
)

// fundService opens the database and returns the fund over it, trusted as
// the operator's own command.
func (m *Main) fundService(ctx context.Context, dsn string) (*fund.Service, *sqlstore.DB, error) {
	db, err := m.open(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	return fund.New(db, db, fund.Options{Trusted: true}), db, nil
}

// printJSON writes v as indented JSON.
func (m *Main) printJSON(v any) error {
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// fundCalls prints the calls.
func (m *Main) fundCalls(ctx context.Context, args []string) error {
	fs := m.flags("fund calls", "[--json] [--db DSN]", "Lists the fund's calls with their deadlines in Beijing and Moscow time.")
	asJSON := fs.Bool("json", false, "print JSON")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	svc, db, err := m.fundService(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	calls, err := svc.Calls(ctx)
	if err != nil || *asJSON {
		if err == nil {
			err = m.printJSON(calls)
		}
		return err
	}
	tw := tabwriter.NewWriter(m.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tDEADLINE (BEIJING)\tDEADLINE (MOSCOW)\tTITLE")
	for _, c := range calls {
		title, _, _ := c.Title.In(m.Lang)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", c.ID, c.Kind, c.DeadlineUTC().In(zone("Asia/Shanghai")).Format("2006-01-02 15:04:05"),
			c.DeadlineUTC().In(zone("Europe/Moscow")).Format("2006-01-02 15:04:05"), title)
	}
	return tw.Flush()
}

// fundAssign assigns reviewers of one side, or of both.
func (m *Main) fundAssign(ctx context.Context, args []string) error {
	fs := m.flags("fund assign", "--call ID [--side CN|RU] [--k K] [--fair] [--json] [--db DSN]",
		"Assigns each side's reviewers to the call's eligible proposals: k reviewers per\nproposal within their loads, no conflict of interest, the largest total affinity\n(solved exactly). Without --side both sides are assigned, each on its own.")
	call := fs.String("call", "", "the call's id (required)")
	side := fs.String("side", "", "only this side: CN or RU")
	k := fs.Int("k", 0, "reviewers per proposal (default: the call's own)")
	fair := fs.Bool("fair", false, "first raise the weakest pair's affinity as high as it goes, then the total")
	asJSON := fs.Bool("json", false, "print JSON")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	sides := amur.FundSides
	switch s := amur.NormalizeSide(*side); {
	case *call == "":
		return m.usageErr(fs, "amur fund assign: --call is required")
	case s != "" && s != amur.SideCN && s != amur.SideRU:
		return m.usageErr(fs, "amur fund assign: --side must be CN or RU")
	case *k < 0:
		return m.usageErr(fs, "amur fund assign: --k must not be negative")
	case s != "":
		sides = []string{s}
	}
	svc, db, err := m.fundService(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	out := map[string]*fund.AssignResult{}
	for _, s := range sides {
		res, err := svc.Assign(ctx, fund.AssignRequest{CallID: *call, Side: s, K: *k, Fair: *fair})
		if err != nil {
			return err
		}
		out[s] = res
	}
	if *asJSON {
		return m.printJSON(out)
	}
	return m.printAssignments(ctx, svc, sides, out)
}

// printAssignments writes the assignments as a table, one pair a line.
func (m *Main) printAssignments(ctx context.Context, svc *fund.Service, sides []string, out map[string]*fund.AssignResult) error {
	tw := tabwriter.NewWriter(m.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SIDE\tPROPOSAL\tREVIEWER\tAFFINITY\tFORCED")
	for _, s := range sides {
		rs, err := svc.Reviewers(ctx, s)
		if err != nil {
			return err
		}
		names := map[string]string{}
		for _, r := range rs {
			names[r.ID] = r.Name
		}
		for _, a := range out[s].Assignments {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%.3f\t%v\n", s, a.ProposalID, names[a.ReviewerID], a.Affinity, a.Forced)
		}
		fmt.Fprintf(tw, "%s\t%d pairs, total affinity %.3f, %d conflicted pairs excluded\t\t\t\n", s, len(out[s].Assignments), out[s].Objective, out[s].Conflicts)
	}
	return tw.Flush()
}

// fundSelect prints the funding list, and what other budgets would change.
func (m *Main) fundSelect(ctx context.Context, args []string) error {
	fs := m.flags("fund select", "--call ID [--budget-cn CNY] [--budget-ru RUB] [--json] [--db DSN]",
		"Computes the funding list of the call's fundable proposals (recommended by both\nsides) under both budgets and the field quotas, and with --budget-cn or\n--budget-ru shows which proposals other budgets would add or remove. Nothing is stored.")
	call := fs.String("call", "", "the call's id (required)")
	cn := fs.Int64("budget-cn", 0, "the CN budget to try, in CNY")
	ru := fs.Int64("budget-ru", 0, "the RU budget to try, in RUB")
	asJSON := fs.Bool("json", false, "print JSON")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *call == "" || *cn < 0 || *ru < 0 {
		return m.usageErr(fs, "amur fund select: --call is required and budgets must not be negative")
	}
	svc, db, err := m.fundService(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	what, err := svc.CompareBudgets(ctx, fund.SelectRequest{CallID: *call, BudgetCN: *cn, BudgetRU: *ru})
	if err != nil || *asJSON {
		if err == nil {
			err = m.printJSON(what)
		}
		return err
	}
	for _, s := range []struct {
		name string
		sel  *fund.Selection
	}{{"at the call's budgets", what.Before}, {"at the budgets asked", what.After}} {
		fmt.Fprintf(m.Stdout, "%s (%s CNY, %s RUB): %d of %d fundable funded, score %.2f, cost %s CNY + %s RUB, exact %v\n",
			s.name, i18n.Number(m.Lang, int(s.sel.BudgetCN)), i18n.Number(m.Lang, int(s.sel.BudgetRU)), len(s.sel.Funded), s.sel.Fundable,
			s.sel.Score, i18n.Number(m.Lang, int(s.sel.CostCN)), i18n.Number(m.Lang, int(s.sel.CostRU)), s.sel.Exact)
	}
	fmt.Fprintf(m.Stdout, "added: %s\nremoved: %s\n", orDash(strings.Join(what.Added, ", ")), orDash(strings.Join(what.Removed, ", ")))
	return nil
}

// fundDecide records the funding decision of a call.
func (m *Main) fundDecide(ctx context.Context, args []string) error {
	fs := m.flags("fund decide", "--call ID [--json] [--db DSN]",
		"Selects at the call's budgets and records the decision: the selected proposals\nare funded, each side paying its own team, and the others under review declined.")
	call := fs.String("call", "", "the call's id (required)")
	asJSON := fs.Bool("json", false, "print JSON")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *call == "" {
		return m.usageErr(fs, "amur fund decide: --call is required")
	}
	svc, db, err := m.fundService(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	sel, err := svc.Decide(ctx, *call)
	if err != nil || *asJSON {
		if err == nil {
			err = m.printJSON(sel)
		}
		return err
	}
	fmt.Fprintf(m.Stdout, "funded %d of %d fundable proposals: %s CNY + %s RUB\n", len(sel.Funded), sel.Fundable,
		i18n.Number(m.Lang, int(sel.CostCN)), i18n.Number(m.Lang, int(sel.CostRU)))
	return nil
}

// fundExport writes a decided call's funding list and letters.
func (m *Main) fundExport(ctx context.Context, args []string) error {
	fs := m.flags("fund export", "--call ID [--format csv|xlsx] [--part list|letters] [--out FILE] [--lang zh|ru|en] [--db DSN]",
		"Writes the decided proposals of a call: the funding list or the decision letters as\nCSV, or both as an XLSX workbook, in the language asked (default AMUR_LANG/LANG).")
	call := fs.String("call", "", "the call's id (required)")
	format := fs.String("format", "csv", "csv or xlsx")
	part := fs.String("part", "list", "for CSV: list or letters")
	outPath := fs.String("out", "", "the file to write (default: standard output)")
	lang := fs.String("lang", string(m.Lang), "the language of headers and letters: zh, ru or en")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	l, ok := i18n.Parse(*lang)
	switch {
	case *call == "":
		return m.usageErr(fs, "amur fund export: --call is required")
	case *format != "csv" && *format != "xlsx", *part != "list" && *part != "letters":
		return m.usageErr(fs, "amur fund export: --format must be csv or xlsx, --part list or letters")
	case !ok:
		return m.usageErr(fs, "amur fund export: --lang must be zh, ru or en")
	}
	svc, db, err := m.fundService(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	c, ds, err := svc.Decisions(ctx, *call)
	if err != nil {
		return err
	}
	return m.writeOut(*outPath, func(w io.Writer) error {
		switch {
		case *format == "xlsx":
			return fund.WriteXLSX(w, l, c, ds)
		case *part == "letters":
			return fund.WriteLettersCSV(w, l, c, ds)
		}
		return fund.WriteCSV(w, l, ds)
	})
}

// writeOut runs write on the named file, or on Stdout for "".
func (m *Main) writeOut(path string, write func(io.Writer) error) error {
	if path == "" {
		return write(m.Stdout)
	}
	f, err := os.Create(path)
	if err != nil {
		return amur.Errorf(amur.EInvalid, "err.file_write", "value", path)
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// zone resolves an IANA zone, falling back to UTC.
func zone(name string) *time.Location {
	loc, err := amur.LoadZone(name)
	if err != nil {
		return time.UTC
	}
	return loc
}
