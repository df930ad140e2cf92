// Package transfer imports and exports the records of one kind as CSV, as a
// JSON array or as JSON Lines.
//
// An import is all or nothing: it runs in one Store.Bulk transaction, and the
// first bad record (bad syntax, an invalid value, a reference to nothing, a
// duplicate key) ends it with an *amur.Error that names the line of the file
// where the record starts and the field at fault, leaving the store as it
// was. Records are checked and stored as they stream, so the size of a file
// is bounded by ImportOptions.MaxBytes, not by memory.
//
// An export streams every record of a kind in id order. It is deterministic:
// exporting, importing into an empty database and exporting again gives the
// same bytes. The CSV layout of each kind is described in
// docs/import-format.md.
package transfer

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"amur"
)

// Format is the syntax of an import or export file.
type Format string

// The formats.
const (
	// CSV is comma-separated values with a header line; see docs/import-format.md.
	CSV Format = "csv"
	// JSON is one array of record objects.
	JSON Format = "json"
	// JSONL is JSON Lines: one record object a line.
	JSONL Format = "jsonl"
)

// Formats lists every format.
var Formats = []Format{CSV, JSON, JSONL}

// formatNames lists the formats for error messages.
const formatNames = "csv, json, jsonl"

// ParseFormat returns the format named s ("csv", "json", "jsonl" or
// "ndjson"), in any case.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "csv":
		return CSV, nil
	case "json":
		return JSON, nil
	case "jsonl", "ndjson":
		return JSONL, nil
	}
	return "", amur.Invalid("format", "err.format", "value", s, "allowed", formatNames)
}

// FormatFromName returns the format a file name implies by its extension:
// .csv, .json, or .jsonl (also .ndjson).
func FormatFromName(path string) (Format, error) {
	ext := strings.TrimPrefix(filepath.Ext(path), ".")
	f, err := ParseFormat(ext)
	if err != nil || ext == "" {
		return "", amur.Invalid("format", "err.format", "value", filepath.Base(path), "allowed", formatNames)
	}
	return f, nil
}

// DefaultMaxBytes is the input size limit of an import when
// ImportOptions.MaxBytes is zero.
const DefaultMaxBytes int64 = 2 << 30

// MaxRecordBytes bounds the size of one record of a JSON file, so a file
// that never closes its object cannot fill memory.
const MaxRecordBytes = 16 << 20

// ImportOptions tunes an import.
type ImportOptions struct {
	// Source names the file for provenance; a record whose provenance has
	// no source gets this one, with the line it starts on.
	Source string
	// EnteredBy fills the provenance's EnteredBy where Source is filled in.
	EnteredBy string
	// Progress, when set, is called now and then from the importing
	// goroutine with the records stored and the bytes read so far, and
	// once at the end.
	Progress func(records int, bytes int64)
	// MaxBytes limits the size of the input; 0 means DefaultMaxBytes.
	MaxBytes int64
}

// Import reads records of kind k in format f from r and stores them in one
// transaction of s. It returns how many records it stored. On any error
// nothing is stored and the error is an *amur.Error naming the line and
// the field at fault where they are known.
func Import(ctx context.Context, s amur.Store, k amur.Kind, f Format, r io.Reader, opt ImportOptions) (int, error) {
	if err := checkKind(k); err != nil {
		return 0, err
	}
	src, err := newSource(f, k, r, opt.MaxBytes)
	if err != nil {
		return 0, err
	}
	imp, err := newImporter(ctx, s, k, opt)
	if err != nil {
		return 0, err
	}
	var failure error
	err = s.Bulk(ctx, func(w amur.BulkWriter) error {
		imp.w = w
		failure = imp.run(src)
		return failure
	})
	if failure != nil {
		// The store may wrap what fn returned; the import's own error
		// carries the line and field, so it is the one to report.
		return 0, failure
	}
	if err != nil {
		return 0, err
	}
	imp.progress(src.bytes())
	return imp.stored, nil
}

// Export writes every record of kind k in format f to w in ascending id
// order and returns how many it wrote.
func Export(ctx context.Context, s amur.Store, k amur.Kind, f Format, w io.Writer) (int, error) {
	if err := checkKind(k); err != nil {
		return 0, err
	}
	enc, err := newSink(f, k, w)
	if err != nil {
		return 0, err
	}
	n := 0
	err = s.Each(ctx, k, func(r amur.Record) error {
		n++
		return enc.write(r)
	})
	if err != nil {
		return 0, err
	}
	return n, enc.close()
}

// checkKind rejects a kind that names no record type.
func checkKind(k amur.Kind) error {
	if amur.NewRecord(k) != nil {
		return nil
	}
	names := make([]string, len(amur.Kinds))
	for i, k := range amur.Kinds {
		names[i] = string(k)
	}
	return amur.Invalid("kind", "err.enum", "value", string(k), "allowed", strings.Join(names, ", "))
}

// source yields the records of an input file one at a time.
type source interface {
	// next returns the next record and the line it starts on, or io.EOF.
	next() (amur.Record, int, error)
	// bytes tells how many bytes of the input have been read.
	bytes() int64
}

// sink writes records to an output file.
type sink interface {
	write(amur.Record) error
	// close finishes the file (for JSON, the closing bracket).
	close() error
}

// newSource returns the reader of format f for records of kind k.
func newSource(f Format, k amur.Kind, r io.Reader, maxBytes int64) (source, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	in := newLimitReader(r, maxBytes)
	switch f {
	case CSV:
		return newCSVSource(k, in)
	case JSON, JSONL:
		return newJSONSource(k, in, f == JSON), nil
	}
	return nil, amur.Invalid("format", "err.format", "value", string(f), "allowed", formatNames)
}

// newSink returns the writer of format f for records of kind k.
func newSink(f Format, k amur.Kind, w io.Writer) (sink, error) {
	switch f {
	case CSV:
		return newCSVSink(k, w), nil
	case JSON, JSONL:
		return newJSONSink(w, f == JSON), nil
	}
	return nil, amur.Invalid("format", "err.format", "value", string(f), "allowed", formatNames)
}
