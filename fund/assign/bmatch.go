package assign

import (
	"slices"

	"amur"
)

// bmatch is a b-matching of proposals to reviewers under construction:
// each proposal wants K reviewers, each reviewer takes at most its load,
// only allowed pairs of weight ≥ t count. Its pairs come from a pairList
// when l is set, otherwise from the dense instance through pr.
type bmatch struct {
	in           *Instance
	l            *pairList
	pr           *pricer
	t            int64
	mine, onR    [][]int32
	seenP, seenR []uint32
	visited      []int32 // nodes of the current search: proposals p, reviewers −1−r
	stamp        uint32
}

// dead marks a node that a failed search reached: it stays a dead end.
const dead = ^uint32(0)

func newBmatch(in *Instance, t int64) *bmatch {
	return &bmatch{in: in, t: t, mine: make([][]int32, in.Proposals), onR: make([][]int32, in.Reviewers),
		seenP: make([]uint32, in.Proposals), seenR: make([]uint32, in.Reviewers)}
}

// rowLen and edge walk proposal p's pairs: edge returns the k-th
// reviewer and whether the pair counts.
func (b *bmatch) rowLen(p int32) int {
	if b.l != nil {
		return int(b.l.start[p+1] - b.l.start[p])
	}
	return b.in.Reviewers
}

func (b *bmatch) edge(p int32, k int) (int32, bool) {
	if b.l != nil {
		e := int(b.l.start[p]) + k
		return b.l.rev[e], int64(b.l.w[e]) >= b.t
	}
	// Each proposal starts its walk at its own offset, so the greedy start
	// spreads over reviewers instead of filling the first ones.
	R := b.in.Reviewers
	r := (k + int(p)*R/b.in.Proposals) % R
	return int32(r), b.pr.allowed(int(p)*R+r, b.t)
}

// greedy gives each proposal the first reviewers with load left.
func (b *bmatch) greedy() {
	for p := range int32(b.in.Proposals) {
		n := b.rowLen(p)
		for k := 0; k < n && len(b.mine[p]) < b.in.K; k++ {
			if r, ok := b.edge(p, k); ok && len(b.onR[r]) < b.in.Load[r] {
				b.link(p, r)
			}
		}
	}
}

func (b *bmatch) link(p, r int32) {
	b.mine[p] = append(b.mine[p], r)
	b.onR[r] = append(b.onR[r], p)
}

func (b *bmatch) has(p, r int32) bool {
	return slices.Contains(b.mine[p], r)
}

// augment finds a reviewer for one more unit of p. A failed search leaves
// its nodes marked with the current stamp (for cut) and, through bury,
// dead for later searches: no augmenting path can pass through them.
func (b *bmatch) augment(p int32) bool {
	b.stamp++
	b.visited = b.visited[:0]
	return b.search(p)
}

func (b *bmatch) search(p int32) bool {
	b.seenP[p] = b.stamp
	b.visited = append(b.visited, p)
	n := b.rowLen(p)
	for k := range n {
		r, ok := b.edge(p, k)
		if !ok || b.seenR[r] == b.stamp || b.seenR[r] == dead || b.has(p, r) {
			continue
		}
		b.seenR[r] = b.stamp
		b.visited = append(b.visited, -1-r)
		if len(b.onR[r]) < b.in.Load[r] {
			b.link(p, r)
			return true
		}
		for i, q := range b.onR[r] {
			if b.seenP[q] == b.stamp || b.seenP[q] == dead || !b.search(q) {
				continue
			}
			// q found another reviewer; it leaves r to p.
			b.onR[r][i] = p
			b.mine[p] = append(b.mine[p], r)
			mq := b.mine[q]
			k := slices.Index(mq, r)
			mq[k] = mq[len(mq)-1]
			b.mine[q] = mq[:len(mq)-1]
			return true
		}
	}
	return false
}

// bury marks the nodes of the last, failed search dead.
func (b *bmatch) bury() {
	for _, x := range b.visited {
		if x >= 0 {
			b.seenP[x] = dead
		} else {
			b.seenR[-1-x] = dead
		}
	}
}

// cut returns the proposals and reviewers the last search reached.
func (b *bmatch) cut() *Cut {
	c := &Cut{Above: b.t}
	for _, x := range b.visited {
		if x >= 0 {
			c.Proposals = append(c.Proposals, int(x))
		} else {
			c.Reviewers = append(c.Reviewers, int(-1-x))
		}
	}
	slices.Sort(c.Proposals)
	slices.Sort(c.Reviewers)
	return c
}

// shortages returns nil when every proposal can get K reviewers on the
// full instance, and otherwise the coded error naming those that cannot in
// a largest assignment, and why. A maximum b-matching on the dense
// instance decides it: a unit without an augmenting path never gets one,
// so the nodes its search reached are dead ends for every later search,
// and the whole check costs about one pass over the pairs.
func (pr *pricer) shortages() error {
	in := pr.in
	b := newBmatch(in, 0)
	b.pr = pr
	b.greedy()
	var sh []Shortage
	var list []int
	for p := range int32(in.Proposals) {
		for len(b.mine[p]) < in.K && b.seenP[p] != dead {
			if !b.augment(p) {
				b.bury()
			}
		}
		if miss := in.K - len(b.mine[p]); miss > 0 {
			reason := "load"
			if pr.allowedCount(int(p)) < in.K {
				reason = "conflicts"
			}
			list = append(list, int(p))
			sh = append(sh, Shortage{Proposal: int(p), Missing: miss, Reason: reason})
		}
	}
	if len(list) == 0 {
		return nil
	}
	return amur.Errorf(amur.EInvalid, "fundopt.assign.infeasible",
		"count", len(list), "k", in.K, "proposals", list, "shortages", sh)
}

// allowedCount returns how many reviewers with a load are free of
// conflict with proposal p.
func (pr *pricer) allowedCount(p int) int {
	R := pr.in.Reviewers
	n := 0
	for r := range R {
		if pr.allowed(p*R+r, 0) {
			n++
		}
	}
	return n
}
