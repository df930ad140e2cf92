package press

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// mtext is text built from pieces of an original, with the original byte
// offset of each of its bytes, so that spans found in the text can be cited
// in the original.
type mtext struct {
	b   []byte
	pos []int32
}

// copy appends s, which is verbatim the original from offset at.
func (m *mtext) copy(s string, at int) {
	for i := 0; i < len(s); i++ {
		m.b = append(m.b, s[i])
		m.pos = append(m.pos, int32(at+i))
	}
}

// put appends s, which stands for the original at offset at (a decoded
// entity, a line break for a tag).
func (m *mtext) put(s string, at int) {
	for i := 0; i < len(s); i++ {
		m.b = append(m.b, s[i])
		m.pos = append(m.pos, int32(at))
	}
}

// Line is one line of a page after cleaning, with its span in the
// original and what the cleaning made of it.
type Line struct {
	Text string
	// Start and End are the line's byte span in the original.
	Start, End int
	Kind       LineKind
	// pos maps each byte of Text to the original; nil when Text is the
	// original from Start verbatim.
	pos []int32
	// row is the line's number among the lines of the text, blank ones
	// included, so that lines of one paragraph can be told apart from
	// lines of the next.
	row int
}

// span returns the original byte span of Text[i:j].
func (l *Line) span(i, j int) (int, int) {
	if j <= i {
		return l.Start, l.Start
	}
	if l.pos == nil {
		return l.Start + i, l.Start + j
	}
	last := int(l.pos[j-1])
	_, n := utf8.DecodeRuneInString(l.Text[j-1:])
	return int(l.pos[i]), last + max(n, 1)
}

// LineKind is what cleaning made of a line.
type LineKind uint8

// The line kinds. Only Body, Title and Heading lines are read for events;
// a Caption line only confirms events the body reports.
const (
	Noise   LineKind = iota // navigation, share buttons, footers, spam, duplicates
	Body                    // a paragraph of the article
	Title                   // the headline
	Heading                 // a section heading that is a date ("Dec. 15")
	Caption                 // a photo caption (kept once, as weak evidence)
	Meta                    // bylines, datelines, editor and source lines
)

var lineKindNames = [...]string{"noise", "body", "title", "heading", "caption", "meta"}

// String names the kind.
func (k LineKind) String() string { return lineKindNames[k] }

// splitLines cuts text (with its map, nil when text is the original) into
// trimmed lines.
func splitLines(text string, pos []int32) []Line {
	var out []Line
	row := 0
	for start := 0; start <= len(text); row++ {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		i, j := start, end
		for i < j && isSpaceByteAt(text, i) {
			i += spaceLen(text, i)
		}
		for j > i && isSpaceBefore(text, j) {
			j -= spaceLenBefore(text, j)
		}
		if i < j {
			l := Line{Text: text[i:j], row: row}
			if pos == nil {
				l.Start, l.End = i, j
			} else {
				l.pos = pos[i:j]
				l.Start, l.End = int(pos[i]), int(pos[j-1])+1
			}
			out = append(out, l)
		}
		start = end + 1
	}
	return out
}

// unwrap joins the lines of paragraphs that a plain-text page wraps at a
// fixed width. A page is taken as wrapped when several of its lines run on
// to the next row without ending a sentence, at a similar length; then a
// line that does not end a sentence is joined with the next row's line.
func unwrap(lines []Line) []Line {
	width := wrapWidth(lines)
	if width == 0 {
		return lines
	}
	out := lines[:0]
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		for i+1 < len(lines) && wrapped(lines[i], lines[i+1], width) {
			l = join(l, lines[i+1])
			i++
		}
		out = append(out, l)
	}
	return out
}

// wrapWidth returns the width in characters at which a page is wrapped,
// or 0 when it is not: at least three lines that run on to the next row
// without ending a sentence, most of them within a tenth of the longest.
func wrapWidth(lines []Line) int {
	var runOn []int
	for i := 0; i+1 < len(lines); i++ {
		if lines[i+1].row == lines[i].row+1 && !endsSentence(lines[i].Text) {
			runOn = append(runOn, utf8.RuneCountInString(lines[i].Text))
		}
	}
	if len(runOn) < 3 {
		return 0
	}
	widest := slices.Max(runOn)
	near := 0
	for _, n := range runOn {
		if n*10 >= widest*8 {
			near++
		}
	}
	if widest < 30 || near*2 < len(runOn) || near < 3 {
		return 0
	}
	return widest
}

// wrapped reports whether b continues the paragraph of a on a page
// wrapped at width characters.
func wrapped(a, b Line, width int) bool {
	if b.row != a.row+1 || endsSentence(a.Text) || strings.HasSuffix(a.Text, ":") {
		return false
	}
	if utf8.RuneCountInString(a.Text)*10 < width*6 {
		return false
	}
	return !isDateOnly(b.Text, scanDates(b.Text))
}

// join makes one line of a and the line b that continues it.
func join(a, b Line) Line {
	var m mtext
	for _, l := range []Line{a, b} {
		if len(m.b) > 0 && !hasHan(l.Text[:min(len(l.Text), 3)]) {
			m.put(" ", int(m.pos[len(m.pos)-1]))
		}
		if l.pos == nil {
			m.copy(l.Text, l.Start)
		} else {
			m.b = append(m.b, l.Text...)
			m.pos = append(m.pos, l.pos...)
		}
	}
	return Line{Text: string(m.b), Start: a.Start, End: b.End, pos: m.pos, row: b.row}
}

// isSpaceByteAt reports whether a space (ASCII, no-break or ideographic)
// starts at s[i].
func isSpaceByteAt(s string, i int) bool { return spaceLen(s, i) > 0 }

// spaceLen returns the byte length of the space at s[i], or 0.
func spaceLen(s string, i int) int {
	switch s[i] {
	case ' ', '\t', '\r', '\f', '\v':
		return 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == 0xA0 || r == 0x3000 || r == 0x200B || r == 0xFEFF {
		return n
	}
	return 0
}

// isSpaceBefore reports whether a space ends at s[j].
func isSpaceBefore(s string, j int) bool { return spaceLenBefore(s, j) > 0 }

// spaceLenBefore returns the byte length of the space ending at s[j], or 0.
func spaceLenBefore(s string, j int) int {
	r, n := utf8.DecodeLastRuneInString(s[:j])
	switch r {
	case ' ', '\t', '\r', '\f', '\v', 0xA0, 0x3000, 0x200B, 0xFEFF:
		return n
	}
	return 0
}
