package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"amur"
	"amur/internal/testkit"
)

// offersWorld stores the records listings refer to: fields, a Russian and
// a Chinese organisation and a person.
type offersWorld struct {
	ru, cn *amur.Organization
	person *amur.Person
}

func newOffersWorld(t *testing.T, s amur.Store) offersWorld {
	t.Helper()
	ctx := context.Background()
	for _, f := range []*amur.Field{testkit.Field("2", "Engineering"), testkit.Field("2.2", "Electrical"), testkit.Field("2.3", "Mechanical"), testkit.Field("1", "Natural")} {
		if err := s.CreateField(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	w := offersWorld{ru: testkit.Org("Томский политехнический университет", "RU"), cn: testkit.Org("中国航天科技集团", "CN"),
		person: testkit.Person("Petrov", "Ivan", "RU")}
	for _, o := range []*amur.Organization{w.ru, w.cn} {
		if err := s.CreateOrganization(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.CreatePerson(ctx, w.person); err != nil {
		t.Fatal(err)
	}
	return w
}

// offer returns a valid offer of org.
func (w offersWorld) offer(org *amur.Organization, st amur.ListingStatus, fields ...string) *amur.Offer {
	return &amur.Offer{Kind: amur.OfferTechnology, Listing: amur.Listing{Title: amur.T("ru", "Испытания"),
		Side: org.Country, OwnerID: org.ID, Status: st, Fields: fields}}
}

// TestOffersCRUD runs the life of offers, requests and interests on each
// database: create, read, list by every filter, update with versions,
// references checked, deletes guarded, and every change in the audit log
// and the outbox.
func TestOffersCRUD(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := newOffersWorld(t, s)
		pub := w.offer(w.ru, amur.ListingPublished, "2.2")
		pub.ContactID = w.person.ID
		pub.Expires = amur.MustDate("2099-12")
		old := w.offer(w.ru, amur.ListingPublished, "2.3")
		old.Expires = amur.MustDate("2020-01-31")
		draft := w.offer(w.cn, amur.ListingDraft, "1")
		for _, o := range []*amur.Offer{pub, old, draft} {
			if err := s.CreateOffer(ctx, o); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.Offer(ctx, old.ID)
		if err != nil || got.Status != amur.ListingExpired {
			t.Fatalf("an offer past its expiry reads as %v (%v)", got, err)
		}
		count := func(f amur.ListingFilter) int {
			t.Helper()
			f.Drafts = amur.AllDrafts
			l, err := s.Offers(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return len(l.Items)
		}
		cases := []struct {
			name string
			f    amur.ListingFilter
			want int
		}{
			{"all", amur.ListingFilter{}, 3},
			{"published", amur.ListingFilter{Statuses: []amur.ListingStatus{amur.ListingPublished}}, 1},
			{"expired", amur.ListingFilter{Statuses: []amur.ListingStatus{amur.ListingExpired}}, 1},
			{"draft or expired", amur.ListingFilter{Statuses: []amur.ListingStatus{amur.ListingDraft, amur.ListingExpired}}, 2},
			{"side RU", amur.ListingFilter{Sides: []string{"ru"}}, 2},
			{"field 2 and below", amur.ListingFilter{Fields: []string{"2"}}, 2},
			{"field 2.2", amur.ListingFilter{Fields: []string{"2.2"}}, 1},
			{"owner CN", amur.ListingFilter{OwnerID: w.cn.ID}, 1},
			{"published in 2019", amur.ListingFilter{Statuses: []amur.ListingStatus{amur.ListingPublished}, Today: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)}, 2},
		}
		for _, c := range cases {
			if n := count(c.f); n != c.want {
				t.Errorf("%s: %d offers, want %d", c.name, n, c.want)
			}
		}
		l, err := s.Offers(ctx, amur.ListingFilter{Drafts: amur.NoDrafts})
		if err != nil || len(l.Items) != 2 {
			t.Errorf("without drafts: %d offers (%v), want 2", len(l.Items), err)
		}
		l, err = s.Offers(ctx, amur.ListingFilter{Drafts: amur.OrgDrafts, DraftOrg: w.cn.ID})
		if err != nil || len(l.Items) != 3 {
			t.Errorf("with the CN drafts: %d offers (%v), want 3", len(l.Items), err)
		}
		if _, err := s.Offers(ctx, amur.ListingFilter{Fields: []string{"x"}}); amur.ErrorCode(err) != amur.EInvalid {
			t.Errorf("a bad field code: %v", err)
		}

		bad := w.offer(w.ru, amur.ListingPublished, "9.9")
		if err := s.CreateOffer(ctx, bad); amur.AsError(err) == nil || amur.AsError(err).Field != "fields" {
			t.Errorf("an unknown field code: %v", err)
		}
		bad = w.offer(w.ru, amur.ListingPublished)
		bad.OwnerID = amur.NewID()
		if err := s.CreateOffer(ctx, bad); amur.AsError(err) == nil || amur.AsError(err).Field != "owner_id" {
			t.Errorf("an unknown owner: %v", err)
		}

		pub.Keywords = []string{"ионы"}
		if err := s.UpdateOffer(ctx, pub); err != nil || pub.Version != 2 {
			t.Fatalf("update: %v, version %d", err, pub.Version)
		}
		stale := *pub
		stale.Version = 1
		if err := s.UpdateOffer(ctx, &stale); amur.ErrorCode(err) != amur.EStale {
			t.Errorf("a stale update: %v", err)
		}

		req := &amur.Request{TRLMax: 7, Listing: amur.Listing{Title: amur.T("zh", "抗辐射测试"), Side: "CN", OwnerID: w.cn.ID,
			Status: amur.ListingPublished, TRL: 4, Fields: []string{"2.2"}}}
		if err := s.CreateRequest(ctx, req); err != nil {
			t.Fatal(err)
		}
		rl, err := s.Requests(ctx, amur.ListingFilter{Sides: []string{"CN"}, Fields: []string{"2"}})
		if err != nil || len(rl.Items) != 1 || rl.Items[0].TRLMax != 7 {
			t.Errorf("requests: %+v (%v)", rl, err)
		}

		in := &amur.Interest{OfferID: pub.ID, OrgID: w.cn.ID, Message: amur.T("zh", "感兴趣")}
		if err := s.CreateInterest(ctx, in); err != nil {
			t.Fatal(err)
		}
		in2 := &amur.Interest{RequestID: req.ID, OrgID: w.ru.ID}
		if err := s.CreateInterest(ctx, in2); err != nil {
			t.Fatal(err)
		}
		scoped := func(party string) int {
			t.Helper()
			l, err := s.Interests(ctx, amur.InterestFilter{Scoped: true, Party: party})
			if err != nil {
				t.Fatal(err)
			}
			return len(l.Items)
		}
		if a, b, c := scoped(w.cn.ID), scoped(w.ru.ID), scoped(amur.NewID()); a != 2 || b != 2 || c != 0 {
			t.Errorf("interests of CN %d, RU %d, a stranger %d; want 2, 2, 0", a, b, c)
		}
		il, err := s.Interests(ctx, amur.InterestFilter{OfferID: pub.ID, Statuses: []amur.InterestStatus{amur.InterestSent}})
		if err != nil || len(il.Items) != 1 || il.Items[0].ID != in.ID {
			t.Errorf("interests in the offer: %+v (%v)", il, err)
		}
		if err := s.DeleteOffer(ctx, pub.ID); amur.ErrorCode(err) != amur.EConflict {
			t.Errorf("deleting an offer with interests: %v", err)
		}
		in.Status = amur.InterestAccepted
		if err := s.UpdateInterest(ctx, in); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteInterest(ctx, in.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteOffer(ctx, pub.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Offer(ctx, pub.ID); amur.ErrorCode(err) != amur.ENotFound {
			t.Errorf("a deleted offer: %v", err)
		}
		audit, err := s.Audit(ctx, amur.AuditFilter{Kind: amur.KindInterest, ID: in.ID})
		if err != nil || len(audit.Items) != 3 {
			t.Errorf("audit of an interest: %d entries (%v), want create, update, delete", len(audit.Items), err)
		}
		changes, err := s.Changes(ctx, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		byKind := map[amur.Kind]int{}
		for _, c := range changes {
			byKind[c.Kind]++
		}
		if byKind[amur.KindOffer] != 5 || byKind[amur.KindRequest] != 1 || byKind[amur.KindInterest] != 4 {
			t.Errorf("outbox changes by kind: %v", byKind)
		}
	})
}

// TestOffersBulk imports listings and interests in one transaction, and
// none of them when one fails.
func TestOffersBulk(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		w := newOffersWorld(t, s)
		o := w.offer(w.ru, amur.ListingPublished, "2.2")
		err := s.Bulk(ctx, func(bw amur.BulkWriter) error {
			if err := amur.Prepare(o); err != nil {
				return err
			}
			if err := bw.Put(o); err != nil {
				return err
			}
			i := &amur.Interest{OfferID: o.ID, OrgID: w.cn.ID}
			if err := amur.Prepare(i); err != nil {
				return err
			}
			return bw.Put(i)
		})
		if err != nil {
			t.Fatal(err)
		}
		err = s.Bulk(ctx, func(bw amur.BulkWriter) error {
			r := &amur.Request{Listing: amur.Listing{Title: amur.T("en", "x"), Side: "CN", OwnerID: w.cn.ID}}
			if err := amur.Prepare(r); err != nil {
				return err
			}
			if err := bw.Put(r); err != nil {
				return err
			}
			i := &amur.Interest{RequestID: amur.NewID(), OrgID: w.ru.ID}
			if err := amur.Prepare(i); err != nil {
				return err
			}
			return bw.Put(i)
		})
		if err == nil {
			t.Fatal("an interest in an unknown request was imported")
		}
		for k, want := range map[amur.Kind]int{amur.KindOffer: 1, amur.KindRequest: 0, amur.KindInterest: 1} {
			if n, err := s.Count(ctx, k); err != nil || n != want {
				t.Errorf("%s: %d stored (%v), want %d", k, n, err, want)
			}
		}
	})
}
