package transfer

import (
	"io"

	"amur"
)

// Writer writes records of one kind to a CSV, JSON or JSONL file one at a
// time, in the layout Export uses, for callers that choose the records
// themselves (a filtered list, say) rather than exporting a whole kind.
type Writer struct {
	sink sink
}

// NewWriter returns a Writer of records of kind k in format f on w; for
// CSV it writes the header at once.
func NewWriter(k amur.Kind, f Format, w io.Writer) (*Writer, error) {
	if err := checkKind(k); err != nil {
		return nil, err
	}
	s, err := newSink(f, k, w)
	if err != nil {
		return nil, err
	}
	return &Writer{sink: s}, nil
}

// Write appends one record.
func (w *Writer) Write(r amur.Record) error { return w.sink.write(r) }

// Close finishes the file (the closing bracket of a JSON array, the flush
// of CSV); it does not close the underlying writer.
func (w *Writer) Close() error { return w.sink.close() }

// Columns returns the names of the CSV columns of kind k, in order.
func Columns(k amur.Kind) []string {
	if c, ok := codecs[k]; ok {
		return c.names()
	}
	return nil
}

// Row returns the CSV cells of r, in the order of Columns, so that other
// tabular formats (spreadsheets) share the CSV layout.
func Row(r amur.Record) []string {
	c, ok := codecs[r.RecordKind()]
	if !ok {
		return nil
	}
	n := len(c.names())
	out := make([]string, n)
	for i := range out {
		out[i] = c.get(r, i)
	}
	return out
}
