package fund_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"amur"
	"amur/fund"
)

// merit is what every reviewer thinks of each proposal, by its index: the
// first is best; the RU side rates the third below its bar.
var merit = map[string][]float64{"CN": {9, 7, 6}, "RU": {8, 7, 4}}

// reviewAll has every assigned reviewer review, through its own account,
// and checks that reviews stay hidden from applicants.
func (w *world) reviewAll(c *amur.FundCall, props []*amur.Proposal) {
	t := w.t
	for _, side := range []string{"CN", "RU"} {
		rs, err := w.svc.Reviewers(officeOf(side), side)
		if err != nil {
			t.Fatal(err)
		}
		as, err := w.svc.Assignments(officeOf(side), c.ID, side)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range as {
			i := slices.IndexFunc(props, func(p *amur.Proposal) bool { return p.ID == a.ProposalID })
			r := rs[slices.IndexFunc(rs, func(r *amur.Reviewer) bool { return r.ID == a.ReviewerID })]
			n := slices.IndexFunc(w.reviewerUsers(), func(u string) bool { return u == r.UserID })
			ctx := reviewerCtx(n)
			if _, err := w.svc.Proposal(ctx, a.ProposalID); err != nil {
				t.Errorf("reviewer cannot read its proposal: %v", err)
			}
			if side == "CN" && i == 0 && n == 2 {
				t.Errorf("the conflicted reviewer is assigned the first proposal")
			}
			m := merit[side][i]
			rv := &amur.Review{ProposalID: a.ProposalID, Scores: map[string]float64{"merit": m, "team": m - 1},
				Comment: amur.T("zh", "很好")}
			if err := w.svc.SubmitReview(ctx, rv); err != nil {
				t.Fatal(err)
			}
			if want := (2*m + m - 1) / 3; rv.Total != want || rv.ReviewerID != r.ID || rv.Side != side {
				t.Errorf("review = %+v, total want %v", rv, want)
			}
		}
	}
	as, err := w.svc.Assignments(officeCN, c.ID, "CN")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := w.svc.Reviewers(officeCN, "CN")
	if err != nil {
		t.Fatal(err)
	}
	for n, r := range rs {
		want := 0
		for _, a := range as {
			if a.ReviewerID == r.ID {
				want++
			}
		}
		seen, err := w.svc.Proposals(reviewerCtx(n), fund.ProposalQuery{CallID: c.ID})
		if err != nil || len(seen) != want {
			t.Errorf("reviewer %d lists %d proposals, want its %d, %v", n, len(seen), want, err)
		}
	}
	// The third CN reviewer shares an organisation with the first
	// proposal's team: it was not assigned it, so it cannot read it.
	if _, err := w.svc.Proposal(reviewerCtx(2), props[0].ID); amur.ErrorCode(err) != amur.ENotFound {
		t.Errorf("a reviewer read a proposal not assigned to it: %v", err)
	}
	bad := &amur.Review{ProposalID: props[0].ID, Scores: map[string]float64{"merit": 5}}
	if err := w.svc.SubmitReview(reviewerCtx(0), bad); code(t, err, amur.EInvalid) != "err.required" {
		t.Errorf("a review without every criterion: %v", err)
	}
	_, err = w.svc.Assign(officeCN, fund.AssignRequest{CallID: c.ID, Side: "CN"})
	if code(t, err, amur.EConflict) != "fund.err.reviews_exist" {
		t.Errorf("reassigned after reviews: %v", err)
	}
	if _, err := w.svc.Reviews(applicant, c.ID, "CN"); amur.ErrorCode(err) != amur.EForbidden {
		t.Errorf("an applicant read reviews: %v", err)
	}
}

// reviewerUsers lists the reviewer accounts in creation order.
func (w *world) reviewerUsers() []string {
	out := make([]string, 6)
	for i := range out {
		out[i] = reviewerUser(i)
	}
	return out
}

// recommend has each side recommend its proposals scoring at least 5.
func (w *world) recommend(c *amur.FundCall, props []*amur.Proposal) {
	t := w.t
	for _, side := range []string{"CN", "RU"} {
		ctx := officeOf(side)
		rank, err := w.svc.Recommend(ctx, fund.RecommendRequest{CallID: c.ID, Side: side, MinScore: 5})
		if err != nil {
			t.Fatal(err)
		}
		if len(rank) != 3 || rank[0].ProposalID != props[0].ID || rank[0].Rank != 1 {
			t.Errorf("%s ranking = %+v", side, rank)
		}
	}
	p, err := w.svc.Proposal(applicant, props[2].ID)
	if err != nil {
		t.Fatal(err)
	}
	call, _ := w.svc.Call(applicant, c.ID)
	if fund.Fundable(call, p) || !p.Verdict("CN").Recommended || p.Verdict("RU").Recommended {
		t.Errorf("third proposal verdicts = %+v", p.Verdicts)
	}
}

// selectAndDecide selects under both budgets, asks what a larger CN budget
// would change and records the decision.
func (w *world) selectAndDecide(c *amur.FundCall, props []*amur.Proposal) {
	t := w.t
	sel, err := w.svc.Select(officeCN, fund.SelectRequest{CallID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	// Both fundable proposals cost 2,200,000 CNY together, above 2,000,000.
	if sel.Fundable != 2 || !slices.Equal(sel.Funded, []string{props[0].ID}) || sel.CostCN != 1_000_000 {
		t.Errorf("selection = %+v", sel)
	}
	what, err := w.svc.CompareBudgets(officeRU, fund.SelectRequest{CallID: c.ID, BudgetCN: 2_500_000})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(what.Added, []string{props[1].ID}) || len(what.Removed) != 0 || len(what.After.Funded) != 2 {
		t.Errorf("what-if = %+v", what)
	}
	if _, err := w.svc.Decide(applicant, c.ID); amur.ErrorCode(err) != amur.EForbidden {
		t.Errorf("an applicant decided: %v", err)
	}
	if _, err := w.svc.Decide(officeCN, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.Decide(officeRU, c.ID); code(t, err, amur.EConflict) != "fund.err.nothing_to_decide" {
		t.Errorf("decided twice: %v", err)
	}
	for i, want := range []amur.ProposalStatus{amur.Funded, amur.Declined, amur.Declined, amur.Ineligible} {
		p, err := w.svc.Proposal(applicant, props[i].ID)
		if err != nil || p.Status != want {
			t.Errorf("proposal %d: %v, %v; want %s", i, p.Status, err, want)
		}
	}
	log, err := w.db.Audit(officeCN, amur.AuditFilter{Kind: amur.KindProposal, ID: props[0].ID, Page: amur.Page{Sort: "seq"}})
	if err != nil {
		t.Fatal(err)
	}
	// Created, attached, submitted, found eligible, under review, one
	// verdict per side, decided: every state change has its entry.
	var actions []string
	for _, e := range log.Items {
		actions = append(actions, e.Action)
	}
	want := []string{"create", "update", "update", "update", "update", "update", "update", "decision"}
	if !slices.Equal(actions, want) {
		t.Errorf("audit of the funded proposal = %v, want %v", actions, want)
	}
	if e := log.Items[len(log.Items)-1]; e.Email != "0c01@example.org" || e.Via != "api" {
		t.Errorf("decision entry by %q via %q", e.Email, e.Via)
	}
}

// export writes the funding list as CSV and XLSX and reads both back.
func (w *world) export(c *amur.FundCall, props []*amur.Proposal) {
	t := w.t
	call, ds, err := w.svc.Decisions(officeCN, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := fund.WriteCSV(&buf, amur.RU, ds); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "Место" || rows[1][1] != props[0].ID || rows[1][6] != "1000000" || rows[1][7] != "15000000" {
		t.Errorf("csv = %q", rows)
	}
	buf.Reset()
	if err := fund.WriteXLSX(&buf, amur.ZH, call, ds); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	list, err := f.GetRows(fund.SheetList)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 4 || list[1][2] != "量子材料物理" || list[1][8] != "资助" {
		t.Errorf("xlsx list = %q", list)
	}
	letters, err := f.GetRows(fund.SheetLetters)
	if err != nil {
		t.Fatal(err)
	}
	if len(letters) != 7 || !strings.Contains(letters[1][3], "1,000,000 CNY") || !strings.Contains(letters[2][3], "15,000,000 RUB") {
		t.Errorf("xlsx letters = %q", letters)
	}
}
