package registry

import (
	"amur"
)

// The policy of offers, requests and expressions of interest joins the
// writes table here rather than in policy.go, so that the rules of one
// area stay together:
//
//   - an office changes the listings of its own side and any interest;
//   - a coordinator or an applicant of organisation O creates, edits,
//     publishes and deletes the listings that O owns, and expresses
//     interest in its own name (interests are otherwise decided in
//     offers.go, which knows the listing an interest is in).
func init() {
	writes[amur.RoleOffice][amur.KindOffer] = listingOfOwnSide
	writes[amur.RoleOffice][amur.KindRequest] = listingOfOwnSide
	writes[amur.RoleOffice][amur.KindInterest] = anyRecord
	for _, role := range []amur.UserRole{amur.RoleCoordinator, amur.RoleApplicant} {
		if writes[role] == nil {
			writes[role] = map[amur.Kind]rule{}
		}
		writes[role][amur.KindOffer] = ownListing
		writes[role][amur.KindRequest] = ownListing
		writes[role][amur.KindInterest] = ownInterest
	}
}

// listingOfOwnSide lets an office change the offers and requests of its
// side.
func listingOfOwnSide(p *amur.Principal, _ Action, r amur.Record) string {
	if l := amur.ListingOf(r); p.Side != "" && l != nil && l.Side == p.Side {
		return ""
	}
	return "err.forbidden_side"
}

// ownListing lets the people of an organisation change the offers and
// requests it owns.
func ownListing(p *amur.Principal, _ Action, r amur.Record) string {
	if l := amur.ListingOf(r); l != nil && ownsListing(p, l) {
		return ""
	}
	return "offers.err.forbidden_owner"
}

// ownInterest lets a principal create an interest in its own name; the
// registry fills the name in. Changes of a stored interest are decided by
// decideInterest, which knows both parties.
func ownInterest(p *amur.Principal, act Action, r amur.Record) string {
	i := r.(*amur.Interest)
	if act == Create && i.UserID == p.UserID && (i.OrgID == "" || i.OrgID == p.OrgID) && i.Status == amur.InterestSent {
		return ""
	}
	return "offers.err.forbidden_interest"
}

// ownsListing reports whether p speaks for the organisation owning l.
func ownsListing(p *amur.Principal, l *amur.Listing) bool {
	return p != nil && p.OrgID != "" && l.OwnerID == p.OrgID
}

// canReadListing reports whether p may see l: drafts only the owner's
// people, offices and admins.
func canReadListing(p *amur.Principal, l *amur.Listing) bool {
	return l.Status != amur.ListingDraft || p.Is(amur.RoleAdmin) || p.Is(amur.RoleOffice) || ownsListing(p, l)
}

// SeesOwner reports whether p may see who stands behind l: everyone when
// it is not anonymous; otherwise its owner's people, offices (who broker
// interest in anonymous listings) and admins.
func SeesOwner(p *amur.Principal, l *amur.Listing) bool {
	return !l.Anonymous || p.Is(amur.RoleAdmin) || p.Is(amur.RoleOffice) || ownsListing(p, l)
}

// Redact returns r as p may see it: an anonymous offer or request without
// its owner and contact when p may not see them, as a copy; any other
// record as it is.
func Redact(p *amur.Principal, r amur.Record) amur.Record {
	switch v := r.(type) {
	case *amur.Offer:
		if !SeesOwner(p, &v.Listing) {
			c := *v
			c.OwnerID, c.ContactID = "", ""
			return &c
		}
	case *amur.Request:
		if !SeesOwner(p, &v.Listing) {
			c := *v
			c.OwnerID, c.ContactID = "", ""
			return &c
		}
	}
	return r
}

// ListingScope returns the scope of drafts and anonymity of offer and
// request lists for p, in the form of amur.ListingFilter's fields.
func ListingScope(p *amur.Principal, f *amur.ListingFilter) {
	f.Drafts, f.DraftOrg = amur.NoDrafts, ""
	f.HideAnonymous = true
	switch {
	case p.Is(amur.RoleAdmin), p.Is(amur.RoleOffice):
		f.Drafts, f.HideAnonymous = amur.AllDrafts, false
	case p != nil && amur.ValidID(p.OrgID):
		f.Drafts, f.DraftOrg = amur.OrgDrafts, p.OrgID
	}
}

// interestParty tells how p stands to interest i in a listing owned by
// owner: as the one interested, as the owner, or neither.
func interestParty(p *amur.Principal, i *amur.Interest, owner string) (interested, owns bool) {
	if p == nil {
		return false, false
	}
	interested = i.UserID != "" && i.UserID == p.UserID || p.OrgID != "" && i.OrgID == p.OrgID
	owns = p.OrgID != "" && owner == p.OrgID
	return interested, owns
}

// canReadInterest reports whether p may see interest i in a listing owned
// by owner: the two parties, offices and admins.
func canReadInterest(p *amur.Principal, i *amur.Interest, owner string) bool {
	if p.Is(amur.RoleAdmin) || p.Is(amur.RoleOffice) {
		return true
	}
	interested, owns := interestParty(p, i, owner)
	return interested || owns
}

// decideInterest decides the change of interest before into after (nil
// for a delete) in a listing owned by owner. Offices and admins may do
// anything; the one interested may edit its message and withdraw while
// the interest is sent; the owner may accept or decline it, nothing else.
func decideInterest(p *amur.Principal, before, after *amur.Interest, owner string) error {
	switch {
	case p == nil:
		return amur.Errorf(amur.EUnauthorized, "err.unauthorized")
	case p.Is(amur.RoleAdmin), p.Is(amur.RoleOffice):
		return nil
	case after == nil:
		return forbidInterest()
	case after.OfferID != before.OfferID || after.RequestID != before.RequestID ||
		after.OrgID != before.OrgID || after.PersonID != before.PersonID || after.UserID != before.UserID:
		return forbidInterest()
	}
	interested, owns := interestParty(p, before, owner)
	same := after.Status == before.Status
	switch {
	case interested && before.Status == amur.InterestSent && (same || after.Status == amur.InterestWithdrawn):
		return nil
	case owns && before.Status == amur.InterestSent && sameText(before.Message, after.Message) &&
		(after.Status == amur.InterestAccepted || after.Status == amur.InterestDeclined):
		return nil
	}
	return forbidInterest()
}

// forbidInterest is the refusal of a change of an interest.
func forbidInterest() error {
	return amur.Errorf(amur.EForbidden, "offers.err.forbidden_interest", "kind", string(amur.KindInterest))
}

// sameText reports whether two texts hold the same values.
func sameText(a, b amur.Text) bool {
	return a.ZH == b.ZH && a.RU == b.RU && a.EN == b.EN && a.Orig == b.Orig
}

// canReadOffers decides CanRead for offers, requests and interests, and
// reports whether r was one of them. An interest's owner party is not
// known here (it is the owner of the listing); Store.Interest asks
// canReadInterest with it.
func canReadOffers(p *amur.Principal, r amur.Record) (ok, decided bool) {
	if l := amur.ListingOf(r); l != nil {
		return canReadListing(p, l), true
	}
	if i, is := r.(*amur.Interest); is {
		return canReadInterest(p, i, ""), true
	}
	return false, false
}
