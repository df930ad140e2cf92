package press

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"amur"
)

// fileErr returns a coded error about the page named file.
func fileErr(code, key, file string, args ...any) *amur.Error {
	e := amur.Errorf(code, key, append([]any{"file", file}, args...)...)
	return e
}

// Decode checks the size of a page and returns its text as UTF-8. Pages in
// UTF-16 (with a byte-order mark), GB18030/GBK or Windows-1251 are
// converted; empty pages, binary data and text in no known encoding are
// refused with a translated error naming the file.
func Decode(name string, data []byte) (string, error) {
	switch {
	case len(data) > MaxBytes:
		return "", fileErr(amur.ETooLarge, "press.too_large", name, "max", MaxBytes>>20)
	case len(bytes.TrimSpace(data)) == 0:
		return "", fileErr(amur.EInvalid, "press.empty", name)
	}
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		data = data[3:]
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", fileErr(amur.EInvalid, "press.encoding", name)
		}
		data = out
	}
	if looksBinary(data) {
		return "", fileErr(amur.EInvalid, "press.binary", name)
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	if s, ok := tryDecode(simplifiedchinese.GB18030, data, isHanRune); ok {
		return s, nil
	}
	if s, ok := tryDecode(charmap.Windows1251, data, isCyrillicRune); ok && cyrillicWords(s) {
		return s, nil
	}
	return "", fileErr(amur.EInvalid, "press.encoding", name)
}

// looksBinary reports whether data holds NUL bytes or many control
// characters, as images, archives and office files do.
func looksBinary(data []byte) bool {
	n := min(len(data), 8192)
	ctl := 0
	for _, b := range data[:n] {
		if b == 0 {
			return true
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctl++
		}
	}
	return ctl*20 > n
}

// tryDecode decodes data with enc and accepts the result when it has no
// replacement characters to speak of and most of its non-ASCII letters are
// of the script the encoding is for. A Windows-1251 page read as GB18030
// breaks on the odd-length Cyrillic words; a GBK page read as
// Windows-1251 gives symbols and rare letters instead of words.
func tryDecode(enc encoding.Encoding, data []byte, script func(rune) bool) (string, bool) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	s := string(out)
	var bad, nonASCII, inScript int
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			bad++
		case r >= 0x80:
			nonASCII++
			if script(r) || unicode.IsPunct(r) || unicode.IsSpace(r) {
				inScript++
			}
		}
	}
	if bad*100 > nonASCII+1 || nonASCII == 0 {
		return "", false
	}
	return s, inScript*100 >= nonASCII*85
}

// cyrillicWords reports whether the Cyrillic letters of s form words of
// their own. A Western European page read as Windows-1251 gives words
// that mix Latin and Cyrillic letters (cafй, crиme) instead.
func cyrillicWords(s string) bool {
	pure, mixed := 0, 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		var lat, cyr bool
		for _, r := range w {
			lat = lat || r < 0x80
			cyr = cyr || r >= 0x400 && r <= 0x4FF
		}
		switch {
		case lat && cyr:
			mixed++
		case cyr:
			pure++
		}
	}
	return pure > 0 && mixed*4 < pure
}

// isHanRune reports whether r is a common Han character.
func isHanRune(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// isCyrillicRune reports whether r is a Russian letter or a typographic
// mark Windows-1251 holds (quotes, dashes, №).
func isCyrillicRune(r rune) bool {
	return r >= 0x0410 && r <= 0x044F || r == 'Ё' || r == 'ё' || r == '№' || r == '«' || r == '»' ||
		r == '–' || r == '—' || r == '„' || r == '“' || r == '”' || r == '…' || r == 0xA0
}
