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
// pairs are those of weight ≥ res.Threshold. It returns nil when all hold.
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
	return pr.checkReduced(res, mine)
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
