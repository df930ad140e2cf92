package transfer

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"amur"
)

// The types the diagnosis reads from their text form.
var (
	dateType   = reflect.TypeFor[amur.Date]()
	momentType = reflect.TypeFor[amur.Moment]()
	timeType   = reflect.TypeFor[time.Time]()
)

// diagnose explains why raw does not decode into v: it walks raw token by
// token along v's type and returns the first fault with the path of its
// field (participants[1].org_id). encoding/json alone names no list
// positions, gives no path for unknown fields or bad dates, and silently
// replaces invalid UTF-8, so the walk runs whenever the fast decode fails
// or the bytes are not UTF-8; it uses reflection, but only on that path.
func diagnose(raw []byte, v any, prefix string, cause error) *amur.Error {
	w := &walker{dec: json.NewDecoder(bytes.NewReader(raw)), bad: -1}
	w.dec.UseNumber()
	if !utf8.Valid(raw) {
		w.bad = int64(invalidAt(raw))
	}
	if e := w.value(reflect.TypeOf(v).Elem(), prefix); e != nil {
		return e
	}
	if w.bad >= 0 {
		return amur.Invalid(prefix, "err.utf8")
	}
	detail := "the value does not fit"
	if cause != nil {
		detail = strings.TrimPrefix(cause.Error(), "json: ")
	}
	e := amur.Errorf(amur.EInvalid, "err.json", "detail", detail)
	e.Field = prefix
	return e
}

// invalidAt returns the offset of the first byte of b that is not valid UTF-8.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// walker reads one JSON value and checks it against a Go type.
type walker struct {
	dec *json.Decoder
	// bad is the offset of the first invalid UTF-8 byte, or -1.
	bad int64
}

// join appends a key to a field path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// token reads the next token; a syntax error names path.
func (w *walker) token(path string) (json.Token, *amur.Error) {
	tok, err := w.dec.Token()
	if err != nil {
		detail := strings.TrimPrefix(err.Error(), "json: ")
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			detail = "unexpected end of the value"
		}
		e := amur.Errorf(amur.EInvalid, "err.json", "detail", detail)
		e.Field = path
		return nil, e
	}
	if w.bad >= 0 && w.dec.InputOffset() > w.bad {
		return nil, amur.Invalid(path, "err.utf8")
	}
	return tok, nil
}

// wrongType is the error of a value of the wrong JSON type.
func wrongType(path, want string) *amur.Error {
	return amur.Invalid(path, "err.json_type", "want", want)
}

// value reads one value that must fit type t.
func (w *walker) value(t reflect.Type, path string) *amur.Error {
	tok, e := w.token(path)
	if e != nil {
		return e
	}
	switch t {
	case dateType:
		return textValue(tok, path, "err.date", func(s string) error { _, err := amur.ParseDate(s); return err })
	case momentType:
		return textValue(tok, path, "err.moment", func(s string) error { _, err := amur.ParseMoment(s); return err })
	case timeType:
		return textValue(tok, path, "err.timestamp", func(s string) error { _, err := time.Parse(time.RFC3339, s); return err })
	}
	if tok == nil {
		return nil // null leaves any value at its zero
	}
	switch t.Kind() {
	case reflect.String:
		if _, ok := tok.(string); !ok {
			return wrongType(path, "string")
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		n, ok := tok.(json.Number)
		if _, err := strconv.ParseInt(string(n), 10, t.Bits()); !ok || err != nil {
			return wrongType(path, "integer")
		}
	case reflect.Bool:
		if _, ok := tok.(bool); !ok {
			return wrongType(path, "boolean")
		}
	case reflect.Slice:
		if tok != json.Delim('[') {
			return wrongType(path, "array")
		}
		return w.array(t.Elem(), path)
	case reflect.Struct:
		if tok != json.Delim('{') {
			return wrongType(path, "object")
		}
		return w.object(t, path)
	}
	return nil
}

// textValue checks a string value read by parse, such as a date.
func textValue(tok json.Token, path, key string, parse func(string) error) *amur.Error {
	if tok == nil {
		return nil
	}
	s, ok := tok.(string)
	if !ok {
		return wrongType(path, "string")
	}
	if err := parse(s); err != nil {
		return amur.Invalid(path, key, "value", s)
	}
	return nil
}

// array reads the elements of an array after its "[".
func (w *walker) array(elem reflect.Type, path string) *amur.Error {
	for i := 0; w.dec.More(); i++ {
		if e := w.value(elem, path+"["+strconv.Itoa(i)+"]"); e != nil {
			return e
		}
	}
	_, e := w.token(path)
	return e
}

// object reads the members of an object after its "{".
func (w *walker) object(t reflect.Type, path string) *amur.Error {
	for w.dec.More() {
		tok, e := w.token(path)
		if e != nil {
			return e
		}
		key, _ := tok.(string)
		ft, name, ok := jsonField(t, key)
		if !ok {
			return amur.Invalid(join(path, key), "err.json_unknown")
		}
		if e := w.value(ft, join(path, name)); e != nil {
			return e
		}
	}
	_, e := w.token(path)
	return e
}

// jsonField finds the field of struct type t that JSON key names, as
// encoding/json does: an exact match of the name first, then one that
// differs only in case. It returns the field's type and canonical name.
func jsonField(t reflect.Type, key string) (reflect.Type, string, bool) {
	var folded reflect.StructField
	foldedName := ""
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || (f.Anonymous && f.Type.Kind() == reflect.Struct) {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if name == key {
			return f.Type, name, true
		}
		if foldedName == "" && strings.EqualFold(name, key) {
			folded, foldedName = f, name
		}
	}
	return folded.Type, foldedName, foldedName != ""
}
