package press

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"amur"
)

// encode returns s in enc.
func encode(tb testing.TB, enc encoding.Encoding, s string) []byte {
	tb.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestDecode checks the conversions and refusals of Decode.
func TestDecode(t *testing.T) {
	zh := "新华社北京2020年12月28日电 国家主席习近平28日晚同俄罗斯总统普京通电话，互致新年问候。\n"
	ru := "МОСКВА, 28 декабря. /ТАСС/. Президент России Владимир Путин провел телефонный разговор с председателем КНР.\n"
	for _, c := range []struct {
		name string
		data []byte
		want string // the text, or the error key
	}{
		{"utf8.txt", []byte(ru), ru},
		{"bom.txt", append([]byte{0xEF, 0xBB, 0xBF}, ru...), ru},
		{"gbk.txt", encode(t, simplifiedchinese.GBK, zh), zh},
		{"gb18030.txt", encode(t, simplifiedchinese.GB18030, zh), zh},
		{"cp1251.txt", encode(t, charmap.Windows1251, ru), ru},
		{"utf16.txt", encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), ru), ru},
		{"empty.txt", nil, "press.empty"},
		{"blank.txt", []byte(" \n\t\n"), "press.empty"},
		{"image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "press.binary"},
		{"huge.txt", bytes.Repeat([]byte("a"), MaxBytes+1), "press.too_large"},
		{"latin1.txt", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la fran\xe7aise"), "press.encoding"},
	} {
		got, err := Decode(c.name, c.data)
		if err != nil {
			e := amur.AsError(err)
			if e.Key != c.want {
				t.Errorf("%s: error %s, want %s", c.name, e.Key, c.want)
			}
			if e.Args["file"] != c.name {
				t.Errorf("%s: the error does not name the file: %v", c.name, e.Args)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, clipText(got), clipText(c.want))
		}
	}
}

// clipText shortens a text for messages.
func clipText(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// TestBadFileDoesNotStopOthers checks that one failing page is reported
// and the events of the others still come out.
func TestBadFileDoesNotStopOthers(t *testing.T) {
	pages := []Page{
		{Name: "empty.txt"},
		readPage(t, "ecns-style-call.txt"),
		{Name: "nodate.txt", Data: []byte(strings.Repeat("A paragraph about cooperation without any date at all. ", 3))},
	}
	res := Ingest(pages, Options{Registry: testRegistry()})
	if len(res.Errors) != 2 || res.Errors[0].File != "empty.txt" || res.Errors[1].File != "nodate.txt" {
		t.Errorf("errors = %v", res.Errors)
	}
	if amur.AsError(res.Errors[1].Err).Key != "press.no_date" {
		t.Errorf("nodate.txt: %v", res.Errors[1].Err)
	}
	if len(res.Events) != 1 {
		t.Errorf("events = %v, want the call of the good page", res.Events)
	}
}

// TestLongPageStaysBounded checks that a page repeating one happening many
// times gives one event whose sources stop at what a timeline entry may
// hold.
func TestLongPageStaysBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("2020-12-29\n\n")
	for i := range 300 {
		b.WriteString("Xi Jinping held a telephone conversation with Vladimir Putin on Monday, report number ")
		b.WriteString(strconv.Itoa(i))
		b.WriteString(".\n\n")
	}
	res := Ingest([]Page{{Name: "long.txt", Data: []byte(b.String())}}, Options{Registry: testRegistry()})
	if len(res.Events) != 1 {
		t.Fatalf("events = %d, want 1", len(res.Events))
	}
	if n := len(res.Events[0].Sources); n != amur.MaxListLen {
		t.Errorf("sources = %d, want %d", n, amur.MaxListLen)
	}
}
