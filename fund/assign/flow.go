package assign

import (
	"context"
)

// The flow network has one node per proposal (0…P−1), one per reviewer
// (P…P+R−1) and the sink t (P+R). The source is folded into supplies: each
// proposal starts with an excess of K units, the sink with a deficit of
// P×K. An edge p→r carries cost Scale−weight(p,r) ≥ 0, so a minimum-cost
// flow of P×K units is a maximum-weight assignment; reviewer edges r→t cost
// 0 and hold Load[r]. Reduced costs are rc(x,y) = c(x,y) + π(x) − π(y); the
// successive-shortest-path method keeps every residual rc ≥ 0 and moves one
// unit at a time from a node with excess to the nearest node with deficit.

// pedge is one candidate edge p→r of the sparse graph.
type pedge struct {
	r    int32 // reviewer index (not node id)
	c    int32 // cost Scale−weight
	flow bool
}

// redge is a flow-carrying edge seen from its reviewer.
type redge struct {
	p, c int32
}

// network is the sparse residual graph and its potentials.
type network struct {
	P, R, K int
	load    []int32
	adj     [][]pedge // per proposal
	full    []bool    // proposal's row holds every allowed pair
	rowMax  []int64   // proposal's best allowed weight
	onR     [][]redge // per reviewer: proposals assigned to it
	rflow   []int32   // flow on r→t
	pot     []int64
	excess  []int32
	// Dijkstra scratch, indexed by node.
	dist   []int64
	seen   []uint32
	done   []uint32
	parent []int32
	stamp  uint32
	heap   nodeHeap
}

func newNetwork(P, R, K int, load []int) *network {
	n := P + R + 1
	nw := &network{P: P, R: R, K: K,
		load: make([]int32, R), adj: make([][]pedge, P), full: make([]bool, P), rowMax: make([]int64, P),
		onR: make([][]redge, R), rflow: make([]int32, R),
		pot: make([]int64, n), excess: make([]int32, n),
		dist: make([]int64, n), seen: make([]uint32, n), done: make([]uint32, n),
		parent: make([]int32, n),
	}
	for r, l := range load {
		nw.load[r] = int32(min(l, P))
	}
	for p := range P {
		nw.excess[p] = int32(K)
	}
	nw.excess[P+R] = -int32(P * K)
	return nw
}

func (nw *network) sink() int { return nw.P + nw.R }

// rc returns the reduced cost of the forward edge p→r with cost c.
func (nw *network) rc(p int, r int32, c int32) int64 {
	return int64(c) + nw.pot[p] - nw.pot[nw.P+int(r)]
}

// add puts the edge p→r into the graph. An edge whose reduced cost is
// negative would break optimality, so it enters saturated: p then has a
// deficit and r an excess, which later augmentations settle.
func (nw *network) add(p int, r int32, c int32) {
	e := pedge{r: r, c: c}
	if nw.rc(p, r, c) < 0 {
		e.flow = true
		nw.onR[r] = append(nw.onR[r], redge{int32(p), c})
		nw.excess[p]--
		nw.excess[nw.P+int(r)]++
	}
	nw.adj[p] = append(nw.adj[p], e)
}

// route moves every routable unit of excess to a deficit along shortest
// paths. It returns the nodes whose excess could not be routed, with
// the set of nodes each failed search reached (for widening the graph).
func (nw *network) route(ctx context.Context, queue []int32) (stuck []int32, reached [][]int32, err error) {
	for i := 0; i < len(queue); {
		if i&1023 == 0 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		x := int(queue[i])
		if nw.excess[x] <= 0 {
			i++
			continue
		}
		y, visited := nw.dijkstra(x)
		if y < 0 {
			stuck = append(stuck, int32(x))
			reached = append(reached, visited)
			i++
			continue
		}
		nw.augment(x, y)
	}
	return stuck, reached, nil
}

// excessNodes lists the nodes holding excess.
func (nw *network) excessNodes() []int32 {
	var q []int32
	for x, e := range nw.excess {
		if e > 0 {
			q = append(q, int32(x))
		}
	}
	return q
}

// dijkstra searches from x for the nearest node with a deficit and updates
// the potentials of the settled nodes so that reduced costs stay
// non-negative and the path found has reduced cost zero. It returns −1 and
// the settled nodes when no deficit is reachable.
func (nw *network) dijkstra(x int) (int, []int32) {
	nw.stamp++
	st := nw.stamp
	h := &nw.heap
	h.reset()
	nw.dist[x], nw.seen[x], nw.parent[x] = 0, st, -1
	h.push(0, int32(x))
	var settled []int32
	target := -1
	for h.len() > 0 {
		d, u := h.pop()
		if nw.done[u] == st || d != nw.dist[u] {
			continue
		}
		nw.done[u] = st
		settled = append(settled, u)
		if nw.excess[u] < 0 {
			target = int(u)
			break
		}
		nw.relaxFrom(int(u), d, st)
	}
	if target < 0 {
		return -1, settled
	}
	D := nw.dist[target]
	for _, u := range settled {
		nw.pot[u] += nw.dist[u] - D
	}
	return target, nil
}

// relaxFrom relaxes every residual edge leaving node u at distance d.
func (nw *network) relaxFrom(u int, d int64, st uint32) {
	P, t := nw.P, nw.sink()
	switch {
	case u < P:
		pu := nw.pot[u]
		for _, e := range nw.adj[u] {
			if !e.flow {
				v := P + int(e.r)
				nw.relax(u, v, d+int64(e.c)+pu-nw.pot[v], st)
			}
		}
	case u < t:
		r := u - P
		pu := nw.pot[u]
		if nw.rflow[r] < nw.load[r] {
			nw.relax(u, t, d+pu-nw.pot[t], st)
		}
		for _, e := range nw.onR[r] {
			nw.relax(u, int(e.p), d-int64(e.c)+pu-nw.pot[e.p], st)
		}
	default:
		pu := nw.pot[t]
		for r := range nw.R {
			if nw.rflow[r] > 0 {
				v := P + r
				nw.relax(u, v, d+pu-nw.pot[v], st)
			}
		}
	}
}

func (nw *network) relax(u, v int, nd int64, st uint32) {
	if nw.done[v] == st {
		return
	}
	if nw.seen[v] != st || nd < nw.dist[v] {
		nw.seen[v], nw.dist[v], nw.parent[v] = st, nd, int32(u)
		nw.heap.push(nd, int32(v))
	}
}

// find returns the index of reviewer r in p's edge list.
func (nw *network) find(p int, r int32) int {
	for i, e := range nw.adj[p] {
		if e.r == r {
			return i
		}
	}
	panic("assign: edge missing from the graph")
}

// augment moves one unit along the parent path from x to y.
func (nw *network) augment(x, y int) {
	P, t := nw.P, nw.sink()
	for v := y; v != x; {
		u := int(nw.parent[v])
		switch {
		case u < P: // p→r gains flow
			r := int32(v - P)
			i := nw.find(u, r)
			nw.adj[u][i].flow = true
			nw.onR[r] = append(nw.onR[r], redge{int32(u), nw.adj[u][i].c})
		case u < t && v == t:
			nw.rflow[u-P]++
		case u < t: // r→p cancels p's flow to r
			r := int32(u - P)
			nw.adj[v][nw.find(v, r)].flow = false
			nw.onR[r] = removeOne(nw.onR[r], int32(v))
		default: // t→r cancels flow on r→t
			nw.rflow[v-P]--
		}
		v = u
	}
	nw.excess[x]--
	nw.excess[y]++
}

func removeOne(s []redge, x int32) []redge {
	for i, y := range s {
		if y.p == x {
			s[i] = s[len(s)-1]
			return s[:len(s)-1]
		}
	}
	panic("assign: reviewer list lacks its proposal")
}

// nodeHeap is a binary min-heap of (distance, node) with lazy deletion.
type nodeHeap struct {
	d []int64
	n []int32
}

func (h *nodeHeap) reset()   { h.d, h.n = h.d[:0], h.n[:0] }
func (h *nodeHeap) len() int { return len(h.d) }

func (h *nodeHeap) push(d int64, n int32) {
	h.d, h.n = append(h.d, d), append(h.n, n)
	i := len(h.d) - 1
	for i > 0 {
		p := (i - 1) / 2
		if h.d[p] <= h.d[i] {
			break
		}
		h.d[p], h.d[i] = h.d[i], h.d[p]
		h.n[p], h.n[i] = h.n[i], h.n[p]
		i = p
	}
}

func (h *nodeHeap) pop() (int64, int32) {
	d, n := h.d[0], h.n[0]
	last := len(h.d) - 1
	h.d[0], h.n[0] = h.d[last], h.n[last]
	h.d, h.n = h.d[:last], h.n[:last]
	i := 0
	for {
		l, s := 2*i+1, i
		if l < last && h.d[l] < h.d[s] {
			s = l
		}
		if l+1 < last && h.d[l+1] < h.d[s] {
			s = l + 1
		}
		if s == i {
			return d, n
		}
		h.d[s], h.d[i] = h.d[i], h.d[s]
		h.n[s], h.n[i] = h.n[i], h.n[s]
		i = s
	}
}
