package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"amur"
)

// maxDepth bounds the nesting of request bodies; records nest four deep.
const maxDepth = 32

// readBody checks that the request carries JSON and reads its body within
// the server's limit.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if err := checkContentType(r.Header.Get("Content-Type")); err != nil {
		return nil, err
	}
	tooLarge := amur.Errorf(amur.ETooLarge, "err.body_too_large", "max", int(s.maxBody))
	if r.ContentLength > s.maxBody {
		return nil, tooLarge
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody))
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return nil, tooLarge
	case err != nil:
		return nil, &amur.Error{Code: amur.EInvalid, Key: "err.body_read", Err: err}
	}
	return body, nil
}

// checkContentType accepts application/json and other +json media types in
// UTF-8. Refusing form and text bodies also keeps browsers from sending
// cross-site writes without a CORS preflight.
func checkContentType(v string) error {
	mt, params, err := mime.ParseMediaType(v)
	ok := err == nil && (mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"))
	if cs, has := params["charset"]; has && !strings.EqualFold(cs, "utf-8") {
		ok = false
	}
	if !ok {
		return amur.Errorf(codeUnsupportedMedia, "err.content_type", "value", v)
	}
	return nil
}

// decodeRequest reads the request body and decodes it strictly into dst.
func (s *Server) decodeRequest(w http.ResponseWriter, r *http.Request, dst any) error {
	body, err := s.readBody(w, r)
	if err != nil {
		return err
	}
	return decodeBody(body, dst)
}

// decodeBody parses body as one JSON object, checks it against the shape
// of dst (a pointer) and stores it there. Every error names the path of
// the offending value, such as "participants[0].side".
func decodeBody(body []byte, dst any) error {
	doc, err := parseJSON(body)
	if err != nil {
		return err
	}
	return decodeDoc(doc, dst)
}

// decodeDoc checks a parsed JSON document against the shape of dst and
// stores it there.
func decodeDoc(doc any, dst any) error {
	if _, ok := doc.(map[string]any); !ok {
		return amur.Errorf(amur.EInvalid, "err.json_object")
	}
	if err := checkShape("", doc, typeOfPointee(dst)); err != nil {
		return err
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, dst)
}

// parseJSON reads body into a tree of map[string]any, []any, string,
// json.Number, bool and nil. Unlike json.Unmarshal it refuses invalid UTF-8
// (which the standard decoder silently replaces), control characters and
// repeated keys, and names the path of the value at fault.
func parseJSON(body []byte) (any, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, amur.Errorf(amur.EInvalid, "err.body_empty")
	}
	p := &jsonParser{dec: json.NewDecoder(bytes.NewReader(body)), body: body}
	p.dec.UseNumber()
	v, err := p.value("", 0)
	if err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); err != io.EOF {
		return nil, amur.Errorf(amur.EInvalid, "err.json_trailing")
	}
	return v, nil
}

// jsonParser builds a tree from the token stream, checking the raw bytes
// of every token.
type jsonParser struct {
	dec  *json.Decoder
	body []byte
	// last is the offset just after the previous token.
	last int64
}

// next returns the next token; path names the value it belongs to.
func (p *jsonParser) next(path string) (json.Token, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntaxError(err)
	}
	end := p.dec.InputOffset()
	raw := p.body[p.last:end]
	p.last = end
	if !utf8.Valid(raw) {
		return nil, amur.Invalid(path, "err.utf8")
	}
	return tok, nil
}

// value reads one value at path.
func (p *jsonParser) value(path string, depth int) (any, error) {
	tok, err := p.next(path)
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= maxDepth {
			return nil, amur.Invalid(path, "err.json_depth", "max", maxDepth)
		}
		if t == '{' {
			return p.object(path, depth+1)
		}
		return p.array(path, depth+1)
	case string:
		if err := amur.ValidString(path, t, math.MaxInt); err != nil {
			return nil, err
		}
	}
	return tok, nil
}

// object reads the members of an object whose '{' was just read.
func (p *jsonParser) object(path string, depth int) (any, error) {
	obj := map[string]any{}
	for {
		tok, err := p.next(path)
		if err != nil {
			return nil, err
		}
		if tok == json.Delim('}') {
			return obj, nil
		}
		key, _ := tok.(string)
		kp := joinPath(path, key)
		if err := amur.ValidString(kp, key, math.MaxInt); err != nil {
			return nil, err
		}
		if _, dup := obj[key]; dup {
			return nil, amur.Invalid(kp, "err.json_duplicate")
		}
		if obj[key], err = p.value(kp, depth); err != nil {
			return nil, err
		}
	}
}

// array reads the elements of an array whose '[' was just read.
func (p *jsonParser) array(path string, depth int) (any, error) {
	arr := []any{}
	for i := 0; ; i++ {
		if !p.dec.More() {
			_, err := p.next(path)
			return arr, err
		}
		v, err := p.value(indexPath(path, i), depth)
		if err != nil {
			return nil, err
		}
		arr = append(arr, v)
	}
}

// syntaxError turns a decoder error into an err.json located at its line.
func (p *jsonParser) syntaxError(err error) error {
	off := p.dec.InputOffset()
	detail := err.Error()
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		detail = "unexpected end of JSON input"
	}
	off = min(max(off, 0), int64(len(p.body)))
	e := amur.Errorf(amur.EInvalid, "err.json", "detail", detail)
	e.Line = bytes.Count(p.body[:off], []byte("\n")) + 1
	return e
}

// maxPathKey bounds how much of an object key an error repeats.
const maxPathKey = 64

// joinPath names member key of the value at path.
func joinPath(path, key string) string {
	if len(key) > maxPathKey {
		cut := maxPathKey
		for cut > 0 && !utf8.RuneStart(key[cut]) {
			cut--
		}
		key = key[:cut] + "…"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// indexPath names element i of the array at path.
func indexPath(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}
