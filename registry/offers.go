package registry

import (
	"context"

	"amur"
)

// Offer returns the offer with id if the principal may see it, without its
// owner and contact when it is anonymous to the principal.
func (s *Store) Offer(ctx context.Context, id string) (*amur.Offer, error) {
	o, err := get(ctx, s.next.Offer, id)
	if err != nil {
		return nil, err
	}
	return Redact(principal(ctx), o).(*amur.Offer), nil
}

// Offers lists the offers the principal may see; the scope of drafts and
// anonymity comes from the principal, whatever f says.
func (s *Store) Offers(ctx context.Context, f amur.ListingFilter) (*amur.List[*amur.Offer], error) {
	p := principal(ctx)
	ListingScope(p, &f)
	l, err := s.next.Offers(ctx, f)
	if err != nil {
		return nil, err
	}
	for i, o := range l.Items {
		l.Items[i] = Redact(p, o).(*amur.Offer)
	}
	return l, nil
}

// CreateOffer stores a new offer if the principal may create it.
func (s *Store) CreateOffer(ctx context.Context, o *amur.Offer) error {
	return create(ctx, o, s.next.CreateOffer)
}

// UpdateOffer replaces an offer if the principal may change it so.
func (s *Store) UpdateOffer(ctx context.Context, o *amur.Offer) error {
	return update(ctx, o, s.next.Offer, s.next.UpdateOffer)
}

// DeleteOffer deletes an offer if the principal may.
func (s *Store) DeleteOffer(ctx context.Context, id string) error {
	return remove(ctx, id, s.next.Offer, s.next.DeleteOffer)
}

// Request returns the request with id as Offer returns an offer.
func (s *Store) Request(ctx context.Context, id string) (*amur.Request, error) {
	r, err := get(ctx, s.next.Request, id)
	if err != nil {
		return nil, err
	}
	return Redact(principal(ctx), r).(*amur.Request), nil
}

// Requests lists the requests the principal may see, as Offers does.
func (s *Store) Requests(ctx context.Context, f amur.ListingFilter) (*amur.List[*amur.Request], error) {
	p := principal(ctx)
	ListingScope(p, &f)
	l, err := s.next.Requests(ctx, f)
	if err != nil {
		return nil, err
	}
	for i, r := range l.Items {
		l.Items[i] = Redact(p, r).(*amur.Request)
	}
	return l, nil
}

// CreateRequest stores a new request if the principal may create it.
func (s *Store) CreateRequest(ctx context.Context, r *amur.Request) error {
	return create(ctx, r, s.next.CreateRequest)
}

// UpdateRequest replaces a request if the principal may change it so.
func (s *Store) UpdateRequest(ctx context.Context, r *amur.Request) error {
	return update(ctx, r, s.next.Request, s.next.UpdateRequest)
}

// DeleteRequest deletes a request if the principal may.
func (s *Store) DeleteRequest(ctx context.Context, id string) error {
	return remove(ctx, id, s.next.Request, s.next.DeleteRequest)
}

// listingOwner returns the owner of the offer or request interest i is
// in, read from the store itself: the owner is a party even when the
// listing is anonymous to others.
func (s *Store) listingOwner(ctx context.Context, i *amur.Interest) (*amur.Listing, error) {
	if k, id := i.Target(); k == amur.KindOffer {
		o, err := s.next.Offer(ctx, id)
		if err != nil {
			return nil, err
		}
		return &o.Listing, nil
	}
	r, err := s.next.Request(ctx, i.RequestID)
	if err != nil {
		return nil, err
	}
	return &r.Listing, nil
}

// Interest returns the interest with id to its two parties, offices and
// admins; to anyone else it does not exist.
func (s *Store) Interest(ctx context.Context, id string) (*amur.Interest, error) {
	i, err := s.next.Interest(ctx, id)
	if err != nil {
		return nil, err
	}
	l, err := s.listingOwner(ctx, i)
	if err != nil {
		return nil, err
	}
	if !canReadInterest(principal(ctx), i, l.OwnerID) {
		return nil, amur.NotFound(string(amur.KindInterest), id)
	}
	return i, nil
}

// Interests lists the interests of which the principal is a party, or
// every one for offices and admins.
func (s *Store) Interests(ctx context.Context, f amur.InterestFilter) (*amur.List[*amur.Interest], error) {
	interestScope(principal(ctx), &f)
	return s.next.Interests(ctx, f)
}

// interestScope restricts f to the interests p is a party of.
func interestScope(p *amur.Principal, f *amur.InterestFilter) {
	f.Scoped, f.Party, f.PartyUser = false, "", ""
	if p.Is(amur.RoleAdmin) || p.Is(amur.RoleOffice) {
		return
	}
	f.Scoped = true
	if p != nil {
		f.Party, f.PartyUser = p.OrgID, p.UserID
	}
}

// CreateInterest stores an expression of interest in a listing the
// principal may see and does not own. Anyone but an office or an admin
// speaks in its own name: the user, and its organisation unless another
// is named (which the policy then refuses).
func (s *Store) CreateInterest(ctx context.Context, i *amur.Interest) error {
	p := principal(ctx)
	if p == nil {
		return amur.Errorf(amur.EUnauthorized, "err.unauthorized")
	}
	if !p.Is(amur.RoleAdmin) && !p.Is(amur.RoleOffice) {
		i.UserID = p.UserID
		if i.OrgID == "" {
			i.OrgID = p.OrgID
		}
	}
	if err := amur.Prepare(i); err != nil {
		return err
	}
	l, err := s.visibleTarget(ctx, i)
	if err != nil {
		return err
	}
	if ownsListing(p, l) && !p.Is(amur.RoleAdmin) && !p.Is(amur.RoleOffice) {
		return amur.Invalid("offer_id", "offers.err.own_listing")
	}
	if err := decideCreate(p, i); err != nil {
		return err
	}
	return s.next.CreateInterest(ctx, i)
}

// visibleTarget returns the listing i is in, or the error its read gives
// the principal (ENotFound naming the field for a hidden draft).
func (s *Store) visibleTarget(ctx context.Context, i *amur.Interest) (*amur.Listing, error) {
	k, id := i.Target()
	field := "offer_id"
	var l *amur.Listing
	var err error
	if k == amur.KindOffer {
		var o *amur.Offer
		if o, err = get(ctx, s.next.Offer, id); err == nil {
			l = &o.Listing
		}
	} else {
		field = "request_id"
		var r *amur.Request
		if r, err = get(ctx, s.next.Request, id); err == nil {
			l = &r.Listing
		}
	}
	if amur.ErrorCode(err) == amur.ENotFound {
		return nil, amur.Invalid(field, "err.ref", "kind", string(k))
	}
	return l, err
}

// UpdateInterest replaces an interest if the principal may change it so
// (see decideInterest), on the version it replaces.
func (s *Store) UpdateInterest(ctx context.Context, i *amur.Interest) error {
	before, err := s.Interest(ctx, i.ID)
	if err != nil {
		return err
	}
	if v := before.Version; v != i.Version {
		e := amur.Errorf(amur.EStale, "err.stale", "kind", string(amur.KindInterest), "id", i.ID, "version", v)
		e.Field = "version"
		return e
	}
	i.Normalize()
	l, err := s.listingOwner(ctx, before)
	if err != nil {
		return err
	}
	if err := decideInterest(principal(ctx), before, i, l.OwnerID); err != nil {
		return err
	}
	return s.next.UpdateInterest(ctx, i)
}

// DeleteInterest deletes an interest; only offices and admins may, since
// the parties withdraw or decline instead and the history stays.
func (s *Store) DeleteInterest(ctx context.Context, id string) error {
	before, err := s.Interest(ctx, id)
	if err != nil {
		return err
	}
	if err := decideInterest(principal(ctx), before, nil, ""); err != nil {
		return err
	}
	return s.next.DeleteInterest(ctx, id)
}

// countOffers counts the offers, requests or interests the principal may
// see, and reports whether k was one of those kinds.
func (s *Store) countOffers(ctx context.Context, k amur.Kind) (int, bool, error) {
	p := principal(ctx)
	if p.Is(amur.RoleAdmin) || p.Is(amur.RoleOffice) {
		return 0, false, nil
	}
	page := amur.Page{Limit: 1, Count: true}
	var total int
	var err error
	switch k {
	case amur.KindOffer:
		var l *amur.List[*amur.Offer]
		if l, err = s.Offers(ctx, amur.ListingFilter{Page: page}); err == nil {
			total = l.Total
		}
	case amur.KindRequest:
		var l *amur.List[*amur.Request]
		if l, err = s.Requests(ctx, amur.ListingFilter{Page: page}); err == nil {
			total = l.Total
		}
	case amur.KindInterest:
		var l *amur.List[*amur.Interest]
		if l, err = s.Interests(ctx, amur.InterestFilter{Page: page}); err == nil {
			total = l.Total
		}
	default:
		return 0, false, nil
	}
	return total, true, err
}
