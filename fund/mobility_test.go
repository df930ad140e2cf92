package fund_test

import (
	"testing"

	"amur"
	"amur/fund"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// TestMobilityCall runs a one-sided mobility call: the CN office publishes
// a hosting offer, a Russian researcher applies to it, the host side alone
// reviews and recommends, and that suffices for funding.
func TestMobilityCall(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db)
		c := jointCall()
		c.Kind, c.OneSided, c.MinTeam, c.MaxTeam, c.SideLangs, c.Quotas = amur.Mobility, true, 1, 1, false, nil
		c.MinMonths, c.MaxMonths = 3, 12
		if err := w.svc.CreateCall(officeCN, c); err != nil {
			t.Fatal(err)
		}
		host := &amur.HostOffer{CallID: c.ID, Side: "CN", OrgID: w.orgs["pku"].ID, Kind: "fellowship",
			Title: amur.T("zh", "量子计算访问学者"), Langs: []amur.Lang{amur.EN}, Stipend: 15_000,
			From: amur.MustDate("2026-09"), To: amur.MustDate("2027-02")}
		if err := w.svc.CreateHostOffer(officeRU, host); amur.ErrorCode(err) != amur.EForbidden {
			t.Errorf("the RU office published a CN offer: %v", err)
		}
		if err := w.svc.CreateHostOffer(officeCN, host); err != nil {
			t.Fatal(err)
		}
		p := &amur.Proposal{CallID: c.ID, Title: amur.T("ru", "Квантовые вычисления"), Months: 6, HostID: host.ID,
			Team:   []amur.TeamMember{{PersonID: w.ppl["petrova"].ID, Name: "Петрова", OrgID: w.orgs["msu"].ID, Side: "CN", Role: amur.LeadRole}},
			Budget: []amur.BudgetLine{{Side: "CN", Year: 2026, Amount: 90_000}}}
		w.draft(p)
		_, err := w.svc.Submit(applicant, p.ID)
		if code(t, err, amur.EInvalid) != "fund.err.host_side" {
			t.Errorf("an applicant of the host's side: %v", err)
		}
		p, err = w.svc.Proposal(applicant, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		p.Team[0].Side = "RU"
		if err := w.svc.UpdateProposal(applicant, p); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Submit(applicant, p.ID); err != nil {
			t.Fatal(err)
		}
		if moved, err := w.svc.Eligibility(officeCN, c.ID); err != nil || len(moved) != 1 || moved[0].Status != amur.Eligible {
			t.Fatalf("eligibility = %+v, %v", moved, err)
		}
		r := &amur.Reviewer{Side: "CN", Name: "Li", UserID: reviewerUser(9), Expertise: amur.T("en", "quantum computing"), Load: 2}
		if err := w.svc.CreateReviewer(officeCN, r); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Assign(officeCN, fund.AssignRequest{CallID: c.ID, Side: "CN", K: 1}); err != nil {
			t.Fatal(err)
		}
		rv := &amur.Review{ProposalID: p.ID, Scores: map[string]float64{"merit": 8, "team": 8}}
		if err := w.svc.SubmitReview(reviewerCtx(9), rv); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Recommend(officeCN, fund.RecommendRequest{CallID: c.ID, Side: "CN", Top: 1}); err != nil {
			t.Fatal(err)
		}
		sel, err := w.svc.Decide(officeRU, c.ID)
		if err != nil || len(sel.Funded) != 1 || sel.Funded[0] != p.ID {
			t.Fatalf("decision = %+v, %v", sel, err)
		}
		got, err := w.svc.Proposal(applicant, p.ID)
		if err != nil || got.Status != amur.Funded || len(got.Awards) != 1 || got.Awards[0].Currency != "CNY" {
			t.Errorf("funded proposal = %+v, %v", got, err)
		}
	})
}
