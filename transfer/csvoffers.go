package transfer

import "amur"

// The CSV layouts of offers, requests and expressions of interest join the
// codecs here, beside the others' in csvkinds.go; docs/import-format.md
// describes them.
func init() {
	codecs[amur.KindOffer] = &codec[amur.Offer, *amur.Offer]{offerCols()}
	codecs[amur.KindRequest] = &codec[amur.Request, *amur.Request]{requestCols()}
	codecs[amur.KindInterest] = &codec[amur.Interest, *amur.Interest]{interestCols()}
}

// listingCols are the columns offers and requests share, between the id
// and extra, the columns of the kind, and the bookkeeping columns.
func listingCols[T any](l func(*T) *amur.Listing, extra ...column[T]) []column[T] {
	meta := func(t *T) *amur.Meta { return &l(t).Meta }
	return cols(
		[]column[T]{idCol(meta)},
		textCols("title", func(t *T) *amur.Text { return &l(t).Title }),
		textCols("description", func(t *T) *amur.Text { return &l(t).Description }),
		[]column[T]{
			strList("fields", "fields", func(t *T) *[]string { return &l(t).Fields }),
			integer("trl", "trl", func(t *T) *int { return &l(t).TRL }),
		},
		extra,
		[]column[T]{
			str("ip", "ip", func(t *T) *amur.IPStatus { return &l(t).IP }),
			strList("coop", "coop", func(t *T) *[]amur.CoopType { return &l(t).Coop }),
			str("side", "side", func(t *T) *string { return &l(t).Side }),
			str("owner_id", "owner_id", func(t *T) *string { return &l(t).OwnerID }),
			str("contact_id", "contact_id", func(t *T) *string { return &l(t).ContactID }),
			boolean("anonymous", func(t *T) *bool { return &l(t).Anonymous }),
			date("expires", func(t *T) *amur.Date { return &l(t).Expires }),
			str("status", "status", func(t *T) *amur.ListingStatus { return &l(t).Status }),
			strList("keywords", "keywords", func(t *T) *[]string { return &l(t).Keywords }),
		},
		provCols(func(t *T) *amur.Provenance { return &l(t).Provenance }),
		[]column[T]{boolean("synthetic", func(t *T) *bool { return &l(t).Synthetic })},
		metaCols(meta),
	)
}

// offerCols are the columns of an offer: the listing's, with its kind
// after the readiness level.
func offerCols() []column[amur.Offer] {
	type T = amur.Offer
	return listingCols(func(t *T) *amur.Listing { return &t.Listing },
		str("kind", "kind", func(t *T) *amur.OfferKind { return &t.Kind }))
}

// requestCols are the columns of a request: the listing's, with the
// highest wanted readiness level after the lowest.
func requestCols() []column[amur.Request] {
	type T = amur.Request
	return listingCols(func(t *T) *amur.Listing { return &t.Listing },
		integer("trl_max", "trl_max", func(t *T) *int { return &t.TRLMax }))
}

// interestCols are the columns of an expression of interest.
func interestCols() []column[amur.Interest] {
	type T = amur.Interest
	meta := func(t *T) *amur.Meta { return &t.Meta }
	return cols(
		[]column[T]{
			idCol(meta),
			str("offer_id", "offer_id", func(t *T) *string { return &t.OfferID }),
			str("request_id", "request_id", func(t *T) *string { return &t.RequestID }),
			str("org_id", "org_id", func(t *T) *string { return &t.OrgID }),
			str("person_id", "person_id", func(t *T) *string { return &t.PersonID }),
			str("user_id", "user_id", func(t *T) *string { return &t.UserID }),
		},
		textCols("message", func(t *T) *amur.Text { return &t.Message }),
		[]column[T]{
			str("status", "status", func(t *T) *amur.InterestStatus { return &t.Status }),
			boolean("synthetic", func(t *T) *bool { return &t.Synthetic }),
		},
		metaCols(meta),
	)
}
