package amur

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxTextLen is the longest value, in bytes, one language of a Text may hold.
const MaxTextLen = 64 << 10

// Origin tells how one language of a Text came to be.
type Origin string

// The origins of a language value.
const (
	Original Origin = "original" // written in this language by its author
	Human    Origin = "human"    // translated by a person
	Machine  Origin = "machine"  // translated by a machine or a dictionary
)

// Text is a value in up to three languages. Orig names the language the
// author wrote in; languages listed in Machine were translated by a machine
// or a dictionary; any other filled language is a human translation.
type Text struct {
	ZH      string `json:"zh,omitempty"`
	RU      string `json:"ru,omitempty"`
	EN      string `json:"en,omitempty"`
	Orig    Lang   `json:"orig,omitempty"`
	Machine []Lang `json:"machine,omitempty"`
}

// T builds a Text from alternating language and value pairs; the first
// language given is marked as the original.
func T(pairs ...string) Text {
	var t Text
	for i := 0; i+1 < len(pairs); i += 2 {
		l := Lang(pairs[i])
		t.Set(l, pairs[i+1])
		if t.Orig == "" {
			t.Orig = l
		}
	}
	return t
}

// Get returns the value in language l, or "" when there is none.
func (t Text) Get(l Lang) string {
	switch l {
	case ZH:
		return t.ZH
	case RU:
		return t.RU
	case EN:
		return t.EN
	}
	return ""
}

// Set stores v as the value in language l; unknown languages are ignored.
func (t *Text) Set(l Lang, v string) {
	switch l {
	case ZH:
		t.ZH = v
	case RU:
		t.RU = v
	case EN:
		t.EN = v
	}
}

// IsZero reports whether t holds no text in any language.
func (t Text) IsZero() bool { return t.ZH == "" && t.RU == "" && t.EN == "" }

// Origin returns how the value in language l came to be, or "" when empty.
func (t Text) Origin(l Lang) Origin {
	switch {
	case t.Get(l) == "":
		return ""
	case t.Orig == l:
		return Original
	case slices.Contains(t.Machine, l):
		return Machine
	}
	return Human
}

// fallback is the order in which In looks for a value after the requested
// language and the original: English first as the widest-read pivot, then
// Chinese, then Russian.
var fallback = []Lang{EN, ZH, RU}

// In returns the value to show to a reader of language l, the language it is
// actually in and how it came to be. It prefers l, then the original
// language, then English, Chinese and Russian in that order.
func (t Text) In(l Lang) (string, Lang, Origin) {
	order := append([]Lang{l, t.Orig}, fallback...)
	for _, c := range order {
		if v := t.Get(c); v != "" {
			return v, c, t.Origin(c)
		}
	}
	return "", l, ""
}

// String returns the English value or the best fallback, for logs.
func (t Text) String() string { v, _, _ := t.In(EN); return v }

// Normalize trims every value, drops marks for empty languages and sorts the
// machine list, so equal texts compare and serialise equally.
func (t *Text) Normalize() {
	t.ZH, t.RU, t.EN = strings.TrimSpace(t.ZH), strings.TrimSpace(t.RU), strings.TrimSpace(t.EN)
	if t.Orig != "" && t.Get(t.Orig) == "" {
		t.Orig = ""
	}
	m := t.Machine[:0:0]
	for _, l := range t.Machine {
		if l.Valid() && t.Get(l) != "" && l != t.Orig && !slices.Contains(m, l) {
			m = append(m, l)
		}
	}
	slices.Sort(m)
	if len(m) == 0 {
		m = nil
	}
	t.Machine = m
}

// Validate checks a Text that must hold at least one language when required.
// The returned error names field (for example "title" or "title.ru").
func (t Text) Validate(field string, required bool) error {
	if required && t.IsZero() {
		return Invalid(field, "err.text_empty")
	}
	for _, l := range Langs {
		v := t.Get(l)
		if !utf8.ValidString(v) {
			return Invalid(field+"."+string(l), "err.utf8")
		}
		if len(v) > MaxTextLen {
			return Invalid(field+"."+string(l), "err.too_long", "max", MaxTextLen)
		}
		if hasControl(v) {
			return Invalid(field+"."+string(l), "err.control_chars")
		}
	}
	if t.Orig != "" && !t.Orig.Valid() {
		return Invalid(field+".orig", "err.enum", "value", string(t.Orig), "allowed", "zh, ru, en")
	}
	for _, l := range t.Machine {
		if !l.Valid() {
			return Invalid(field+".machine", "err.enum", "value", string(l), "allowed", "zh, ru, en")
		}
	}
	return nil
}

// hasControl reports whether s holds control characters other than tab,
// newline and carriage return.
func hasControl(s string) bool {
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f {
			return true
		}
	}
	return false
}

// ValidString checks a plain string field: valid UTF-8, no control
// characters and at most max bytes.
func ValidString(field, s string, max int) error {
	if !utf8.ValidString(s) {
		return Invalid(field, "err.utf8")
	}
	if len(s) > max {
		return Invalid(field, "err.too_long", "max", max)
	}
	if hasControl(s) {
		return Invalid(field, "err.control_chars")
	}
	return nil
}
