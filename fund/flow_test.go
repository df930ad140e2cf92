package fund_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"amur"
	"amur/fund"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// TestCallEndToEnd runs one joint call from its creation to the exported
// funding list on every store: proposals are submitted (and bad ones
// refused with nothing changed), checked for eligibility, assigned to
// each side's reviewers (a conflicted forced pair and an infeasible k are
// refused), reviewed, recommended by each side, selected under both
// budgets with a what-if, decided and exported.
func TestCallEndToEnd(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db)
		c := jointCall()
		c.Sides[0].Budget = 2_000_000
		if err := w.svc.CreateCall(applicant, c); amur.ErrorCode(err) != amur.EForbidden {
			t.Fatalf("applicant created a call: %v", err)
		}
		if err := w.svc.CreateCall(officeCN, c); err != nil {
			t.Fatal(err)
		}
		props := w.submitAll(c)
		w.eligibility(c, props)
		w.assignBoth(c, props)
		w.reviewAll(c, props)
		w.recommend(c, props)
		w.selectAndDecide(c, props)
		w.export(c, props)
	})
}

// submitAll drafts and submits three good proposals and one whose CN
// organisation is not registered, and checks the refusals of bad ones.
func (w *world) submitAll(c *amur.FundCall) []*amur.Proposal {
	t := w.t
	props := []*amur.Proposal{
		w.proposal(c, "量子材料物理", "Физика квантовых материалов", "Quantum materials physics", "wang", "pku", "ivanov", "msu", 1_000_000, 15_000_000),
		w.proposal(c, "北极多年冻土与气候", "Арктическая вечная мерзлота и климат", "Arctic permafrost and climate", "zhao", "hit", "petrova", "spbu", 1_200_000, 18_000_000),
		w.proposal(c, "催化化学", "Катализ в химии", "Catalysis in chemistry", "chen", "cas", "sidorov", "nsu", 900_000, 12_000_000),
		w.proposal(c, "海洋", "Океан", "Ocean currents", "wang", "pku", "sidorov", "nsu", 500_000, 5_000_000),
	}
	props[3].Team[0].OrgID = amur.NewID()
	props[3].Team[0].PersonID, props[3].Team[1].PersonID = "", "" // leads of no other proposal
	for _, p := range props {
		w.draft(p)
	}
	w.refusals(c)
	if _, err := w.svc.Proposal(stranger, props[0].ID); amur.ErrorCode(err) != amur.ENotFound {
		t.Errorf("a stranger read a proposal: %v", err)
	}
	if mine, err := w.svc.Proposals(stranger, fund.ProposalQuery{CallID: c.ID}); err != nil || len(mine) != 0 {
		t.Errorf("a stranger lists %d proposals, %v", len(mine), err)
	}
	// The deadline is 18:00 Beijing time, 10:00:00 UTC, to the second.
	w.now = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for i, p := range props {
		got, err := w.svc.Submit(applicant, p.ID)
		if err != nil {
			t.Fatalf("submit %d: %v", i, err)
		}
		props[i] = got
	}
	snap, err := w.svc.Snapshot(applicant, props[0].ID)
	if err != nil || snap.Status != amur.Submitted || snap.Title.EN != props[0].Title.EN {
		t.Errorf("snapshot = %+v, %v", snap, err)
	}
	if err := w.svc.UpdateProposal(applicant, props[0]); amur.ErrorCode(err) != amur.EConflict {
		t.Errorf("edited a submitted proposal: %v", err)
	}
	return props
}

// refusals checks that bad submissions are refused with a coded error
// and change nothing: a one-sided team, a budget over the limit, a late
// submission.
func (w *world) refusals(c *amur.FundCall) {
	t := w.t
	oneSided := w.proposal(c, "单方", "Одна сторона", "One side only", "chen", "cas", "ivanov", "msu", 100_000, 1_000_000)
	oneSided.Team = oneSided.Team[:1]
	oneSided.Budget = oneSided.Budget[:2]
	w.draft(oneSided)
	over := w.proposal(c, "预算", "Бюджет", "Over budget", "chen", "cas", "ivanov", "msu", 0, 1_000_000)
	over.Budget = append(over.Budget[2:], amur.BudgetLine{Side: "CN", Year: 2026, Amount: 550_000},
		amur.BudgetLine{Side: "CN", Year: 2027, Amount: 550_000}, amur.BudgetLine{Side: "CN", Year: 2028, Amount: 550_000})
	w.draft(over)
	cases := []struct {
		name  string
		p     *amur.Proposal
		at    time.Time
		code  string
		key   string
		field string
	}{
		{"team without the other side", oneSided, w.now, amur.EInvalid, "fund.err.team_side", "team"},
		{"budget over the limit", over, w.now, amur.EInvalid, "fund.err.budget_over", "budget"},
		{"a second after the deadline", over, time.Date(2026, 3, 1, 10, 0, 1, 0, time.UTC), amur.EConflict, "fund.err.deadline", "deadline"},
	}
	for _, tc := range cases {
		stored, err := w.svc.Proposal(applicant, tc.p.ID)
		if err != nil {
			t.Fatal(err)
		}
		before := w.now
		w.now = tc.at
		_, err = w.svc.Submit(applicant, tc.p.ID)
		w.now = before
		if key := code(t, err, tc.code); key != tc.key || amur.AsError(err).Field != tc.field {
			t.Errorf("%s: %v", tc.name, err)
		}
		got, err := w.svc.Proposal(applicant, tc.p.ID)
		if err != nil || got.Status != amur.Draft || got.Version != stored.Version {
			t.Errorf("%s: the proposal changed: %+v, %v", tc.name, got, err)
		}
	}
	for _, p := range []*amur.Proposal{oneSided, over} {
		if _, err := w.svc.Withdraw(applicant, p.ID); err != nil {
			t.Fatal(err)
		}
	}
}

// eligibility checks the submitted proposals: the one with an
// unregistered organisation is ineligible and names the rule.
func (w *world) eligibility(c *amur.FundCall, props []*amur.Proposal) {
	t := w.t
	if _, err := w.svc.Eligibility(applicant, c.ID); amur.ErrorCode(err) != amur.EForbidden {
		t.Errorf("an applicant checked eligibility: %v", err)
	}
	moved, err := w.svc.Eligibility(officeRU, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(moved) != 4 {
		t.Fatalf("moved %d proposals", len(moved))
	}
	for i, p := range moved {
		want := amur.Eligible
		if i == 3 {
			want = amur.Ineligible
			if !slices.Equal(p.Failed, []string{fund.RuleOrgs}) {
				t.Errorf("failed rules = %v", p.Failed)
			}
		}
		if p.Status != want {
			t.Errorf("proposal %d is %s, want %s", i, p.Status, want)
		}
		props[i] = p
	}
}

// reviewers creates each side's three reviewers: the third CN reviewer
// shares an organisation with the first proposal's team, the first RU
// reviewer with the second's.
func (w *world) reviewers() []*amur.Reviewer {
	t := w.t
	rs := []*amur.Reviewer{
		{Side: "CN", Name: "Li Wei", OrgID: w.orgs["hit"].ID, Expertise: amur.T("en", "quantum materials, condensed matter physics"), Load: 3},
		{Side: "CN", Name: "Sun Hao", Expertise: amur.T("zh", "北极 多年冻土 气候 变化"), Load: 3},
		{Side: "CN", Name: "Ma Lin", OrgID: w.orgs["pku"].ID, Expertise: amur.T("zh", "催化 化学"), Load: 3},
		{Side: "RU", Name: "Орлов", OrgID: w.orgs["spbu"].ID, Expertise: amur.T("ru", "физика квантовых материалов"), Load: 3},
		{Side: "RU", Name: "Белова", Expertise: amur.T("ru", "вечная мерзлота, климат Арктики"), Load: 3},
		{Side: "RU", Name: "Жуков", Expertise: amur.T("ru", "катализ, химия"), Load: 3},
	}
	for i, r := range rs {
		r.UserID = reviewerUser(i)
		ctx := officeOf(r.Side)
		if r.Side == "CN" {
			if err := w.svc.CreateReviewer(officeRU, r); amur.ErrorCode(err) != amur.EForbidden {
				t.Errorf("the RU office created a CN reviewer: %v", err)
			}
		}
		if err := w.svc.CreateReviewer(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	return rs
}

// assignBoth assigns each side's reviewers after checking that a forced
// conflicted pair and an infeasible k are refused with nothing stored.
func (w *world) assignBoth(c *amur.FundCall, props []*amur.Proposal) {
	t := w.t
	rs := w.reviewers()
	forced := fund.AssignRequest{CallID: c.ID, Side: "CN", Forced: []fund.Pair{{ProposalID: props[0].ID, ReviewerID: rs[2].ID}}}
	_, err := w.svc.Assign(officeCN, forced)
	if code(t, err, amur.EConflict) != "fund.err.conflict_forced" || amur.AsError(err).Args["reason"] != fund.ConflictSameOrg {
		t.Errorf("forced conflicted pair: %v", err)
	}
	_, err = w.svc.Assign(officeCN, fund.AssignRequest{CallID: c.ID, Side: "CN", K: 3})
	if code(t, err, amur.EInvalid) != "fundopt.assign.infeasible" || !strings.Contains(amur.AsError(err).Args["proposals"].(string), props[0].ID) {
		t.Errorf("infeasible: %v", err)
	}
	if as, err := w.svc.Assignments(officeCN, c.ID, "CN"); err != nil || len(as) != 0 {
		t.Fatalf("refused assignments stored %d, %v", len(as), err)
	}
	for _, side := range []string{"CN", "RU"} {
		ctx := officeOf(side)
		if _, err := w.svc.Assign(officeCN, fund.AssignRequest{CallID: c.ID, Side: "RU"}); side == "RU" && amur.ErrorCode(err) != amur.EForbidden {
			t.Errorf("the CN office assigned RU reviewers: %v", err)
		}
		res, err := w.svc.Assign(ctx, fund.AssignRequest{CallID: c.ID, Side: side})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Assignments) != 6 {
			t.Errorf("%s: %d assignments, want 3 proposals × 2", side, len(res.Assignments))
		}
		for _, a := range res.Assignments {
			if side == "CN" && a.ProposalID == props[0].ID && a.ReviewerID == rs[2].ID ||
				side == "RU" && a.ProposalID == props[1].ID && a.ReviewerID == rs[3].ID {
				t.Errorf("%s: conflicted pair assigned: %+v", side, a)
			}
		}
	}
}
