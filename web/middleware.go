package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"time"

	"amur"
)

// ctxKey keys the values this package puts into request contexts.
type ctxKey int

// requestIDKey keys the request id.
const requestIDKey ctxKey = iota

// requestIDRE bounds a request id taken from the client, so that logs never
// carry arbitrary text from outside.
var requestIDRE = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,64}$`)

// withRequestID gives every request an id, reusing a well-formed
// X-Request-ID from a proxy so that logs can be joined across hops.
func (s *Server) withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if !requestIDRE.MatchString(id) {
			id = amur.NewID()
		}
		w.Header().Set("X-Request-ID", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey, id)))
	})
}

// requestID returns the id withRequestID gave the request, or "".
func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// statusWriter remembers the status and size of a response for the access
// log and for panic recovery.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

// WriteHeader records the status.
func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

// Write records the size and the implicit 200.
func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// withAccessLog logs one line per request.
func (s *Server) withAccessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			status := sw.status
			if status == 0 {
				status = http.StatusOK
			}
			s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
				slog.String("request_id", requestID(r.Context())),
				slog.String("method", r.Method),
				slog.String("path", r.URL.Path),
				slog.Int("status", status),
				slog.Duration("duration", time.Since(start)),
				slog.Int64("bytes", sw.bytes))
		}()
		next.ServeHTTP(sw, r)
	})
}

// withRecover turns a panic into a logged internal error and a JSON 500.
// When the answer has already begun, the connection is aborted instead,
// so the client sees a broken response rather than a truncated one.
func (s *Server) withRecover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			cause := fmt.Errorf("panic: %v\n%s", v, debug.Stack())
			if sw, ok := w.(*statusWriter); ok && sw.status != 0 {
				s.log.ErrorContext(r.Context(), "panic after the response began",
					slog.String("request_id", requestID(r.Context())), slog.Any("error", cause))
				panic(http.ErrAbortHandler)
			}
			s.fail(w, r, &amur.Error{Code: amur.EInternal, Key: "err.internal", Err: cause})
		}()
		next.ServeHTTP(w, r)
	})
}
