package web

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"amur"
)

// TestMergePatchRFC7386 runs the examples of RFC 7386, appendix A.
func TestMergePatchRFC7386(t *testing.T) {
	tests := []struct{ target, patch, want string }{
		{`{"a":"b"}`, `{"a":"c"}`, `{"a":"c"}`},
		{`{"a":"b"}`, `{"b":"c"}`, `{"a":"b","b":"c"}`},
		{`{"a":"b"}`, `{"a":null}`, `{}`},
		{`{"a":"b","b":"c"}`, `{"a":null}`, `{"b":"c"}`},
		{`{"a":["b"]}`, `{"a":"c"}`, `{"a":"c"}`},
		{`{"a":"c"}`, `{"a":["b"]}`, `{"a":["b"]}`},
		{`{"a":{"b":"c"}}`, `{"a":{"b":"d","c":null}}`, `{"a":{"b":"d"}}`},
		{`{"a":[{"b":"c"}]}`, `{"a":[1]}`, `{"a":[1]}`},
		{`["a","b"]`, `["c","d"]`, `["c","d"]`},
		{`{"a":"b"}`, `["c"]`, `["c"]`},
		{`{"a":"foo"}`, `null`, `null`},
		{`{"a":"foo"}`, `"bar"`, `"bar"`},
		{`{"e":null}`, `{"a":1}`, `{"a":1,"e":null}`},
		{`[1,2]`, `{"a":"b","c":null}`, `{"a":"b"}`},
		{`{}`, `{"a":{"bb":{"ccc":null}}}`, `{"a":{"bb":{}}}`},
	}
	for _, tt := range tests {
		var target, patch, want any
		for _, p := range []struct {
			s string
			v *any
		}{{tt.target, &target}, {tt.patch, &patch}, {tt.want, &want}} {
			if err := json.Unmarshal([]byte(p.s), p.v); err != nil {
				t.Fatal(err)
			}
		}
		if got := mergePatch(target, patch); !cmp.Equal(got, want) {
			t.Errorf("merge %s with %s = %v, want %s", tt.target, tt.patch, got, tt.want)
		}
	}
}

func TestParseJSONErrors(t *testing.T) {
	tests := []struct {
		body, key, field string
		line             int
	}{
		{"{\"a\": 1,\n\"b\": tru}", "err.json", "", 2},
		{"{\"a\": [1, 2,]}", "err.json", "", 1},
		{"{\"a\": {\"b\": [\"x\", \"\xc3\"]}}", "err.utf8", "a.b[1]", 0},
		{`{"a": {"b\u0000": 1}}`, "err.control_chars", "a.b\x00", 0},
		{`{"a": 1, "a": 2}`, "err.json_duplicate", "a", 0},
		{`{"a": 1} x`, "err.json_trailing", "", 0},
		{"", "err.body_empty", "", 0},
	}
	for _, tt := range tests {
		_, err := parseJSON([]byte(tt.body))
		e := amur.AsError(err)
		if e.Key != tt.key || e.Field != tt.field || e.Line != tt.line {
			t.Errorf("parseJSON(%q) = %v, want key %s field %q line %d", tt.body, err, tt.key, tt.field, tt.line)
		}
	}
	v, err := parseJSON([]byte(`{"n": 12345678901234567890, "s": "中\t文", "a": [true, null]}`))
	want := map[string]any{"n": json.Number("12345678901234567890"), "s": "中\t文", "a": []any{true, nil}}
	if err != nil || !cmp.Equal(v, want) {
		t.Errorf("parseJSON = %v, %v; want %v", v, err, want)
	}
}

func TestCheckShapeNumbers(t *testing.T) {
	type target struct {
		I8 int8    `json:"i8"`
		U  uint    `json:"u"`
		F  float64 `json:"f"`
	}
	tests := []struct {
		body, field string
	}{
		{`{"i8": 127, "u": 0, "f": 1e300}`, ""},
		{`{"i8": 128}`, "i8"},
		{`{"u": -1}`, "u"},
		{`{"f": "1"}`, "f"},
		{`{"i8": 1e2}`, "i8"},
	}
	for _, tt := range tests {
		var dst target
		err := decodeBody([]byte(tt.body), &dst)
		if got := amur.AsError(err).Field; (err == nil) != (tt.field == "") || err != nil && got != tt.field {
			t.Errorf("decode %s: %v, want an error at %q", tt.body, err, tt.field)
		}
	}
}
