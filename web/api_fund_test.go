package web

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/csv"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"amur"
	"amur/auth"
	"amur/fund"
	"amur/internal/testkit"
)

// TestFundSchemasMatchTypes checks that each fund schema documents exactly
// the JSON members of its Go type.
func TestFundSchemasMatchTypes(t *testing.T) {
	doc := loadOpenAPI(t)
	types := map[string]any{
		"FundCall": amur.FundCall{}, "CallSide": amur.CallSide{}, "AttachmentRule": amur.AttachmentRule{},
		"Criterion": amur.Criterion{}, "FieldQuota": amur.FieldQuota{}, "HostOffer": amur.HostOffer{},
		"Proposal": amur.Proposal{}, "TeamMember": amur.TeamMember{}, "BudgetLine": amur.BudgetLine{},
		"FundAttachment": amur.Attachment{}, "AttachRequest": attachBody{}, "Verdict": amur.Verdict{},
		"Award": amur.Award{}, "Reviewer": amur.Reviewer{}, "Assignment": amur.Assignment{}, "FundPair": fund.Pair{},
		"AssignRequest": assignBody{}, "AssignResult": fund.AssignResult{}, "Review": amur.Review{},
		"Ranked": fund.Ranked{}, "RecommendRequest": fund.RecommendRequest{}, "Selection": fund.Selection{},
		"WhatIf": fund.WhatIf{}, "BidRequest": bidBody{}, "FundCallView": callView{}, "ProposalList": fundItems[*amur.Proposal]{},
	}
	for name, v := range types {
		schema, ok := doc.Components.Schemas[name]
		if !ok {
			t.Errorf("no schema %s", name)
			continue
		}
		want := slices.Sorted(maps.Keys(membersOf(reflect.TypeOf(v))))
		if got := slices.Sorted(maps.Keys(schema.Properties)); !slices.Equal(got, want) {
			t.Errorf("schema %s has %v, the type has %v", name, got, want)
		}
	}
}

// fundWorld is a server with a fund over a fresh store and one API token
// per role: the CN and RU offices, two applicants and the public.
type fundWorld struct {
	db     amur.Store
	srv    *Server
	tokens map[string]string
	now    time.Time
	orgs   []*amur.Organization
	users  []*amur.User
}

// newFundWorld builds the world with the clock in the call's open period.
func newFundWorld(t *testing.T) *fundWorld {
	t.Helper()
	db := testkit.MustOpenStore(t)
	w := &fundWorld{db: db, tokens: map[string]string{}, now: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
	svc := fund.New(db, db, fund.Options{Now: func() time.Time { return w.now }})
	au := auth.New(db, auth.Options{Params: cheapParams})
	w.srv = New(Config{Store: db, Auth: au, Fund: svc})
	ctx := auth.System(context.Background())
	for _, u := range []*amur.User{
		{Email: "cn@example.org", Role: amur.RoleOffice, Side: "CN"},
		{Email: "ru@example.org", Role: amur.RoleOffice, Side: "RU"},
		{Email: "a1@example.org", Role: amur.RoleApplicant},
		{Email: "a2@example.org", Role: amur.RoleApplicant},
		{Email: "r1@example.org", Role: amur.RoleReviewer},
		{Email: "r2@example.org", Role: amur.RoleReviewer},
	} {
		if err := au.AddUser(ctx, u, testPassword); err != nil {
			t.Fatal(err)
		}
		secret, _, err := au.CreateToken(ctx, u.ID, "tests", time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		w.tokens[strings.Split(u.Email, "@")[0]] = "Bearer " + secret
		w.users = append(w.users, u)
	}
	for _, o := range []*amur.Organization{testkit.Org("北京大学", "CN"), testkit.Org("МГУ", "RU")} {
		if err := db.CreateOrganization(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		w.orgs = append(w.orgs, o)
	}
	return w
}

// as sends a request as the named role ("" for the public).
func (w *fundWorld) as(t *testing.T, who, method, path, body string, headers ...string) response {
	t.Helper()
	if who != "" {
		headers = append(headers, "Authorization", w.tokens[who])
	}
	return do(t, w.srv, method, path, body, headers...)
}

const fundCallJSON = `{"kind":"joint_research","title":{"en":"Joint call"},"opens":"2026-01-10","deadline":"2026-03-01T18:00",
"sides":[{"side":"CN","budget":3000000,"grant_max":1500000,"reviewers":1},{"side":"RU","budget":40000000,"grant_max":20000000,"reviewers":1}],
"min_team":2,"max_team":5,"min_months":12,"max_months":36,
"attachments":[{"type":"cv","required":true,"max_bytes":64,"media":["application/pdf"]}],
"criteria":[{"key":"merit","weight":1}]}`

// TestFundAPI runs the applicant's side of a call through HTTP: roles,
// a draft, an attachment, refusals with translated coded errors, the
// submission and the privacy of proposals.
func TestFundAPI(t *testing.T) {
	w := newFundWorld(t)
	w.as(t, "", "POST", "/api/v1/fund/calls", fundCallJSON).want(t, http.StatusUnauthorized)
	w.as(t, "a1", "POST", "/api/v1/fund/calls", fundCallJSON).want(t, http.StatusForbidden)
	var c amur.FundCall
	w.as(t, "cn", "POST", "/api/v1/fund/calls", fundCallJSON).want(t, http.StatusCreated).decode(t, &c)
	c.MaxTeam = 6
	stale := c
	w.as(t, "ru", "PUT", "/api/v1/fund/calls/"+c.ID, mustJSON(t, &c)).want(t, http.StatusOK).decode(t, &c)
	w.as(t, "ru", "PUT", "/api/v1/fund/calls/"+c.ID, mustJSON(t, &stale)).want(t, http.StatusPreconditionFailed)
	var rv amur.Reviewer
	w.as(t, "ru", "POST", "/api/v1/fund/reviewers", `{"side":"RU","name":"Орлов","expertise":{"ru":"оптика"},"load":3}`).want(t, http.StatusCreated).decode(t, &rv)
	rv.Load = 5
	w.as(t, "cn", "PUT", "/api/v1/fund/reviewers/"+rv.ID, mustJSON(t, &rv)).want(t, http.StatusForbidden)
	w.as(t, "ru", "PUT", "/api/v1/fund/reviewers/"+rv.ID, mustJSON(t, &rv)).want(t, http.StatusOK).decode(t, &rv)
	if rv.Load != 5 || rv.Version != 2 || c.MaxTeam != 6 || c.Version != 2 {
		t.Errorf("updates: reviewer %+v, call version %d", rv, c.Version)
	}
	var calls fundItems[callView]
	w.as(t, "", "GET", "/api/v1/fund/calls", "").want(t, http.StatusOK).decode(t, &calls)
	if len(calls.Items) != 1 || calls.Items[0].ID != c.ID || calls.Items[0].DeadlineBeijing != "2026-03-01T18:00:00+08:00" ||
		calls.Items[0].DeadlineMoscow != "2026-03-01T13:00:00+03:00" {
		t.Fatalf("calls = %+v", calls)
	}
	prop := func(cn int64) string {
		return `{"call_id":"` + c.ID + `","title":{"en":"Quantum sensing"},"months":24,"team":[` +
			`{"name":"Wang Li","org_id":"` + w.orgs[0].ID + `","side":"CN","role":"lead"},` +
			`{"name":"Иванов","org_id":"` + w.orgs[1].ID + `","side":"RU","role":"lead"}],` +
			`"budget":[{"side":"CN","year":2026,"amount":` + itoa64(cn) + `},{"side":"RU","year":2026,"amount":1000000}]}`
	}
	var p amur.Proposal
	w.as(t, "a1", "POST", "/api/v1/fund/proposals", prop(2_000_000)).want(t, http.StatusCreated).decode(t, &p)
	w.as(t, "a2", "GET", "/api/v1/fund/proposals/"+p.ID, "").want(t, http.StatusNotFound)
	w.as(t, "ru", "GET", "/api/v1/fund/reviewers?side=CN", "").want(t, http.StatusForbidden)
	big := base64.StdEncoding.EncodeToString(make([]byte, 65))
	w.as(t, "a1", "POST", "/api/v1/fund/proposals/"+p.ID+"/attachments",
		`{"type":"cv","name":"cv.pdf","media":"application/pdf","data":"`+big+`"}`).want(t, http.StatusRequestEntityTooLarge)
	e := w.as(t, "a1", "POST", "/api/v1/fund/proposals/"+p.ID+"/submit", "", "Accept-Language", "ru").want(t, http.StatusBadRequest).apiError(t)
	if e.Key != "fund.err.budget_over" || e.Field != "budget" || !strings.Contains(e.Message, "1\u202f500\u202f000 CNY") {
		t.Errorf("over budget: %+v", e)
	}
	var a amur.Attachment
	w.as(t, "a1", "POST", "/api/v1/fund/proposals/"+p.ID+"/attachments",
		`{"type":"cv","name":"cv.pdf","media":"application/pdf","data":"`+base64.StdEncoding.EncodeToString([]byte("%PDF"))+`"}`).want(t, http.StatusCreated).decode(t, &a)
	got := w.as(t, "a1", "GET", "/api/v1/fund/proposals/"+p.ID+"/attachments/"+a.ID, "").want(t, http.StatusOK)
	if string(got.Body) != "%PDF" || got.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("attachment = %q (%s)", got.Body, got.Header.Get("Content-Type"))
	}
	w.as(t, "a1", "GET", "/api/v1/fund/proposals/"+p.ID, "").want(t, http.StatusOK).decode(t, &p)
	fixed := strings.Replace(prop(1_000_000), `{"call_id"`, `{"version":`+itoa64(int64(p.Version))+`,"call_id"`, 1)
	w.as(t, "a1", "PUT", "/api/v1/fund/proposals/"+p.ID, fixed).want(t, http.StatusOK)
	w.now = time.Date(2026, 3, 1, 10, 0, 1, 0, time.UTC)
	e = w.as(t, "a1", "POST", "/api/v1/fund/proposals/"+p.ID+"/submit", "", "Accept-Language", "zh").want(t, http.StatusConflict).apiError(t)
	if e.Key != "fund.err.deadline" || !strings.Contains(e.Message, "2026-03-01 18:00:00 CST") || !strings.Contains(e.Message, "13:00:00 MSK") {
		t.Errorf("late: %+v", e)
	}
	w.now = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	w.as(t, "a1", "POST", "/api/v1/fund/proposals/"+p.ID+"/submit", "").want(t, http.StatusOK).decode(t, &p)
	if p.Status != amur.Submitted {
		t.Errorf("status = %s", p.Status)
	}
	var snap amur.Proposal
	w.as(t, "cn", "GET", "/api/v1/fund/proposals/"+p.ID+"/snapshot", "").want(t, http.StatusOK).decode(t, &snap)
	w.as(t, "a2", "GET", "/api/v1/fund/proposals/"+p.ID+"/snapshot", "").want(t, http.StatusNotFound)
	if snap.ID != p.ID || snap.Status != amur.Submitted || len(snap.Attachments) != 1 {
		t.Errorf("snapshot = %+v", snap)
	}
	var mine fundItems[amur.Proposal]
	w.as(t, "a2", "GET", "/api/v1/fund/calls/"+c.ID+"/proposals", "").want(t, http.StatusOK).decode(t, &mine)
	if len(mine.Items) != 0 {
		t.Errorf("another applicant sees %d proposals", len(mine.Items))
	}
	var moved fundItems[amur.Proposal]
	w.as(t, "ru", "POST", "/api/v1/fund/calls/"+c.ID+"/eligibility", "").want(t, http.StatusOK).decode(t, &moved)
	if len(moved.Items) != 1 || moved.Items[0].Status != amur.Eligible {
		t.Errorf("eligibility = %+v", moved.Items)
	}
	w.as(t, "a1", "GET", "/api/v1/fund/calls/"+c.ID+"/export", "").want(t, http.StatusForbidden)
	res := w.as(t, "cn", "GET", "/api/v1/fund/calls/"+c.ID+"/export?part=letters", "", "Accept-Language", "ru").want(t, http.StatusOK)
	rows, err := csv.NewReader(strings.NewReader(string(res.Body))).ReadAll()
	if err != nil || len(rows) != 1 || rows[0][3] != "Письмо" {
		t.Errorf("letters = %q, %v", rows, err)
	}
}

// itoa64 formats n for JSON bodies.
func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// TestFundAPIReview runs the offices' and reviewers' side of a call
// through HTTP: each side's reviewers and assignment, the reviews, each
// side's recommendation, the selection with its what-if, the decision and
// the XLSX export.
func TestFundAPIReview(t *testing.T) {
	w := newFundWorld(t)
	var c amur.FundCall
	w.as(t, "cn", "POST", "/api/v1/fund/calls", fundCallJSON).want(t, http.StatusCreated).decode(t, &c)
	var ids []string
	for i, title := range []string{"Quantum sensing", "Permafrost"} {
		var p amur.Proposal
		body := `{"call_id":"` + c.ID + `","title":{"en":"` + title + `"},"months":24,"team":[` +
			`{"name":"Lead ` + title + `","org_id":"` + w.orgs[0].ID + `","side":"CN","role":"lead"},` +
			`{"name":"Руководитель ` + strconv.Itoa(i) + `","org_id":"` + w.orgs[1].ID + `","side":"RU","role":"lead"}],` +
			`"budget":[{"side":"CN","year":2026,"amount":1500000},{"side":"RU","year":2026,"amount":1000000}]}`
		w.as(t, "a1", "POST", "/api/v1/fund/proposals", body).want(t, http.StatusCreated).decode(t, &p)
		w.as(t, "a1", "POST", "/api/v1/fund/proposals/"+p.ID+"/attachments",
			`{"type":"cv","name":"cv.pdf","media":"application/pdf","data":"JVBERg=="}`).want(t, http.StatusCreated)
		w.as(t, "a1", "POST", "/api/v1/fund/proposals/"+p.ID+"/submit", "").want(t, http.StatusOK)
		ids = append(ids, p.ID)
	}
	w.as(t, "cn", "POST", "/api/v1/fund/calls/"+c.ID+"/eligibility", "").want(t, http.StatusOK)
	w.as(t, "a1", "POST", "/api/v1/fund/proposals/"+ids[0]+"/conflict", "").want(t, http.StatusForbidden)
	for i, side := range []string{"CN", "RU"} {
		office := strings.ToLower(side)
		w.as(t, office, "POST", "/api/v1/fund/reviewers", `{"side":"`+side+`","name":"R`+side+`","user_id":"`+w.users[4+i].ID+
			`","expertise":{"en":"quantum sensing, permafrost"},"load":2}`).want(t, http.StatusCreated)
		w.as(t, "ru", "POST", "/api/v1/fund/calls/"+c.ID+"/assignments", `{"side":"CN"}`).want(t, http.StatusForbidden)
		var res fund.AssignResult
		w.as(t, office, "POST", "/api/v1/fund/calls/"+c.ID+"/assignments", `{"side":"`+side+`"}`).want(t, http.StatusOK).decode(t, &res)
		if len(res.Assignments) != 2 {
			t.Fatalf("%s assignment = %+v", side, res)
		}
		reviewer := "r" + strconv.Itoa(i+1)
		var seen fundItems[amur.Proposal]
		w.as(t, reviewer, "GET", "/api/v1/fund/calls/"+c.ID+"/proposals", "").want(t, http.StatusOK).decode(t, &seen)
		if len(seen.Items) != 2 {
			t.Errorf("%s sees %d proposals", reviewer, len(seen.Items))
		}
		for j, id := range ids {
			w.as(t, reviewer, "POST", "/api/v1/fund/reviews", `{"proposal_id":"`+id+`","scores":{"merit":`+strconv.Itoa(9-j)+
				`},"comment":{"ru":"Хорошо"}}`).want(t, http.StatusOK)
		}
		w.as(t, "a1", "GET", "/api/v1/fund/calls/"+c.ID+"/reviews?side="+side, "").want(t, http.StatusForbidden)
		var rank fundItems[fund.Ranked]
		w.as(t, office, "GET", "/api/v1/fund/calls/"+c.ID+"/ranking?side="+side, "").want(t, http.StatusOK).decode(t, &rank)
		if len(rank.Items) != 2 || rank.Items[0].ProposalID != ids[0] || rank.Items[0].Score != 9 {
			t.Errorf("%s ranking = %+v", side, rank.Items)
		}
		w.as(t, office, "POST", "/api/v1/fund/calls/"+c.ID+"/recommendations", `{"side":"`+side+`","top":2}`).want(t, http.StatusOK)
	}
	var what fund.WhatIf
	w.as(t, "ru", "GET", "/api/v1/fund/calls/"+c.ID+"/selection?budget_cn=3000000&budget_ru=40000000", "").want(t, http.StatusOK).decode(t, &what)
	if len(what.Before.Funded) != 2 || len(what.After.Funded) != 2 || len(what.Added) != 0 {
		t.Errorf("what-if = %+v", what)
	}
	w.as(t, "ru", "GET", "/api/v1/fund/calls/"+c.ID+"/selection?budget_cn=2000000", "").want(t, http.StatusOK).decode(t, &what)
	if !slices.Equal(what.Removed, []string{ids[1]}) || len(what.After.Funded) != 1 {
		t.Errorf("what-if at a smaller CN budget = %+v", what)
	}
	w.as(t, "a1", "POST", "/api/v1/fund/calls/"+c.ID+"/decision", "").want(t, http.StatusForbidden)
	w.as(t, "cn", "POST", "/api/v1/fund/calls/"+c.ID+"/decision", "").want(t, http.StatusOK)
	res := w.as(t, "ru", "GET", "/api/v1/fund/calls/"+c.ID+"/export?format=xlsx", "", "Accept-Language", "zh").want(t, http.StatusOK)
	f, err := excelize.OpenReader(bytes.NewReader(res.Body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(fund.SheetList)
	if err != nil || len(rows) != 3 || rows[0][0] != "排名" || rows[1][8] != "资助" || rows[2][8] != "资助" {
		t.Errorf("xlsx = %q, %v", rows, err)
	}
}
