package web

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"

	"amur"
	"amur/i18n"
)

// Codes of protocol errors that only HTTP knows; the domain never sees them.
const (
	codeMethodNotAllowed = "method_not_allowed"
	codeUnsupportedMedia = "unsupported_media_type"
)

// statusOf is the one table from error codes to HTTP status. Business logic
// returns coded errors; only this table decides what HTTP makes of them.
var statusOf = map[string]int{
	amur.EInvalid:        http.StatusBadRequest,
	amur.ENotFound:       http.StatusNotFound,
	amur.EConflict:       http.StatusConflict,
	amur.EForbidden:      http.StatusForbidden,
	amur.EUnauthorized:   http.StatusUnauthorized,
	amur.ETooLarge:       http.StatusRequestEntityTooLarge,
	amur.EStale:          http.StatusPreconditionFailed,
	amur.EThrottled:      http.StatusTooManyRequests,
	amur.EInternal:       http.StatusInternalServerError,
	codeMethodNotAllowed: http.StatusMethodNotAllowed,
	codeUnsupportedMedia: http.StatusUnsupportedMediaType,
}

// httpStatus returns the status for an error code; an unknown code is a
// defect and answers 500.
func httpStatus(code string) int {
	if st, ok := statusOf[code]; ok {
		return st
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON form of every error answer.
type errorBody struct {
	Error errorDetail `json:"error"`
}

// errorDetail describes one error: its code, its message key, the message
// in the reader's language and, when known, the field and line at fault.
type errorDetail struct {
	Code    string `json:"code"`
	Key     string `json:"key"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	Line    int    `json:"line,omitempty"`
}

// fail writes err as a JSON error in the request's language. Internal
// errors are logged with their cause and answered without it.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	e := amur.AsError(err)
	status := httpStatus(e.Code)
	if status == http.StatusInternalServerError {
		s.log.ErrorContext(r.Context(), "internal error",
			slog.String("request_id", requestID(r.Context())),
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Any("error", err))
		e = amur.Errorf(amur.EInternal, "err.internal")
	}
	l := requestLang(r)
	key := e.Key
	if key == "" {
		key = "err." + e.Code
	}
	body := errorBody{errorDetail{Code: e.Code, Key: key, Message: i18n.Message(l, e), Field: e.Field, Line: e.Line}}
	w.Header().Add("Vary", "Accept-Language")
	w.Header().Set("Content-Language", string(l))
	setRetryAfter(w, e)
	s.writeJSON(w, r, status, body)
}

// requestLang picks the language of messages: a page's language prefix
// (/ru/…) first, then a valid ?lang=, then Accept-Language.
func requestLang(r *http.Request) amur.Lang {
	if l, _, ok := pathLang(r.URL.Path); ok {
		return l
	}
	if v := r.URL.Query().Get("lang"); v != "" {
		if l, ok := i18n.Parse(v); ok {
			return l
		}
	}
	return i18n.Match(r.Header.Get("Accept-Language"))
}

// writeJSON encodes v first and only then writes the status, so an
// encoding failure still answers a clean 500.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		s.log.ErrorContext(r.Context(), "encoding a response",
			slog.String("request_id", requestID(r.Context())), slog.Any("error", err))
		status = http.StatusInternalServerError
		buf.Reset()
		msg := i18n.T(requestLang(r), "err.internal")
		json.NewEncoder(&buf).Encode(errorBody{errorDetail{Code: amur.EInternal, Key: "err.internal", Message: msg}})
	}
	w.Header().Set("Content-Type", jsonType)
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// jsonType is the media type of every JSON answer.
const jsonType = "application/json; charset=utf-8"
