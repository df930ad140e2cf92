package fund_test

import (
	"context"
	"fmt"
	"testing"

	"amur"
	"amur/fund"
	"amur/fund/assign"
	"amur/internal/testkit"
	"amur/xling"
)

// topics are the subjects of the benchmark's synthetic call, in the three
// languages, so that affinity crosses languages as in a real call.
var topics = [][3]string{
	{"量子材料与超导", "Квантовые материалы и сверхпроводимость", "Quantum materials and superconductivity"},
	{"北极多年冻土与气候变化", "Арктическая вечная мерзлота и изменение климата", "Arctic permafrost and climate change"},
	{"催化剂与化学反应", "Катализаторы и химические реакции", "Catalysts and chemical reactions"},
	{"人工智能与机器学习", "Искусственный интеллект и машинное обучение", "Artificial intelligence and machine learning"},
	{"核能与反应堆安全", "Ядерная энергия и безопасность реакторов", "Nuclear energy and reactor safety"},
	{"航天器与卫星导航", "Космические аппараты и спутниковая навигация", "Spacecraft and satellite navigation"},
	{"传染病疫苗", "Вакцины против инфекционных болезней", "Vaccines against infectious diseases"},
	{"数字经济与区块链", "Цифровая экономика и блокчейн", "Digital economy and blockchain"},
}

// benchCall stores a call with n eligible proposals and m CN reviewers,
// each proposal and reviewer on one topic in a language of its own.
func benchCall(b *testing.B, n, m int) (*fund.Service, string) {
	b.Helper()
	db := testkit.MustOpenStore(b)
	ctx := context.Background()
	org := testkit.Org("北京大学", "CN")
	if err := db.CreateOrganization(ctx, org); err != nil {
		b.Fatal(err)
	}
	c := jointCall()
	err := db.FundWrite(ctx, func(tx amur.FundTx) error {
		if err := tx.Create(c); err != nil {
			return err
		}
		for i := range n {
			tp := topics[i%len(topics)]
			p := &amur.Proposal{CallID: c.ID, Title: amur.T([]string{"zh", "ru", "en"}[i%3], tp[i%3]),
				Abstract: amur.T("en", fmt.Sprintf("%s, part %d", tp[2], i)), Status: amur.Eligible,
				Team: []amur.TeamMember{{Name: "Lead", OrgID: org.ID, Side: "CN", Role: amur.LeadRole}}}
			if err := tx.Create(p); err != nil {
				return err
			}
		}
		for j := range m {
			tp := topics[j%len(topics)]
			l := []string{"ru", "en", "zh"}[j%3]
			r := &amur.Reviewer{Side: "CN", Name: fmt.Sprint("R", j), Expertise: amur.T(l, tp[(j+1)%3]), Load: 3 * n / m}
			if j%7 == 0 {
				r.OrgID = org.ID // conflicted with every proposal
			}
			if err := tx.Create(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return fund.New(db, db, fund.Options{Trusted: true}), c.ID
}

// BenchmarkAssignCall measures one side's whole assignment of a call
// (affinity through xling, conflicts, the exact solver and storing the
// pairs in one audited transaction) against its parts: the affinity
// alone and the solver alone on the same instance. The baseline of the
// affinity is the same matching through xling's Search, which explains
// every hit.
func BenchmarkAssignCall(b *testing.B) {
	for _, size := range [][2]int{{200, 60}, {600, 150}} {
		n, m := size[0], size[1]
		svc, call := benchCall(b, n, m)
		ctx := context.Background()
		res, err := svc.Assign(ctx, fund.AssignRequest{CallID: call, Side: "CN", K: 2})
		if err != nil {
			b.Fatal(err)
		}
		props, err := svc.Proposals(ctx, fund.ProposalQuery{CallID: call})
		if err != nil {
			b.Fatal(err)
		}
		revs, err := svc.Reviewers(ctx, "CN")
		if err != nil {
			b.Fatal(err)
		}
		name := fmt.Sprintf("%dx%d", n, m)
		b.Run(name+"/whole", func(b *testing.B) {
			for b.Loop() {
				if _, err := svc.Assign(ctx, fund.AssignRequest{CallID: call, Side: "CN", K: 2}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/affinity", func(b *testing.B) {
			for b.Loop() {
				fund.Affinity(props, revs)
			}
		})
		b.Run(name+"/affinity-by-search", func(b *testing.B) {
			for b.Loop() {
				affinityBySearch(props, revs)
			}
		})
		in := assign.Instance{Proposals: n, Reviewers: m, K: 2, Load: make([]int, m), Affinity: fund.Affinity(props, revs)}
		for j, r := range revs {
			in.Load[j] = r.Load
			if r.OrgID != "" {
				for p := range n {
					in.Conflicts = append(in.Conflicts, assign.Pair{Proposal: p, Reviewer: j})
				}
			}
		}
		b.Run(name+"/solver", func(b *testing.B) {
			for b.Loop() {
				if _, err := assign.Solve(ctx, &in); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.ReportMetric(float64(len(res.Assignments)), "pairs")
	}
}

// affinityBySearch scores every pair as Affinity does before scaling, but
// through Search, which sorts and explains every hit.
func affinityBySearch(props []*amur.Proposal, revs []*amur.Reviewer) []float32 {
	ix := xling.NewIndex()
	for i, p := range props {
		for _, l := range amur.Langs {
			if t := p.Title.Get(l) + "\n" + p.Abstract.Get(l); len(t) > 1 {
				_ = ix.Add(fmt.Sprint(i, "/", l), t, l)
			}
		}
	}
	ix.Freeze()
	aff := make([]float32, len(props)*len(revs))
	for j, r := range revs {
		for _, l := range amur.Langs {
			if q := r.Expertise.Get(l); q != "" {
				for _, h := range ix.Search(q, l, ix.Len()) {
					var i int
					fmt.Sscanf(h.ID, "%d/", &i)
					aff[i*len(revs)+j] = max(aff[i*len(revs)+j], float32(h.Score))
				}
			}
		}
	}
	return aff
}
