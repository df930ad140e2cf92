package lang

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"  two   spaces\t\tand\ntabs  ", "two spaces and tabs"},
		{"ＡＢＣ１２３", "ABC123"},
		{"２０２０年８月", "2020年8月"},
		{"Ёлка и ёж", "Ёлка и ёж"},
		{"e\u0301te\u0301", "été"},
		{"и\u0306од", "йод"},
		{"zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"},
		{"\ufeffBOM", "BOM"},
		{"ﬁne ㎞ ①", "fine km 1"},
		{"no-break\u00a0space\u3000ideographic", "no-break space ideographic"},
		{"«Росатом» — “NICA”", "«Росатом» — “NICA”"},
		{"bad\xffbyte", "bad\ufffdbyte"},
		{"ctrl\x01char", "ctrl char"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Normalize(tt.want); got != tt.want {
			t.Errorf("Normalize is not idempotent on %q: %q", tt.want, got)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"already folded", "already folded"},
		{"Hello World", "hello world"},
		{"ЁЛКА Ёж ёлка", "елка еж елка"},
		{"Москва", "москва"},
		{"ЙОШКАР-ОЛА", "йошкар-ола"},
		{"и\u0306од", "йод"},
		{"Е\u0308ж", "еж"},
		{"Café naïve résumé Łódź Straße", "cafe naive resume lodz strasse"},
		{"e\u0301te\u0301", "ete"},
		{"ＡＢＣ　１２３", "abc 123"},
		{"«Ёж» “q” ‘a’ „b“", `"еж" "q" 'a' "b"`},
		{"a–b—c−d‐e", "a-b-c-d-e"},
		{"  spaced \t out  ", "spaced out"},
		{"北京大学", "北京大学"},
		{"℃ ㎞ ½", "°c km 1⁄2"},
		{"Šahraj Čajkovskij", "sahraj cajkovskij"},
		{"bad\xffbyte", "bad\ufffdbyte"},
		{"Ⅻ", "xii"},
		{"ΑΘΗΝΑ", "αθηνα"},
		{"A˘", "a \u0306"}, // a spacing breve keeps its mark after the space
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Fold(tt.want); got != tt.want {
			t.Errorf("Fold is not idempotent on %q: %q", tt.want, got)
		}
		if got := string(AppendFold([]byte("x"), tt.in)); got != "x"+tt.want && tt.want != "" {
			t.Errorf("AppendFold(x, %q) = %q", tt.in, got)
		}
	}
}

// TestFoldNoAlloc checks the promise that folded input costs no
// allocation, which is what keeps Fold cheap on an index's hot path.
func TestFoldNoAlloc(t *testing.T) {
	for _, s := range []string{"already folded text", "москва и пекин", "北京大学 2020", ""} {
		if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
			t.Errorf("Fold(%q) allocates %.0f times", s, n)
		}
		if n := testing.AllocsPerRun(100, func() { _ = Normalize(s) }); n != 0 {
			t.Errorf("Normalize(%q) allocates %.0f times", s, n)
		}
	}
}

func TestFoldHuge(t *testing.T) {
	in := strings.Repeat("Ёлка ＡＢＣ Café 北京 \xff ", 1<<15)
	got := Fold(in)
	if !utf8.ValidString(got) || strings.ContainsAny(got, "ЁАCÉ") || !strings.HasPrefix(got, "елка abc cafe 北京") {
		t.Errorf("Fold of a huge input went wrong: %.60q", got)
	}
	if n := Normalize(in); !utf8.ValidString(n) || strings.Contains(n, "  ") {
		t.Errorf("Normalize of a huge input went wrong: %.60q", n)
	}
}
