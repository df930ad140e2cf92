package fund_test

import (
	"slices"
	"testing"

	"amur"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// TestEligibilityRules submits proposals that each break one rule an
// office checks and reads the rules named on each.
func TestEligibilityRules(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db)
		c := jointCall()
		c.Attachments, c.SideLangs, c.MaxTeam = nil, false, 3
		if err := w.svc.CreateCall(officeRU, c); err != nil {
			t.Fatal(err)
		}
		first := w.proposal(c, "光学", "Оптика", "Optics", "wang", "pku", "ivanov", "msu", 100_000, 1_000_000)
		again := w.proposal(c, "光学", "Оптика", "OPTICS", "zhao", "hit", "petrova", "spbu", 100_000, 1_000_000)
		sameLeads := w.proposal(c, "声学", "Акустика", "Acoustics", "wang", "pku", "ivanov", "msu", 100_000, 1_000_000)
		noLead := w.proposal(c, "热学", "Теплота", "Heat", "chen", "cas", "sidorov", "nsu", 100_000, 1_000_000)
		noLead.Team[1].Role = amur.MemberRole
		big := w.proposal(c, "力学", "Механика", "Mechanics", "chen", "cas", "sidorov", "nsu", 100_000, 1_000_000)
		big.Team = append(big.Team, amur.TeamMember{Name: "m1", OrgID: w.orgs["cas"].ID, Side: "CN", Role: amur.MemberRole},
			amur.TeamMember{Name: "m2", OrgID: w.orgs["nsu"].ID, Side: "RU", Role: amur.MemberRole})
		wrongSide := w.proposal(c, "电学", "Электричество", "Electricity", "chen", "cas", "sidorov", "nsu", 100_000, 1_000_000)
		wrongSide.Team[1].OrgID = w.orgs["hit"].ID // a Chinese organisation on the Russian team
		for _, p := range []*amur.Proposal{big, wrongSide} {
			for i := range p.Team {
				p.Team[i].PersonID = "" // people the registry does not know lead no other proposal
			}
		}
		props := []*amur.Proposal{first, again, sameLeads, noLead, big, wrongSide}
		for _, p := range props {
			if err := w.svc.CreateProposal(applicant, p); err != nil {
				t.Fatal(err)
			}
			if _, err := w.svc.Submit(applicant, p.ID); err != nil {
				t.Fatal(err)
			}
			w.now = w.now.Add(1e9) // submitted one second apart, in this order
		}
		moved, err := w.svc.Eligibility(officeCN, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{nil, {"duplicate_submission"}, {"duplicate_submission"}, {"leads"}, {"team_size"}, {"organisations_registered"}}
		for i, p := range moved {
			if !slices.Equal(p.Failed, want[i]) || (len(want[i]) == 0) != (p.Status == amur.Eligible) {
				t.Errorf("proposal %d (%s): %s, failed %v, want %v", i, p.Title.EN, p.Status, p.Failed, want[i])
			}
		}
	})
}
