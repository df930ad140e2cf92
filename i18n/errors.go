package i18n

import (
	"errors"
	"strconv"

	"amur"
)

// Message renders err for a reader of language l. A coded *amur.Error
// becomes its translated message, prefixed by the line and the field it
// names (line 17, field "start": …); any other error becomes the generic
// internal-error message, so no implementation detail reaches a user.
func Message(l amur.Lang, err error) string {
	var e *amur.Error
	if !errors.As(err, &e) {
		return T(l, "err.internal")
	}
	key := e.Key
	if key == "" {
		key = "err." + e.Code
	}
	msg := render(l, key, e.Args)
	return Where(l, e.Line, e.Field) + msg
}

// Where renders the location prefix of a message: the line of an input file
// and the name of a field, or "" when neither is known.
func Where(l amur.Lang, line int, field string) string {
	switch {
	case line > 0 && field != "":
		return T(l, "err.at_line_field", "line", strconv.Itoa(line), "field", field)
	case line > 0:
		return T(l, "err.at_line", "line", strconv.Itoa(line))
	case field != "":
		return T(l, "err.at_field", "field", field)
	}
	return ""
}
