package assign

import (
	"fmt"
	"sync"
)

// Certify checks that res is an optimal assignment of in: every proposal
// has K distinct reviewers, loads hold, no conflicted pair is used, the
// weights add up, and no edge of the full residual network has a negative
// reduced cost under res's potentials. The network is source→proposal
// (capacity K, saturated), proposal→reviewer for every allowed pair (not
// only those the solver looked at; capacity 1, cost Scale−weight),
// reviewer→sink (capacity Load). Reduced costs are c + π(from) − π(to);
// when all residual ones are ≥ 0 no negative cycle exists, so the flow has
// the least cost, that is the largest total weight. With Fair the allowed
// pairs are those of weight ≥ res.Threshold, and res.Cut must prove that
// no full assignment exists one weight unit higher, so the threshold is the
// largest. It returns nil when all hold.
func Certify(in *Instance, res *Result) error {
	if err := in.Validate(); err != nil {
		return err
	}
	P, R := in.Proposals, in.Reviewers
	if res == nil || len(res.Proposal) != P || len(res.Reviewer) != R {
		return fmt.Errorf("certificate: potentials missing")
	}
	if !in.Fair && res.Threshold != 0 {
		return fmt.Errorf("certificate: threshold %d without fairness", res.Threshold)
	}
	pr := newPricer(in)
	mine, err := pr.checkPairs(res)
	if err != nil {
		return err
	}
	for p := range P {
		if d := res.Proposal[p] - res.Source; d < 0 {
			return fmt.Errorf("certificate: edge proposal %d → source has reduced cost %d", p, d)
		}
	}
	flow := make([]int, R)
	for _, pa := range res.Pairs {
		flow[pa.Reviewer]++
	}
	for r := range R {
		if flow[r] < in.Load[r] && res.Reviewer[r]-res.Sink < 0 {
			return fmt.Errorf("certificate: edge reviewer %d → sink has reduced cost %d", r, res.Reviewer[r]-res.Sink)
		}
		if flow[r] > 0 && res.Sink-res.Reviewer[r] < 0 {
			return fmt.Errorf("certificate: edge sink → reviewer %d has reduced cost %d", r, res.Sink-res.Reviewer[r])
		}
	}
	if err := pr.checkReduced(res, mine); err != nil {
		return err
	}
	if in.Fair && res.Threshold < Scale {
		return pr.checkCut(res)
	}
	return nil
}

// checkCut checks that res.Cut proves no full assignment exists above
// res.Threshold. Reviewers without load join B at no cost.
func (pr *pricer) checkCut(res *Result) error {
	in := pr.in
	P, R := in.Proposals, in.Reviewers
	c := res.Cut
	if c == nil || c.Above != res.Threshold+1 {
		return fmt.Errorf("certificate: no cut above threshold %d", res.Threshold)
	}
	inB := make([]bool, R)
	for r, l := range in.Load {
		inB[r] = l == 0
	}
	capacity := int64(0)
	for _, r := range c.Reviewers {
		if r < 0 || r >= R || inB[r] {
			return fmt.Errorf("certificate: cut reviewer %d out of range or repeated", r)
		}
		inB[r] = true
		capacity += int64(in.Load[r])
	}
	inA := make([]bool, P)
	for _, p := range c.Proposals {
		if p < 0 || p >= P || inA[p] {
			return fmt.Errorf("certificate: cut proposal %d out of range or repeated", p)
		}
		inA[p] = true
		for r := range R {
			if !inB[r] && pr.allowed(p*R+r, c.Above) {
				capacity++
			}
		}
	}
	capacity += int64(in.K) * int64(P-len(c.Proposals))
	if capacity >= int64(P)*int64(in.K) {
		return fmt.Errorf("certificate: cut above %d has capacity %d, not below %d", c.Above, capacity, P*in.K)
	}
	return nil
}

// checkPairs checks the assignment's feasibility and total and returns,
// per proposal, its reviewers.
func (pr *pricer) checkPairs(res *Result) ([][]int32, error) {
	in := pr.in
	P, R := in.Proposals, in.Reviewers
	mine := make([][]int32, P)
	flow := make([]int, R)
	var w int64
	for _, pa := range res.Pairs {
		p, r := pa.Proposal, pa.Reviewer
		if p < 0 || p >= P || r < 0 || r >= R {
			return nil, fmt.Errorf("certificate: pair (%d, %d) out of range", p, r)
		}
		for _, q := range mine[p] {
			if int(q) == r {
				return nil, fmt.Errorf("certificate: pair (%d, %d) twice", p, r)
			}
		}
		i := p*R + r
		if pr.conf[i>>6]&(1<<(i&63)) != 0 {
			return nil, fmt.Errorf("certificate: pair (%d, %d) is a conflict", p, r)
		}
		if Weight(in.Affinity[i]) < res.Threshold {
			return nil, fmt.Errorf("certificate: pair (%d, %d) below the threshold", p, r)
		}
		mine[p] = append(mine[p], int32(r))
		flow[r]++
		w += Weight(in.Affinity[i])
	}
	for p := range P {
		if len(mine[p]) != in.K {
			return nil, fmt.Errorf("certificate: proposal %d has %d reviewers, not %d", p, len(mine[p]), in.K)
		}
	}
	for r := range R {
		if flow[r] > in.Load[r] {
			return nil, fmt.Errorf("certificate: reviewer %d has %d proposals, load %d", r, flow[r], in.Load[r])
		}
	}
	if w != res.Weight {
		return nil, fmt.Errorf("certificate: pairs weigh %d, result says %d", w, res.Weight)
	}
	return mine, nil
}

// checkReduced checks the reduced cost of every allowed pair: forward for
// unassigned pairs, backward for assigned ones.
func (pr *pricer) checkReduced(res *Result, mine [][]int32) error {
	in := pr.in
	R := in.Reviewers
	var mu sync.Mutex
	var first error
	parallelRows(in.Proposals, func(lo, hi int) {
		used := make([]bool, R)
		for p := lo; p < hi; p++ {
			for _, r := range mine[p] {
				used[r] = true
			}
			for r := range R {
				i := p*R + r
				if pr.conf[i>>6]&(1<<(i&63)) != 0 || Weight(in.Affinity[i]) < res.Threshold {
					continue
				}
				rc := int64(pr.cost(i)) + res.Proposal[p] - res.Reviewer[r]
				if used[r] {
					rc = -rc
				}
				if rc < 0 {
					mu.Lock()
					if first == nil {
						first = fmt.Errorf("certificate: pair (%d, %d) has reduced cost %d", p, r, rc)
					}
					mu.Unlock()
					return
				}
			}
			for _, r := range mine[p] {
				used[r] = false
			}
		}
	})
	return first
}
