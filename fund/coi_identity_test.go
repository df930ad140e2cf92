package fund_test

import (
	"context"
	"testing"

	"amur"
	"amur/fund"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// TestConflictAcrossScripts checks that a reviewer written in another
// script than a team member's registry record is recognised as the same
// person, that the same organisation under another name is recognised,
// and that namesakes sharing only a family name or a kind are not.
func TestConflictAcrossScripts(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db)
		ctx := context.Background()
		for key, per := range map[string]*amur.Person{
			"zhang": testkit.Person("Zhang", "Pingwen", "CN"), "semin": testkit.Person("Semin", "Alexei", "RU")} {
			if err := db.CreatePerson(ctx, per); err != nil {
				t.Fatal(err)
			}
			w.ppl[key] = per
		}
		for key, name := range map[string]string{"pkuEN": "Peking University", "thu": "Tsinghua University"} {
			org := testkit.Org(name, "CN")
			if err := db.CreateOrganization(ctx, org); err != nil {
				t.Fatal(err)
			}
			w.orgs[key] = org
		}
		c := jointCall()
		c.Attachments, c.SideLangs = nil, false
		if err := w.svc.CreateCall(officeCN, c); err != nil {
			t.Fatal(err)
		}
		p := w.proposal(c, "量子", "Квант", "Quantum", "zhang", "pku", "semin", "msu", 100_000, 1_000_000)
		if err := w.svc.CreateProposal(applicant, p); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Submit(applicant, p.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Eligibility(officeCN, c.ID); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name, org, want string
		}{
			{"张平文", "", fund.ConflictSamePersonScripts},
			{"Семин Алексей", "", fund.ConflictSamePersonScripts},
			{"Pingwen Zhang", "", fund.ConflictSamePersonName},
			{"Alexei Semin", "", fund.ConflictSamePersonName},
			{"张伟", "", ""},
			{"Zhang Wei", "", ""},
			{"Семин Андрей", "", ""},
			{"Li Hua", "pkuEN", fund.ConflictSameOrgScripts},
			{"Liu Yang", "thu", ""},
		}
		for _, tc := range tests {
			r := &amur.Reviewer{Side: "CN", Name: tc.name, Load: 2, Expertise: amur.T("en", "quantum")}
			if tc.org != "" {
				r.OrgID = w.orgs[tc.org].ID
			}
			if err := w.svc.CreateReviewer(officeCN, r); err != nil {
				t.Fatal(err)
			}
			_, err := w.svc.Assign(officeCN, fund.AssignRequest{CallID: c.ID, Side: "CN", K: 1,
				Forced: []fund.Pair{{ProposalID: p.ID, ReviewerID: r.ID}}})
			if tc.want == "" {
				if err != nil {
					t.Errorf("%s: %v, want no conflict", tc.name, err)
				}
				continue
			}
			if code(t, err, amur.EConflict) != "fund.err.conflict_forced" || amur.AsError(err).Args["reason"] != tc.want {
				t.Errorf("%s: %v, want %s", tc.name, err, tc.want)
			}
		}
	})
}
