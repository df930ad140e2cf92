package main

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"time"

	"amur"
	"amur/search"
)

// reindexReport is what reindex found.
type reindexReport struct {
	Records  int          `json:"records"`
	Stats    search.Stats `json:"index"`
	Seconds  float64      `json:"seconds"`
	HeapMB   float64      `json:"heap_mb"`
	Checked  int          `json:"checked"`
	Found    int          `json:"found_themselves"`
	Seq      int64        `json:"outbox_seq"`
	CaughtUp int          `json:"caught_up"`
}

// reindex rebuilds the search index from the database and verifies it.
func (m *Main) reindex(ctx context.Context, args []string) error {
	fs := m.flags("reindex", "[--db DSN] [--json]",
		"Rebuilds the search index from the database, as every serving node does at start,\n"+
			"catches it up with the outbox, and verifies it: every activity, organisation and\n"+
			"person must be indexed, and a sample of records is searched for by its own title.\n"+
			"The index lives in each node's memory (it is derived state); this checks that it\n"+
			"can be built, how long that takes and how much memory it needs.")
	dsn := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	ix, err := m.buildIndex(ctx, db)
	if err != nil {
		return err
	}
	rep := reindexReport{Stats: ix.Stats(), Seconds: time.Since(start).Seconds()}
	if rep.CaughtUp, err = search.CatchUp(ctx, db, ix); err != nil {
		return err
	}
	rep.Seq = ix.Seq()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	rep.HeapMB = float64(ms.HeapInuse) / (1 << 20)
	if rep.Records, err = search.Count(ctx, db); err != nil {
		return err
	}
	if rep.Checked, rep.Found, err = search.SelfCheck(ctx, db, ix, 200); err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(m.Stdout, "indexed %d of %d records in %.1f s: %d concepts, %d postings, %d words for typo correction; heap %.0f MB\n",
			ix.Len(), rep.Records, rep.Seconds, rep.Stats.Concepts, rep.Stats.Postings, rep.Stats.Words, rep.HeapMB)
		fmt.Fprintf(m.Stdout, "outbox position %d (%d changes applied after the build)\n", rep.Seq, rep.CaughtUp)
		fmt.Fprintf(m.Stdout, "self-check: %d of %d sampled records find themselves by their title in the top 10\n", rep.Found, rep.Checked)
	}
	if ix.Len() != rep.Records {
		return amur.Errorf(amur.EInternal, "search.reindex_count", "indexed", ix.Len(), "records", rep.Records)
	}
	return nil
}
