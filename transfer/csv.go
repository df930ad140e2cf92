package transfer

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"amur"
)

// csvSource reads records from a CSV file with a header line. Columns may
// come in any order and any of them may be left out.
type csvSource struct {
	in    *limitReader
	r     *csv.Reader
	codec csvCodec
	// cols maps each column of the file to the codec's column.
	cols []int
	cell cell
}

// newCSVSource reads the header of a CSV file of records of kind k.
func newCSVSource(k amur.Kind, in *limitReader) (*csvSource, error) {
	br := bufio.NewReaderSize(in, 64<<10)
	if err := skipBOM(br); err != nil {
		return nil, in.readError(err)
	}
	r := csv.NewReader(br)
	r.ReuseRecord = true
	r.FieldsPerRecord = -1 // the importer checks the count, to name both numbers
	s := &csvSource{in: in, r: r, codec: codecs[k]}
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, amur.Errorf(amur.EInvalid, "err.empty_input")
	}
	if err != nil {
		return nil, s.readError(err)
	}
	line, _ := r.FieldPos(0)
	if err := s.bind(header, line); err != nil {
		return nil, err
	}
	return s, nil
}

// bind maps the header's names to the codec's columns.
func (s *csvSource) bind(header []string, line int) error {
	names := s.codec.names()
	index := make(map[string]int, len(names))
	for i, n := range names {
		index[n] = i
	}
	seen := make(map[string]bool, len(header))
	for _, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		c, ok := index[name]
		if !ok {
			e := amur.Errorf(amur.EInvalid, "err.csv_header", "value", h, "allowed", strings.Join(names, ", "))
			e.Line = line
			return e
		}
		if seen[name] {
			e := amur.Errorf(amur.EInvalid, "err.csv_header_duplicate", "value", h)
			e.Line = line
			return e
		}
		seen[name] = true
		s.cols = append(s.cols, c)
	}
	return nil
}

// bytes tells how many bytes of the input have been read.
func (s *csvSource) bytes() int64 { return s.in.n }

// next reads one row into a record.
func (s *csvSource) next() (amur.Record, int, error) {
	row, err := s.r.Read()
	if errors.Is(err, io.EOF) {
		return nil, 0, io.EOF
	}
	if err != nil {
		return nil, 0, s.readError(err)
	}
	line, _ := s.r.FieldPos(0)
	if len(row) != len(s.cols) {
		e := amur.Errorf(amur.EInvalid, "err.csv_columns", "got", len(row), "want", len(s.cols))
		e.Line = line
		return nil, line, e
	}
	rec := s.codec.newRecord()
	for i, v := range row {
		c := s.cols[i]
		if !utf8.ValidString(v) {
			return nil, line, amur.AtLine(amur.Invalid(s.codec.path(c), "err.utf8"), line)
		}
		if err := s.codec.set(rec, c, v, &s.cell); err != nil {
			return nil, line, amur.AtLine(err, line)
		}
	}
	return rec, line, nil
}

// readError turns an error of the CSV reader into an import error: a
// syntax error names the line where the bad record starts.
func (s *csvSource) readError(err error) error {
	var pe *csv.ParseError
	switch {
	case errors.Is(err, errTooLarge):
		return s.in.readError(err)
	case errors.As(err, &pe):
		e := amur.Errorf(amur.EInvalid, "err.csv_syntax", "detail", pe.Err.Error())
		e.Line = pe.StartLine
		return e
	}
	return err
}

// csvSink writes records as CSV under the kind's header.
type csvSink struct {
	w     *csv.Writer
	codec csvCodec
	row   []string
	err   error
}

// newCSVSink writes the header of kind k.
func newCSVSink(k amur.Kind, w io.Writer) *csvSink {
	s := &csvSink{w: csv.NewWriter(w), codec: codecs[k]}
	names := s.codec.names()
	s.row = make([]string, len(names))
	s.err = s.w.Write(names)
	return s
}

// write appends one record as a row.
func (s *csvSink) write(r amur.Record) error {
	if s.err != nil {
		return s.err
	}
	for i := range s.row {
		s.row[i] = s.codec.get(r, i)
	}
	return s.w.Write(s.row)
}

// close flushes the output.
func (s *csvSink) close() error {
	if s.err != nil {
		return s.err
	}
	s.w.Flush()
	return s.w.Error()
}
