package sqlstore_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"amur"
	"amur/internal/testkit"
)

// kindOps are the store methods of one kind, seen through amur.Record.
type kindOps struct {
	get    func(ctx context.Context, s amur.Store, id string) (amur.Record, error)
	create func(ctx context.Context, s amur.Store, r amur.Record) error
	update func(ctx context.Context, s amur.Store, r amur.Record) error
	del    func(ctx context.Context, s amur.Store, id string) error
}

// ops returns the store methods of every kind.
func ops() map[amur.Kind]kindOps {
	return map[amur.Kind]kindOps{
		amur.KindProgram: {
			get: func(ctx context.Context, s amur.Store, id string) (amur.Record, error) { return s.Program(ctx, id) },
			create: func(ctx context.Context, s amur.Store, r amur.Record) error {
				return s.CreateProgram(ctx, r.(*amur.Program))
			},
			update: func(ctx context.Context, s amur.Store, r amur.Record) error {
				return s.UpdateProgram(ctx, r.(*amur.Program))
			},
			del: func(ctx context.Context, s amur.Store, id string) error { return s.DeleteProgram(ctx, id) }},
		amur.KindField: {
			get: func(ctx context.Context, s amur.Store, id string) (amur.Record, error) { return s.Field(ctx, id) },
			create: func(ctx context.Context, s amur.Store, r amur.Record) error {
				return s.CreateField(ctx, r.(*amur.Field))
			},
			update: func(ctx context.Context, s amur.Store, r amur.Record) error {
				return s.UpdateField(ctx, r.(*amur.Field))
			},
			del: func(ctx context.Context, s amur.Store, id string) error { return s.DeleteField(ctx, id) }},
		amur.KindOrganization: {
			get: func(ctx context.Context, s amur.Store, id string) (amur.Record, error) {
				return s.Organization(ctx, id)
			},
			create: func(ctx context.Context, s amur.Store, r amur.Record) error {
				return s.CreateOrganization(ctx, r.(*amur.Organization))
			},
			update: func(ctx context.Context, s amur.Store, r amur.Record) error {
				return s.UpdateOrganization(ctx, r.(*amur.Organization))
			},
			del: func(ctx context.Context, s amur.Store, id string) error { return s.DeleteOrganization(ctx, id) }},
		amur.KindPerson: {
			get: func(ctx context.Context, s amur.Store, id string) (amur.Record, error) { return s.Person(ctx, id) },
			create: func(ctx context.Context, s amur.Store, r amur.Record) error {
				return s.CreatePerson(ctx, r.(*amur.Person))
			},
			update: func(ctx context.Context, s amur.Store, r amur.Record) error {
				return s.UpdatePerson(ctx, r.(*amur.Person))
			},
			del: func(ctx context.Context, s amur.Store, id string) error { return s.DeletePerson(ctx, id) }},
		amur.KindFlagship: {
			get: func(ctx context.Context, s amur.Store, id string) (amur.Record, error) { return s.Flagship(ctx, id) },
			create: func(ctx context.Context, s amur.Store, r amur.Record) error {
				return s.CreateFlagship(ctx, r.(*amur.Flagship))
			},
			update: func(ctx context.Context, s amur.Store, r amur.Record) error {
				return s.UpdateFlagship(ctx, r.(*amur.Flagship))
			},
			del: func(ctx context.Context, s amur.Store, id string) error { return s.DeleteFlagship(ctx, id) }},
		amur.KindActivity: {
			get: func(ctx context.Context, s amur.Store, id string) (amur.Record, error) { return s.Activity(ctx, id) },
			create: func(ctx context.Context, s amur.Store, r amur.Record) error {
				return s.CreateActivity(ctx, r.(*amur.Activity))
			},
			update: func(ctx context.Context, s amur.Store, r amur.Record) error {
				return s.UpdateActivity(ctx, r.(*amur.Activity))
			},
			del: func(ctx context.Context, s amur.Store, id string) error { return s.DeleteActivity(ctx, id) }},
		amur.KindTimeline: {
			get: func(ctx context.Context, s amur.Store, id string) (amur.Record, error) {
				return s.TimelineEntry(ctx, id)
			},
			create: func(ctx context.Context, s amur.Store, r amur.Record) error {
				return s.CreateTimelineEntry(ctx, r.(*amur.TimelineEntry))
			},
			update: func(ctx context.Context, s amur.Store, r amur.Record) error {
				return s.UpdateTimelineEntry(ctx, r.(*amur.TimelineEntry))
			},
			del: func(ctx context.Context, s amur.Store, id string) error { return s.DeleteTimelineEntry(ctx, id) }},
	}
}

// TestCRUD creates, reads, updates and deletes a record of every kind and
// checks that each read returns exactly what was written.
func TestCRUD(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := seed(t, s)
		tests := []struct {
			kind   amur.Kind
			rec    amur.Record
			mutate func(r amur.Record)
		}{
			{amur.KindProgram, testkit.Program("other-years"), func(r amur.Record) { r.(*amur.Program).Name.EN = "Renamed" }},
			{amur.KindField, testkit.Field("3", "Medical sciences"), func(r amur.Record) { r.(*amur.Field).Label.RU = "Медицина" }},
			{amur.KindOrganization, &amur.Organization{Name: amur.T("ru", "Сибирский федеральный университет"), Kind: amur.University,
				Country: "RU", ParentID: w.msu.ID, Aliases: []string{"СФУ"}}, func(r amur.Record) { r.(*amur.Organization).City = amur.T("ru", "Красноярск") }},
			{amur.KindPerson, testkit.Person("Petrova", "Anna", "RU"), func(r amur.Record) { r.(*amur.Person).Keywords = []string{"physics"} }},
			{amur.KindFlagship, &amur.Flagship{ProgramID: w.program.ID, Slug: "nica", Name: amur.T("en", "NICA collider"),
				Fields: []string{"1"}, OrgIDs: []string{w.jinr.ID}}, func(r amur.Record) { r.(*amur.Flagship).Website = "https://nica.jinr.ru" }},
			{amur.KindActivity, testkit.Activity("Summer school", amur.Training, "2021-07-01T10:30", []string{"1.1"},
				testkit.OrgPart(w.msu.ID, "RU", amur.Organiser)), func(r amur.Record) { r.(*amur.Activity).Status = amur.Held }},
			{amur.KindTimeline, &amur.TimelineEntry{ProgramID: w.program.ID, Date: amur.MustDate("2020-08-26"), Kind: amur.Launch,
				Title: amur.T("en", "Opening"), PersonIDs: []string{w.ivanov.ID}, OrgIDs: []string{w.pku.ID}, ActivityID: w.forum.ID},
				func(r amur.Record) { r.(*amur.TimelineEntry).Summary = amur.T("zh", "开幕式") }},
		}
		for _, tt := range tests {
			t.Run(string(tt.kind), func(t *testing.T) {
				op := ops()[tt.kind]
				must(t, op.create(ctx, s, tt.rec))
				m := *tt.rec.Base()
				if m.ID == "" || m.Version != 1 || m.CreatedAt.IsZero() || !m.UpdatedAt.Equal(m.CreatedAt) {
					t.Fatalf("meta after create = %+v", m)
				}
				got, err := op.get(ctx, s, m.ID)
				must(t, err)
				if d := cmp.Diff(tt.rec, got); d != "" {
					t.Fatalf("read after create differs (-want +got):\n%s", d)
				}
				tt.mutate(got)
				must(t, op.update(ctx, s, got))
				if v := got.Base().Version; v != 2 {
					t.Errorf("version after update = %d, want 2", v)
				}
				again, err := op.get(ctx, s, m.ID)
				must(t, err)
				if d := cmp.Diff(got, again); d != "" {
					t.Fatalf("read after update differs (-want +got):\n%s", d)
				}
				if !again.Base().CreatedAt.Equal(m.CreatedAt) {
					t.Errorf("created_at changed on update: %v, want %v", again.Base().CreatedAt, m.CreatedAt)
				}
				must(t, op.del(ctx, s, m.ID))
				_, err = op.get(ctx, s, m.ID)
				wantError(t, err, amur.ENotFound, "err.notfound", "")
				wantError(t, op.del(ctx, s, m.ID), amur.ENotFound, "err.notfound", "")
			})
		}
	})
}

// TestGetBySlug reads programs and flagship projects by slug.
func TestGetBySlug(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := seed(t, s)
		p, err := s.Program(ctx, "crystin")
		must(t, err)
		if p.ID != w.program.ID {
			t.Errorf("Program(slug).ID = %s, want %s", p.ID, w.program.ID)
		}
		f := &amur.Flagship{ProgramID: w.program.ID, Slug: "math-center", Name: amur.T("ru", "Российско-китайский математический центр")}
		must(t, s.CreateFlagship(ctx, f))
		got, err := s.Flagship(ctx, "math-center")
		must(t, err)
		if got.ID != f.ID {
			t.Errorf("Flagship(slug).ID = %s, want %s", got.ID, f.ID)
		}
		_, err = s.Program(ctx, "no-such-program")
		wantError(t, err, amur.ENotFound, "err.notfound", "")
		all, err := s.Programs(ctx)
		must(t, err)
		if len(all) != 1 || all[0].Slug != "crystin" {
			t.Errorf("Programs() = %d programs, want the one seeded", len(all))
		}
	})
}

// TestCreateKeepsMeta checks that a record with its bookkeeping fields set,
// as an import brings them, is stored with them unchanged (timestamps cut
// to milliseconds), so that export and import round-trip.
func TestCreateKeepsMeta(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		p := testkit.Program("imported")
		p.ID = amur.NewID()
		p.Version = 7
		p.CreatedAt = mustTime(t, "2020-08-26T12:34:56.789123456+03:00")
		p.UpdatedAt = mustTime(t, "2021-01-02T03:04:05.006Z")
		must(t, s.CreateProgram(ctx, p))
		got, err := s.Program(ctx, p.ID)
		must(t, err)
		want := amur.Meta{ID: p.ID, Version: 7, CreatedAt: mustTime(t, "2020-08-26T09:34:56.789Z"),
			UpdatedAt: mustTime(t, "2021-01-02T03:04:05.006Z")}
		if d := cmp.Diff(want, got.Meta); d != "" {
			t.Errorf("meta differs (-want +got):\n%s", d)
		}
		if got.CreatedAt.Location().String() != "UTC" {
			t.Errorf("created_at location = %s, want UTC", got.CreatedAt.Location())
		}
	})
}
