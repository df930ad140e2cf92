package assign

import "slices"

// Greedy is the baseline the benchmarks compare against: proposals in
// order each take their K best allowed reviewers that still have load.
// It is fast and often short: late proposals find their experts taken and
// some get fewer than K reviewers. Its Result has no potentials.
func Greedy(in *Instance) (*Result, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	pr := newPricer(in)
	R := in.Reviewers
	left := slices.Clone(in.Load)
	res := &Result{MinProposal: -1}
	idx := make([]int32, 0, R)
	for p := range in.Proposals {
		idx = idx[:0]
		for r := range R {
			if left[r] > 0 && pr.allowed(p*R+r, 0) {
				idx = append(idx, int32(r))
			}
		}
		row := in.Affinity[p*R : (p+1)*R]
		if len(idx) > in.K {
			partialTop(idx, row, in.K)
			idx = idx[:in.K]
		}
		var tot int64
		for _, r := range idx {
			left[r]--
			res.Pairs = append(res.Pairs, Pair{p, int(r)})
			tot += Weight(row[r])
			res.Objective += float64(row[r])
		}
		res.Weight += tot
		if res.MinProposal < 0 || tot < res.MinProposal {
			res.MinProposal = tot
		}
	}
	return res, nil
}
