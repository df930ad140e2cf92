package sqlstore_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"amur"
	"amur/sqlstore"
)

// TestActivityPlans checks SQLite's plan of the activity list for each
// combination of filters: none may read the whole activities table ("SCAN
// x" without an index), and those that a start-ordered index can answer
// may not sort all matches. AMUR_PLAN_DB names a large database (such as
// the list benchmark's) to check the plans under its statistics instead of
// a fresh empty one.
func TestActivityPlans(t *testing.T) {
	ctx := context.Background()
	dsn := os.Getenv("AMUR_PLAN_DB")
	if dsn == "" {
		dsn = ":memory:"
	}
	s, err := sqlstore.Open(ctx, dsn)
	must(t, err)
	defer s.Close()
	must(t, s.Migrate(ctx))
	yes := true
	from := time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 3, 0)
	forum := []amur.ActivityType{amur.Forum}
	const anID = "0190a0a0-0000-7000-8000-000000000001"
	tests := []struct {
		name string
		f    amur.ActivityFilter
		// sorts says that the plan may sort the matches: a filter by
		// organisation or person finds its few activities by key.
		sorts bool
	}{
		{name: "none", f: amur.ActivityFilter{}},
		{name: "type", f: amur.ActivityFilter{Types: forum}},
		{name: "two types", f: amur.ActivityFilter{Types: []amur.ActivityType{amur.Forum, amur.Training}}},
		{name: "field", f: amur.ActivityFilter{Fields: []string{"3.1"}}},
		{name: "side", f: amur.ActivityFilter{Sides: []string{"CN"}}},
		{name: "status", f: amur.ActivityFilter{Statuses: []amur.ActivityStatus{amur.Held}}},
		{name: "range", f: amur.ActivityFilter{From: from, To: to}},
		{name: "type field range", f: amur.ActivityFilter{Types: forum, Fields: []string{"1"}, From: from, To: to}},
		{name: "type field side range offset", f: amur.ActivityFilter{Types: forum, Fields: []string{"1"}, Sides: []string{"RU"},
			From: from, To: to, Page: amur.Page{Offset: 1000}}},
		{name: "field side descending", f: amur.ActivityFilter{Fields: []string{"2"}, Sides: []string{"RU"}, Page: amur.Page{Sort: "-start"}}},
		{name: "program", f: amur.ActivityFilter{ProgramID: anID, Types: forum}},
		{name: "synthetic", f: amur.ActivityFilter{Synthetic: &yes}},
		{name: "all drafts", f: amur.ActivityFilter{Drafts: amur.AllDrafts, Types: forum}},
		{name: "org drafts", f: amur.ActivityFilter{Drafts: amur.OrgDrafts, DraftOrg: anID, Fields: []string{"1"}}},
		{name: "drafts only", f: amur.ActivityFilter{Drafts: amur.AllDrafts, Draft: &yes}},
		{name: "org", f: amur.ActivityFilter{OrgID: anID}, sorts: true},
		{name: "person", f: amur.ActivityFilter{PersonID: anID}, sorts: true},
	}
	for _, tt := range tests {
		plan, err := sqlstore.ActivityPlan(ctx, s, tt.f)
		must(t, err)
		text := strings.Join(plan, "\n")
		t.Logf("%s:\n%s", tt.name, text)
		for _, step := range plan {
			if step == "SCAN x" || strings.HasPrefix(step, "SCAN x ") && !strings.Contains(step, "INDEX") {
				t.Errorf("%s: the plan reads the whole table:\n%s", tt.name, text)
			}
			if !tt.sorts && strings.Contains(step, "TEMP B-TREE FOR ORDER BY") {
				t.Errorf("%s: the plan sorts every match:\n%s", tt.name, text)
			}
		}
	}
}
