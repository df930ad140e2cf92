package amur_test

import (
	"strings"
	"testing"
	"time"

	"amur"
)

// validOffer returns an offer that passes Validate.
func validOffer() *amur.Offer {
	return &amur.Offer{Kind: amur.OfferEquipment, Listing: amur.Listing{
		Title: amur.T("ru", "Испытания на радиационную стойкость"), Side: "ru", OwnerID: amur.NewID(),
		Fields: []string{"2.2", "2.2", "2.3.aerospace"}, TRL: 7, Coop: []amur.CoopType{"licence", " joint_rd", "licence"},
		Keywords: []string{"  радиационная   стойкость ", "", "микросхемы"}}}
}

func TestListingValidate(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(o *amur.Offer)
		field string
	}{
		{"valid", func(*amur.Offer) {}, ""},
		{"no title", func(o *amur.Offer) { o.Title = amur.Text{} }, "title"},
		{"bad field", func(o *amur.Offer) { o.Fields = []string{"7"} }, "fields"},
		{"TRL 10", func(o *amur.Offer) { o.TRL = 10 }, "trl"},
		{"TRL negative", func(o *amur.Offer) { o.TRL = -1 }, "trl"},
		{"bad IP", func(o *amur.Offer) { o.IP = "secret" }, "ip"},
		{"bad coop", func(o *amur.Offer) { o.Coop = []amur.CoopType{"merger"} }, "coop"},
		{"no side", func(o *amur.Offer) { o.Side = "" }, "side"},
		{"no owner", func(o *amur.Offer) { o.OwnerID = "" }, "owner_id"},
		{"bad owner", func(o *amur.Offer) { o.OwnerID = "tpu" }, "owner_id"},
		{"bad contact", func(o *amur.Offer) { o.ContactID = "ivanov" }, "contact_id"},
		{"bad status", func(o *amur.Offer) { o.Status = "sold" }, "status"},
		{"bad kind", func(o *amur.Offer) { o.Kind = "service" }, "kind"},
		{"too many keywords", func(o *amur.Offer) { o.Keywords = make([]string, 31); fill(o.Keywords) }, "keywords"},
		{"control keyword", func(o *amur.Offer) { o.Keywords = []string{"a\x00b"} }, "keywords[0]"},
		{"huge description", func(o *amur.Offer) { o.Description = amur.T("en", strings.Repeat("x", 20000)) }, "description"},
	}
	for _, c := range cases {
		o := validOffer()
		c.edit(o)
		err := amur.Prepare(o)
		if c.field == "" {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		if e := amur.AsError(err); e == nil || e.Code != amur.EInvalid || e.Field != c.field {
			t.Errorf("%s: %v, want invalid %s", c.name, err, c.field)
		}
	}
}

// fill gives each string a distinct value.
func fill(s []string) {
	for i := range s {
		s[i] = "k" + string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
}

func TestListingNormalize(t *testing.T) {
	o := validOffer()
	if err := amur.Prepare(o); err != nil {
		t.Fatal(err)
	}
	if o.Side != "RU" || len(o.Fields) != 2 || len(o.Coop) != 2 || o.Coop[0] != amur.CoopJointRD || o.IP != amur.IPNone || o.Status != amur.ListingDraft {
		t.Errorf("normalised: side %q fields %v coop %v ip %q status %q", o.Side, o.Fields, o.Coop, o.IP, o.Status)
	}
	if len(o.Keywords) != 2 || o.Keywords[0] != "радиационная стойкость" {
		t.Errorf("keywords %q", o.Keywords)
	}
}

func TestRequestTRL(t *testing.T) {
	cases := []struct {
		trl, max int
		field    string
		lo, hi   int
	}{
		{0, 0, "", 1, 9},
		{4, 0, "", 4, 9},
		{4, 7, "", 4, 7},
		{5, 5, "", 5, 5},
		{6, 4, "trl_max", 0, 0},
		{0, 12, "trl_max", 0, 0},
	}
	for _, c := range cases {
		r := &amur.Request{TRLMax: c.max, Listing: validOffer().Listing}
		r.TRL = c.trl
		err := amur.Prepare(r)
		if c.field != "" {
			if e := amur.AsError(err); e == nil || e.Field != c.field {
				t.Errorf("TRL %d–%d: %v, want invalid %s", c.trl, c.max, err, c.field)
			}
			continue
		}
		if err != nil {
			t.Fatalf("TRL %d–%d: %v", c.trl, c.max, err)
		}
		if lo, hi := r.TRLRange(); lo != c.lo || hi != c.hi {
			t.Errorf("TRL %d–%d: range %d–%d, want %d–%d", c.trl, c.max, lo, hi, c.lo, c.hi)
		}
	}
}

func TestListingExpiry(t *testing.T) {
	day := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		status  amur.ListingStatus
		expires string
		want    amur.ListingStatus
	}{
		{amur.ListingPublished, "", amur.ListingPublished},
		{amur.ListingPublished, "2026-11-22", amur.ListingPublished},
		{amur.ListingPublished, "2026-11-21", amur.ListingExpired},
		{amur.ListingPublished, "2026-10", amur.ListingExpired},
		{amur.ListingPublished, "2026", amur.ListingPublished},
		{amur.ListingClosed, "2020", amur.ListingClosed},
		{amur.ListingDraft, "2020", amur.ListingDraft},
	}
	for _, c := range cases {
		l := amur.Listing{Status: c.status}
		if c.expires != "" {
			l.Expires = amur.MustDate(c.expires)
		}
		if got := l.StatusOn(day); got != c.want {
			t.Errorf("%s expiring %q shows %q, want %q", c.status, c.expires, got, c.want)
		}
	}
}

func TestInterestValidate(t *testing.T) {
	id := amur.NewID()
	cases := []struct {
		name  string
		i     amur.Interest
		field string
	}{
		{"offer", amur.Interest{OfferID: id, OrgID: id}, ""},
		{"request by user", amur.Interest{RequestID: id, UserID: id}, ""},
		{"both targets", amur.Interest{OfferID: id, RequestID: id, OrgID: id}, "offer_id"},
		{"no target", amur.Interest{OrgID: id}, "offer_id"},
		{"nobody", amur.Interest{OfferID: id}, "org_id"},
		{"bad person", amur.Interest{OfferID: id, PersonID: "x"}, "person_id"},
		{"bad status", amur.Interest{OfferID: id, OrgID: id, Status: "maybe"}, "status"},
		{"bad message", amur.Interest{OfferID: id, OrgID: id, Message: amur.T("en", "\x00")}, "message.en"},
	}
	for _, c := range cases {
		err := amur.Prepare(&c.i)
		if c.field == "" {
			if err != nil || c.i.Status != amur.InterestSent {
				t.Errorf("%s: %v, status %q", c.name, err, c.i.Status)
			}
			continue
		}
		if e := amur.AsError(err); e == nil || e.Field != c.field {
			t.Errorf("%s: %v, want invalid %s", c.name, err, c.field)
		}
	}
}

func TestParseOfferKinds(t *testing.T) {
	for s, want := range map[string]amur.Kind{"offer": amur.KindOffer, "requests": amur.KindRequest, "interest": amur.KindInterest} {
		if k, err := amur.ParseKind(s); err != nil || k != want {
			t.Errorf("ParseKind(%q) = %q, %v", s, k, err)
		}
		if r := amur.NewRecord(want); r == nil || r.RecordKind() != want {
			t.Errorf("NewRecord(%q) = %v", want, r)
		}
	}
}
