package transfer

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"amur"
)

// column is one CSV column of records of type T: its header name, the
// field path errors name (title_ru is "title.ru"), and how to write and
// read its cell. Columns are plain functions over the struct, so a row
// costs no reflection.
type column[T any] struct {
	name string
	path string
	get  func(*T) string
	set  func(t *T, v string, c *cell) error
}

// cell is scratch space for reading cells, reused across rows.
type cell struct {
	rd bytes.Reader
}

// timeLayout is the form of created_at and updated_at: RFC 3339 in UTC
// with milliseconds, the precision the store keeps.
const timeLayout = "2006-01-02T15:04:05.000Z07:00"

// str is a column of a string or string-like value (an enum, a Lang).
func str[T any, S ~string](name, path string, f func(*T) *S) column[T] {
	return column[T]{name: name, path: path,
		get: func(t *T) string { return string(*f(t)) },
		set: func(t *T, v string, _ *cell) error { *f(t) = S(v); return nil },
	}
}

// textCols are the five columns of a Text: one per language, the
// original language and the machine-translated languages.
func textCols[T any](name string, f func(*T) *amur.Text) []column[T] {
	return []column[T]{
		str(name+"_zh", name+".zh", func(t *T) *string { return &f(t).ZH }),
		str(name+"_ru", name+".ru", func(t *T) *string { return &f(t).RU }),
		str(name+"_en", name+".en", func(t *T) *string { return &f(t).EN }),
		str(name+"_orig", name+".orig", func(t *T) *amur.Lang { return &f(t).Orig }),
		strList(name+"_machine", name+".machine", func(t *T) *[]amur.Lang { return &f(t).Machine }),
	}
}

// strList is a column of a list of strings joined with ";". A ";" or "\"
// inside a value is written with a backslash before it.
func strList[T any, S ~string](name, path string, f func(*T) *[]S) column[T] {
	return column[T]{name: name, path: path,
		get: func(t *T) string { return joinList(*f(t)) },
		set: func(t *T, v string, _ *cell) error { *f(t) = splitList[S](v); return nil },
	}
}

// joinList joins values with ";", escaping ";" and "\" inside them.
func joinList[S ~string](vals []S) string {
	var b strings.Builder
	for i, v := range vals {
		if i > 0 {
			b.WriteByte(';')
		}
		s := string(v)
		if !strings.ContainsAny(s, `;\`) {
			b.WriteString(s)
			continue
		}
		for j := 0; j < len(s); j++ {
			if s[j] == ';' || s[j] == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(s[j])
		}
	}
	return b.String()
}

// splitList splits a cell at unescaped ";" and trims each value. A
// backslash before any other character is kept as it is.
func splitList[S ~string](v string) []S {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	if !strings.Contains(v, `\`) {
		parts := strings.Split(v, ";")
		out := make([]S, len(parts))
		for i, p := range parts {
			out[i] = S(strings.TrimSpace(p))
		}
		return out
	}
	var out []S
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '\\' && i+1 < len(v) && (v[i+1] == ';' || v[i+1] == '\\'):
			i++
			b.WriteByte(v[i])
		case c == ';':
			out = append(out, S(strings.TrimSpace(b.String())))
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(out, S(strings.TrimSpace(b.String())))
}

// date is a column of a Date.
func date[T any](name string, f func(*T) *amur.Date) column[T] {
	return column[T]{name: name, path: name,
		get: func(t *T) string { return f(t).String() },
		set: func(t *T, v string, _ *cell) error {
			d, err := amur.ParseDate(v)
			if err != nil {
				return amur.Invalid(name, "err.date", "value", v)
			}
			*f(t) = d
			return nil
		},
	}
}

// moment is a column of a Moment.
func moment[T any](name string, f func(*T) *amur.Moment) column[T] {
	return column[T]{name: name, path: name,
		get: func(t *T) string { return f(t).String() },
		set: func(t *T, v string, _ *cell) error {
			m, err := amur.ParseMoment(v)
			if err != nil {
				return amur.Invalid(name, "err.moment", "value", v)
			}
			*f(t) = m
			return nil
		},
	}
}

// integer is a column of an int; 0 is written as an empty cell.
func integer[T any](name, path string, f func(*T) *int) column[T] {
	return column[T]{name: name, path: path,
		get: func(t *T) string {
			if *f(t) == 0 {
				return ""
			}
			return strconv.Itoa(*f(t))
		},
		set: func(t *T, v string, _ *cell) error {
			if v = strings.TrimSpace(v); v == "" {
				*f(t) = 0
				return nil
			}
			n, err := strconv.Atoi(v)
			if err != nil {
				return amur.Invalid(path, "err.integer", "value", v)
			}
			*f(t) = n
			return nil
		},
	}
}

// boolean is a column of a bool: true or false; an empty cell is false.
func boolean[T any](name string, f func(*T) *bool) column[T] {
	return column[T]{name: name, path: name,
		get: func(t *T) string { return strconv.FormatBool(*f(t)) },
		set: func(t *T, v string, _ *cell) error {
			if v = strings.TrimSpace(v); v == "" {
				*f(t) = false
				return nil
			}
			b, err := strconv.ParseBool(v)
			if err != nil {
				return amur.Invalid(name, "err.boolean", "value", v)
			}
			*f(t) = b
			return nil
		},
	}
}

// timestamp is a column of a time in RFC 3339 form, written in UTC with
// milliseconds.
func timestamp[T any](name string, f func(*T) *time.Time) column[T] {
	return column[T]{name: name, path: name,
		get: func(t *T) string {
			if f(t).IsZero() {
				return ""
			}
			return f(t).UTC().Format(timeLayout)
		},
		set: func(t *T, v string, _ *cell) error {
			if v = strings.TrimSpace(v); v == "" {
				*f(t) = time.Time{}
				return nil
			}
			ts, err := time.Parse(time.RFC3339Nano, v)
			if err != nil {
				return amur.Invalid(name, "err.timestamp", "value", v)
			}
			*f(t) = ts.UTC()
			return nil
		},
	}
}

// jsonList is a column holding a list of structures as a JSON array, for
// nested values with texts of their own (outcomes, affiliations, goals,
// sources). An empty list is an empty cell.
func jsonList[T, E any](name string, f func(*T) *[]E) column[T] {
	return column[T]{name: name, path: name,
		get: func(t *T) string {
			if len(*f(t)) == 0 {
				return ""
			}
			var b strings.Builder
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(*f(t)); err != nil {
				return "" // the values come from the store and always encode
			}
			return strings.TrimSuffix(b.String(), "\n")
		},
		set: func(t *T, v string, c *cell) error {
			*f(t) = nil
			if strings.TrimSpace(v) == "" {
				return nil
			}
			return decodeStrict(&c.rd, []byte(v), f(t), name)
		},
	}
}

// metaCols are the bookkeeping columns after the id: version, created_at
// and updated_at.
func metaCols[T any](f func(*T) *amur.Meta) []column[T] {
	return []column[T]{
		integer("version", "version", func(t *T) *int { return &f(t).Version }),
		timestamp("created_at", func(t *T) *time.Time { return &f(t).CreatedAt }),
		timestamp("updated_at", func(t *T) *time.Time { return &f(t).UpdatedAt }),
	}
}

// idCol is the id column.
func idCol[T any](f func(*T) *amur.Meta) column[T] {
	return str("id", "id", func(t *T) *string { return &f(t).ID })
}

// provCols are the three provenance columns.
func provCols[T any](f func(*T) *amur.Provenance) []column[T] {
	return []column[T]{
		str("provenance_source", "provenance.source", func(t *T) *string { return &f(t).Source }),
		integer("provenance_line", "provenance.line", func(t *T) *int { return &f(t).Line }),
		str("provenance_entered_by", "provenance.entered_by", func(t *T) *string { return &f(t).EnteredBy }),
	}
}
