package main

import (
	"context"
	"fmt"
	"time"

	"amur/sqlstore"
)

// restore replaces the database with a backup.
func (m *Main) restore(ctx context.Context, args []string) error {
	fs := m.flags("restore", "[--force] [--db DSN] FILE",
		"Loads a backup written by 'amur backup' into the database. The backup is checked\n"+
			"first (SQLite: PRAGMA integrity_check on a copy, then the copy is renamed over\n"+
			"the database; PostgreSQL: pg_restore in one transaction). A database that\n"+
			"already holds data is replaced only with --force. Stop the server first.")
	force := fs.Bool("force", false, "replace a database that already holds data")
	dsn := m.dbFlag(fs)
	if err := m.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return m.usageErr(fs, "amur restore: name exactly one backup FILE")
	}
	start := time.Now()
	bar := newStepProgress(m.Stderr, "restoring")
	info, err := sqlstore.Restore(ctx, *dsn, fs.Arg(0), sqlstore.RestoreOptions{Force: *force, Progress: bar.Update})
	bar.Done()
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "restored the %s database from %s (%s) in %s\n",
		info.Dialect, fs.Arg(0), megabytes(info.Bytes), time.Since(start).Round(time.Millisecond))
	printCounts(m.Stdout, info.Counts)
	return nil
}
