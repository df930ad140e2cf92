package lang

import (
	"strings"
	"unicode/utf8"
)

// latinPremap spells out the letters of scholarly and official
// romanisations before Fold strips their accents, so that GOST 7.79 system
// A (š, ž, č, ŝ, û, â), BGN/PCGN (ë) and GOST system B (backticks) end up
// as the digraphs the other schemes write: š→sh, not s.
var latinPremap = strings.NewReplacer(
	"š", "sh", "Š", "Sh", "ž", "zh", "Ž", "Zh", "č", "ch", "Č", "Ch", "ŝ", "shch", "Ŝ", "Shch",
	"û", "yu", "Û", "Yu", "â", "ya", "Â", "Ya", "ë", "yo", "Ë", "Yo", "ʹ", "", "ʺ", "",
	"`", "", "’", "", "”", "", "'", "", "ü", "u", "Ü", "U", "·", "",
)

// LatinKey returns a loose phonetic key of a name or word in any script,
// for blocking and scoring identity matches across spellings. Cyrillic is
// first romanised (ALA-LC, whose signs the key drops, so that ъ and ь
// leave no trace as in most spellings) and Chinese written in pinyin
// (family name first); then the key collapses what spellings of one Russian name vary
// in: x/ks, y/i/j (й, ы, и), kh/h, ye/ie/e, yo/io/e (ё), ts/tz/cz (ц),
// sh/sch/shch (ш, щ), ch/tch (ч), w/v, q/k, final -ff/-ow as -v, doubled
// letters, apostrophes and accents. "Alexei", "Aleksey", "Aleksej" and
// every romanisation of Алексей give "aleksei". Words stay in order,
// separated by one space; the key is lower-case ASCII where the input
// was Latin, Cyrillic or Chinese, and its letters are only meaningful as
// a key.
func LatinKey(s string) string {
	s = toLatin(s)
	if !isASCII(s) {
		s = latinPremap.Replace(s)
	}
	s = Fold(s)
	var out []byte
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && isKeyByte(s[j]) {
			j++
		}
		if n := len(out); j > i {
			if n > 0 {
				out = append(out, ' ')
			}
			if out = appendWordKey(out, s[i:j]); n > 0 && len(out) == n+1 {
				out = out[:n] // the word was only apostrophes
			}
		}
		i = j + 1
	}
	return string(out)
}

// isKeyByte reports whether the byte c of folded text belongs to a key
// word: ASCII letters and digits, the bytes of letters of scripts the key
// does not rewrite (Greek, Korean), which it keeps as they are, and the
// apostrophes and quotes that some schemes write for ь and ъ (Il'in,
// Vasil`ev, s"ezd), which join a word and are then dropped.
func isKeyByte(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= utf8.RuneSelf || c == '\'' || c == '"'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// toLatin romanises the Cyrillic of s with ALA-LC and writes each run of
// Han characters as a name in pinyin, family name first.
func toLatin(s string) string {
	if isASCII(s) {
		return s
	}
	var cyr, han bool
	for _, r := range s {
		switch Script(r) {
		case Cyrillic:
			cyr = true
		case Han:
			han = true
		}
	}
	if cyr {
		s = Romanize(s, SchemeALALC)
	}
	if !han {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if Script(r) != Han {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n = utf8.DecodeRuneInString(s[j:])
			if Script(r) != Han {
				break
			}
			j += n
		}
		b.WriteString(" " + NamePinyin(s[i:j]).FamilyFirst() + " ")
		i = j
	}
	return b.String()
}

// keyClusters rewrites the letter groups that spell one sound, longest
// first at each position. ш and щ share w, ч is q and ж is x: letters
// that the rewriting has freed.
var keyClusters = []struct{ from, to string }{
	{"shch", "w"}, {"tsch", "q"}, {"shh", "w"}, {"sch", "w"}, {"tch", "q"}, {"dzh", "dx"},
	{"sh", "w"}, {"ch", "q"}, {"zh", "x"}, {"kh", "h"}, {"ts", "c"}, {"tz", "c"}, {"cz", "c"},
	{"ck", "k"}, {"ph", "f"}, {"th", "t"}, {"ou", "u"}, {"x", "ks"}, {"q", "k"}, {"w", "v"},
	{"j", "i"}, {"y", "i"},
}

// keyClusterIndex holds keyClusters by the first byte of their Latin
// group, keeping their order, so a position is tried against a few groups.
var keyClusterIndex = func() (idx [utf8.RuneSelf][]struct{ from, to string }) {
	for _, c := range keyClusters {
		idx[c.from[0]] = append(idx[c.from[0]], c)
	}
	return idx
}()

// appendWordKey appends the key of one folded word.
func appendWordKey(out []byte, w string) []byte {
	var scratch [64]byte
	b := scratch[:0]
	for i := 0; i < len(w); {
		if w[i] == '\'' || w[i] == '"' {
			i++
			continue
		}
		if strings.HasSuffix(w, "ff") && i == len(w)-2 {
			b = append(b, 'v')
			break
		}
		matched := false
		if w[i] < utf8.RuneSelf {
			for _, c := range keyClusterIndex[w[i]] {
				if strings.HasPrefix(w[i:], c.from) {
					b = append(b, c.to...)
					i += len(c.from)
					matched = true
					break
				}
			}
		}
		if matched {
			continue
		}
		if w[i] == 'c' {
			// A lone c is ц before a front vowel (Cyril) and к elsewhere.
			if i+1 < len(w) && strings.IndexByte("eiy", w[i+1]) >= 0 {
				b = append(b, 'c')
			} else {
				b = append(b, 'k')
			}
			i++
			continue
		}
		b = append(b, w[i])
		i++
	}
	return collapseKey(out, b)
}

// collapseKey appends b to out with its vowel variants merged: ii to i,
// ie (ye, е after a vowel or a sign) and io (yo, ё, also Iosif, which
// becomes esif whatever its spelling) to e, o after a hushing consonant to
// e; then doubled letters to one.
func collapseKey(out, b []byte) []byte {
	v := b[:0]
	for _, c := range b {
		n := len(v)
		switch {
		case c == 'i' && n > 0 && v[n-1] == 'i':
			continue
		case (c == 'e' || c == 'o') && n > 0 && v[n-1] == 'i':
			v[n-1] = 'e'
			continue
		case c == 'o' && n > 0 && (v[n-1] == 'w' || v[n-1] == 'q' || v[n-1] == 'x'):
			c = 'e' // ё after ж, ч, ш, щ is often spelt o: Gorbachov
		}
		v = append(v, c)
	}
	for i, c := range v {
		if i > 0 && c == v[i-1] {
			continue
		}
		out = append(out, c)
	}
	return out
}
