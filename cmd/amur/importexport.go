package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"amur"
	"amur/transfer"
)

// importCmd imports one file of records, all or nothing.
func (m *Main) importCmd(ctx context.Context, args []string) error {
	fs := m.flags("import", "--kind KIND [--format csv|json|jsonl] [--db DSN] FILE",
		"Imports the records of FILE (or - for standard input) in one transaction: either\nevery record is stored or none is. Errors name the line and the field.\nKinds: fields, programs, organizations, people, flagships, activities, timeline,\nand ror: organisations from a ROR schema v2 dump (a JSON array or JSON lines).")
	kindName := fs.String("kind", "", "kind of the records (required)")
	format := fs.String("format", "", "csv, json or jsonl (default: from the file name)")
	dsn := m.dbFlag(fs)
	if err := m.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return m.usageErr(fs, "amur import: name exactly one FILE")
	}
	if *kindName == "ror" {
		return m.importROR(ctx, fs.Arg(0), *dsn)
	}
	kind, err := amur.ParseKind(*kindName)
	if err != nil {
		return m.usageErr(fs, "amur import: --kind must be one of fields, programs, organizations, people, flagships, activities, timeline")
	}
	path := fs.Arg(0)
	f, err := formatOf(*format, path)
	if err != nil {
		return err
	}
	in, size, err := openInput(m, path)
	if err != nil {
		return err
	}
	defer in.Close()
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	bar := newProgress(m.Stderr, size)
	n, err := transfer.Import(ctx, db, kind, f, bufio.NewReaderSize(in, 1<<20), transfer.ImportOptions{
		Source: filepath.Base(path), EnteredBy: "amur import", Progress: bar.Update,
	})
	bar.Done()
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "imported %d %s from %s\n", n, kind, path)
	return nil
}

// formatOf returns the explicit format, or the one the file name implies.
func formatOf(explicit, path string) (transfer.Format, error) {
	if explicit != "" {
		return transfer.ParseFormat(explicit)
	}
	return transfer.FormatFromName(path)
}

// openInput opens path, or standard input for "-", and returns its size
// when known (for the progress bar).
func openInput(m *Main, path string) (io.ReadCloser, int64, error) {
	if path == "-" {
		return io.NopCloser(m.Stdin), -1, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, st.Size(), nil
}

// export writes every record of one kind.
func (m *Main) export(ctx context.Context, args []string) error {
	fs := m.flags("export", "--kind KIND [--format csv|json|jsonl] [--out FILE] [--db DSN]",
		"Exports every record of one kind in id order. Exporting, importing into an\nempty database and exporting again gives identical bytes.")
	kindName := fs.String("kind", "", "kind of the records (required)")
	format := fs.String("format", "jsonl", "csv, json or jsonl")
	out := fs.String("out", "", "output file (default: standard output)")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	kind, err := amur.ParseKind(*kindName)
	if err != nil {
		return m.usageErr(fs, "amur export: --kind must be one of fields, programs, organizations, people, flagships, activities, timeline")
	}
	f, err := transfer.ParseFormat(*format)
	if err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	return writeOutput(m, *out, func(w io.Writer) error {
		n, err := transfer.Export(ctx, db, kind, f, w)
		if err == nil && *out != "" {
			fmt.Fprintf(m.Stdout, "exported %d %s to %s\n", n, kind, *out)
		}
		return err
	})
}

// writeOutput runs write against the file out (written atomically through a
// temporary file, so a failed export leaves no half file) or Stdout.
func writeOutput(m *Main, out string, write func(io.Writer) error) error {
	if out == "" {
		bw := bufio.NewWriterSize(m.Stdout, 1<<20)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".amur-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), out)
}
