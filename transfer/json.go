package transfer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"unicode/utf8"

	"amur"
)

// jsonSource splits a JSON array or a JSON Lines file into the raw bytes of
// its objects, counting lines so that each record knows the line it starts
// on, and decodes each object on its own. Only the object being read is
// held in memory.
type jsonSource struct {
	in    *limitReader
	kind  amur.Kind
	array bool
	// buf[off:end] is read but not yet consumed; line is the line of buf[off].
	buf      []byte
	off, end int
	line     int
	eof      bool
	rerr     error
	started  bool // the array's "[" has been read
	done     bool // the array's "]" has been read
	first    bool // the next array element is the first
	bomDone  bool // a byte order mark at the start has been skipped
	rd       bytes.Reader
}

// newJSONSource returns the reader of a JSON array (array true) or of JSON
// Lines of records of kind k.
func newJSONSource(k amur.Kind, in *limitReader, array bool) *jsonSource {
	return &jsonSource{in: in, kind: k, array: array, buf: make([]byte, 256<<10), line: 1}
}

// bytes tells how many bytes of the input have been read.
func (j *jsonSource) bytes() int64 { return j.in.n }

// next decodes the next object into a record of the source's kind.
func (j *jsonSource) next() (amur.Record, int, error) {
	raw, line, err := j.nextRaw()
	if err != nil {
		return nil, line, err
	}
	rec := amur.NewRecord(j.kind)
	if err := decodeStrict(&j.rd, raw, rec, ""); err != nil {
		return nil, line, amur.AtLine(err, line)
	}
	return rec, line, nil
}

// nextRaw returns the bytes of the next object, valid until the next call,
// and the line it starts on, or io.EOF after the last one.
func (j *jsonSource) nextRaw() ([]byte, int, error) {
	if j.array {
		if err := j.arrayStep(); err != nil {
			return nil, j.line, err
		}
	}
	c, ok := j.peek()
	if !ok {
		if j.rerr != nil {
			return nil, j.line, j.in.readError(j.rerr)
		}
		if j.array {
			return nil, j.line, jsonError(j.line, `unexpected end of input: the array lacks its closing "]"`)
		}
		return nil, j.line, io.EOF
	}
	if c != '{' {
		return nil, j.line, jsonError(j.line, `expected "{" at the start of a record`)
	}
	return j.object()
}

// arrayStep consumes what comes before the next element of an array: the
// opening bracket or a comma. At the closing bracket it returns io.EOF,
// or an error when anything but white space follows.
func (j *jsonSource) arrayStep() error {
	if j.done {
		return io.EOF
	}
	c, ok := j.peek()
	switch {
	case !ok && j.rerr != nil:
		return j.in.readError(j.rerr)
	case !ok && !j.started:
		return io.EOF
	case !ok:
		return nil // nextRaw reports the missing bracket
	case !j.started && c != '[':
		return jsonError(j.line, `expected "[" at the start of the file`)
	case !j.started:
		j.off++
		j.started, j.first = true, true
		return j.arrayStep()
	case c == ']':
		j.off++
		j.done = true
		if _, more := j.peek(); more {
			return jsonError(j.line, `unexpected data after the closing "]"`)
		}
		if j.rerr != nil {
			return j.in.readError(j.rerr)
		}
		return io.EOF
	case j.first:
		j.first = false
		return nil
	case c == ',':
		j.off++
		return nil
	}
	return jsonError(j.line, `expected "," or "]" after a record`)
}

// jsonError is an err.json error at line.
func jsonError(line int, detail string) *amur.Error {
	e := amur.Errorf(amur.EInvalid, "err.json", "detail", detail)
	e.Line = line
	return e
}

// peek skips white space and returns the next byte without consuming it;
// ok is false at the end of the input or on a read error.
func (j *jsonSource) peek() (byte, bool) {
	if !j.bomDone {
		j.bomDone = true
		for j.end-j.off < 3 && j.fill() {
		}
		if bytes.HasPrefix(j.buf[j.off:j.end], []byte("\uFEFF")) {
			j.off += 3
		}
	}
	for {
		for j.off < j.end {
			switch c := j.buf[j.off]; c {
			case '\n':
				j.line++
				j.off++
			case ' ', '\t', '\r':
				j.off++
			default:
				return c, true
			}
		}
		if !j.fill() {
			return 0, false
		}
	}
}

// fill reads more input behind the unconsumed bytes, moving them to the
// front of the buffer and growing it when one object needs more room. It
// returns false when no more input comes.
func (j *jsonSource) fill() bool {
	for !j.eof && j.rerr == nil {
		if j.off > 0 {
			j.end = copy(j.buf, j.buf[j.off:j.end])
			j.off = 0
		}
		if j.end == len(j.buf) {
			j.buf = append(j.buf, make([]byte, len(j.buf))...)
		}
		n, err := j.in.Read(j.buf[j.end:])
		j.end += n
		switch {
		case err == io.EOF:
			j.eof = true
		case err != nil:
			j.rerr = err
		}
		if n > 0 {
			return true
		}
	}
	return false
}

// object returns the bytes of the object starting at buf[off] by matching
// its brackets outside strings; the decoder checks the syntax in between.
func (j *jsonSource) object() ([]byte, int, error) {
	start, lines := j.line, 0
	depth, inString, escaped := 0, false, false
	i := 0
	for {
		for ; j.off+i < j.end; i++ {
			c := j.buf[j.off+i]
			if c == '\n' {
				lines++
			}
			switch {
			case inString && escaped:
				escaped = false
			case inString && c == '\\':
				escaped = true
			case inString && c == '"':
				inString = false
			case inString:
			case c == '"':
				inString = true
			case c == '{' || c == '[':
				depth++
			case c == '}' || c == ']':
				if depth--; depth == 0 {
					raw := j.buf[j.off : j.off+i+1]
					j.off += i + 1
					j.line += lines
					return raw, start, nil
				}
			}
		}
		if i > MaxRecordBytes {
			e := amur.Errorf(amur.ETooLarge, "err.record_too_large", "max", MaxRecordBytes)
			e.Line = start
			return nil, start, e
		}
		if !j.fill() {
			if j.rerr != nil {
				return nil, start, j.in.readError(j.rerr)
			}
			return nil, start, jsonError(start, "unexpected end of input inside the record")
		}
	}
}

// decodeStrict decodes the JSON value raw into v, rejecting unknown fields
// and trailing data. A failure is diagnosed into an error that names the
// field, under prefix when raw is part of a larger record.
func decodeStrict(rd *bytes.Reader, raw []byte, v any, prefix string) error {
	if !utf8.Valid(raw) {
		return diagnose(raw, v, prefix, nil)
	}
	rd.Reset(raw)
	dec := json.NewDecoder(rd)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return diagnose(raw, v, prefix, err)
	}
	if rest := raw[dec.InputOffset():]; len(bytes.TrimSpace(rest)) > 0 {
		e := amur.Errorf(amur.EInvalid, "err.json", "detail", "unexpected data after the value")
		e.Field = prefix
		return e
	}
	return nil
}

// jsonSink writes records as a JSON array, one record a line, or as JSON
// Lines. HTML characters are not escaped, so "R&D" stays readable.
type jsonSink struct {
	w     *bufio.Writer
	array bool
	buf   bytes.Buffer
	enc   *json.Encoder
	n     int
}

// newJSONSink returns the writer of a JSON array (array true) or of JSON Lines.
func newJSONSink(w io.Writer, array bool) *jsonSink {
	s := &jsonSink{w: bufio.NewWriterSize(w, 64<<10), array: array}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	return s
}

// write appends one record.
func (s *jsonSink) write(r amur.Record) error {
	s.buf.Reset()
	if err := s.enc.Encode(r); err != nil {
		return err
	}
	b := s.buf.Bytes()
	if s.array {
		sep := ",\n"
		if s.n == 0 {
			sep = "[\n"
		}
		s.w.WriteString(sep)
		b = b[:len(b)-1] // the encoder's newline; the separator brings its own
	}
	s.n++
	_, err := s.w.Write(b)
	return err
}

// close ends the array and flushes the output.
func (s *jsonSink) close() error {
	if s.array {
		if s.n == 0 {
			s.w.WriteString("[]\n")
		} else {
			s.w.WriteString("\n]\n")
		}
	}
	return s.w.Flush()
}
