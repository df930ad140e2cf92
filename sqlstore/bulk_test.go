package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"amur"
	"amur/internal/testkit"
)

// bulkActivity returns a prepared activity of the bulk tests.
func bulkActivity(t *testing.T, i int, org string) *amur.Activity {
	a := testkit.Activity(fmt.Sprintf("Bulk activity %d", i), amur.Forum, "2020-09-01", []string{"1"},
		testkit.OrgPart(org, "RU", amur.Organiser))
	must(t, amur.Prepare(a))
	return a
}

// TestBulk stores records of several kinds, referring to each other, in one
// Bulk, and checks them and their outbox rows.
func TestBulk(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		before, err := s.Changes(ctx, 0, 0)
		must(t, err)
		var acts []*amur.Activity
		org := testkit.Org("Harbin Institute of Technology", "CN")
		org.ROR = "01yqg2h08"
		err = s.Bulk(ctx, func(w amur.BulkWriter) error {
			f := testkit.Field("1", "Natural sciences")
			must(t, amur.Prepare(f))
			must(t, amur.Prepare(org))
			for _, r := range []amur.Record{f, org} {
				if err := w.Put(r); err != nil {
					return err
				}
			}
			for i := range 2500 {
				a := bulkActivity(t, i, org.ID)
				acts = append(acts, a)
				if err := w.Put(a); err != nil {
					return err
				}
			}
			// Activities are not cached by id, so this reference makes the
			// bulk write its queue before looking the activity up.
			e := &amur.TimelineEntry{Date: amur.MustDate("2020-09"), Kind: amur.ForumEntry,
				Title: amur.T("en", "Forum held"), ActivityID: acts[2499].ID}
			must(t, amur.Prepare(e))
			return w.Put(e)
		})
		must(t, err)
		if n, err := s.Count(ctx, amur.KindTimeline); err != nil || n != 1 {
			t.Errorf("timeline entries = %d, %v; want 1", n, err)
		}
		if n, err := s.Count(ctx, amur.KindActivity); err != nil || n != len(acts) {
			t.Fatalf("activities = %d, %v; want %d", n, err, len(acts))
		}
		got, err := s.Activity(ctx, acts[1234].ID)
		must(t, err)
		if d := cmp.Diff(acts[1234], got); d != "" {
			t.Errorf("bulk activity differs (-want +got):\n%s", d)
		}
		l, err := s.Activities(ctx, amur.ActivityFilter{OrgID: org.ID, Fields: []string{"1"}, Page: amur.Page{Count: true, Limit: 1}})
		must(t, err)
		if l.Total != len(acts) {
			t.Errorf("activities of the org in field 1 = %d, want %d", l.Total, len(acts))
		}
		changes, err := s.Changes(ctx, 0, 5000)
		must(t, err)
		if n := len(changes) - len(before); n != len(acts)+3 {
			t.Errorf("outbox rows = %d, want %d", n, len(acts)+3)
		}
		if c := changes[len(changes)-2]; c.ID != acts[len(acts)-1].ID || c.Op != "create" || c.Kind != amur.KindActivity {
			t.Errorf("change before the timeline entry's = %+v", c)
		}
	})
}

// TestBulkAllOrNothing checks that a failure in the middle of a Bulk, from
// fn or from a write, leaves nothing stored.
func TestBulkAllOrNothing(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := seed(t, s)
		before, err := s.Changes(ctx, 0, 0)
		must(t, err)
		boom := errors.New("boom")
		tests := []struct {
			name  string
			fail  func(w amur.BulkWriter, i int) error
			check func(t *testing.T, err error)
		}{
			{"fn fails", func(amur.BulkWriter, int) error { return boom }, func(t *testing.T, err error) {
				if !errors.Is(err, boom) {
					t.Errorf("Bulk = %v, want boom", err)
				}
			}},
			{"unknown reference", func(bw amur.BulkWriter, i int) error {
				return bw.Put(bulkActivity(t, i, amur.NewID()))
			}, func(t *testing.T, err error) {
				wantError(t, err, amur.EInvalid, "err.ref", "participants[0].org_id")
			}},
			{"duplicate id", func(bw amur.BulkWriter, i int) error {
				a := bulkActivity(t, i, w.msu.ID)
				a.ID = w.forum.ID
				return bw.Put(a)
			}, func(t *testing.T, err error) {
				wantError(t, err, amur.EConflict, "err.duplicate", "id")
			}},
			{"duplicate ROR", func(bw amur.BulkWriter, i int) error {
				o := testkit.Org("Copy", "RU")
				o.ROR = w.msu.ROR
				must(t, amur.Prepare(o))
				return bw.Put(o)
			}, func(t *testing.T, err error) {
				wantError(t, err, amur.EConflict, "err.duplicate", "ror")
			}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := s.Bulk(ctx, func(bw amur.BulkWriter) error {
					o := testkit.Org("Bulk org", "CN")
					must(t, amur.Prepare(o))
					if err := bw.Put(o); err != nil {
						return err
					}
					for i := range 3000 {
						if i == 1500 {
							if err := tt.fail(bw, i); err != nil {
								return err
							}
						}
						if err := bw.Put(bulkActivity(t, i, o.ID)); err != nil {
							return err
						}
					}
					return nil
				})
				tt.check(t, err)
				if n, err := s.Count(ctx, amur.KindActivity); err != nil || n != 4 {
					t.Errorf("activities = %d, %v; want the 4 seeded", n, err)
				}
				if n, err := s.Count(ctx, amur.KindOrganization); err != nil || n != 3 {
					t.Errorf("organisations = %d, %v; want the 3 seeded", n, err)
				}
				after, err := s.Changes(ctx, 0, 0)
				must(t, err)
				if len(after) != len(before) {
					t.Errorf("outbox grew from %d to %d rows", len(before), len(after))
				}
			})
		}
	})
}
