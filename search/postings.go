package search

import (
	"encoding/binary"
	"iter"
	"slices"
)

// postingList holds the documents of one concept in slot order, each as
// the varint gap from the previous slot and one byte of term weight: about
// two bytes a posting where a (slot, float) pair takes eight, which at a
// million documents and a few hundred concepts each is the difference
// between a few hundred megabytes and a few gigabytes.
type postingList struct {
	buf  []byte
	n    int32
	last int32
}

// tfScale is the resolution of a stored term weight: weights are kept in
// sixteenths, from 1/16 up to 255/16, which is finer than the differences
// between translation weights and coarser than nothing that matters.
const tfScale = 16

// add appends slot, which must be greater than every slot added before.
func (p *postingList) add(slot int32, tf float32) {
	q := min(max(int(tf*tfScale+0.5), 1), 255)
	p.buf = binary.AppendUvarint(p.buf, uint64(slot-p.last))
	p.buf = append(p.buf, byte(q))
	p.last = slot
	p.n++
}

// len returns the number of postings, the concept's document frequency.
func (p *postingList) len() int { return int(p.n) }

// all yields every (slot, weight) pair in slot order.
func (p *postingList) all() iter.Seq2[int32, float32] {
	return func(yield func(int32, float32) bool) {
		slot := int32(0)
		for i := 0; i < len(p.buf); {
			gap, k := binary.Uvarint(p.buf[i:])
			slot += int32(gap)
			tf := float32(p.buf[i+k]) / tfScale
			i += k + 1
			if !yield(slot, tf) {
				return
			}
		}
	}
}

// trim drops the spare capacity appending left.
func (p *postingList) trim() {
	if cap(p.buf) > len(p.buf)+len(p.buf)/8 {
		p.buf = slices.Clone(p.buf)
	}
}

// renumber rewrites the list for new slot numbers, dropping the postings
// whose slot maps to -1.
func (p *postingList) renumber(to []int32) {
	var out postingList
	for slot, tf := range p.all() {
		if n := to[slot]; n >= 0 {
			out.add(n, tf)
		}
	}
	*p = out
}
