package sqlstore

import (
	"context"
	"time"

	"amur"
)

// offerTable stores offers: filter columns on the main row, fields as
// child rows.
var offerTable = &table{
	kind: amur.KindOffer,
	name: "offers",
	cols: append(listingCols(), "kind"),
	vals: func(r amur.Record) []any {
		o := r.(*amur.Offer)
		return append(listingVals(&o.Listing), string(o.Kind))
	},
	children: []child{{name: "offer_fields", cols: []string{"offer_id", "field_code"},
		rows: func(r amur.Record) [][]any { o := r.(*amur.Offer); return idRows(o.ID, o.Fields) }}},
	refs: func(r amur.Record) []ref { return listingRefs(&r.(*amur.Offer).Listing) },
}

// requestTable stores requests like offers.
var requestTable = &table{
	kind: amur.KindRequest,
	name: "requests",
	cols: append(listingCols(), "trl_max"),
	vals: func(r amur.Record) []any {
		q := r.(*amur.Request)
		return append(listingVals(&q.Listing), q.TRLMax)
	},
	children: []child{{name: "request_fields", cols: []string{"request_id", "field_code"},
		rows: func(r amur.Record) [][]any { q := r.(*amur.Request); return idRows(q.ID, q.Fields) }}},
	refs: func(r amur.Record) []ref { return listingRefs(&r.(*amur.Request).Listing) },
}

// interestTable stores expressions of interest.
var interestTable = &table{
	kind: amur.KindInterest,
	name: "interests",
	cols: []string{"offer_id", "request_id", "org_id", "person_id", "user_id", "status"},
	vals: func(r amur.Record) []any {
		i := r.(*amur.Interest)
		return []any{null(i.OfferID), null(i.RequestID), null(i.OrgID), null(i.PersonID), null(i.UserID), string(i.Status)}
	},
	refs: func(r amur.Record) []ref {
		i := r.(*amur.Interest)
		out := optRef("offer_id", amur.KindOffer, i.OfferID)
		out = append(out, optRef("request_id", amur.KindRequest, i.RequestID)...)
		out = append(out, optRef("org_id", amur.KindOrganization, i.OrgID)...)
		return append(out, optRef("person_id", amur.KindPerson, i.PersonID)...)
	},
}

// listingCols are the columns offers and requests share.
func listingCols() []string {
	return []string{"status", "side", "owner_id", "contact_id", "expires_on", "anonymous", "trl", "synthetic"}
}

// listingVals returns the values of listingCols for l.
func listingVals(l *amur.Listing) []any {
	return []any{string(l.Status), l.Side, l.OwnerID, null(l.ContactID), null(l.ExpiresKey()), l.Anonymous, l.TRL, l.Synthetic}
}

// listingRefs returns the references of a listing in field order.
func listingRefs(l *amur.Listing) []ref {
	out := listRefs("fields", amur.KindField, l.Fields)
	out = append(out, optRef("owner_id", amur.KindOrganization, l.OwnerID)...)
	return append(out, optRef("contact_id", amur.KindPerson, l.ContactID)...)
}

// listingSortCols are the sort columns of offers and requests.
var listingSortCols = map[string]string{"created": "x.created_at", "updated": "x.updated_at", "expires": "x.expires_on"}

// listingWhere returns the conditions of f on the offers or requests
// table, whose field rows are in fieldTable keyed by fieldKey, on day.
func listingWhere(f amur.ListingFilter, table, fieldTable, fieldKey string, day time.Time) (listQuery, error) {
	q := listQuery{table: table, sorts: amur.ListingSorts, cols: listingSortCols}
	w := &q.where
	today := day.UTC().Format(time.DateOnly)
	if err := statusCond(w, f.Statuses, today); err != nil {
		return q, err
	}
	for _, s := range f.Sides {
		if !amur.ValidSide(amur.NormalizeSide(s)) {
			return q, amur.Invalid("sides", "err.side", "value", s)
		}
	}
	in(w, "x.side", normSides(f.Sides))
	if len(f.Fields) > 0 {
		cond, args := "", []any{}
		for i, c := range f.Fields {
			if !amur.ValidFieldCode(c) {
				return q, amur.Invalid("fields", "err.field_code", "value", c)
			}
			if i > 0 {
				cond += " OR "
			}
			cond += "field_code = ? OR field_code LIKE ?"
			args = append(args, c, c+".%")
		}
		w.add("x.id IN (SELECT "+fieldKey+" FROM "+fieldTable+" WHERE "+cond+")", args...)
	}
	if f.OwnerID != "" {
		w.add("x.owner_id = ?", f.OwnerID)
		if f.HideAnonymous {
			w.add("(NOT x.anonymous OR x.owner_id = ?)", f.DraftOrg)
		}
	}
	if f.Synthetic != nil {
		w.add("x.synthetic = ?", *f.Synthetic)
	}
	switch f.Drafts {
	case amur.NoDrafts:
		w.add("x.status <> 'draft'")
	case amur.OrgDrafts:
		w.add("(x.status <> 'draft' OR x.owner_id = ?)", f.DraftOrg)
	case amur.AllDrafts:
	default:
		return q, amur.Invalid("drafts", "err.invalid")
	}
	return q, nil
}

// statusCond matches the statuses listings show on today: a published
// listing whose expiry has passed is expired, not published.
func statusCond(w *filter, statuses []amur.ListingStatus, today string) error {
	if len(statuses) == 0 {
		return nil
	}
	cond, args := "(", []any{}
	for i, s := range statuses {
		if i > 0 {
			cond += " OR "
		}
		switch s {
		case amur.ListingPublished:
			cond += "(x.status = 'published' AND (x.expires_on IS NULL OR x.expires_on >= ?))"
			args = append(args, today)
		case amur.ListingExpired:
			cond += "x.status = 'expired' OR (x.status = 'published' AND x.expires_on < ?)"
			args = append(args, today)
		case amur.ListingDraft, amur.ListingMatched, amur.ListingClosed:
			cond += "x.status = ?"
			args = append(args, string(s))
		default:
			return amur.Invalid("status", "err.enum", "value", string(s), "allowed", "draft, published, matched, closed, expired")
		}
	}
	w.add(cond+")", args...)
	return nil
}

// today returns the day f's statuses are computed for.
func (db *DB) today(f amur.ListingFilter) time.Time {
	if !f.Today.IsZero() {
		return f.Today
	}
	return db.now()
}

// Offer returns the offer with id, showing it expired when it is.
func (db *DB) Offer(ctx context.Context, id string) (*amur.Offer, error) {
	o, err := getByID[amur.Offer](ctx, db, id)
	if err == nil {
		o.Status = o.StatusOn(db.now())
	}
	return o, err
}

// Offers lists offers matching f, newest first by default.
func (db *DB) Offers(ctx context.Context, f amur.ListingFilter) (*amur.List[*amur.Offer], error) {
	day := db.today(f)
	q, err := listingWhere(f, "offers", "offer_fields", "offer_id", day)
	if err != nil {
		return nil, err
	}
	l, err := list[amur.Offer](ctx, db, q, f.Page)
	if err == nil {
		for _, o := range l.Items {
			o.Status = o.StatusOn(day)
		}
	}
	return l, err
}

// CreateOffer stores a new offer.
func (db *DB) CreateOffer(ctx context.Context, o *amur.Offer) error { return db.create(ctx, o) }

// UpdateOffer replaces a stored offer.
func (db *DB) UpdateOffer(ctx context.Context, o *amur.Offer) error { return db.update(ctx, o) }

// DeleteOffer deletes an offer in which nobody has expressed interest.
func (db *DB) DeleteOffer(ctx context.Context, id string) error {
	return db.remove(ctx, amur.KindOffer, id)
}

// Request returns the request with id, showing it expired when it is.
func (db *DB) Request(ctx context.Context, id string) (*amur.Request, error) {
	r, err := getByID[amur.Request](ctx, db, id)
	if err == nil {
		r.Status = r.StatusOn(db.now())
	}
	return r, err
}

// Requests lists requests matching f, newest first by default.
func (db *DB) Requests(ctx context.Context, f amur.ListingFilter) (*amur.List[*amur.Request], error) {
	day := db.today(f)
	q, err := listingWhere(f, "requests", "request_fields", "request_id", day)
	if err != nil {
		return nil, err
	}
	l, err := list[amur.Request](ctx, db, q, f.Page)
	if err == nil {
		for _, r := range l.Items {
			r.Status = r.StatusOn(day)
		}
	}
	return l, err
}

// CreateRequest stores a new request.
func (db *DB) CreateRequest(ctx context.Context, r *amur.Request) error { return db.create(ctx, r) }

// UpdateRequest replaces a stored request.
func (db *DB) UpdateRequest(ctx context.Context, r *amur.Request) error { return db.update(ctx, r) }

// DeleteRequest deletes a request in which nobody has expressed interest.
func (db *DB) DeleteRequest(ctx context.Context, id string) error {
	return db.remove(ctx, amur.KindRequest, id)
}

// Interest returns the expression of interest with id.
func (db *DB) Interest(ctx context.Context, id string) (*amur.Interest, error) {
	return getByID[amur.Interest](ctx, db, id)
}

// Interests lists expressions of interest matching f, newest first.
func (db *DB) Interests(ctx context.Context, f amur.InterestFilter) (*amur.List[*amur.Interest], error) {
	q := listQuery{table: "interests", sorts: amur.InterestSorts, cols: map[string]string{"created": "x.created_at"}}
	w := &q.where
	if f.OfferID != "" {
		w.add("x.offer_id = ?", f.OfferID)
	}
	if f.RequestID != "" {
		w.add("x.request_id = ?", f.RequestID)
	}
	in(w, "x.status", f.Statuses)
	if f.Scoped {
		// A party that is unset matches no row: "" is no id.
		w.add("(x.org_id = ? OR x.user_id = ? OR x.offer_id IN (SELECT id FROM offers WHERE owner_id = ?)"+
			" OR x.request_id IN (SELECT id FROM requests WHERE owner_id = ?))",
			f.Party, f.PartyUser, f.Party, f.Party)
	}
	return list[amur.Interest](ctx, db, q, f.Page)
}

// CreateInterest stores a new expression of interest.
func (db *DB) CreateInterest(ctx context.Context, i *amur.Interest) error { return db.create(ctx, i) }

// UpdateInterest replaces a stored expression of interest.
func (db *DB) UpdateInterest(ctx context.Context, i *amur.Interest) error { return db.update(ctx, i) }

// DeleteInterest deletes an expression of interest.
func (db *DB) DeleteInterest(ctx context.Context, id string) error {
	return db.remove(ctx, amur.KindInterest, id)
}
