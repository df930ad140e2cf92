package sqlstore_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"amur"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// officeActor is a CN program office acting through the API.
func officeActor(ctx context.Context) context.Context {
	return amur.WithActor(ctx, &amur.Actor{
		Principal: &amur.Principal{UserID: "01900000-0000-7000-8000-0000000000aa", Email: "Office@Example.org",
			Role: amur.RoleOffice, Side: "CN"},
		Addr: "203.0.113.7", Via: "api",
	})
}

// auditAll returns the whole audit log, newest first.
func auditAll(t *testing.T, s amur.Store) []*amur.AuditEntry {
	t.Helper()
	l, err := s.Audit(context.Background(), amur.AuditFilter{Page: amur.Page{Limit: amur.MaxLimit}})
	must(t, err)
	return l.Items
}

// storedDoc returns the JSON of the record as a read returns it.
func storedDoc(t *testing.T, r amur.Record) string {
	t.Helper()
	b, err := json.Marshal(r)
	must(t, err)
	return string(b)
}

func TestAuditLogsChanges(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := officeActor(context.Background())
		org := testkit.Org("北京大学", "CN")
		must(t, s.CreateOrganization(ctx, org))
		created := storedDoc(t, org)
		org.Kind = amur.Institute
		must(t, s.UpdateOrganization(ctx, org))
		updated := storedDoc(t, org)
		must(t, s.DeleteOrganization(ctx, org.ID))
		// A change without an actor is the system's own.
		must(t, s.CreateField(context.Background(), testkit.Field("1", "Natural sciences")))

		log := auditAll(t, s)
		if len(log) != 4 {
			t.Fatalf("%d entries, want 4", len(log))
		}
		sys, del, upd, cre := log[0], log[1], log[2], log[3]
		if !(sys.Seq > del.Seq && del.Seq > upd.Seq && upd.Seq > cre.Seq) {
			t.Errorf("not newest first: %d %d %d %d", sys.Seq, del.Seq, upd.Seq, cre.Seq)
		}
		for _, c := range []struct {
			e              *amur.AuditEntry
			action, before string
			after          string
		}{
			{cre, amur.AuditCreate, "", created},
			{upd, amur.AuditUpdate, created, updated},
			{del, amur.AuditDelete, updated, ""},
		} {
			e := c.e
			if e.Action != c.action || e.Kind != amur.KindOrganization || e.ID != org.ID ||
				e.UserID != "01900000-0000-7000-8000-0000000000aa" || e.Email != "office@example.org" ||
				e.Addr != "203.0.113.7" || e.Via != "api" || e.At.IsZero() {
				t.Errorf("%s entry = %+v", c.action, e)
			}
			if string(e.Before) != c.before || string(e.After) != c.after {
				t.Errorf("%s entry before/after:\n%s\n%s\nwant\n%s\n%s", c.action, e.Before, e.After, c.before, c.after)
			}
		}
		if sys.UserID != "" || sys.Email != "" || sys.Via != "" || sys.Kind != amur.KindField || sys.ID != "1" {
			t.Errorf("system entry = %+v", sys)
		}
		// updated_at changes too, unless both writes fell in one millisecond.
		diff := upd.Diff()
		for _, member := range []string{"kind", "version"} {
			if _, ok := diff[member]; !ok {
				t.Errorf("diff lacks %s: %v", member, diff)
			}
		}
		if _, ok := diff["name"]; ok || string(diff["kind"].After) != `"research_institute"` {
			t.Errorf("diff = %v", diff)
		}
		if d := cre.Diff(); len(d) == 0 || d["name"].Before != nil || d["name"].After == nil {
			t.Errorf("diff of a create = %v", d)
		}
	})
}

func TestAuditFilters(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		bg := context.Background()
		before := time.Now().Add(-time.Minute)
		w := seed(t, s) // by the system
		ctx := officeActor(bg)
		w.forum.Status = amur.Held
		must(t, s.UpdateActivity(ctx, w.forum))
		must(t, s.DeleteActivity(ctx, w.webinar.ID))
		total := len(auditAll(t, s))

		count := func(f amur.AuditFilter) int {
			t.Helper()
			f.Limit = amur.MaxLimit
			l, err := s.Audit(bg, f)
			must(t, err)
			return len(l.Items)
		}
		for name, c := range map[string]struct {
			f    amur.AuditFilter
			want int
		}{
			"kind":          {amur.AuditFilter{Kind: amur.KindActivity}, 6},
			"id":            {amur.AuditFilter{ID: w.forum.ID}, 2},
			"user":          {amur.AuditFilter{UserID: "01900000-0000-7000-8000-0000000000aa"}, 2},
			"email":         {amur.AuditFilter{Email: "OFFICE@example.org"}, 2},
			"action":        {amur.AuditFilter{Action: amur.AuditDelete}, 1},
			"kind+action":   {amur.AuditFilter{Kind: amur.KindPerson, Action: amur.AuditCreate}, 2},
			"from":          {amur.AuditFilter{From: before}, total},
			"to":            {amur.AuditFilter{To: before}, 0},
			"future":        {amur.AuditFilter{From: time.Now().Add(time.Hour)}, 0},
			"unknown user":  {amur.AuditFilter{UserID: amur.NewID()}, 0},
			"unknown email": {amur.AuditFilter{Email: "nobody@example.org"}, 0},
		} {
			if got := count(c.f); got != c.want {
				t.Errorf("%s: %d entries, want %d", name, got, c.want)
			}
		}

		page, err := s.Audit(bg, amur.AuditFilter{Page: amur.Page{Limit: 2, Offset: 1, Count: true}})
		must(t, err)
		if len(page.Items) != 2 || !page.More || page.Total != total {
			t.Errorf("page: %d items, more %v, total %d (want 2, true, %d)", len(page.Items), page.More, page.Total, total)
		}
		oldest, err := s.Audit(bg, amur.AuditFilter{Page: amur.Page{Limit: 1, Sort: "seq"}})
		must(t, err)
		if oldest.Items[0].Kind != amur.KindProgram || oldest.Items[0].Seq >= page.Items[0].Seq {
			t.Errorf("oldest entry = %+v", oldest.Items[0])
		}

		for field, f := range map[string]amur.AuditFilter{
			"action": {Action: "drop"}, "user": {UserID: "'; DROP TABLE audit;--"},
			"kind": {Kind: "sessions"}, "to": {From: time.Now(), To: before}, "sort": {Page: amur.Page{Sort: "at"}},
		} {
			_, err := s.Audit(bg, f)
			if e := amur.AsError(err); e.Code != amur.EInvalid || e.Field != field {
				t.Errorf("filter %+v: %v, want invalid %s", f, err, field)
			}
		}
	})
}

// errAfterAudit is the failure forced right after an audit row.
var errAfterAudit = errors.New("forced failure after the audit row")

// TestAuditRollsBackWithChange fails each kind of write right after its
// audit row, in the same transaction, and checks that neither the change
// nor its audit row (nor its outbox change) is stored.
func TestAuditRollsBackWithChange(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		bg := context.Background()
		w := seed(t, s)
		entries, changes := len(auditAll(t, s)), outboxLen(t, s)
		failing := sqlstore.WithAfterAudit(officeActor(bg), func() error { return errAfterAudit })

		fresh := testkit.Org("Новосибирский государственный университет", "RU")
		if err := s.CreateOrganization(failing, fresh); !errors.Is(err, errAfterAudit) {
			t.Fatalf("create: %v", err)
		}
		if n, _ := s.Count(bg, amur.KindOrganization); n != 3 {
			t.Errorf("after a failed create: %d organisations, want 3", n)
		}

		changed := *w.msu
		changed.Kind = amur.Government
		if err := s.UpdateOrganization(failing, &changed); !errors.Is(err, errAfterAudit) {
			t.Fatalf("update: %v", err)
		}
		got, err := s.Organization(bg, w.msu.ID)
		must(t, err)
		if got.Kind != w.msu.Kind || got.Version != 1 {
			t.Errorf("after a failed update: kind %s version %d", got.Kind, got.Version)
		}

		if err := s.DeleteActivity(failing, w.forum.ID); !errors.Is(err, errAfterAudit) {
			t.Fatalf("delete: %v", err)
		}
		if _, err := s.Activity(bg, w.forum.ID); err != nil {
			t.Errorf("after a failed delete: %v", err)
		}

		if n := len(auditAll(t, s)); n != entries {
			t.Errorf("%d audit entries after failed writes, want %d", n, entries)
		}
		if n := outboxLen(t, s); n != changes {
			t.Errorf("%d outbox changes after failed writes, want %d", n, changes)
		}
		// The same write without the failure commits both.
		must(t, s.CreateOrganization(officeActor(bg), fresh))
		if log := auditAll(t, s); len(log) != entries+1 || log[0].ID != fresh.ID {
			t.Errorf("after a good create: %d entries, newest %+v", len(log), log[0])
		}
	})
}

// outboxLen returns the number of outbox changes.
func outboxLen(t *testing.T, s amur.Store) int {
	t.Helper()
	c, err := s.Changes(context.Background(), 0, 1_000_000)
	must(t, err)
	return len(c)
}

func TestAuditBulk(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := officeActor(context.Background())
		put := func(fail bool, recs ...amur.Record) error {
			return s.Bulk(ctx, func(w amur.BulkWriter) error {
				for _, r := range recs {
					must(t, amur.Prepare(r))
					if err := w.Put(r); err != nil {
						return err
					}
				}
				if fail {
					return errAfterAudit
				}
				return nil
			})
		}
		orgs := make([]amur.Record, 3)
		for i := range orgs {
			o := testkit.Org("Организация "+string(rune('А'+i)), "RU")
			o.Provenance.Source = []string{"orgs.csv", "orgs.csv", "more.csv"}[i]
			orgs[i] = o
		}
		p := testkit.Person("Ivanov", "Ivan", "RU")
		must(t, put(false, append(orgs, p)...))
		log := auditAll(t, s)
		if len(log) != 2 {
			t.Fatalf("%d entries after one bulk, want one per kind (2)", len(log))
		}
		// Entries follow the dependency order of kinds, so the newest is people.
		for i, want := range []struct {
			kind    amur.Kind
			summary string
		}{{amur.KindPerson, `{"count":1,"sources":[]}`}, {amur.KindOrganization, `{"count":3,"sources":["orgs.csv","more.csv"]}`}} {
			e := log[i]
			if e.Action != amur.AuditImport || e.Kind != want.kind || e.ID != "" || e.Before != nil ||
				string(e.After) != want.summary || e.Email != "office@example.org" || e.Diff() != nil {
				t.Errorf("entry %d = %+v after %s, want %s %s", i, e, e.After, want.kind, want.summary)
			}
		}
		if err := put(true, testkit.Org("Ещё одна", "RU")); !errors.Is(err, errAfterAudit) {
			t.Fatalf("failing bulk: %v", err)
		}
		if n := len(auditAll(t, s)); n != 2 {
			t.Errorf("a failed bulk left %d entries, want 2", n)
		}
		if err := s.Bulk(ctx, func(amur.BulkWriter) error { return nil }); err != nil {
			t.Fatal(err)
		}
		if log := auditAll(t, s); len(log) != 2 || !slices.ContainsFunc(log, func(e *amur.AuditEntry) bool { return e.Kind == amur.KindPerson }) {
			t.Errorf("an empty bulk changed the log: %d entries", len(log))
		}
	})
}

// TestAuditAccounts checks that account changes are logged with the
// account's JSON, a change of role showing in the diff, and that a
// password change is logged without any hash.
func TestAuditAccounts(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := officeActor(context.Background())
		u := &amur.User{Email: "Applicant@Example.org", Role: amur.RoleApplicant}
		must(t, s.CreateUser(ctx, u, "$argon2id$secret-hash"))
		u.Role, u.Side = amur.RoleOffice, "RU"
		must(t, s.UpdateUser(ctx, u))
		must(t, s.SetPassword(ctx, u.ID, "$argon2id$another-secret-hash"))

		l, err := s.Audit(ctx, amur.AuditFilter{Kind: amur.KindUser, ID: u.ID})
		must(t, err)
		if len(l.Items) != 3 {
			t.Fatalf("%d entries about the account, want 3", len(l.Items))
		}
		pw, upd, cre := l.Items[0], l.Items[1], l.Items[2]
		if cre.Action != amur.AuditCreate || cre.Before != nil || !strings.Contains(string(cre.After), `"email":"applicant@example.org"`) {
			t.Errorf("create entry: %+v %s", cre, cre.After)
		}
		if d := upd.Diff(); upd.Action != amur.AuditUpdate || string(d["role"].Before) != `"applicant"` || string(d["role"].After) != `"office"` {
			t.Errorf("update entry: %+v, diff %v", upd, d)
		}
		if pw.Action != amur.AuditPassword || pw.Before != nil || pw.After != nil || pw.Email != "office@example.org" {
			t.Errorf("password entry: %+v", pw)
		}
		for _, e := range l.Items {
			if strings.Contains(string(e.Before)+string(e.After), "secret-hash") {
				t.Errorf("a password hash reached the log: %s %s", e.Before, e.After)
			}
		}
		failing := sqlstore.WithAfterAudit(ctx, func() error { return errAfterAudit })
		u.Role = amur.RoleAdmin
		if err := s.UpdateUser(failing, u); !errors.Is(err, errAfterAudit) {
			t.Fatalf("failing update: %v", err)
		}
		if stored, _ := s.User(context.Background(), u.ID); stored.Role != amur.RoleOffice {
			t.Errorf("a failed update changed the role to %s", stored.Role)
		}
	})
}
