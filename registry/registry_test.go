package registry

import (
	"context"
	"slices"
	"testing"

	"amur"
	"amur/internal/testkit"
)

// world is the fixture of the store tests: organisations of each side, the
// coordinator's and another one, a person with contact data, a published
// joint activity, a RU-only one, a draft of the coordinator's organisation
// and a draft of another organisation.
type world struct {
	store                      amur.Store
	cn, ru, coord, other       *amur.Organization
	person                     *amur.Person
	joint, ruOnly, mine, their *amur.Activity
}

// as returns a context whose actor is principal i of principals.
func as(i int) context.Context {
	return amur.WithActor(context.Background(), &amur.Actor{Principal: principals[i].p, Via: "api"})
}

// Indexes into principals.
const (
	anon = iota
	admin
	officeCN
	officeRU
	coordinator
	applicant
	reviewer
)

// newWorld stores the fixture through the bare store, as the system, and
// points the coordinator principal at its organisation.
func newWorld(t *testing.T) *world {
	t.Helper()
	ctx := context.Background()
	db := testkit.MustOpenStore(t)
	w := &world{store: New(db)}
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	w.cn, w.ru = testkit.Org("清华大学", "CN"), testkit.Org("Томский политехнический университет", "RU")
	w.coord, w.other = testkit.Org("Дальневосточный федеральный университет", "RU"), testkit.Org("哈尔滨工业大学", "CN")
	w.cn.ID, w.ru.ID, w.coord.ID, w.other.ID = orgCN, orgRU, orgCoord, orgOther
	for _, o := range []*amur.Organization{w.cn, w.ru, w.coord, w.other} {
		check(db.CreateOrganization(ctx, o))
	}
	w.person = testkit.Person("Petrova", "Anna", "RU")
	w.person.Contact = amur.Contact{Email: "petrova@example.org", Phone: "+7 495 000-00-00"}
	check(db.CreatePerson(ctx, w.person))
	w.joint = testkit.Activity("Joint forum", amur.Forum, "2020-09-07", nil,
		testkit.OrgPart(orgCN, "CN", amur.Organiser), testkit.OrgPart(orgRU, "RU", amur.CoOrganiser))
	w.ruOnly = testkit.Activity("Tomsk school", amur.Training, "2020-10-01", nil, testkit.OrgPart(orgRU, "RU", amur.Organiser))
	w.ruOnly.Sides = []string{"RU"}
	w.mine = testkit.Activity("Vladivostok proposal", amur.Forum, "2021-05-01", nil, testkit.OrgPart(orgCoord, "RU", amur.Organiser))
	w.mine.Draft = true
	w.their = testkit.Activity("Harbin proposal", amur.Exhibition, "2021-06-01", nil, testkit.OrgPart(orgOther, "CN", amur.Organiser))
	w.their.Draft, w.their.Sides = true, []string{"CN"}
	for _, a := range []*amur.Activity{w.joint, w.ruOnly, w.mine, w.their} {
		check(db.CreateActivity(ctx, a))
	}
	return w
}

// visible returns the ids of the activities principal i lists.
func (w *world) visible(t *testing.T, i int) []string {
	t.Helper()
	l, err := w.store.Activities(as(i), amur.ActivityFilter{Drafts: amur.AllDrafts, Page: amur.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range l.Items {
		out = append(out, a.ID)
	}
	slices.Sort(out)
	return out
}

// TestReadsHideDrafts checks every way of reading activities for every
// principal: by id, in lists, in counts and figures, in Each and Missing.
// The filter's own scope (AllDrafts) is overridden by the principal's.
func TestReadsHideDrafts(t *testing.T) {
	w := newWorld(t)
	published := []string{w.joint.ID, w.ruOnly.ID}
	all := []string{w.joint.ID, w.ruOnly.ID, w.mine.ID, w.their.ID}
	withMine := []string{w.joint.ID, w.ruOnly.ID, w.mine.ID}
	wants := [][]string{published, all, all, all, withMine, published, published}
	for i, pr := range principals {
		ctx := as(i)
		want := slices.Clone(wants[i])
		slices.Sort(want)
		if got := w.visible(t, i); !slices.Equal(got, want) {
			t.Errorf("%s lists %v, want %v", pr.name, got, want)
		}
		if st, err := w.store.Stats(ctx, amur.ActivityFilter{Drafts: amur.AllDrafts}); err != nil || st.Activities != len(want) {
			t.Errorf("%s: stats count %v activities (%v), want %d", pr.name, st, err, len(want))
		}
		if n, err := w.store.Count(ctx, amur.KindActivity); err != nil || n != len(want) {
			t.Errorf("%s: Count = %d (%v), want %d", pr.name, n, err, len(want))
		}
		var each []string
		err := w.store.Each(ctx, amur.KindActivity, func(r amur.Record) error { each = append(each, r.Base().ID); return nil })
		if slices.Sort(each); err != nil || !slices.Equal(each, want) {
			t.Errorf("%s: Each gives %v (%v), want %v", pr.name, each, err, want)
		}
		missing, err := w.store.Missing(ctx, amur.KindActivity, all)
		if err != nil || len(missing) != len(all)-len(want) || slices.ContainsFunc(missing, func(id string) bool { return slices.Contains(want, id) }) {
			t.Errorf("%s: Missing = %v (%v)", pr.name, missing, err)
		}
		for _, id := range all {
			_, err := w.store.Activity(ctx, id)
			if got, seen := amur.ErrorCode(err), slices.Contains(want, id); seen && got != "" || !seen && got != amur.ENotFound {
				t.Errorf("%s reads %s: %v", pr.name, id, err)
			}
		}
	}
}

// TestContactData checks that contact data reaches admins and offices only,
// through reads, lists and Each.
func TestContactData(t *testing.T) {
	w := newWorld(t)
	for i, pr := range principals {
		ctx := as(i)
		want := SeesContact(pr.p)
		p, err := w.store.Person(ctx, w.person.ID)
		if err != nil || (p.Contact.Email != "") != want {
			t.Errorf("%s reads contact %+v (%v)", pr.name, p.Contact, err)
		}
		l, err := w.store.People(ctx, amur.PersonFilter{})
		if err != nil || len(l.Items) != 1 || (l.Items[0].Contact.Phone != "") != want {
			t.Errorf("%s lists contact %v (%v)", pr.name, l, err)
		}
		err = w.store.Each(ctx, amur.KindPerson, func(r amur.Record) error {
			if (r.(*amur.Person).Contact.Email != "") != want {
				t.Errorf("%s: Each shows contact %+v", pr.name, r.(*amur.Person).Contact)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestUpdateKeepsUnseenContact lets coordinators edit people for the length
// of the test and checks that a change made from a copy without contact
// data keeps the stored contact instead of erasing it.
func TestUpdateKeepsUnseenContact(t *testing.T) {
	w := newWorld(t)
	writes[amur.RoleCoordinator][amur.KindPerson] = anyRecord
	defer delete(writes[amur.RoleCoordinator], amur.KindPerson)
	ctx := as(coordinator)
	p, err := w.store.Person(ctx, w.person.ID)
	if err != nil || p.Contact.Email != "" {
		t.Fatalf("coordinator's copy: %+v, %v", p, err)
	}
	p.Keywords = []string{"plasma"}
	if err := w.store.UpdatePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	stored, err := w.store.Person(as(admin), w.person.ID)
	if err != nil || stored.Contact != w.person.Contact || len(stored.Keywords) != 1 {
		t.Errorf("after the coordinator's change: %+v, %v", stored, err)
	}
}
