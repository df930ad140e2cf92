package selection

import (
	"fmt"
	"math/rand/v2"
)

// Generate builds a realistic funding decision for benchmarks: n
// recommended proposals in eight priority fields with review scores from
// 60 to 100 (two decimals) that grow a little with the project's size,
// Chinese costs of 0.5–3 million yuan and Russian costs of 5–30 million
// roubles to the rouble, budgets that fund about a quarter of them, and
// quotas when quotas is set: at least 3% of the list in each of two
// fields, at most 20% in another, and a yuan cap on one more. The same
// seed gives the same problem.
func Generate(n int, seed uint64, quotas bool) *Problem {
	rng := rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d))
	fields := []string{"ai", "energy", "space", "materials", "medicine", "agriculture", "climate", "transport"}
	p := &Problem{}
	var cn, ru int64
	for i := range n {
		size := rng.Float64()
		x := Proposal{
			ID:     fmt.Sprintf("P%05d", i+1),
			Score:  float64(int((60+30*rng.Float64()+10*size*rng.Float64())*100)) / 100,
			CostCN: 500_000 + int64(size*2_500_000*(0.8+0.4*rng.Float64())),
			CostRU: 5_000_000 + int64(size*25_000_000*(0.8+0.4*rng.Float64())),
			Field:  fields[rng.IntN(len(fields))],
		}
		cn += x.CostCN
		ru += x.CostRU
		p.Proposals = append(p.Proposals, x)
	}
	p.BudgetCN, p.BudgetRU = cn/4, ru/4
	if quotas {
		k := max(1, n/4)
		p.Quotas = []Quota{
			{Field: "climate", MinCount: k * 3 / 100},
			{Field: "agriculture", MinCount: k * 3 / 100},
			{Field: "ai", MaxCount: k / 5},
			{Field: "space", MaxCN: p.BudgetCN / 10},
		}
	}
	return p
}
