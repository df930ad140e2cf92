package assign

import (
	"math"
	"math/rand/v2"
)

// Generate builds a realistic random instance for benchmarks and tests:
// proposals and reviewers carry topic vectors (a few strong topics each out
// of 24) and affinity is their cosine similarity, so affinities cluster as
// real expertise does instead of being uniform noise. Reviewers belong to
// organisations and a proposal's team spans one to three of them; a
// reviewer from a team organisation is in conflict, which with 100
// organisations makes about 2% of pairs conflicts. Loads give every
// reviewer 1.3 to 2 times the average demand. The same seed gives the
// same instance.
func Generate(P, R, K int, seed uint64) *Instance {
	const topics, orgs = 24, 100
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	vec := func() []float32 {
		v := make([]float32, topics)
		for i := range v {
			v[i] = float32(rng.Float64() * 0.15)
		}
		for range 1 + rng.IntN(3) {
			v[rng.IntN(topics)] += float32(0.5 + rng.Float64())
		}
		var n float64
		for _, x := range v {
			n += float64(x * x)
		}
		s := float32(1 / math.Sqrt(n))
		for i := range v {
			v[i] *= s
		}
		return v
	}
	in := &Instance{Proposals: P, Reviewers: R, K: K, Load: make([]int, R), Affinity: make([]float32, P*R)}
	rv := make([][]float32, R)
	org := make([]int, R)
	byOrg := make([][]int, orgs)
	demand := float64(P*K) / float64(R)
	for r := range R {
		rv[r] = vec()
		org[r] = rng.IntN(orgs)
		byOrg[org[r]] = append(byOrg[org[r]], r)
		in.Load[r] = int(math.Ceil(demand * (1.3 + 0.7*rng.Float64())))
	}
	for p := range P {
		v := vec()
		row := in.Affinity[p*R : (p+1)*R]
		for r, w := range rv {
			var s float32
			for i, x := range w {
				s += x * v[i]
			}
			row[r] = min(max(s, 0), 1)
		}
		team := map[int]bool{}
		for range 1 + rng.IntN(3) {
			team[rng.IntN(orgs)] = true
		}
		for o := range orgs { // in order, so the same seed gives the same list
			if team[o] {
				for _, r := range byOrg[o] {
					in.Conflicts = append(in.Conflicts, Pair{p, r})
				}
			}
		}
	}
	return in
}
