package sqlstore_test

import (
	"context"
	"encoding/json"
	"testing"

	"amur"
	"amur/internal/testkit"
)

// TestStoredFormGolden pins the JSON form a stored activity reads back in,
// which exports and the API repeat; run with -update to accept a change.
func TestStoredFormGolden(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		must(t, s.CreateField(ctx, testkit.Field("1", "Natural sciences")))
		o := testkit.Org("哈尔滨工业大学", "CN")
		o.ID = "01900000-0000-7000-8000-000000000001"
		o.CreatedAt = mustTime(t, "2020-08-26T12:00:00.123456Z")
		must(t, s.CreateOrganization(ctx, o))
		a := testkit.Activity("  Forum on Arctic research  ", amur.Forum, "2020-08-26T15:00", []string{"1"},
			testkit.OrgPart(o.ID, "cn", amur.Organiser))
		a.Title.RU = "Форум по арктическим исследованиям — ёмкость"
		a.Title.Machine = []amur.Lang{amur.RU}
		a.ID = "01900000-0000-7000-8000-000000000002"
		a.CreatedAt = mustTime(t, "2020-08-27T09:30:00Z")
		a.Provenance = amur.Provenance{EnteredBy: "import", Source: "activities.csv", Line: 7}
		must(t, s.CreateActivity(ctx, a))
		got, err := s.Activity(ctx, a.ID)
		must(t, err)
		b, err := json.MarshalIndent(got, "", "  ")
		must(t, err)
		testkit.Golden(t, "activity.json", append(b, '\n'))
	})
}
