package fund_test

import (
	"context"
	"testing"
	"time"

	"amur"
	"amur/fund"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// world is a fresh store with the registry a call needs: organisations and
// people of both sides, the fund service and the principals who act.
type world struct {
	t    *testing.T
	db   *sqlstore.DB
	svc  *fund.Service
	now  time.Time
	orgs map[string]*amur.Organization
	ppl  map[string]*amur.Person
}

// newWorld builds a world on db with the clock at 2026-02-01 UTC.
func newWorld(t *testing.T, db *sqlstore.DB) *world {
	t.Helper()
	w := &world{t: t, db: db, now: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC),
		orgs: map[string]*amur.Organization{}, ppl: map[string]*amur.Person{}}
	w.svc = fund.New(db, db, fund.Options{Now: func() time.Time { return w.now }})
	ctx := context.Background()
	for _, o := range []struct{ key, name, side string }{
		{"pku", "北京大学", "CN"}, {"hit", "哈尔滨工业大学", "CN"}, {"cas", "中国科学院", "CN"},
		{"msu", "МГУ имени М. В. Ломоносова", "RU"}, {"spbu", "СПбГУ", "RU"}, {"nsu", "НГУ", "RU"},
	} {
		org := testkit.Org(o.name, o.side)
		if err := db.CreateOrganization(ctx, org); err != nil {
			t.Fatal(err)
		}
		w.orgs[o.key] = org
	}
	for _, p := range []struct{ key, family, given, side string }{
		{"wang", "Wang", "Li", "CN"}, {"zhao", "Zhao", "Min", "CN"}, {"chen", "Chen", "Yu", "CN"},
		{"ivanov", "Ivanov", "Ivan", "RU"}, {"petrova", "Petrova", "Anna", "RU"}, {"sidorov", "Sidorov", "Oleg", "RU"},
	} {
		per := testkit.Person(p.family, p.given, p.side)
		if err := db.CreatePerson(ctx, per); err != nil {
			t.Fatal(err)
		}
		w.ppl[p.key] = per
	}
	return w
}

// as returns a context whose principal has role r on side (for offices).
func as(userID string, r amur.UserRole, side string) context.Context {
	return amur.WithActor(context.Background(), &amur.Actor{Via: "api",
		Principal: &amur.Principal{UserID: userID, Email: userID[len(userID)-4:] + "@example.org", Role: r, Side: side}})
}

// Principals of the tests, by fixed user ids.
var (
	officeCN  = as("01900000-0000-7000-8000-000000000c01", amur.RoleOffice, "CN")
	officeRU  = as("01900000-0000-7000-8000-000000000e01", amur.RoleOffice, "RU")
	applicant = as("01900000-0000-7000-8000-00000000a001", amur.RoleApplicant, "")
	stranger  = as("01900000-0000-7000-8000-00000000a002", amur.RoleApplicant, "")
)

// officeOf returns the context of side's office.
func officeOf(side string) context.Context {
	if side == "CN" {
		return officeCN
	}
	return officeRU
}

// reviewerCtx returns the context of reviewer account n.
func reviewerCtx(n int) context.Context {
	return as(reviewerUser(n), amur.RoleReviewer, "")
}

// reviewerUser returns the user id of reviewer account n.
func reviewerUser(n int) string {
	return "01900000-0000-7000-8000-0000000bb0" + string(rune('0'+n/10)) + string(rune('0'+n%10))
}

// jointCall returns a joint research call open in February 2026, its
// deadline at 18:00 Beijing time on 1 March.
func jointCall() *amur.FundCall {
	return &amur.FundCall{
		Kind: amur.JointProject, Title: amur.T("en", "Joint call 2026", "ru", "Совместный конкурс 2026", "zh", "2026年联合征集"),
		Opens: amur.MustMoment("2026-01-10"), Deadline: amur.MustMoment("2026-03-01T18:00"), Zone: "Asia/Shanghai",
		Fields: []string{"1.03", "2.02"},
		Sides: []amur.CallSide{
			{Side: "CN", Budget: 3_000_000, GrantMax: 1_500_000, YearMax: 600_000, Reviewers: 2},
			{Side: "RU", Budget: 40_000_000, GrantMax: 20_000_000, Reviewers: 2},
		},
		MinTeam: 2, MaxTeam: 8, MinMonths: 12, MaxMonths: 36, SideLangs: true,
		Attachments: []amur.AttachmentRule{{Type: "cv", Required: true, MaxBytes: 1024, Media: []string{"application/pdf"}}},
		Criteria:    []amur.Criterion{{Key: "merit", Weight: 2}, {Key: "team", Weight: 1}},
		Quotas:      []amur.FieldQuota{{Field: "2.02", Max: 2}},
	}
}

// proposal returns a joint proposal of call c led by the named people of
// the named organisations, asking cn yuan and ru roubles over two years.
func (w *world) proposal(c *amur.FundCall, zh, ru, en string, cnLead, cnOrg, ruLead, ruOrg string, cn, rub int64) *amur.Proposal {
	return &amur.Proposal{
		CallID:   c.ID,
		Title:    amur.Text{ZH: zh, RU: ru, EN: en, Orig: amur.EN},
		Abstract: amur.Text{ZH: zh + "。研究。", RU: ru + ". Исследование.", EN: en + ". A study.", Orig: amur.EN},
		Team: []amur.TeamMember{
			{PersonID: w.ppl[cnLead].ID, Name: cnLead, OrgID: w.orgs[cnOrg].ID, Side: "CN", Role: amur.LeadRole},
			{PersonID: w.ppl[ruLead].ID, Name: ruLead, OrgID: w.orgs[ruOrg].ID, Side: "RU", Role: amur.LeadRole},
		},
		Budget: []amur.BudgetLine{{Side: "CN", Year: 2026, Amount: cn / 2}, {Side: "CN", Year: 2027, Amount: cn - cn/2},
			{Side: "RU", Year: 2026, Amount: rub / 2}, {Side: "RU", Year: 2027, Amount: rub - rub/2}},
		Months: 24, Fields: []string{"1.03"}, Keywords: []string{en},
	}
}

// draft creates p as the applicant and attaches its CV.
func (w *world) draft(p *amur.Proposal) {
	w.t.Helper()
	if err := w.svc.CreateProposal(applicant, p); err != nil {
		w.t.Fatal(err)
	}
	err := w.svc.Attach(applicant, p.ID, &amur.Attachment{Type: "cv", Name: "cv.pdf", Media: "application/pdf"}, []byte("%PDF-1.4 cv"))
	if err != nil {
		w.t.Fatal(err)
	}
}

// code asserts that err has the code want and returns its key.
func code(t *testing.T, err error, want string) string {
	t.Helper()
	if amur.ErrorCode(err) != want {
		t.Fatalf("error = %v, want code %s", err, want)
	}
	return amur.AsError(err).Key
}
