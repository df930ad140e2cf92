package match

import (
	"context"
	"strings"
	"testing"
	"time"

	"amur"
	"amur/demo"
	"amur/i18n"
	"amur/internal/testkit"
)

// demoStore returns a store holding the demo program with a few synthetic
// activities, and the demo's listings by their original title.
func demoStore(t *testing.T) (amur.Store, map[string]amur.Record) {
	t.Helper()
	st := testkit.MustOpenStore(t)
	opts := demo.Options{Activities: 50}
	if err := demo.Load(context.Background(), st, opts); err != nil {
		t.Fatal(err)
	}
	recs, err := demo.Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]amur.Record{}
	for _, r := range recs {
		if l := amur.ListingOf(r); l != nil {
			v, _, _ := l.Title.In(l.Title.Orig)
			byTitle[v] = r
		}
	}
	return st, byTitle
}

// fixedClock is the day the demo's listings are matched on.
func fixedClock() time.Time { return time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC) }

// TestRussianOfferTopsChineseRequest is the point of the package: a
// Chinese aerospace firm's request in Chinese finds a Russian laboratory's
// offer in Russian on the same subject first, and says through which
// bridge their words met.
func TestRussianOfferTopsChineseRequest(t *testing.T) {
	st, byTitle := demoStore(t)
	req := byTitle["宇航电子元器件抗辐射测试服务"]
	offer := byTitle["Испытания электронной компонентной базы на радиационную стойкость"]
	if req == nil || offer == nil {
		t.Fatal("demo listings missing")
	}
	e := New(st, WithClock(fixedClock))
	m, err := e.ForRequest(context.Background(), req.Base().ID, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Items) == 0 || m.Items[0].ID != offer.Base().ID {
		t.Fatalf("top match is not the radiation-testing offer: %+v", m.Items)
	}
	top := m.Items[0]
	bridged := false
	for _, term := range top.Explain.Terms {
		if term.Route == "zh-en lexicon + en-ru pivot" {
			bridged = true
		}
	}
	if !bridged {
		t.Errorf("no term met through the zh-en lexicon and the en-ru pivot: %+v", top.Explain.Terms)
	}
	if top.Side != "RU" || top.Explain.Side.Query != "CN" {
		t.Errorf("sides %q for query %q, want RU for CN", top.Side, top.Explain.Side.Query)
	}
	if top.Explain.Fields.Score != 1 || top.Explain.TRL.Score != 1 || len(top.Explain.Coop.Shared) != 2 {
		t.Errorf("facets %+v %+v %+v, want full field, TRL and cooperation fit", top.Explain.Fields, top.Explain.TRL, top.Explain.Coop)
	}
	for _, it := range m.Items {
		if it.Side == "CN" {
			t.Errorf("a listing of the request's own side was offered: %s", it.ID)
		}
	}
}

// TestReverseAndBaseline checks matching from an offer to requests, and
// that without bridges the Chinese request no longer finds the Russian
// offer by text.
func TestReverseAndBaseline(t *testing.T) {
	st, byTitle := demoStore(t)
	offer := byTitle["高超声速风洞试验服务"]
	want := byTitle["Требуются испытания в гиперзвуковой аэродинамической трубе"]
	m, err := New(st, WithClock(fixedClock)).ForOffer(context.Background(), offer.Base().ID, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Items) == 0 || m.Items[0].ID != want.Base().ID || m.Items[0].Kind != amur.KindRequest {
		t.Fatalf("top request for the wind-tunnel offer: %+v", m.Items)
	}
	req := byTitle["宇航电子元器件抗辐射测试服务"]
	base, err := New(st, WithClock(fixedClock), SameLanguageOnly()).ForRequest(context.Background(), req.Base().ID, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range base.Items {
		if it.Explain.Text > 0 && len(it.Explain.Terms) > 0 && it.Explain.Terms[0].Bridge.String() == "dictionary" {
			t.Errorf("the baseline used a dictionary: %+v", it.Explain.Terms)
		}
	}
}

// TestAnonymityAndDrafts checks that an anonymous offer's owner is hidden
// from the public but shown to an office, and that drafts are never
// candidates.
func TestAnonymityAndDrafts(t *testing.T) {
	st, byTitle := demoStore(t)
	req := byTitle["腺病毒载体疫苗"]
	if req != nil {
		t.Fatal("unexpected demo request")
	}
	// The Russian vaccine offer is anonymous; match it from a request made here.
	offer := byTitle["Платформа векторных вакцин на основе аденовируса"].(*amur.Offer)
	cdc := amur.Request{Listing: amur.Listing{Title: amur.T("zh", "腺病毒载体疫苗平台合作研发"),
		Side: "CN", OwnerID: orgOf(t, st, "CN"), Status: amur.ListingPublished}}
	if err := st.CreateRequest(context.Background(), &cdc); err != nil {
		t.Fatal(err)
	}
	e := New(st, WithClock(fixedClock))
	public, err := e.ForRequest(context.Background(), cdc.ID, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(public.Items) == 0 || public.Items[0].ID != offer.ID {
		t.Fatalf("vaccine offer not found: %+v", public.Items)
	}
	if public.Items[0].OwnerID != "" || !public.Items[0].Anonymous {
		t.Errorf("the public sees the owner of an anonymous offer: %+v", public.Items[0])
	}
	office := amur.WithActor(context.Background(), &amur.Actor{Principal: &amur.Principal{UserID: amur.NewID(), Role: amur.RoleOffice, Side: "RU"}})
	seen, err := e.ForRequest(office, cdc.ID, 3)
	if err != nil {
		t.Fatal(err)
	}
	if seen.Items[0].OwnerID != offer.OwnerID {
		t.Errorf("an office does not see the owner: %+v", seen.Items[0])
	}
	draft := byTitle["Композитные конструкции для беспилотных летательных аппаратов"]
	if _, err := e.ForOffer(context.Background(), draft.Base().ID, 3); amur.ErrorCode(err) != amur.ENotFound {
		t.Errorf("the public matched a draft: %v", err)
	}
	p, err := e.Partners(context.Background(), "композитные конструкции беспилотных", "", 20)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range p.Items {
		for _, s := range it.Explain.Sources {
			if s.ID == draft.Base().ID || s.ID == offer.ID {
				t.Errorf("a partner's profile shows a draft or anonymous offer: %+v", s)
			}
		}
	}
}

// orgOf returns the id of a stored organisation of country.
func orgOf(t *testing.T, st amur.Store, country string) string {
	t.Helper()
	l, err := st.Organizations(context.Background(), amur.OrganizationFilter{Countries: []string{country}})
	if err != nil || len(l.Items) == 0 {
		t.Fatal("no organisation", err)
	}
	return l.Items[0].ID
}

// TestPartners finds partners by expertise in each language, and answers
// bad queries with a coded error naming the field.
func TestPartners(t *testing.T) {
	st, _ := demoStore(t)
	e := New(st, WithClock(fixedClock))
	ctx := context.Background()
	m, err := e.Partners(ctx, "抗辐射测试", amur.KindOrganization, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Items) == 0 || !strings.Contains(m.Items[0].Title.RU, "МИФИ") && !strings.Contains(m.Items[0].Title.EN, "MEPhI") {
		t.Errorf("top partner for radiation testing: %+v", m.Items)
	}
	if m.Query.Lang != amur.ZH {
		t.Errorf("query language %q, want zh", m.Query.Lang)
	}
	for _, it := range m.Items {
		if it.Kind != amur.KindOrganization {
			t.Errorf("kind %q among organisations", it.Kind)
		}
	}
	bad := []struct {
		q     string
		field string
	}{
		{"", "q"},
		{strings.Repeat("а", MaxQueryBytes), "q"},
		{"\x00\x01\x02binary", "q"},
		{string([]byte{0xff, 0xfe, 0xfd}), "q"},
	}
	for _, b := range bad {
		_, err := e.Partners(ctx, b.q, "", 5)
		if ae := amur.AsError(err); ae == nil || ae.Code != amur.EInvalid || ae.Field != b.field {
			t.Errorf("Partners(%.20q) = %v, want invalid %s", b.q, err, b.field)
		}
	}
	if _, err := e.Partners(ctx, "x", "", MaxLimit+1); amur.ErrorCode(err) != amur.EInvalid {
		t.Errorf("limit over the maximum: %v", err)
	}
	if _, err := e.ForRequest(ctx, amur.NewID(), 5); amur.ErrorCode(err) != amur.ENotFound {
		t.Errorf("unknown request: %v", err)
	}
	if m, err := e.Partners(ctx, "12345 !!!", "", 5); err != nil || len(m.Items) != 0 {
		t.Errorf("a query without letters: %v %+v", err, m)
	}
}

// TestRebuildOnChange checks that the engine sees a new offer at the next
// query, through the outbox, and that a change of an unrelated kind keeps
// the built indexes.
func TestRebuildOnChange(t *testing.T) {
	st, byTitle := demoStore(t)
	ctx := context.Background()
	e := New(st, WithClock(fixedClock))
	req := byTitle["电力设备光纤温度传感器"].(*amur.Request)
	if _, err := e.ForRequest(ctx, req.ID, 3); err != nil {
		t.Fatal(err)
	}
	built := e.listings.snap
	entry := &amur.TimelineEntry{Date: amur.MustDate("2021"), Kind: amur.OtherEntry, Title: amur.T("en", "Unrelated")}
	if err := st.CreateTimelineEntry(ctx, entry); err != nil {
		t.Fatal(err)
	}
	if _, err := e.ForRequest(ctx, req.ID, 3); err != nil || e.listings.snap != built {
		t.Fatalf("a timeline entry rebuilt the listings (%v)", err)
	}
	o := &amur.Offer{Kind: amur.OfferTechnology, Listing: amur.Listing{
		Title: amur.T("ru", "Распределённые волоконно-оптические датчики температуры для кабелей и трансформаторов"),
		Side:  "RU", OwnerID: orgOf(t, st, "RU"), Status: amur.ListingPublished, Fields: []string{"2.2"}, TRL: 5,
		Coop: []amur.CoopType{amur.CoopJointRD}}}
	if err := st.CreateOffer(ctx, o); err != nil {
		t.Fatal(err)
	}
	m, err := e.ForRequest(ctx, req.ID, 3)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, it := range m.Items {
		found = found || it.ID == o.ID
	}
	if e.listings.snap == built || !found {
		t.Errorf("the new offer is not among the matches after it was stored: %+v", m.Items)
	}
}

// TestMessages checks that the errors of this area read in every
// language, naming the kind of record.
func TestMessages(t *testing.T) {
	for _, l := range amur.Langs {
		for _, err := range []error{amur.NotFound(string(amur.KindOffer), "x"), amur.NotFound(string(amur.KindRequest), "x"),
			amur.NotFound(string(amur.KindInterest), "x"), amur.Invalid("offer_id", "offers.err.target_one"),
			amur.Invalid("org_id", "offers.err.who"), amur.Errorf(amur.EForbidden, "offers.err.forbidden_owner"),
			amur.Errorf(amur.EForbidden, "offers.err.forbidden_interest"), amur.Invalid("offer_id", "offers.err.own_listing")} {
			msg := i18n.Message(l, err)
			if strings.Contains(msg, "offers") || strings.Contains(msg, "requests") || strings.Contains(msg, "interests") || strings.Contains(msg, "err.") {
				t.Errorf("%s: %v reads %q", l, err, msg)
			}
		}
	}
}
