package fund_test

import (
	"context"
	"testing"

	"amur"
	"amur/fund"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// TestConflictReasons forces one conflicted reviewer after another onto a
// proposal and checks that each is refused with its reason, and that a
// reviewer whose shared activity is older than the call's window is not.
func TestConflictReasons(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db)
		ctx := context.Background()
		c := jointCall()
		c.Attachments, c.SideLangs = nil, false
		if err := w.svc.CreateCall(officeCN, c); err != nil {
			t.Fatal(err)
		}
		p := w.proposal(c, "量子", "Квант", "Quantum", "wang", "pku", "ivanov", "msu", 100_000, 1_000_000)
		earlier := w.proposal(c, "早期", "Ранний", "Earlier", "chen", "cas", "ivanov", "msu", 100_000, 1_000_000)
		earlier.Team[1].Role = amur.MemberRole // else p would repeat its lead and be ineligible
		for _, q := range []*amur.Proposal{earlier, p} {
			if err := w.svc.CreateProposal(applicant, q); err != nil {
				t.Fatal(err)
			}
			if _, err := w.svc.Submit(applicant, q.ID); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := w.svc.Eligibility(officeCN, c.ID); err != nil {
			t.Fatal(err)
		}
		recent := testkit.Activity("Forum", amur.Forum, "2025-05-10", nil,
			testkit.PersonPart(w.ppl["zhao"].ID, "CN", amur.Speaker), testkit.PersonPart(w.ppl["ivanov"].ID, "RU", amur.Speaker))
		old := testkit.Activity("Old forum", amur.Forum, "2019-05-10", nil,
			testkit.PersonPart(w.ppl["sidorov"].ID, "RU", amur.Speaker), testkit.PersonPart(w.ppl["wang"].ID, "CN", amur.Speaker))
		for _, a := range []*amur.Activity{recent, old} {
			if err := db.CreateActivity(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		tests := []struct {
			name string
			r    *amur.Reviewer
			want string
		}{
			{"team member", &amur.Reviewer{PersonID: w.ppl["wang"].ID}, fund.ConflictSamePerson},
			{"same organisation", &amur.Reviewer{OrgID: w.orgs["msu"].ID}, fund.ConflictSameOrg},
			{"declared", &amur.Reviewer{Conflicts: []string{p.ID}}, fund.ConflictDeclared},
			{"declared by the reviewer", &amur.Reviewer{UserID: reviewerUser(7)}, fund.ConflictDeclared},
			{"shared activity", &amur.Reviewer{PersonID: w.ppl["zhao"].ID}, fund.ConflictActivity},
			{"shared proposal", &amur.Reviewer{PersonID: w.ppl["chen"].ID}, fund.ConflictProposal},
			{"activity before the window", &amur.Reviewer{PersonID: w.ppl["sidorov"].ID}, ""},
		}
		for i, tc := range tests {
			tc.r.Side, tc.r.Name, tc.r.Load, tc.r.Expertise = "CN", tc.name, 2, amur.T("en", "quantum")
			if err := w.svc.CreateReviewer(officeCN, tc.r); err != nil {
				t.Fatal(err)
			}
			if tc.r.UserID != "" {
				if err := w.svc.DeclareConflict(reviewerCtx(7), p.ID); err != nil {
					t.Fatal(err)
				}
			}
			_, err := w.svc.Assign(officeCN, fund.AssignRequest{CallID: c.ID, Side: "CN", K: 1,
				Forced: []fund.Pair{{ProposalID: p.ID, ReviewerID: tc.r.ID}}})
			if tc.want == "" {
				if err != nil {
					t.Errorf("%s: %v", tc.name, err)
				}
				continue
			}
			if code(t, err, amur.EConflict) != "fund.err.conflict_forced" || amur.AsError(err).Args["reason"] != tc.want {
				t.Errorf("%d %s: %v, want %s", i, tc.name, err, tc.want)
			}
		}
	})
}
