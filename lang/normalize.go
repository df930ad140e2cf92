package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in Unicode NFKC (full-width forms become ASCII,
// compatibility characters their plain equivalents) with invalid UTF-8
// replaced by U+FFFD, invisible format characters (zero-width space, soft
// hyphen, byte-order mark, direction marks) removed and every run of white
// space or control characters collapsed to one ASCII space, trimmed at both
// ends. Case, accents and punctuation are kept: Normalize is for storing and
// showing text, Fold for comparing it. It returns s itself, without
// allocating, when s is already normal.
func Normalize(s string) string {
	if isNormalized(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		switch {
		case isSpaceRune(r):
			pending = b.Len() > 0
		case isFormatRune(r):
		default:
			if pending {
				b.WriteByte(' ')
				pending = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isNormalized reports whether Normalize would return s unchanged. The ASCII
// loop decides most strings without touching the normalisation tables.
func isNormalized(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			ascii = false
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		case c < 0x20 || c == 0x7f:
			return false
		}
	}
	if ascii {
		return true
	}
	if !utf8.ValidString(s) || norm.NFKC.QuickSpanString(s) != len(s) {
		return false
	}
	for _, r := range s {
		if r >= 0x80 && (isSpaceRune(r) || isFormatRune(r)) {
			return false
		}
	}
	return true
}

// isSpaceRune reports whether r separates words: Unicode white space and
// control characters, which carry no text of their own.
func isSpaceRune(r rune) bool {
	if r < 0x80 {
		return r <= ' ' || r == 0x7f
	}
	return unicode.IsSpace(r) || (r >= 0x80 && r < 0xa0)
}

// isFormatRune reports whether r is an invisible character that only
// steers rendering and must not split or change a word when compared.
func isFormatRune(r rune) bool {
	switch r {
	case 0x00ad, 0x180e, 0x200b, 0x200e, 0x200f, 0x2060, 0xfeff:
		return true
	}
	return false
}

// Fold returns the form of s used for matching: Normalize's compatibility
// mapping and white-space collapsing, plus lower case in every script, ё
// and Ё as е, accents stripped from Latin letters (é→e, ß→ss, ł→l),
// typographic quotes as ' and ", and every dash and minus as -. A
// decomposed й (и with a combining breve) stays й. Fold returns s itself,
// without allocating, when s is already folded, which is the common case
// for lower-case words taken from folded text.
func Fold(s string) string {
	i := foldedPrefix(s)
	if i == len(s) {
		return s
	}
	f := folder{buf: make([]byte, 0, len(s)+8)}
	f.buf = append(f.buf, s[:i]...)
	if i > 0 && s[i-1] == ' ' {
		f.buf = f.buf[:i-1]
		f.space = true
	}
	f.last, _ = utf8.DecodeLastRune(f.buf)
	f.fold(s[i:])
	return string(f.buf)
}

// AppendFold appends Fold(s) to dst and returns the extended slice, for
// callers that build keys without allocating a string per piece.
func AppendFold(dst []byte, s string) []byte {
	f := folder{buf: dst, base: len(dst)}
	f.fold(s)
	return f.buf
}

// foldedPrefix returns the length of the longest prefix of s that Fold
// would copy unchanged.
func foldedPrefix(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			switch {
			case c >= 'A' && c <= 'Z', c < ' ', c == 0x7f, c == '`':
				return i
			case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !runeFolded(r, n) {
			return i
		}
		i += n
	}
	return len(s)
}

// runeFolded reports whether Fold keeps the rune r (encoded in n bytes)
// as it is, whatever surrounds it.
func runeFolded(r rune, n int) bool {
	switch {
	case r >= 0x430 && r <= 0x44f, r >= 0x4e00 && r <= 0x9fff, r >= 0x3400 && r <= 0x4dbf:
		return true
	case r == utf8.RuneError && n == 1:
		return false
	case unicode.Is(unicode.Mn, r):
		return false
	}
	_, changed := foldRune(r)
	return !changed
}

// folder accumulates folded text, collapsing white space and resolving
// combining marks against the letter before them.
type folder struct {
	buf   []byte
	base  int  // the length of buf before folding began
	space bool // a space is due before the next rune
	last  rune // the last rune written
}

func (f *folder) put(r rune) {
	if f.space {
		if len(f.buf) > f.base {
			f.buf = append(f.buf, ' ')
		}
		f.space = false
	}
	f.buf = utf8.AppendRune(f.buf, r)
	f.last = r
}

func (f *folder) putString(m string) {
	for _, r := range m {
		switch {
		case r == ' ':
			f.space = true
		case unicode.Is(unicode.Mn, r):
			f.mark(r)
		default:
			f.put(r)
		}
	}
}

// mark handles a combining mark: accents on Latin letters are dropped, a
// breve on и makes й, a diaeresis on е is dropped (ё folds to е), and any
// other mark is kept with its letter.
func (f *folder) mark(r rune) {
	switch {
	case f.space:
		// A mark after white space belongs to no letter; keeping it as it
		// is makes Fold stable (Fold(Fold(s)) == Fold(s)).
		f.put(r)
	case isLatinLetter(f.last):
	case r == 0x306 && f.last == 'и':
		f.buf = f.buf[:len(f.buf)-len("и")]
		f.put('й')
	case r == 0x308 && f.last == 'е':
	default:
		f.put(r)
	}
}

func (f *folder) fold(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			switch {
			case c >= 'A' && c <= 'Z':
				f.put(rune(c) + 'a' - 'A')
			case c <= ' ' || c == 0x7f:
				f.space = len(f.buf) > f.base
			case c == '`':
				f.put('\'')
			default:
				f.put(rune(c))
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			f.put(utf8.RuneError)
		case r >= 0x430 && r <= 0x44f, r >= 0x4e00 && r <= 0x9fff:
			f.put(r)
		case r >= 0x410 && r <= 0x42f:
			f.put(r + 0x20)
		case r == 'ё' || r == 'Ё':
			f.put('е')
		case unicode.Is(unicode.Mn, r):
			f.mark(r)
		default:
			if m, changed := foldRune(r); changed {
				f.putString(m)
			} else {
				f.put(r)
			}
		}
	}
}

// isLatinLetter reports whether r is a letter of the Latin script.
func isLatinLetter(r rune) bool {
	if r < 0x80 {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	return unicode.Is(unicode.Latin, r)
}
