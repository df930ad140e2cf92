package testkit

import (
	"context"
	"testing"

	"amur"
)

// TestGolden checks the comparison against testdata/golden.txt.
func TestGolden(t *testing.T) {
	Golden(t, "golden.txt", []byte("Amur 阿穆尔 Амур\n"))
	ft := &fakeTB{TB: t}
	Golden(ft, "golden.txt", []byte("something else\n"))
	if !ft.failed {
		t.Error("Golden accepted output that differs from the file")
	}
}

// fakeTB records failures instead of failing the test.
type fakeTB struct {
	testing.TB
	failed bool
}

func (f *fakeTB) Errorf(string, ...any) { f.failed = true }
func (f *fakeTB) Fatalf(string, ...any) { f.failed = true }
func (f *fakeTB) Helper()               {}

// TestFixturesAreValid checks that every fixture passes amur.Prepare and
// that a fresh store accepts them.
func TestFixturesAreValid(t *testing.T) {
	ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		p := Program("fixture")
		f := Field("1.1", "Mathematics")
		top := Field("1", "Natural sciences")
		o := Org("Уральский федеральный университет", "RU")
		pe := Person("Li", "Na", "CN")
		for _, err := range []error{s.CreateProgram(ctx, p), s.CreateField(ctx, top), s.CreateField(ctx, f),
			s.CreateOrganization(ctx, o), s.CreatePerson(ctx, pe)} {
			if err != nil {
				t.Fatal(err)
			}
		}
		a := Activity("Seminar", amur.Forum, "2020-08-26T15:00", []string{"1.1"},
			OrgPart(o.ID, "RU", amur.Organiser), PersonPart(pe.ID, "CN", amur.Speaker))
		a.ProgramID = p.ID
		if err := s.CreateActivity(ctx, a); err != nil {
			t.Fatal(err)
		}
		if f.Parent != "1" {
			t.Errorf("Field(1.1).Parent = %q, want 1", f.Parent)
		}
		got, err := s.Activity(ctx, a.ID)
		if err != nil || len(got.Participants) != 2 {
			t.Fatalf("activity read back: %v, %v", got, err)
		}
	})
}
