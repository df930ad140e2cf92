package lang

import (
	"strings"
	"unicode/utf8"

	"amur"
)

// number emits the number that starts with the digit at byte i, and the
// unit after it, and returns the end of what it consumed. Digits run into
// by letters that are no unit make one code word: 5G, 3D, H1N1 (the latter
// starts with a letter and never gets here).
func (p *scanner) number(i int) int {
	s := p.s
	text, j := p.scanNumber(i)
	if end := ordinalSuffixEnd(s, j); end > j {
		p.emit(text, text, i, end, KindNumber)
		return end
	}
	if letterAt(s, j) {
		end := wordEnd(s, j)
		if isYearAbbrev(s[j:end], text) {
			p.emit(text, text, i, j, KindNumber)
			return end
		}
		if canon, ok := unitFor(s[j:end]); ok {
			p.emit(text, text, i, j, KindNumber)
			p.emit(Fold(s[j:end]), canon, j, end, KindUnit)
			return end
		}
		end = wordEnd(s, i)
		p.emit(Fold(s[i:end]), "", i, end, KindWord)
		return end
	}
	if _, n := zhUnitAt(s, j); n == 0 {
		if pow, n := zhScaleAt(s, j); n > 0 {
			text, j = shiftDecimal(text, pow), j+n
		}
	}
	p.emit(text, text, i, j, KindNumber)
	return p.unitAfter(j, text)
}

// scanNumber reads the number at byte i: digits, groups of three after a
// comma or a (no-break, thin) space when the first group has at most three
// digits, and a decimal part after a point, or after a comma in Russian.
// It returns the value in plain digits and the end of the number.
func (p *scanner) scanNumber(i int) (string, int) {
	s := p.s
	var buf [32]byte
	b, j := appendDigits(buf[:0], s, i)
	if len(b) <= 3 {
		for {
			k, ok := groupAt(s, j)
			if !ok {
				break
			}
			b, j = appendDigits(b, s, k)
		}
	}
	if j+1 < len(s) && (s[j] == '.' || (s[j] == ',' && p.lang == amur.RU)) && digitAt(s, j+1) {
		b = append(b, '.')
		b, j = appendDigits(b, s, j+1)
	}
	return canonNumber(b), j
}

// appendDigits appends the ASCII or full-width digits at byte i of s to b
// as ASCII and returns b and the end of the digits.
func appendDigits(b []byte, s string, i int) ([]byte, int) {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			b = append(b, c)
			i++
		case c == 0xef && i+2 < len(s) && s[i+1] == 0xbc && s[i+2] >= 0x90 && s[i+2] <= 0x99:
			// A full-width digit, U+FF10 to U+FF19.
			b = append(b, '0'+s[i+2]-0x90)
			i += 3
		default:
			return b, i
		}
	}
	return b, i
}

// digitAt reports whether an ASCII or full-width digit starts at byte i.
func digitAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isDigit(r)
}

// groupAt reports whether a thousands separator at byte i is followed by
// exactly three digits, and returns where those digits start.
func groupAt(s string, i int) (int, bool) {
	n := 0
	switch {
	case strings.HasPrefix(s[i:], ","), strings.HasPrefix(s[i:], " "):
		n = 1
	case strings.HasPrefix(s[i:], "\u00a0"):
		n = 2
	case strings.HasPrefix(s[i:], "\u202f"), strings.HasPrefix(s[i:], "\u2009"):
		n = 3
	default:
		return 0, false
	}
	k := i + n
	if k+3 > len(s) {
		return 0, false
	}
	for x := k; x < k+3; x++ {
		if s[x] < '0' || s[x] > '9' {
			return 0, false
		}
	}
	if digitAt(s, k+3) {
		return 0, false
	}
	return k, true
}

// canonNumber drops trailing zeros of a decimal part, and the point when
// nothing is left after it, so that 3.50 and 3.5 match.
func canonNumber(b []byte) string {
	if dot := strings.IndexByte(string(b), '.'); dot >= 0 {
		for len(b) > dot+1 && b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if len(b) == dot+1 {
			b = b[:dot]
		}
	}
	return string(b)
}

// shiftDecimal multiplies the plain decimal number d by 10 to the power
// pow exactly, by moving its point: 3.5 and 4 give 35000.
func shiftDecimal(d string, pow int) string {
	intPart, frac, _ := strings.Cut(d, ".")
	for len(frac) < pow {
		frac += "0"
	}
	out := strings.TrimLeft(intPart+frac[:pow], "0")
	if out == "" {
		out = "0"
	}
	if rest := strings.TrimRight(frac[pow:], "0"); rest != "" {
		out += "." + rest
	}
	return out
}

// unitAfter emits the unit that follows a number ending at byte j, after at
// most one space, and returns the end of the unit, or j when there is none.
// The abbreviation г. (год, year) after a year is consumed without a token.
func (p *scanner) unitAfter(j int, num string) int {
	s := p.s
	if canon, n := zhUnitAt(s, j); n > 0 {
		p.emit(s[j:j+n], canon, j, j+n, KindUnit)
		return j + n
	}
	k := j
	for _, sp := range []string{" ", "\u00a0", "\u202f", "\u2009"} {
		if strings.HasPrefix(s[k:], sp) {
			k += len(sp)
			break
		}
	}
	if sym, canon, ok := symbolUnitAt(s, k); ok {
		p.emit(Fold(sym), canon, k, k+len(sym), KindUnit)
		return k + len(sym)
	}
	if !letterAt(s, k) {
		return j
	}
	end := unitWordEnd(s, k)
	surface := s[k:end]
	if isYearAbbrev(surface, num) {
		return end
	}
	if canon, ok := unitFor(surface); ok {
		p.emit(Fold(surface), canon, k, end, KindUnit)
		return end
	}
	return j
}

// unitWordEnd returns the end of a unit written with letters from byte k,
// joining the parts of кВт·ч and kW·h.
func unitWordEnd(s string, k int) int {
	end := wordEnd(s, k)
	if strings.HasPrefix(s[end:], "·") && letterAt(s, end+len("·")) {
		end = wordEnd(s, end+len("·"))
	}
	return end
}

// isYearAbbrev reports whether w is the abbreviation г. or гг. (год, годы)
// after num, a four-digit year, which is no unit of mass.
func isYearAbbrev(w, num string) bool {
	return (w == "г" || w == "гг") && len(num) == 4
}

// ordinalSuffixes are the endings written after digits to make ordinals:
// 18th, 1st, and the Russian 18-й, 18-я, 18-го after a hyphen or, in
// documents that leave it out, without one (7384е заседание). Without a
// hyphen -м and -х stay out: 5м is five metres.
var ordinalSuffixes = wordSet("st nd rd th -й -я -е -го -му -м -х -ми -ю -ой -ый -ая -ое -ые -ей " +
	"й я е го му ми ю ой ый ая ое ые ей")

// ordinalSuffixEnd returns the end of an ordinal suffix at byte j, which
// belongs to the number before it, or j when there is none.
func ordinalSuffixEnd(s string, j int) int {
	k := j
	if strings.HasPrefix(s[k:], "-") {
		k++
	}
	if !letterAt(s, k) {
		return j
	}
	end := wordEnd(s, k)
	if ordinalSuffixes[strings.ToLower(s[j:end])] {
		return end
	}
	return j
}
