package lang

import (
	"strings"
	"unicode/utf8"
)

// han emits the tokens of the run of Han characters that starts at byte i
// and returns its end. Numerals that safely form numbers become number
// tokens (with a following unit); the text between them is segmented.
func (p *scanner) han(i int) int {
	s := p.s
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if Script(r) != Han {
			break
		}
		j += n
	}
	seg := i
	for k := i; k < j; {
		if strings.HasPrefix(s[k:j], "百分之") {
			if e, text, ok := zhNumberAt(s, i, k+len("百分之"), j); ok {
				p.segment(seg, k)
				p.emit("百分之", "%", k, k+len("百分之"), KindUnit)
				p.emit(text, text, k+len("百分之"), e, KindNumber)
				k, seg = e, e
				continue
			}
		}
		e, text, ok := zhNumberAt(s, i, k, j)
		if !ok {
			_, n := utf8.DecodeRuneInString(s[k:])
			k = max(e, k+n)
			continue
		}
		p.segment(seg, k)
		p.emit(text, text, k, e, KindNumber)
		k = e
		if canon, n := zhUnitAt(s[:j], k); n > 0 {
			p.emit(s[k:k+n], canon, k, k+n, KindUnit)
			k += n
		}
		seg = k
	}
	p.segment(seg, j)
	return j
}

// runeOffsets returns the byte offsets of the runes of s[i:j] followed by
// j, in the scanner's scratch slice.
func (p *scanner) runeOffsets(i, j int) []int {
	pos := p.pos[:0]
	for k := i; k < j; {
		pos = append(pos, k)
		_, n := utf8.DecodeRuneInString(p.s[k:])
		k += n
	}
	pos = append(pos, j)
	p.pos = pos
	return pos
}

// segment emits the Chinese tokens of the Han text s[i:j].
func (p *scanner) segment(i, j int) {
	if i >= j {
		return
	}
	pos := p.runeOffsets(i, j)
	switch p.tk.Chinese {
	case SegmentDict, SegmentDictPlain:
		p.dictWords(pos, p.tk.Chinese == SegmentDict)
	default:
		p.bigrams(pos)
	}
}

// bigrams emits the overlapping character pairs of the text at pos, or
// its single character.
func (p *scanner) bigrams(pos []int) {
	if len(pos) == 2 {
		p.emitHan(pos[0], pos[1])
		return
	}
	for x := 0; x+2 < len(pos); x++ {
		p.emitHan(pos[x], pos[x+2])
	}
}

func (p *scanner) emitHan(a, b int) {
	p.emit(Fold(p.s[a:b]), "", a, b, KindHan)
}

// dictWords emits the dictionary segmentation of the text at pos. With
// inner set, a word of three or more characters is followed by the
// dictionary words inside it, and a run of single characters the
// dictionary does not join (often a name: 张平文) by its bigrams, so that
// both are found by their parts.
func (p *scanner) dictWords(pos []int, inner bool) {
	d := zhDict()
	cuts := d.segment(p.s, pos, &p.route)
	single := 0
	for x := 0; x < len(cuts)-1; x++ {
		a, b := cuts[x], cuts[x+1]
		if !inner {
			p.emitHan(pos[a], pos[b])
			continue
		}
		if b-a == 1 && !zhStop[p.s[pos[a]:pos[b]]] {
			single++
		} else {
			single = 0
		}
		if single >= 2 {
			p.emitHan(pos[a-1], pos[b])
		}
		p.emitHan(pos[a], pos[b])
		if b-a >= 3 {
			p.innerWords(d, pos, a, b)
		}
	}
}

// innerWords emits the dictionary words of two or more characters inside
// the word pos[a]..pos[b], other than the word itself.
func (p *scanner) innerWords(d *zhDictionary, pos []int, a, b int) {
	for x := a; x < b-1; x++ {
		for y := x + 2; y <= b && y-x <= d.maxRunes; y++ {
			if x == a && y == b {
				continue
			}
			lp, ok := d.logp[p.s[pos[x]:pos[y]]]
			if !ok {
				break
			}
			if lp <= 0 {
				p.emitHan(pos[x], pos[y])
			}
		}
	}
}
