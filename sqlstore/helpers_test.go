package sqlstore_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"amur"
	"amur/internal/testkit"
)

// world is a small registry the tests build on.
type world struct {
	program             *amur.Program
	msu, pku, jinr      *amur.Organization
	ivanov, zhang       *amur.Person
	fields              []*amur.Field
	forum, research     *amur.Activity
	exhibition, webinar *amur.Activity
}

// seed stores a world: fields 1, 1.1, 1.1.quantum, 2, 2.3; three
// organisations; two people; four activities.
func seed(t *testing.T, s amur.Store) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{program: testkit.Program("crystin")}
	must(t, s.CreateProgram(ctx, w.program))
	for _, c := range [][2]string{{"1", "Natural sciences"}, {"1.1", "Mathematics"}, {"1.1.quantum", "Quantum computing"},
		{"2", "Engineering"}, {"2.3", "Mechanical engineering"}} {
		f := testkit.Field(c[0], c[1])
		must(t, s.CreateField(ctx, f))
		w.fields = append(w.fields, f)
	}
	w.msu = testkit.Org("Московский государственный университет имени М. В. Ломоносова", "RU")
	w.msu.ROR = "010pmpe69"
	w.msu.Acronyms = []string{"МГУ", "MSU"}
	w.pku = testkit.Org("北京大学", "CN")
	w.pku.ROR = "02v51f717"
	w.pku.Name.EN = "Peking University"
	w.jinr = testkit.Org("Объединённый институт ядерных исследований", "RU")
	w.jinr.Kind = amur.Institute
	for _, o := range []*amur.Organization{w.msu, w.pku, w.jinr} {
		must(t, s.CreateOrganization(ctx, o))
	}
	w.ivanov = testkit.Person("Ivanov", "Ivan", "RU")
	w.ivanov.Native = amur.PersonName{Family: "Иванов", Given: "Иван", Patronymic: "Фёдорович"}
	w.ivanov.ORCID = "0000-0002-1825-0097"
	w.ivanov.Affiliations = []amur.Affiliation{{OrgID: w.msu.ID}}
	w.zhang = testkit.Person("Zhang", "Pingwen", "CN")
	w.zhang.Native = amur.PersonName{Family: "张", Given: "平文"}
	w.zhang.Affiliations = []amur.Affiliation{{OrgID: w.pku.ID}}
	must(t, s.CreatePerson(ctx, w.ivanov))
	must(t, s.CreatePerson(ctx, w.zhang))

	w.forum = testkit.Activity("Forum on mathematics", amur.Forum, "2020-08-26T15:00", []string{"1.1"},
		testkit.OrgPart(w.msu.ID, "RU", amur.Organiser), testkit.OrgPart(w.pku.ID, "CN", amur.CoOrganiser))
	w.research = testkit.Activity("Quantum research", amur.JointResearch, "2020-10-01", []string{"1.1.quantum", "2.3"},
		testkit.OrgPart(w.jinr.ID, "RU", amur.Lead), testkit.PersonPart(w.zhang.ID, "CN", amur.Member))
	w.research.Status = amur.InProgress
	w.exhibition = testkit.Activity("Engineering exhibition", amur.Exhibition, "2021-03-15", []string{"2"},
		testkit.OrgPart(w.pku.ID, "CN", amur.Organiser))
	w.exhibition.Sides = []string{"CN", "RU", "BY"}
	w.webinar = testkit.Activity("Online seminar", amur.Forum, "2021-03", []string{"2.3"},
		testkit.PersonPart(w.ivanov.ID, "RU", amur.Speaker))
	w.webinar.Status = amur.Held
	for _, a := range []*amur.Activity{w.forum, w.research, w.exhibition, w.webinar} {
		a.ProgramID = w.program.ID
		must(t, s.CreateActivity(ctx, a))
	}
	return w
}

// must fails the test on err.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// wantError checks that err is an *amur.Error with code, key and field.
func wantError(t *testing.T, err error, code, key, field string) *amur.Error {
	t.Helper()
	var e *amur.Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v, want an *amur.Error %s/%s", err, code, key)
	}
	if e.Code != code || e.Key != key || e.Field != field {
		t.Fatalf("error = %v, want code %q key %q field %q", err, code, key, field)
	}
	return e
}

// ids returns the ids of activities.
func ids(list []*amur.Activity) []string {
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = a.ID
	}
	return out
}

// mustTime parses an RFC 3339 time.
func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	must(t, err)
	return v
}
