package main

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"text/tabwriter"
	"time"

	"amur"
	"amur/i18n"
	"amur/identity"
	"amur/sqlstore"
)

// identityCommands are the subcommands of "amur identity".
var identityCommands = []command{
	{"scan", "find people or organisations recorded twice and propose them for review", (*Main).identityScan},
	{"list", "list the proposed duplicates, best first", (*Main).identityList},
	{"merge", "merge one record into another, re-pointing every reference", (*Main).identityMerge},
	{"reject", "reject a proposed duplicate; no scan proposes it again", (*Main).identityReject},
	{"undo", "undo a merge, restoring every record it changed", (*Main).identityUndo},
}

// identityCmd runs "amur identity SUBCOMMAND". Whoever can run it holds the
// database, so it acts as the system.
func (m *Main) identityCmd(ctx context.Context, args []string) error {
	return m.subcommand(ctx, "identity", identityCommands, args)
}

// kindFlag parses the --kind of identity commands.
func kindFlag(s string) (amur.Kind, error) {
	k, err := amur.ParseKind(s)
	if err != nil || k != amur.KindPerson && k != amur.KindOrganization {
		return "", amur.Invalid("kind", "identity.err.kind")
	}
	return k, nil
}

// identityScan scans the registry, or with --bench synthetic people.
func (m *Main) identityScan(ctx context.Context, args []string) error {
	fs := m.flags("identity scan", "[--kind people|organizations] [--min-score X] [--db DSN] | --bench N",
		"Compares the registry's people (or organisations) by their names in every script and\n"+
			"their ROR ids and ORCID iDs, and proposes the pairs scoring at least --min-score for\n"+
			"review. Pairs proposed, merged or rejected before are not proposed again.\n"+
			"With --bench N it instead generates N synthetic people with known duplicates and\n"+
			"prints the time, memory, precision and recall of the scan and of exact-key blocking.")
	kind := fs.String("kind", "people", "people or organizations; all scans both")
	minScore := fs.Float64("min-score", identity.DefaultMinScore, "the least score of a proposed pair, 0 to 1")
	bench := fs.Int("bench", 0, "measure on N synthetic people instead of scanning the registry")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *minScore <= 0 || *minScore > 1 {
		return m.usageErr(fs, "amur identity scan: --min-score must be in (0, 1]")
	}
	if *bench > 0 {
		return m.identityBench(*bench, *minScore)
	}
	kinds := []amur.Kind{amur.KindPerson, amur.KindOrganization}
	if *kind != "all" {
		k, err := kindFlag(*kind)
		if err != nil {
			return err
		}
		kinds = []amur.Kind{k}
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, k := range kinds {
		res, err := identity.Scan(ctx, db, k, *minScore)
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "%s: %s\n", k, i18n.T(m.Lang, "identity.scan.done", "added", res.Added, "pairs", res.Pairs, "records", res.Records))
	}
	return nil
}

// identityBench measures the scan on synthetic people.
func (m *Main) identityBench(n int, minScore float64) error {
	recs := identity.Synthetic(n, 0.1, 1)
	base := identity.MeasureExactKey(recs)
	runtime.GC()
	f := identity.MeasureDuplicates(recs, minScore)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(m.Stdout, "records=%d true_pairs=%d\n", f.Records, f.True)
	fmt.Fprintf(m.Stdout, "scan:       time=%s proposed=%d precision=%.4f recall=%.4f\n",
		f.Elapsed.Round(time.Millisecond), f.Proposed, f.Precision(), f.Recall())
	fmt.Fprintf(m.Stdout, "exact keys: time=%s proposed=%d precision=%.4f recall=%.4f\n",
		base.Elapsed.Round(time.Millisecond), base.Proposed, base.Precision(), base.Recall())
	fmt.Fprintf(m.Stdout, "memory: sys=%.2fGiB\n", float64(ms.Sys)/(1<<30))
	return nil
}

// identityList lists proposed duplicates.
func (m *Main) identityList(ctx context.Context, args []string) error {
	fs := m.flags("identity list", "[--kind people|organizations] [--status open|merged|rejected] [--limit N] [--json] [--db DSN]",
		"Lists the proposed duplicates, best score first, with the explanation of each match.")
	kind := fs.String("kind", "", "people or organizations; both when empty")
	status := fs.String("status", amur.CandidateOpen, "open, merged or rejected")
	limit := fs.Int("limit", amur.DefaultLimit, "the most proposals to list")
	asJSON := fs.Bool("json", false, "print JSON lines")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	f := amur.DuplicateFilter{Status: *status, Page: amur.Page{Limit: *limit}}
	if *kind != "" {
		k, err := kindFlag(*kind)
		if err != nil {
			return err
		}
		f.Kind = k
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := db.DuplicateCandidates(ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		for _, c := range list.Items {
			if err := enc.Encode(c); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tSCORE\tA\tB\tNAMES")
	for _, c := range list.Items {
		var r identity.Result
		_ = json.Unmarshal(c.Explanation, &r)
		fmt.Fprintf(tw, "%s\t%s\t%.3f\t%s\t%s\t%s ~ %s\n", c.ID, c.Kind, c.Score, c.A, c.B, r.Query, r.Name)
	}
	return tw.Flush()
}

// identityMerge merges one record into another.
func (m *Main) identityMerge(ctx context.Context, args []string) error {
	fs := m.flags("identity merge", "--kind people|organizations --keep ID --drop ID [--candidate ID] [--db DSN]",
		"Merges the record --drop into --keep in one transaction: every reference to it is\n"+
			"re-pointed, its names become aliases, and it is deleted. Prints the merge's id,\n"+
			"which 'amur identity undo' takes.")
	kind := fs.String("kind", "", "people or organizations (required)")
	keep := fs.String("keep", "", "the id of the record that stays (required)")
	drop := fs.String("drop", "", "the id of the record merged into it (required)")
	cand := fs.String("candidate", "", "the id of the proposal this decides")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *kind == "" || *keep == "" || *drop == "" {
		return m.usageErr(fs, "amur identity merge: --kind, --keep and --drop are required")
	}
	k, err := kindFlag(*kind)
	if err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	mg, err := db.MergeRecords(ctx, k, *keep, *drop, *cand)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "merged %s into %s (%d records changed); merge %s\n", mg.Drop, mg.Keep, mg.Changed, mg.ID)
	return nil
}

// identityReject rejects a proposed duplicate.
func (m *Main) identityReject(ctx context.Context, args []string) error {
	fs := m.flags("identity reject", "[--db DSN] ID", "Rejects a proposed duplicate; no later scan proposes the pair again.")
	dsn := m.dbFlag(fs)
	if err := m.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return m.usageErr(fs, "amur identity reject: give exactly one proposal ID")
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.RejectDuplicate(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "rejected %s (%s ~ %s)\n", c.ID, c.A, c.B)
	return nil
}

// identityUndo undoes a merge.
func (m *Main) identityUndo(ctx context.Context, args []string) error {
	fs := m.flags("identity undo", "[--db DSN] MERGE-ID",
		"Undoes a merge: the merged record returns and every record the merge changed is\n"+
			"restored as it was, unless one changed since.")
	dsn := m.dbFlag(fs)
	if err := m.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return m.usageErr(fs, "amur identity undo: give exactly one MERGE-ID")
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	mg, err := db.UndoMerge(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "undid merge %s: %s is back\n", mg.ID, mg.Drop)
	return nil
}

// importROR runs "amur import --kind ror FILE": organisations from a ROR
// schema v2 file, created or updated by ROR id, all or nothing.
func (m *Main) importROR(ctx context.Context, path, dsn string) error {
	in, _, err := openInput(m, path)
	if err != nil {
		return err
	}
	defer in.Close()
	recs, err := identity.ParseROR(in)
	if err != nil {
		return err
	}
	db, err := m.open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	imp := make([]sqlstore.RORImport, len(recs))
	for i, r := range recs {
		r.Org.Provenance.EnteredBy = "amur import"
		imp[i] = sqlstore.RORImport{Org: r.Org, ParentROR: r.ParentROR, Line: r.Line}
	}
	created, updated, err := db.ImportROR(ctx, imp)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "imported %d organizations from %s: %d created, %d updated\n", created+updated, path, created, updated)
	return nil
}
