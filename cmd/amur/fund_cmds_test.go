package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"amur"
	"amur/fund"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// fundDB stores a call with two eligible joint proposals and two reviewers
// per side in a SQLite file, as the operator would, and returns its path
// and the call's and proposals' ids.
func fundDB(t *testing.T) (string, string, []string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fund.db")
	db, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	cn, ru := testkit.Org("清华大学", "CN"), testkit.Org("МФТИ", "RU")
	check(db.CreateOrganization(ctx, cn))
	check(db.CreateOrganization(ctx, ru))
	svc := fund.New(db, db, fund.Options{Trusted: true})
	c := &amur.FundCall{Kind: amur.JointProject, Title: amur.T("en", "Joint call"),
		Opens: amur.MustMoment("2026-01-01"), Deadline: amur.MustMoment("2099-12-31T18:00"),
		Sides: []amur.CallSide{{Side: "CN", Budget: 1_000_000, GrantMax: 800_000, Reviewers: 1},
			{Side: "RU", Budget: 10_000_000, GrantMax: 8_000_000, Reviewers: 1}},
		MinTeam: 2, MaxTeam: 4, MinMonths: 12, MaxMonths: 24, Criteria: []amur.Criterion{{Key: "merit", Weight: 1}}}
	check(svc.CreateCall(ctx, c))
	var ids []string
	for i, title := range []string{"Laser optics", "Soil biology"} {
		p := &amur.Proposal{CallID: c.ID, OwnerID: amur.NewID(), Title: amur.T("en", title), Months: 12,
			Team: []amur.TeamMember{{Name: "Li", OrgID: cn.ID, Side: "CN", Role: amur.LeadRole},
				{Name: "Орлов", OrgID: ru.ID, Side: "RU", Role: amur.LeadRole}},
			Budget: []amur.BudgetLine{{Side: "CN", Year: 2027, Amount: int64(600_000 - i*100_000)}, {Side: "RU", Year: 2027, Amount: 5_000_000}}}
		check(svc.CreateProposal(ctx, p))
		_, err := svc.Submit(ctx, p.ID)
		check(err)
		ids = append(ids, p.ID)
	}
	_, err = svc.Eligibility(ctx, c.ID)
	check(err)
	for _, side := range amur.FundSides {
		for _, exp := range []string{"laser optics photonics", "soil biology microbes"} {
			check(svc.CreateReviewer(ctx, &amur.Reviewer{Side: side, Name: side + " " + exp, Expertise: amur.T("en", exp), Load: 1}))
		}
	}
	return path, c.ID, ids
}

// TestFundCommands runs calls, assign (with its refusals), select and
// export on a stored call, deciding it through the service in between.
func TestFundCommands(t *testing.T) {
	path, call, ids := fundDB(t)
	code, out, errs := run(t, nil, "fund", "calls", "--db", path)
	if code != exitOK || !strings.Contains(out, call) || !strings.Contains(out, "2099-12-31 18:00:00") || !strings.Contains(out, "2099-12-31 13:00:00") {
		t.Fatalf("calls: %d %s %s", code, out, errs)
	}
	if code, _, _ := run(t, nil, "fund", "assign", "--db", path); code != exitUsage {
		t.Errorf("assign without --call: exit %d", code)
	}
	code, _, errs = run(t, map[string]string{"AMUR_LANG": "ru"}, "fund", "assign", "--call", call, "--side", "CN", "--k", "2", "--db", path)
	if code != exitFailure || !strings.Contains(errs, "не каждой заявке") || !strings.Contains(errs, ids[0]) && !strings.Contains(errs, ids[1]) {
		t.Errorf("infeasible assign: %d %s", code, errs)
	}
	code, out, errs = run(t, nil, "fund", "assign", "--call", call, "--side", "RU", "--fair", "--db", path)
	if code != exitOK || strings.Count(out, "\nRU ") != 3 {
		t.Fatalf("fair assign: %d %s %s", code, out, errs)
	}
	code, out, errs = run(t, nil, "fund", "assign", "--call", call, "--json", "--db", path)
	if code != exitOK {
		t.Fatalf("assign: %d %s", code, errs)
	}
	var res map[string]*fund.AssignResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	for _, side := range amur.FundSides {
		if r := res[side]; r == nil || len(r.Assignments) != 2 || r.Assignments[0].Affinity < 0.5 {
			t.Errorf("%s assignment = %+v", side, r)
		}
	}
	recommend(t, path, call, res)
	code, out, errs = run(t, nil, "fund", "select", "--call", call, "--budget-cn", "1100000", "--db", path)
	if code != exitOK || !strings.Contains(out, "added: "+ids[1]) || !strings.Contains(out, "1 of 2 fundable") {
		t.Errorf("select: %d %s %s", code, out, errs)
	}
	if code, _, errs := run(t, nil, "fund", "decide", "--call", call, "--db", path); code != exitOK {
		t.Fatalf("decide: %d %s", code, errs)
	}
	xlsx := filepath.Join(t.TempDir(), "funding.xlsx")
	if code, _, errs := run(t, nil, "fund", "export", "--call", call, "--format", "xlsx", "--lang", "ru", "--out", xlsx, "--db", path); code != exitOK {
		t.Fatalf("export: %d %s", code, errs)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(fund.SheetList)
	if err != nil || len(rows) != 3 || rows[1][1] != ids[0] || rows[1][8] != "поддержана" || rows[2][8] != "отклонена" {
		t.Errorf("funding list = %q, %v", rows, err)
	}
}

// recommend reviews every assignment (the first proposal scoring higher)
// and recommends both proposals on both sides; together they cost more
// than the CN budget.
func recommend(t *testing.T, path, call string, res map[string]*fund.AssignResult) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := fund.New(db, db, fund.Options{Trusted: true})
	for _, r := range res {
		for i, a := range r.Assignments {
			rv := &amur.Review{ProposalID: a.ProposalID, ReviewerID: a.ReviewerID, Scores: map[string]float64{"merit": float64(9 - i)}}
			if err := svc.SubmitReview(ctx, rv); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, side := range amur.FundSides {
		if _, err := svc.Recommend(ctx, fund.RecommendRequest{CallID: call, Side: side, Top: 2}); err != nil {
			t.Fatal(err)
		}
	}
}
