package fund_test

import (
	"testing"

	"amur"
	"amur/fund"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// TestConflictsList checks that a side's office reads every excluded pair
// of its side with the reason, that a reviewer without a conflict is not
// listed, and that the other side's office may not read them.
func TestConflictsList(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db)
		c := jointCall()
		c.Attachments, c.SideLangs = nil, false
		if err := w.svc.CreateCall(officeCN, c); err != nil {
			t.Fatal(err)
		}
		p := w.proposal(c, "量子", "Квант", "Quantum", "wang", "pku", "ivanov", "msu", 100_000, 1_000_000)
		if err := w.svc.CreateProposal(applicant, p); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Submit(applicant, p.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Eligibility(officeCN, c.ID); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		for _, r := range []*amur.Reviewer{{Name: "member", PersonID: w.ppl["wang"].ID}, {Name: "colleague", OrgID: w.orgs["msu"].ID}, {Name: "free"}} {
			r.Side, r.Load, r.Expertise = "CN", 2, amur.T("en", "quantum")
			if err := w.svc.CreateReviewer(officeCN, r); err != nil {
				t.Fatal(err)
			}
			want[r.ID] = map[string]string{"member": fund.ConflictSamePerson, "colleague": fund.ConflictSameOrg}[r.Name]
		}
		got, err := w.svc.Conflicts(officeCN, c.ID, "CN")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 {
			t.Fatalf("conflicts = %+v", got)
		}
		for _, k := range got {
			if k.ProposalID != p.ID || want[k.ReviewerID] == "" || k.Reason != want[k.ReviewerID] {
				t.Errorf("conflict %+v, want reason %q", k, want[k.ReviewerID])
			}
		}
		_, err = w.svc.Conflicts(officeOf("RU"), c.ID, "CN")
		code(t, err, amur.EForbidden)
	})
}
