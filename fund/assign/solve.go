package assign

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"amur"
)

// pricer reads the full instance: which pairs are allowed and what they
// cost. It never holds the full graph, only a bitset of conflicts.
type pricer struct {
	in   *Instance
	conf []uint64 // bit p*R+r set when the pair conflicts
}

func newPricer(in *Instance) *pricer {
	n := in.Proposals * in.Reviewers
	pr := &pricer{in: in, conf: make([]uint64, (n+63)/64)}
	for _, c := range in.Conflicts {
		i := c.Proposal*in.Reviewers + c.Reviewer
		pr.conf[i>>6] |= 1 << (i & 63)
	}
	return pr
}

// allowed reports whether pair index i (p*R+r) may be assigned at
// threshold t: no conflict, a reviewer with some load, weight ≥ t.
func (pr *pricer) allowed(i int, t int64) bool {
	if pr.conf[i>>6]&(1<<(i&63)) != 0 || pr.in.Load[i%pr.in.Reviewers] == 0 {
		return false
	}
	return Weight(pr.in.Affinity[i]) >= t
}

// cost returns the flow cost of pair index i.
func (pr *pricer) cost(i int) int32 { return int32(Scale - Weight(pr.in.Affinity[i])) }

// stats tells how the solve went.
type stats struct{ rounds, edges int }

// solveAt solves in restricted to pairs of weight ≥ t by column generation:
// a sparse graph of each proposal's best candidates is solved, then every
// allowed pair of the full instance is priced against the potentials and
// those with a negative reduced cost join the graph, until none is left.
func solveAt(ctx context.Context, in *Instance, pr *pricer, t int64) (*network, stats, error) {
	nw := newNetwork(in.Proposals, in.Reviewers, in.K, in.Load)
	m := in.Candidates
	if m == 0 {
		m = 4 * in.K
	}
	pr.seed(nw, m, t)
	var st stats
	for {
		stuck, reached, err := nw.route(ctx, nw.excessNodes())
		if err != nil {
			return nil, st, err
		}
		if len(stuck) > 0 {
			if pr.widen(nw, reached, t) {
				continue
			}
			// Solve checked feasibility first, so this is a defect.
			return nil, st, amur.AsError(fmt.Errorf("assign: %d units cannot be routed on a feasible instance", len(stuck)))
		}
		if err := ctx.Err(); err != nil {
			return nil, st, err
		}
		st.rounds++
		neg := pr.price(nw, t)
		if len(neg) == 0 {
			break
		}
		for _, e := range neg {
			nw.add(int(e.p), e.r, e.c)
		}
	}
	for p := range nw.adj {
		st.edges += len(nw.adj[p])
	}
	return nw, st, nil
}

// seed gives each proposal its m best allowed reviewers.
func (pr *pricer) seed(nw *network, m int, t int64) {
	R := pr.in.Reviewers
	parallelRows(pr.in.Proposals, func(lo, hi int) {
		topR, topA := make([]int32, 0, m), make([]float32, 0, m)
		for p := lo; p < hi; p++ {
			topR, topA = topR[:0], topA[:0]
			row := pr.in.Affinity[p*R : (p+1)*R]
			for r, a := range row {
				// Most pairs lose to the m-th best so far: test that first.
				// Equal affinities keep the lower reviewer index.
				if len(topA) == m && a <= topA[m-1] || !pr.allowed(p*R+r, t) {
					continue
				}
				if len(topA) < m {
					topR, topA = append(topR, 0), append(topA, 0)
				}
				i := len(topA) - 1
				for ; i > 0 && topA[i-1] < a; i-- {
					topR[i], topA[i] = topR[i-1], topA[i-1]
				}
				topR[i], topA[i] = int32(r), a
			}
			nw.full[p] = len(topR) < m
			if len(topA) > 0 {
				nw.rowMax[p] = Weight(topA[0])
			}
			es := make([]pedge, len(topR))
			for i, r := range topR {
				es[i] = pedge{r: r, c: pr.cost(p*R + int(r))}
			}
			nw.adj[p] = es
		}
	})
}

// partialTop moves the m reviewers of highest affinity to the front of idx
// (quickselect; ties broken by reviewer index so runs repeat).
func partialTop(idx []int32, row []float32, m int) {
	less := func(a, b int32) bool { // a ranks before b
		if row[a] != row[b] {
			return row[a] > row[b]
		}
		return a < b
	}
	lo, hi := 0, len(idx)-1
	for lo < hi {
		pivot := idx[(lo+hi)/2]
		i, j := lo, hi
		for i <= j {
			for less(idx[i], pivot) {
				i++
			}
			for less(pivot, idx[j]) {
				j--
			}
			if i <= j {
				idx[i], idx[j] = idx[j], idx[i]
				i++
				j--
			}
		}
		switch {
		case m-1 <= j:
			hi = j
		case m-1 >= i:
			lo = i
		default:
			return
		}
	}
}

// negEdge is an allowed pair outside the graph with a negative reduced cost.
type negEdge struct {
	p, r, c int32
}

// price scans every allowed pair outside the graph and returns those with a
// negative reduced cost. Rows are split over the processors.
func (pr *pricer) price(nw *network, t int64) []negEdge {
	R := pr.in.Reviewers
	var mu sync.Mutex
	var out []negEdge
	maxPot := slices.Max(nw.pot[nw.P : nw.P+R])
	parallelRows(pr.in.Proposals, func(lo, hi int) {
		in := make([]bool, R)
		var local []negEdge
		rpot := nw.pot[nw.P : nw.P+R]
		for p := lo; p < hi; p++ {
			// rc < 0 needs w > Scale + π(p) − π(r) for some r; a row whose
			// best weight cannot exceed that for the highest π(r) is skipped.
			if nw.full[p] || nw.rowMax[p] <= int64(Scale)+nw.pot[p]-maxPot {
				continue
			}
			for _, e := range nw.adj[p] {
				in[e.r] = true
			}
			base := int64(Scale) + nw.pot[p]
			row := pr.in.Affinity[p*R : (p+1)*R]
			for r, a := range row {
				// rc = Scale − w + π(p) − π(r) < 0, tested before the
				// slower conflict and threshold checks.
				w := Weight(a)
				if base-w-rpot[r] >= 0 || in[r] || !pr.allowed(p*R+r, t) {
					continue
				}
				local = append(local, negEdge{int32(p), int32(r), int32(Scale - w)})
			}
			for _, e := range nw.adj[p] {
				in[e.r] = false
			}
		}
		mu.Lock()
		out = append(out, local...)
		mu.Unlock()
	})
	slices.SortFunc(out, func(a, b negEdge) int {
		if a.p != b.p {
			return int(a.p - b.p)
		}
		return int(a.r - b.r)
	})
	return out
}

// widen opens the sets reached by failed searches: every proposal in them
// gets its allowed pairs to reviewers outside them, the only edges that
// can lead out (edges into the sets lead nowhere new). It reports whether
// any edge was added; when none can be, the failure holds on the full
// instance.
func (pr *pricer) widen(nw *network, reached [][]int32, t int64) bool {
	R := pr.in.Reviewers
	inZ := make([]bool, R)
	var props []int
	for _, set := range reached {
		for _, x := range set {
			switch {
			case int(x) < nw.P:
				props = append(props, int(x))
			case int(x) < nw.P+R:
				inZ[int(x)-nw.P] = true
			}
		}
	}
	grew := false
	inRow := make([]bool, R)
	for _, p := range props {
		for _, e := range nw.adj[p] {
			inRow[e.r] = true
		}
		for r := range R {
			if !inZ[r] && !inRow[r] && pr.allowed(p*R+r, t) {
				nw.add(p, int32(r), pr.cost(p*R+r))
				inRow[r] = true
				grew = true
			}
		}
		for _, e := range nw.adj[p] {
			inRow[e.r] = false
		}
	}
	return grew
}

// parallelRows runs f over contiguous row ranges on every processor.
func parallelRows(n int, f func(lo, hi int)) {
	w := min(runtime.GOMAXPROCS(0), max(1, n/64))
	var wg sync.WaitGroup
	for i := range w {
		lo, hi := n*i/w, n*(i+1)/w
		wg.Go(func() { f(lo, hi) })
	}
	wg.Wait()
}

// result reads the assignment and potentials out of a solved network.
func result(in *Instance, nw *network, st stats, t int64) *Result {
	P, R := in.Proposals, in.Reviewers
	res := &Result{Threshold: t, Rounds: st.rounds, Edges: st.edges,
		Proposal: append([]int64(nil), nw.pot[:P]...),
		Reviewer: append([]int64(nil), nw.pot[P:P+R]...),
		Sink:     nw.pot[P+R], MinProposal: -1}
	res.Source = slices.Min(res.Proposal)
	for p := range P {
		var tot int64
		for _, e := range nw.adj[p] {
			if e.flow {
				res.Pairs = append(res.Pairs, Pair{p, int(e.r)})
			}
		}
		for _, pa := range res.Pairs[len(res.Pairs)-in.K:] {
			a := in.Affinity[p*R+pa.Reviewer]
			tot += Weight(a)
			res.Objective += float64(a)
		}
		slices.SortFunc(res.Pairs[len(res.Pairs)-in.K:], func(a, b Pair) int { return a.Reviewer - b.Reviewer })
		res.Weight += tot
		if res.MinProposal < 0 || tot < res.MinProposal {
			res.MinProposal = tot
		}
	}
	// A reviewer without load carries no flow and has no residual edge to
	// the sink; a low enough potential makes every edge into it non-negative.
	for r, l := range in.Load {
		if l == 0 {
			res.Reviewer[r] = min(res.Reviewer[r], res.Source)
		}
	}
	return res
}
