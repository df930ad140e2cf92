package registry

import (
	"strings"
	"testing"

	"amur"
)

// The organisations of the policy fixtures.
const (
	orgCN    = "01900000-0000-7000-8000-000000000001"
	orgRU    = "01900000-0000-7000-8000-000000000002"
	orgCoord = "01900000-0000-7000-8000-000000000003"
	orgOther = "01900000-0000-7000-8000-000000000004"
)

// principals are the roles every policy table covers, in this order.
var principals = []struct {
	name string
	p    *amur.Principal
}{
	{"anonymous", nil},
	{"admin", &amur.Principal{UserID: "a", Role: amur.RoleAdmin}},
	{"office CN", &amur.Principal{UserID: "c", Role: amur.RoleOffice, Side: "CN"}},
	{"office RU", &amur.Principal{UserID: "r", Role: amur.RoleOffice, Side: "RU"}},
	{"coordinator", &amur.Principal{UserID: "o", Role: amur.RoleCoordinator, OrgID: orgCoord}},
	{"applicant", &amur.Principal{UserID: "p", Role: amur.RoleApplicant}},
	{"reviewer", &amur.Principal{UserID: "v", Role: amur.RoleReviewer}},
}

// activity returns an activity of sides with organisations taking part.
func activity(draft bool, sides []string, orgs ...string) *amur.Activity {
	a := &amur.Activity{Meta: amur.Meta{ID: amur.NewID()}, Sides: sides, Draft: draft, Status: amur.Planned}
	for _, o := range orgs {
		a.Participants = append(a.Participants, amur.Participant{OrgID: o, Side: sides[0], Role: amur.Partner})
	}
	return a
}

// org returns an organisation of country with id.
func org(id, country string) *amur.Organization {
	return &amur.Organization{Meta: amur.Meta{ID: id}, Country: country}
}

// outcome names the result of a decision as the table writes it.
func outcome(err error) string {
	switch amur.ErrorCode(err) {
	case "":
		return "ok"
	case amur.ENotFound:
		return "404"
	case amur.EUnauthorized:
		return "401"
	case amur.EForbidden:
		return "403"
	}
	return err.Error()
}

// TestDecide is the policy as a table: for each action on each record, the
// outcome for anonymous, admin, office CN, office RU, coordinator,
// applicant and reviewer.
func TestDecide(t *testing.T) {
	joint := activity(false, []string{"CN", "RU"}, orgCN, orgRU)
	jointWithCoord := activity(false, []string{"CN", "RU"}, orgCoord)
	ruOnly := activity(false, []string{"RU"}, orgRU)
	coordDraft := activity(true, []string{"RU"}, orgCoord)
	otherDraft := activity(true, []string{"CN"}, orgOther)
	tests := []struct {
		act  Action
		name string
		r    amur.Record
		want string
	}{
		{Read, "published joint activity", joint, "ok ok ok ok ok ok ok"},
		{Read, "coordinator's draft", coordDraft, "404 ok ok ok ok 404 404"},
		{Read, "another organisation's draft", otherDraft, "404 ok ok ok 404 404 404"},
		{Read, "organisation", org(orgCN, "CN"), "ok ok ok ok ok ok ok"},
		{Read, "program", &amur.Program{}, "ok ok ok ok ok ok ok"},

		{Create, "published joint activity", joint, "401 ok ok ok 403 403 403"},
		{Create, "RU-only activity", ruOnly, "401 ok 403 ok 403 403 403"},
		{Create, "coordinator's draft", coordDraft, "401 ok 403 ok ok 403 403"},
		{Create, "another organisation's draft", otherDraft, "401 ok ok 403 403 403 403"},
		{Update, "published joint activity", joint, "401 ok ok ok 403 403 403"},
		{Update, "published activity of the coordinator", jointWithCoord, "401 ok ok ok 403 403 403"},
		{Update, "RU-only activity", ruOnly, "401 ok 403 ok 403 403 403"},
		{Update, "coordinator's draft", coordDraft, "401 ok 403 ok ok 403 403"},
		{Update, "another organisation's draft", otherDraft, "401 ok ok 403 403 403 403"},
		{Delete, "coordinator's draft", coordDraft, "401 ok 403 ok ok 403 403"},
		{Delete, "RU-only activity", ruOnly, "401 ok 403 ok 403 403 403"},
		{Publish, "coordinator's draft", coordDraft, "401 ok 403 ok 403 403 403"},
		{Publish, "another organisation's draft", otherDraft, "401 ok ok 403 403 403 403"},
		{Approve, "coordinator's draft", coordDraft, "401 ok 403 ok 403 403 403"},
		{Approve, "published joint activity", joint, "401 ok ok ok 403 403 403"},

		{Create, "CN organisation", org(orgCN, "CN"), "401 ok ok 403 403 403 403"},
		{Update, "RU organisation", org(orgRU, "RU"), "401 ok 403 ok 403 403 403"},
		{Update, "coordinator's organisation", org(orgCoord, "RU"), "401 ok 403 ok ok 403 403"},
		{Create, "coordinator's organisation", org(orgCoord, "RU"), "401 ok 403 ok 403 403 403"},
		{Delete, "coordinator's organisation", org(orgCoord, "RU"), "401 ok 403 ok 403 403 403"},
		{Update, "another organisation", org(orgOther, "CN"), "401 ok ok 403 403 403 403"},
		{Create, "CN person", &amur.Person{Country: "CN"}, "401 ok ok 403 403 403 403"},
		{Delete, "RU person", &amur.Person{Country: "RU"}, "401 ok 403 ok 403 403 403"},
		{Create, "flagship", &amur.Flagship{}, "401 ok ok ok 403 403 403"},
		{Update, "timeline entry", &amur.TimelineEntry{}, "401 ok ok ok 403 403 403"},
		{Create, "program", &amur.Program{}, "401 ok 403 403 403 403 403"},
		{Delete, "field", &amur.Field{}, "401 ok 403 403 403 403 403"},
	}
	for _, tt := range tests {
		want := strings.Fields(tt.want)
		if len(want) != len(principals) {
			t.Fatalf("%s %s: %d outcomes for %d principals", tt.act, tt.name, len(want), len(principals))
		}
		for i, pr := range principals {
			if got := outcome(Decide(pr.p, tt.act, tt.r)); got != want[i] {
				t.Errorf("%s may %s the %s: %s, want %s", pr.name, tt.act, tt.name, got, want[i])
			}
		}
	}
}

// TestDecideKeys checks that refusals name their rule, so a user reads why.
func TestDecideKeys(t *testing.T) {
	office, coord := principals[2].p, principals[4].p
	for _, c := range []struct {
		p    *amur.Principal
		act  Action
		r    amur.Record
		want string
	}{
		{office, Update, activity(false, []string{"RU"}), "err.forbidden_side"},
		{office, Create, &amur.Program{}, "err.forbidden_admin"},
		{coord, Publish, activity(true, []string{"RU"}, orgCoord), "err.forbidden_publish"},
		{coord, Approve, activity(true, []string{"RU"}, orgCoord), "err.forbidden_approve"},
		{coord, Update, activity(false, []string{"RU"}, orgCoord), "err.forbidden_draft"},
		{principals[5].p, Update, &amur.TimelineEntry{}, "err.forbidden"},
		{nil, Delete, &amur.Field{}, "err.unauthorized"},
	} {
		if e := amur.AsError(Decide(c.p, c.act, c.r)); e.Key != c.want {
			t.Errorf("%v %s %T: key %q, want %q", c.p, c.act, c.r, e.Key, c.want)
		}
	}
}

// TestDecideUpdateSteps checks the steps an update makes: publishing and
// approving are decided apart from the change itself, and an office may
// move an activity neither into nor out of its reach.
func TestDecideUpdateSteps(t *testing.T) {
	office, coord := principals[2].p, principals[4].p
	draft := activity(true, []string{"RU"}, orgCoord)
	edited := *draft
	edited.Location = amur.T("en", "Moscow")
	published := *draft
	published.Draft = false
	approved := *draft
	approved.Status = amur.Approved
	dropped := *draft
	dropped.Participants = nil
	jointCN := activity(false, []string{"CN", "RU"})
	onlyRU := *jointCN
	onlyRU.Sides = []string{"RU"}
	ruToJoint := activity(false, []string{"RU"})
	madeJoint := *ruToJoint
	madeJoint.Sides = []string{"CN", "RU"}
	for _, c := range []struct {
		name          string
		p             *amur.Principal
		before, after *amur.Activity
		want          string
	}{
		{"coordinator edits its draft", coord, draft, &edited, "ok"},
		{"coordinator publishes its draft", coord, draft, &published, "403"},
		{"coordinator approves its draft", coord, draft, &approved, "403"},
		{"coordinator drops its organisation", coord, draft, &dropped, "403"},
		{"office CN moves a joint activity to RU only", office, jointCN, &onlyRU, "403"},
		{"office CN adds itself to a RU-only activity", office, ruToJoint, &madeJoint, "403"},
		{"office RU publishes a RU draft", principals[3].p, draft, &published, "ok"},
	} {
		if got := outcome(decideUpdate(c.p, c.before, c.after)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// TestDecideCreateMakesDrafts checks that a coordinator's new activity is
// a draft and that the policy sees the sides of its participants.
func TestDecideCreateMakesDrafts(t *testing.T) {
	coord, office := principals[4].p, principals[2].p
	a := activity(false, []string{"RU"}, orgCoord)
	if err := decideCreate(coord, a); err != nil || !a.Draft {
		t.Errorf("coordinator's create: %v, draft %v", err, a.Draft)
	}
	b := activity(false, []string{"RU"}, orgCoord)
	if err := decideCreate(principals[3].p, b); err != nil || b.Draft {
		t.Errorf("office's create: %v, draft %v", err, b.Draft)
	}
	c := activity(false, []string{"RU"})
	c.Participants = []amur.Participant{{OrgID: orgCN, Side: "CN", Role: amur.Partner}}
	if err := decideCreate(office, c); err != nil {
		t.Errorf("office CN creating an activity with a CN participant: %v", err)
	}
	d := activity(false, []string{"RU"}, orgCoord)
	d.Status = amur.Approved
	if got := outcome(decideCreate(coord, d)); got != "403" {
		t.Errorf("coordinator creating an approved activity: %s", got)
	}
}

func TestScopes(t *testing.T) {
	wantScope := []amur.Drafts{amur.NoDrafts, amur.AllDrafts, amur.AllDrafts, amur.AllDrafts, amur.OrgDrafts, amur.NoDrafts, amur.NoDrafts}
	wantContact := []bool{false, true, true, true, false, false, false}
	wantAudit := []bool{false, true, false, false, false, false, false}
	for i, pr := range principals {
		scope, org := DraftScope(pr.p)
		if scope != wantScope[i] || (scope == amur.OrgDrafts) != (org == orgCoord) {
			t.Errorf("%s: scope %v %q", pr.name, scope, org)
		}
		if SeesContact(pr.p) != wantContact[i] || SeesAudit(pr.p) != wantAudit[i] {
			t.Errorf("%s: contact %v, audit %v", pr.name, SeesContact(pr.p), SeesAudit(pr.p))
		}
	}
	if scope, _ := DraftScope(&amur.Principal{Role: amur.RoleCoordinator}); scope != amur.NoDrafts {
		t.Errorf("a coordinator without an organisation sees drafts: %v", scope)
	}
}
