package main

import (
	"context"
	"fmt"
	"time"

	"amur"
	"amur/demo"
)

// demo loads the demo program into the database.
func (m *Main) demo(ctx context.Context, args []string) error {
	fs := m.flags("demo", "[--activities N] [--seed S] [--db DSN]",
		"Loads the demo program: the real facts of the China–Russia Years of Scientific\nand Technological Innovation 2020–2021 and N synthetic activities, each marked\nsynthetic. The same seed gives the same data.")
	n := fs.Int("activities", 1200, "number of synthetic activities")
	seed := fs.Int64("seed", 1, "seed of the synthetic data")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *n < 0 || *n > 10_000_000 {
		return m.usageErr(fs, "amur demo: --activities must be between 0 and 10000000")
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	if err := demo.Load(ctx, db, demo.Options{Activities: *n, Seed: *seed}); err != nil {
		return err
	}
	if err := demoEvents(ctx, db); err != nil {
		return err
	}
	total, err := db.Count(ctx, amur.KindActivity)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "loaded the demo program in %s; the database now holds %d activities\n",
		time.Since(start).Round(time.Millisecond), total)
	return nil
}
