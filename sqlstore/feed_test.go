package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"amur"
	"amur/internal/testkit"
)

// TestSearchFolding checks that name queries ignore case in every script
// and read ё as е, and that text in Chinese and Russian round-trips.
func TestSearchFolding(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := seed(t, s)
		tests := []struct {
			q    string
			want []string
		}{
			{"МОСКОВСКИЙ", []string{w.msu.ID}},
			{"мгу", []string{w.msu.ID}},
			{"объединенный", []string{w.jinr.ID}},
			{"ОБЪЕДИНЁННЫЙ", []string{w.jinr.ID}},
			{"北京", []string{w.pku.ID}},
			{"PEKING", []string{w.pku.ID}},
			{"100%", nil},
			{"_", nil},
		}
		for _, tt := range tests {
			l, err := s.Organizations(ctx, amur.OrganizationFilter{Q: tt.q})
			must(t, err)
			if got := orgIDs(l.Items); !cmp.Equal(tt.want, got, cmpEmpty) {
				t.Errorf("Q %q = %v, want %v", tt.q, got, tt.want)
			}
		}
		for _, q := range []string{"фЕдорович", "张平", "zhang pingwen", "ИВАН"} {
			l, err := s.People(ctx, amur.PersonFilter{Q: q})
			must(t, err)
			if len(l.Items) != 1 {
				t.Errorf("people Q %q: %d found, want 1", q, len(l.Items))
			}
		}
		got, err := s.Organization(ctx, w.jinr.ID)
		must(t, err)
		if got.Name.RU != "Объединённый институт ядерных исследований" {
			t.Errorf("Russian name = %q", got.Name.RU)
		}
		p, err := s.Person(ctx, w.zhang.ID)
		must(t, err)
		if p.Native.Full() != "张平文" || p.DisplayName(amur.ZH) != "张平文" {
			t.Errorf("Chinese name = %q", p.Native.Full())
		}
	})
}

// cmpEmpty treats nil and empty slices alike.
var cmpEmpty = cmp.Comparer(func(a, b []string) bool { return slices.Equal(a, b) })

// TestOutbox checks that every change writes one outbox row in order and
// that failed writes write none.
func TestOutbox(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		start, err := s.Changes(ctx, 0, 0)
		must(t, err)
		if len(start) != 0 {
			t.Fatalf("a fresh store has %d changes", len(start))
		}
		o := testkit.Org("Tomsk Polytechnic University", "RU")
		must(t, s.CreateOrganization(ctx, o))
		o.Website = "https://tpu.ru"
		must(t, s.UpdateOrganization(ctx, o))
		stale := *o
		stale.Version = 1
		if err := s.UpdateOrganization(ctx, &stale); amur.ErrorCode(err) != amur.EStale {
			t.Fatalf("stale update: %v", err)
		}
		must(t, s.DeleteOrganization(ctx, o.ID))
		must(t, s.CreateField(ctx, testkit.Field("1", "Natural sciences")))
		got, err := s.Changes(ctx, 0, 10)
		must(t, err)
		var ops []string
		for i, c := range got {
			ops = append(ops, fmt.Sprintf("%s %s %s", c.Kind, c.Op, c.ID))
			if i > 0 && c.Seq <= got[i-1].Seq {
				t.Errorf("seq %d after %d", c.Seq, got[i-1].Seq)
			}
			if c.At.IsZero() {
				t.Errorf("change %d has no time", c.Seq)
			}
		}
		want := []string{"organizations create " + o.ID, "organizations update " + o.ID,
			"organizations delete " + o.ID, "fields create 1"}
		if d := cmp.Diff(want, ops); d != "" {
			t.Errorf("changes differ (-want +got):\n%s", d)
		}
		rest, err := s.Changes(ctx, got[1].Seq, 1)
		must(t, err)
		if len(rest) != 1 || rest[0].Seq != got[2].Seq {
			t.Errorf("Changes(after %d, 1) = %+v", got[1].Seq, rest)
		}
	})
}

// TestEachMissingCount checks the whole-kind readers.
func TestEachMissingCount(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		var want []string
		for i := range 1203 {
			o := testkit.Org(fmt.Sprintf("Org %04d", i), "CN")
			o.ID = amur.NewID()
			want = append(want, o.ID)
			must(t, s.CreateOrganization(ctx, o))
		}
		slices.Sort(want)
		var got []string
		err := s.Each(ctx, amur.KindOrganization, func(r amur.Record) error {
			got = append(got, r.(*amur.Organization).ID)
			return nil
		})
		must(t, err)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("Each order differs (-want +got):\n%s", d)
		}
		stop := errors.New("stop")
		n := 0
		err = s.Each(ctx, amur.KindOrganization, func(amur.Record) error { n++; return stop })
		if !errors.Is(err, stop) || n != 1 {
			t.Errorf("Each after an error: %v after %d calls", err, n)
		}
		ghost := amur.NewID()
		miss, err := s.Missing(ctx, amur.KindOrganization, append([]string{ghost, want[7], ghost}, want...))
		must(t, err)
		if d := cmp.Diff([]string{ghost}, miss); d != "" {
			t.Errorf("Missing differs (-want +got):\n%s", d)
		}
		if c, err := s.Count(ctx, amur.KindOrganization); err != nil || c != len(want) {
			t.Errorf("Count = %d, %v; want %d", c, err, len(want))
		}
		if _, err := s.Count(ctx, amur.Kind("nonsense")); amur.ErrorCode(err) != amur.EInvalid {
			t.Errorf("Count of an unknown kind: %v", err)
		}
	})
}
