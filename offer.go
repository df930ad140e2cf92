package amur

import (
	"context"
	"slices"
	"strings"
	"time"
)

// OfferKind is what a team offers.
type OfferKind string

// The offer kinds.
const (
	OfferResult     OfferKind = "result"     // a basic-science result
	OfferTechnology OfferKind = "technology" // a technology ready to transfer
	OfferEquipment  OfferKind = "equipment"  // access to equipment or a facility
	OfferExpertise  OfferKind = "expertise"  // know-how and people
)

// OfferKinds lists every offer kind.
var OfferKinds = []OfferKind{OfferResult, OfferTechnology, OfferEquipment, OfferExpertise}

// IPStatus is the state of the intellectual property behind a listing.
type IPStatus string

// The IP states.
const (
	IPPatented      IPStatus = "patented"
	IPPatentPending IPStatus = "patent_pending"
	IPKnowHow       IPStatus = "know_how"
	IPOpen          IPStatus = "open"
	IPNone          IPStatus = "none"
)

// IPStatuses lists every IP state.
var IPStatuses = []IPStatus{IPPatented, IPPatentPending, IPKnowHow, IPOpen, IPNone}

// CoopType is a form of cooperation a listing proposes or accepts.
type CoopType string

// The cooperation types.
const (
	CoopLicence         CoopType = "licence"
	CoopJointRD         CoopType = "joint_rd"
	CoopContract        CoopType = "contract_research"
	CoopEquipmentAccess CoopType = "equipment_access"
	CoopTalentExchange  CoopType = "talent_exchange"
)

// CoopTypes lists every cooperation type.
var CoopTypes = []CoopType{CoopLicence, CoopJointRD, CoopContract, CoopEquipmentAccess, CoopTalentExchange}

// ListingStatus is where an offer or a request stands.
type ListingStatus string

// The listing statuses. Expired is also what a published listing shows
// once its Expires date has passed (see StatusOn), whatever is stored.
const (
	ListingDraft     ListingStatus = "draft"
	ListingPublished ListingStatus = "published"
	ListingMatched   ListingStatus = "matched"
	ListingClosed    ListingStatus = "closed"
	ListingExpired   ListingStatus = "expired"
)

// ListingStatuses lists every listing status.
var ListingStatuses = []ListingStatus{ListingDraft, ListingPublished, ListingMatched, ListingClosed, ListingExpired}

// Limits on listings.
const (
	MinTRL         = 1
	MaxTRL         = 9
	MaxKeywords    = 30
	MaxKeywordLen  = 200
	MaxListingText = 16 << 10
)

// Listing is what offers and requests share: the subject, its fields and
// readiness, the terms of cooperation, and who stands behind it.
type Listing struct {
	Meta
	Title       Text `json:"title"`
	Description Text `json:"description"`
	// Fields holds the FORD codes of the fields of science concerned.
	Fields []string `json:"fields"`
	// TRL is the technology readiness level, 1 to 9, or 0 when unknown.
	// An offer states the level it has reached; a request the lowest level
	// it can use (see Request.TRLMax for the highest).
	TRL       int        `json:"trl,omitempty"`
	IP        IPStatus   `json:"ip"`
	Coop      []CoopType `json:"coop"`
	Side      string     `json:"side"`
	OwnerID   string     `json:"owner_id,omitempty"`
	ContactID string     `json:"contact_id,omitempty"`
	// Anonymous listings are published without the owner's name or
	// contact; interest in them goes through the program office.
	Anonymous  bool          `json:"anonymous"`
	Expires    Date          `json:"expires"`
	Status     ListingStatus `json:"status"`
	Keywords   []string      `json:"keywords"`
	Provenance Provenance    `json:"provenance"`
	// Synthetic marks records made up by the demo generator.
	Synthetic bool `json:"synthetic"`
}

// Offer is what a team can provide: a result, a technology, access to
// equipment or its expertise.
type Offer struct {
	Listing
	Kind OfferKind `json:"kind"`
}

// Request is what an enterprise or an institute needs. Its TRL is the
// lowest readiness it can use.
type Request struct {
	Listing
	// TRLMax is the highest readiness the request wants, or 0 for no
	// bound: a request for joint research may want an early result.
	TRLMax int `json:"trl_max,omitempty"`
}

// InterestStatus is where an expression of interest stands.
type InterestStatus string

// The interest statuses.
const (
	InterestSent      InterestStatus = "sent"
	InterestAccepted  InterestStatus = "accepted"
	InterestDeclined  InterestStatus = "declined"
	InterestWithdrawn InterestStatus = "withdrawn"
)

// InterestStatuses lists every interest status.
var InterestStatuses = []InterestStatus{InterestSent, InterestAccepted, InterestDeclined, InterestWithdrawn}

// Interest is an expression of interest in an offer or a request: exactly
// one of OfferID and RequestID is set, and at least one of OrgID,
// PersonID and UserID says who is interested.
type Interest struct {
	Meta
	OfferID   string         `json:"offer_id,omitempty"`
	RequestID string         `json:"request_id,omitempty"`
	OrgID     string         `json:"org_id,omitempty"`
	PersonID  string         `json:"person_id,omitempty"`
	UserID    string         `json:"user_id,omitempty"`
	Message   Text           `json:"message"`
	Status    InterestStatus `json:"status"`
	// Synthetic marks records made up by the demo generator.
	Synthetic bool `json:"synthetic"`
}

// StatusOn returns the status the listing shows on day: a published
// listing whose Expires date has passed shows as expired.
func (l *Listing) StatusOn(day time.Time) ListingStatus {
	if l.Status == ListingPublished && l.ExpiredOn(day) {
		return ListingExpired
	}
	return l.Status
}

// ExpiredOn reports whether the listing's Expires date lies wholly before
// day, in UTC; a listing without one never expires.
func (l *Listing) ExpiredOn(day time.Time) bool {
	if l.Expires.IsZero() {
		return false
	}
	return l.Expires.Last(time.UTC).Before(day.UTC())
}

// ExpiresKey returns the last day of Expires as "YYYY-MM-DD", which sorts
// and compares as text, or "" when the listing does not expire.
func (l *Listing) ExpiresKey() string {
	if l.Expires.IsZero() {
		return ""
	}
	return l.Expires.Last(time.UTC).Format(time.DateOnly)
}

// Normalize puts the listing in canonical form.
func (l *Listing) Normalize() {
	l.Title.Normalize()
	l.Description.Normalize()
	l.Fields = sortedSet(l.Fields)
	l.Side = NormalizeSide(l.Side)
	l.Coop = enumSet(l.Coop)
	for i, k := range l.Keywords {
		l.Keywords[i] = strings.Join(strings.Fields(k), " ")
	}
	l.Keywords = trimAll(l.Keywords)
	if l.IP == "" {
		l.IP = IPNone
	}
	if l.Status == "" {
		l.Status = ListingDraft
	}
}

// Validate checks the listing; the error names the first offending field.
func (l *Listing) Validate() error {
	if err := l.Title.Validate("title", true); err != nil {
		return err
	}
	if err := l.Description.Validate("description", false); err != nil {
		return err
	}
	for _, s := range []string{l.Description.ZH, l.Description.RU, l.Description.EN} {
		if len(s) > MaxListingText {
			return Invalid("description", "err.too_long", "max", MaxListingText)
		}
	}
	if err := validateFieldCodes("fields", l.Fields); err != nil {
		return err
	}
	if l.TRL != 0 && (l.TRL < MinTRL || l.TRL > MaxTRL) {
		return Invalid("trl", "err.range", "min", MinTRL, "max", MaxTRL)
	}
	if err := checkEnum("ip", l.IP, IPStatuses); err != nil {
		return err
	}
	for _, c := range l.Coop {
		if err := checkEnum("coop", c, CoopTypes); err != nil {
			return err
		}
	}
	if !ValidSide(l.Side) {
		return Invalid("side", "err.side", "value", l.Side)
	}
	if err := l.validateRefs(); err != nil {
		return err
	}
	if err := checkEnum("status", l.Status, ListingStatuses); err != nil {
		return err
	}
	if err := l.validateKeywords(); err != nil {
		return err
	}
	return l.Provenance.validate()
}

// validateRefs checks the owner (required) and the contact.
func (l *Listing) validateRefs() error {
	switch {
	case l.OwnerID == "":
		return Invalid("owner_id", "err.required")
	case !ValidID(l.OwnerID):
		return Invalid("owner_id", "err.id")
	case l.ContactID != "" && !ValidID(l.ContactID):
		return Invalid("contact_id", "err.id")
	}
	return nil
}

// validateKeywords checks the number and length of the keywords.
func (l *Listing) validateKeywords() error {
	if len(l.Keywords) > MaxKeywords {
		return Invalid("keywords", "err.too_many", "max", MaxKeywords)
	}
	for i, k := range l.Keywords {
		if err := ValidString("keywords["+itoa(i)+"]", k, MaxKeywordLen); err != nil {
			return err
		}
	}
	return nil
}

// Normalize puts the offer in canonical form.
func (o *Offer) Normalize() { o.Listing.Normalize() }

// Validate checks the offer.
func (o *Offer) Validate() error {
	if err := o.Listing.Validate(); err != nil {
		return err
	}
	return checkEnum("kind", o.Kind, OfferKinds)
}

// Normalize puts the request in canonical form.
func (r *Request) Normalize() { r.Listing.Normalize() }

// Validate checks the request, and that its TRL range is not empty.
func (r *Request) Validate() error {
	if err := r.Listing.Validate(); err != nil {
		return err
	}
	switch {
	case r.TRLMax != 0 && (r.TRLMax < MinTRL || r.TRLMax > MaxTRL):
		return Invalid("trl_max", "err.range", "min", MinTRL, "max", MaxTRL)
	case r.TRLMax != 0 && r.TRLMax < r.TRL:
		return Invalid("trl_max", "err.range", "min", max(r.TRL, MinTRL), "max", MaxTRL)
	}
	return nil
}

// TRLRange returns the readiness range the request accepts, 1 to 9 when
// it names no bound.
func (r *Request) TRLRange() (lo, hi int) {
	lo, hi = max(r.TRL, MinTRL), r.TRLMax
	if hi == 0 {
		hi = MaxTRL
	}
	return lo, hi
}

// Normalize puts the interest in canonical form.
func (i *Interest) Normalize() {
	i.Message.Normalize()
	if i.Status == "" {
		i.Status = InterestSent
	}
}

// Validate checks the interest; the error names the offending field.
func (i *Interest) Validate() error {
	switch {
	case (i.OfferID == "") == (i.RequestID == ""):
		return Invalid("offer_id", "offers.err.target_one")
	case i.OfferID != "" && !ValidID(i.OfferID):
		return Invalid("offer_id", "err.id")
	case i.RequestID != "" && !ValidID(i.RequestID):
		return Invalid("request_id", "err.id")
	case i.OrgID == "" && i.PersonID == "" && i.UserID == "":
		return Invalid("org_id", "offers.err.who")
	case i.OrgID != "" && !ValidID(i.OrgID):
		return Invalid("org_id", "err.id")
	case i.PersonID != "" && !ValidID(i.PersonID):
		return Invalid("person_id", "err.id")
	case i.UserID != "" && !ValidID(i.UserID):
		return Invalid("user_id", "err.id")
	}
	if err := i.Message.Validate("message", false); err != nil {
		return err
	}
	return checkEnum("status", i.Status, InterestStatuses)
}

// Target returns the kind and id of the listing the interest is in.
func (i *Interest) Target() (Kind, string) {
	if i.OfferID != "" {
		return KindOffer, i.OfferID
	}
	return KindRequest, i.RequestID
}

// ListingSorts are the sort keys of offer and request lists, newest first
// by default.
var ListingSorts = []string{"-created", "created", "expires", "-expires", "updated", "-updated"}

// InterestSorts are the sort keys of interest lists.
var InterestSorts = []string{"-created", "created"}

// ListingFilter selects offers or requests. Empty parts select everything;
// a list matches any of its values.
type ListingFilter struct {
	// Statuses match the status a listing shows today (see StatusOn).
	Statuses []ListingStatus
	Sides    []string
	// Fields matches listings in a listed field or any of its sub-fields.
	Fields  []string
	OwnerID string
	// Today decides which published listings show as expired; zero means
	// the store's clock.
	Today     time.Time
	Synthetic *bool
	// Drafts says which drafts may match: none, all, or those owned by
	// DraftOrg. The registry sets it from the principal.
	Drafts   Drafts
	DraftOrg string
	// HideAnonymous makes an OwnerID filter skip anonymous listings of
	// other organisations than DraftOrg, so that filtering by owner cannot
	// reveal who stands behind them; the registry sets it.
	HideAnonymous bool
	Page
}

// InterestFilter selects expressions of interest.
type InterestFilter struct {
	OfferID   string
	RequestID string
	Statuses  []InterestStatus
	// Party, when set, keeps only the interests of which the organisation
	// Party or the user PartyUser is one side: the one interested, or the
	// owner of the offer or request. The registry sets it.
	Party     string
	PartyUser string
	// Scoped is set by the registry when Party and PartyUser restrict the
	// list; a scoped filter with neither matches nothing.
	Scoped bool
	Page
}

// OfferStore keeps offers, requests and expressions of interest.
type OfferStore interface {
	Offer(ctx context.Context, id string) (*Offer, error)
	Offers(ctx context.Context, f ListingFilter) (*List[*Offer], error)
	CreateOffer(ctx context.Context, o *Offer) error
	UpdateOffer(ctx context.Context, o *Offer) error
	DeleteOffer(ctx context.Context, id string) error

	Request(ctx context.Context, id string) (*Request, error)
	Requests(ctx context.Context, f ListingFilter) (*List[*Request], error)
	CreateRequest(ctx context.Context, r *Request) error
	UpdateRequest(ctx context.Context, r *Request) error
	DeleteRequest(ctx context.Context, id string) error

	Interest(ctx context.Context, id string) (*Interest, error)
	Interests(ctx context.Context, f InterestFilter) (*List[*Interest], error)
	CreateInterest(ctx context.Context, i *Interest) error
	UpdateInterest(ctx context.Context, i *Interest) error
	DeleteInterest(ctx context.Context, id string) error
}

// ListingOf returns the listing part of an offer or a request, or nil for
// any other record.
func ListingOf(r Record) *Listing {
	switch v := r.(type) {
	case *Offer:
		return &v.Listing
	case *Request:
		return &v.Listing
	}
	return nil
}

// enumSet returns the sorted distinct non-empty values of s, never nil.
func enumSet[S ~string](s []S) []S {
	out := make([]S, 0, len(s))
	for _, v := range s {
		if v = S(strings.TrimSpace(string(v))); v != "" {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// HasCoop reports whether the listing proposes cooperation type c.
func (l *Listing) HasCoop(c CoopType) bool { return slices.Contains(l.Coop, c) }

// RecordKind returns KindOffer.
func (*Offer) RecordKind() Kind { return KindOffer }

// RecordKind returns KindRequest.
func (*Request) RecordKind() Kind { return KindRequest }

// RecordKind returns KindInterest.
func (*Interest) RecordKind() Kind { return KindInterest }
