package amur

import "testing"

// TestCanMove checks the proposal workflow's transitions.
func TestCanMove(t *testing.T) {
	tests := []struct {
		from, to ProposalStatus
		want     bool
	}{
		{Draft, Submitted, true},
		{Draft, Eligible, false},
		{Submitted, Eligible, true},
		{Submitted, Ineligible, true},
		{Ineligible, UnderReview, false},
		{Eligible, UnderReview, true},
		{UnderReview, Funded, true},
		{UnderReview, Declined, true},
		{UnderReview, Withdrawn, true},
		{Funded, Withdrawn, false},
		{Declined, Funded, false},
		{Withdrawn, Draft, false},
	}
	for _, tc := range tests {
		if got := CanMove(tc.from, tc.to); got != tc.want {
			t.Errorf("CanMove(%s, %s) = %v, want %v", tc.from, tc.to, got, tc.want)
		}
	}
}

// TestFundCallValidate checks that a bad call names its field.
func TestFundCallValidate(t *testing.T) {
	good := func() *FundCall {
		return &FundCall{Kind: JointProject, Title: T("en", "Call"), Opens: MustMoment("2026-01-01"),
			Deadline: MustMoment("2026-03-01T18:00"), MaxTeam: 5, MaxMonths: 24,
			Sides:    []CallSide{{Side: "RU", Budget: 100, GrantMax: 50, Reviewers: 2}, {Side: "CN", Budget: 10, GrantMax: 5, Reviewers: 2}},
			Criteria: []Criterion{{Key: "merit", Weight: 1}}}
	}
	tests := []struct {
		name  string
		edit  func(c *FundCall)
		field string
	}{
		{"valid", func(*FundCall) {}, ""},
		{"deadline before opening", func(c *FundCall) { c.Deadline = MustMoment("2025-12-31") }, "deadline"},
		{"one side only", func(c *FundCall) { c.Sides = c.Sides[:1] }, "sides"},
		{"wrong currency (sides sort CN first)", func(c *FundCall) { c.Sides[0].Currency = "USD" }, "sides[1].currency"},
		{"grant above budget", func(c *FundCall) { c.Sides[1].GrantMax = 1000 }, "sides[0].grant_max"},
		{"no criteria", func(c *FundCall) { c.Criteria = nil }, "criteria"},
		{"one-sided joint call", func(c *FundCall) { c.OneSided = true }, "one_sided"},
		{"quota outside the fields", func(c *FundCall) { c.Quotas = []FieldQuota{{Field: "9", Max: 1}} }, "quotas[0]"},
		{"unknown zone", func(c *FundCall) { c.Zone = "Mars/Olympus" }, "zone"},
		{"budget beyond any sum", func(c *FundCall) { c.Sides[0].Budget = MaxAmount + 1 }, "sides[1].budget"},
	}
	for _, tc := range tests {
		c := good()
		tc.edit(c)
		err := prepareFund(c)
		if tc.field == "" && err != nil || tc.field != "" && (err == nil || AsError(err).Field != tc.field) {
			t.Errorf("%s: %v, want field %q", tc.name, err, tc.field)
		}
	}
}

// prepareFund normalises and validates a fund record, as the store does.
func prepareFund(r FundRecord) error {
	r.Normalize()
	return r.Validate()
}

// TestFundAuditKinds checks that the audit log may be filtered by the
// fund's kinds, by name, and that registry kinds still parse as before.
func TestFundAuditKinds(t *testing.T) {
	for _, k := range FundKinds {
		got, err := ParseAuditKind(string(k))
		if err != nil || got != k {
			t.Errorf("ParseAuditKind(%q) = %q, %v", k, got, err)
		}
		f := AuditFilter{Kind: k}
		if err := f.Validate(); err != nil {
			t.Errorf("filter by %s: %v", k, err)
		}
	}
	if got, err := ParseAuditKind("person"); err != nil || got != KindPerson {
		t.Errorf("ParseAuditKind(person) = %q, %v", got, err)
	}
	if _, err := ParseAuditKind("fund_nothing"); err == nil {
		t.Error("an unknown kind parsed")
	}
}

// TestProposalAmounts checks that a budget line may not be negative nor so
// large that the lines' sum could overflow past a limit check.
func TestProposalAmounts(t *testing.T) {
	for _, amount := range []int64{-1, MaxAmount + 1, 1 << 62} {
		p := &Proposal{CallID: NewID(), Title: T("en", "P"), Budget: []BudgetLine{{Side: "CN", Year: 2026, Amount: amount}}}
		if err := prepareFund(p); err == nil || AsError(err).Field != "budget[0].amount" {
			t.Errorf("amount %d: %v", amount, err)
		}
	}
}
