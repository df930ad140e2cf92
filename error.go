package amur

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error codes. The web adapter maps each code to one HTTP status; business
// logic never chooses a status itself.
const (
	EInvalid      = "invalid"      // the input is wrong; Field names the culprit
	ENotFound     = "notfound"     // the record does not exist (or may not be seen)
	EConflict     = "conflict"     // a unique key is already taken
	EForbidden    = "forbidden"    // the principal may not do this
	EUnauthorized = "unauthorized" // the principal is not signed in
	ETooLarge     = "toolarge"     // the input exceeds an explicit limit
	EStale        = "stale"        // the record changed since the caller read it
	EThrottled    = "throttled"    // too many attempts; Args["retry_after"] holds the seconds to wait
	EInternal     = "internal"     // anything else; details are logged, not shown
)

// Error is the one coded domain error. Key is a message key of the locale
// catalogs (for example "err.required"); Args fill its placeholders; Field
// names the offending input field and Line the line of an imported file.
type Error struct {
	Code  string
	Key   string
	Args  map[string]any
	Field string
	Line  int
	// Err is a wrapped cause, kept for logs and errors.Is; never shown to users.
	Err error
}

// Errorf returns an *Error with the given code, message key and arguments
// given as alternating name, value pairs.
func Errorf(code, key string, args ...any) *Error {
	e := &Error{Code: code, Key: key}
	if len(args) > 0 {
		e.Args = make(map[string]any, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			e.Args[fmt.Sprint(args[i])] = args[i+1]
		}
	}
	return e
}

// Invalid returns an EInvalid error about field with message key and args.
func Invalid(field, key string, args ...any) *Error {
	e := Errorf(EInvalid, key, args...)
	e.Field = field
	return e
}

// NotFound returns an ENotFound error about a record of the given kind.
func NotFound(kind, id string) *Error {
	return Errorf(ENotFound, "err.notfound", "kind", kind, "id", id)
}

// Error renders the error in English-like form for logs; users see the
// translated message produced from Key and Args.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d, ", e.Line)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, "field %q: ", e.Field)
	}
	b.WriteString(e.Code)
	if e.Key != "" {
		b.WriteString(": ")
		b.WriteString(e.Key)
	}
	if len(e.Args) > 0 {
		keys := make([]string, 0, len(e.Args))
		for k := range e.Args {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, " %s=%v", k, e.Args[k])
		}
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the wrapped cause.
func (e *Error) Unwrap() error { return e.Err }

// ErrorCode returns the code of err, or EInternal when err is not an *Error.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EInternal
}

// AsError returns err as an *Error, wrapping foreign errors as EInternal.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: EInternal, Key: "err.internal", Err: err}
}

// AtLine returns a copy of err located at line of an input file, prefixing
// field with prefix when the error names a field of a nested value.
func AtLine(err error, line int) *Error {
	e := *AsError(err)
	e.Line = line
	return &e
}

// WithField returns a copy of err whose Field is prefixed by prefix, so an
// error in a nested value names its full path (for example "title.en").
func WithField(err error, prefix string) *Error {
	e := *AsError(err)
	switch {
	case e.Field == "":
		e.Field = prefix
	case prefix != "":
		e.Field = prefix + "." + e.Field
	}
	return &e
}
