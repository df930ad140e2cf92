package web

import (
	"context"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"amur"
	"amur/i18n"
	"amur/match"
)

// capabilityPages are the pages of offers, events and the office queues,
// parsed with the shared layout like the registry's own pages.
var capabilityPages = []string{"offers", "offers_detail", "events", "events_detail", "events_agenda",
	"press_queue", "identity_queue"}

// init adds the capability pages to the parsed pages.
func init() {
	for _, name := range capabilityPages {
		pages[name] = template.Must(template.New(name).Funcs(pageFuncs).ParseFS(templateFS,
			"templates/layout.html", "templates/parts.html", "templates/"+name+".html"))
	}
}

// capabilityRoutes lists the pages of offers, requests, events and the
// office queues under one language prefix.
func (s *Server) capabilityRoutes(pre string) []route {
	rs := []route{}
	for _, k := range []amur.Kind{amur.KindOffer, amur.KindRequest} {
		base := pre + "/" + string(k)
		rs = append(rs,
			route{"GET " + base, s.pageListings(k)},
			route{"GET " + base + "/{id}", s.pageListing(k)},
			route{"POST " + base + "/{id}/interest", s.pageInterestPost(k)},
		)
	}
	return append(rs, s.eventPageRoutes(pre)...)
}

// listingPageSize is the number of offers or requests a list page shows.
const listingPageSize = 25

// listingScanLimit bounds how many listings a cooperation or TRL filter
// reads: the store filters by status, side and field; the rest is
// filtered here.
const listingScanLimit = 10_000

// listingParams are the facets and page of an offer or request list.
type listingParams struct {
	Filter amur.ListingFilter
	Coop   []amur.CoopType
	TRL    int
	PageNo int
	Raw    url.Values
}

// readListingParams reads the facets of the list: side, field, status,
// cooperation type, TRL and page.
func readListingParams(r *http.Request) (*listingParams, error) {
	q, err := parseQuery(r)
	if err != nil {
		return nil, err
	}
	lp := &listingParams{Filter: amur.ListingFilter{
		Statuses: enums(q, "status", amur.ListingStatuses),
		Sides:    q.sides("side"),
		Fields:   q.fieldCodes("field"),
	}}
	lp.Coop = enums(q, "coop", amur.CoopTypes)
	lp.TRL = q.integer("trl", amur.MinTRL, amur.MaxTRL)
	lp.PageNo = max(1, q.integer("page", 1, 100_000))
	if err := q.finish(); err != nil {
		return nil, err
	}
	lp.Raw = url.Values{}
	for k, v := range r.URL.Query() {
		if k != "page" && k != "lang" {
			lp.Raw[k] = v
		}
	}
	return lp, nil
}

// link returns the list's query with the page number set.
func (lp *listingParams) link(pageNo int) string {
	v := url.Values{}
	for k, vs := range lp.Raw {
		v[k] = vs
	}
	v.Set("page", strconv.Itoa(pageNo))
	return "?" + v.Encode()
}

// keeps reports whether a listing passes the facets the store does not
// filter: an offer at least at the TRL asked, a request whose range takes
// it, and any of the cooperation types asked.
func (lp *listingParams) keeps(r amur.Record) bool {
	l := amur.ListingOf(r)
	if len(lp.Coop) > 0 && !slices.ContainsFunc(lp.Coop, l.HasCoop) {
		return false
	}
	if lp.TRL == 0 {
		return true
	}
	if rq, ok := r.(*amur.Request); ok {
		lo, hi := rq.TRLRange()
		return lo <= lp.TRL && lp.TRL <= hi
	}
	return l.TRL >= lp.TRL
}

// listingRow is one offer or request of a list.
type listingRow struct {
	ID      string
	Listing *amur.Listing
	// Kind is the offer's kind, empty for a request.
	Kind amur.OfferKind
	// Status is the status the listing shows today: a published listing
	// past its date shows as expired.
	Status amur.ListingStatus
}

// listingsPage is the list of offers or of requests.
type listingsPage struct {
	page
	Kind   amur.Kind
	Path   string
	Params *listingParams
	Facets []facetGroup
	Fields []facet
	TRLs   []facet
	Items  []listingRow
	Pager  pager
}

// listingRows reads one page of listings of kind k passing the facets.
func (s *Server) listingRows(ctx context.Context, k amur.Kind, lp *listingParams) ([]listingRow, bool, error) {
	f := lp.Filter
	scan := len(lp.Coop) > 0 || lp.TRL != 0
	f.Page = amur.Page{Limit: listingPageSize, Offset: (lp.PageNo - 1) * listingPageSize}
	if scan {
		f.Page = amur.Page{Limit: amur.MaxLimit}
	}
	skip := (lp.PageNo - 1) * listingPageSize
	var out []listingRow
	for read := 0; read < listingScanLimit; read += amur.MaxLimit {
		rows, more, err := s.readListings(ctx, k, f)
		if err != nil || !scan {
			return rows, more, err
		}
		for _, row := range rows {
			rec := amur.Record(&amur.Request{Listing: *row.Listing})
			if row.Kind != "" {
				rec = &amur.Offer{Listing: *row.Listing}
			}
			if !lp.keeps(rec) {
				continue
			}
			if skip > 0 {
				skip--
				continue
			}
			if len(out) == listingPageSize {
				return out, true, nil
			}
			out = append(out, row)
		}
		if !more {
			break
		}
		f.Offset += amur.MaxLimit
	}
	return out, false, nil
}

// readListings reads one store page of offers or requests as rows.
func (s *Server) readListings(ctx context.Context, k amur.Kind, f amur.ListingFilter) ([]listingRow, bool, error) {
	var rows []listingRow
	if k == amur.KindOffer {
		l, err := s.store.Offers(ctx, f)
		if err != nil {
			return nil, false, err
		}
		for _, o := range l.Items {
			rows = append(rows, listingRow{ID: o.ID, Listing: &o.Listing, Kind: o.Kind, Status: o.StatusOn(time.Now())})
		}
		return rows, l.More, nil
	}
	l, err := s.store.Requests(ctx, f)
	if err != nil {
		return nil, false, err
	}
	for _, rq := range l.Items {
		rows = append(rows, listingRow{ID: rq.ID, Listing: &rq.Listing, Status: rq.StatusOn(time.Now())})
	}
	return rows, l.More, nil
}

// pageListings answers GET /{lang}/offers and /{lang}/requests.
func (s *Server) pageListings(k amur.Kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p := &listingsPage{page: newPage(r, "pages."+string(k)+".title"), Kind: k}
		p.Path = p.Href("/" + string(k))
		lp, err := readListingParams(r)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		p.Params = lp
		items, more, err := s.listingRows(r.Context(), k, lp)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		p.Items = items
		if err := s.fillListingFacets(r.Context(), p); err != nil {
			s.pageError(w, r, err)
			return
		}
		p.Pager = pager{Label: p.T("web.pager.label"), PrevLabel: p.T("web.pager.prev"), NextLabel: p.T("web.pager.next"),
			Where: p.T("web.pager.where", "page", lp.PageNo)}
		if lp.PageNo > 1 {
			p.Pager.Prev = p.Path + lp.link(lp.PageNo-1)
		}
		if more {
			p.Pager.Next = p.Path + lp.link(lp.PageNo+1)
		}
		if r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-Target") == "results" {
			s.renderPart(w, r, "offers", "results", &p.page, p)
			return
		}
		s.render(w, r, http.StatusOK, "offers", &p.page, p)
	}
}

// fillListingFacets builds the filters of the list.
func (s *Server) fillListingFacets(ctx context.Context, p *listingsPage) error {
	lp := p.Params
	group := func(name string, values []string, on []string, label func(string) string) facetGroup {
		g := facetGroup{Name: name, Legend: p.T("pages.facet." + name)}
		for _, v := range values {
			g.Items = append(g.Items, facet{Name: name, Value: v, Label: label(v), Checked: slices.Contains(on, v),
				ID: "f-" + name + "-" + v})
		}
		return g
	}
	p.Facets = []facetGroup{
		group("side", []string{"CN", "RU"}, lp.Filter.Sides, p.Side),
		group("status", strs(amur.ListingStatuses), strs(lp.Filter.Statuses), func(v string) string { return p.T("pages.lstatus." + v) }),
		group("coop", strs(amur.CoopTypes), strs(lp.Coop), func(v string) string { return p.T("pages.coop." + v) }),
	}
	_, list, err := s.fieldLabels(ctx)
	if err != nil {
		return err
	}
	for _, f := range list {
		if f.Parent != "" && len(f.ID) > 4 {
			continue
		}
		p.Fields = append(p.Fields, facet{Value: f.ID, Label: f.ID + " " + p.Plain(f.Label), Checked: slices.Contains(lp.Filter.Fields, f.ID)})
	}
	for n := amur.MinTRL; n <= amur.MaxTRL; n++ {
		p.TRLs = append(p.TRLs, facet{Value: strconv.Itoa(n), Label: p.Num(n), Checked: lp.TRL == n})
	}
	return nil
}

// strs returns the values of an enumeration as strings.
func strs[T ~string](v []T) []string {
	out := make([]string, len(v))
	for i, x := range v {
		out[i] = string(x)
	}
	return out
}

// matchView is one ranked match of a listing as the page shows it.
type matchView struct {
	Href  string
	Title shown
	Side  string
	Score string
	Terms []termView
	// Fields, TRL and Coop say in words how the facets fit.
	Fields, TRL, Coop string
}

// termView is one pair of words that met, and the bridge they met by.
type termView struct {
	Query, Match, Bridge string
}

// listingPage is one offer or request with its matches and the interest
// form.
type listingPage struct {
	page
	Kind    amur.Kind
	ID      string
	Listing *amur.Listing
	// OfferKind is the kind of an offer, empty for a request.
	OfferKind amur.OfferKind
	// Status is the status the listing shows today.
	Status  amur.ListingStatus
	TRLMax  int
	Fields  []fieldLink
	Owner   *amur.Organization
	Matches []matchView
	// Action is the interest form's address; empty for visitors, who see
	// a link to sign in instead.
	Action   string
	Message  string
	FieldErr map[string]string
	Sent     bool
}

// Err returns the message shown next to the interest form's field name.
func (p *listingPage) Err(name string) string { return p.FieldErr[name] }

// pageListing answers GET /{lang}/offers/{id} and /{lang}/requests/{id}.
func (s *Server) pageListing(k amur.Kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, err := s.listingPage(r, k)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		p.Sent = r.URL.Query().Get("interest") == "sent"
		s.render(w, r, http.StatusOK, "offers_detail", &p.page, p)
	}
}

// listingPage reads the listing the path names, its owner when the
// principal may see it, and its ranked matches.
func (s *Server) listingPage(r *http.Request, k amur.Kind) (*listingPage, error) {
	ctx, id := r.Context(), r.PathValue("id")
	p := &listingPage{page: newPage(r, "pages."+string(k)+".title"), Kind: k, ID: id, FieldErr: map[string]string{}}
	find := s.matcher.ForOffer
	if k == amur.KindOffer {
		o, err := s.store.Offer(ctx, id)
		if err != nil {
			return nil, err
		}
		p.Listing, p.OfferKind = &o.Listing, o.Kind
	} else {
		rq, err := s.store.Request(ctx, id)
		if err != nil {
			return nil, err
		}
		p.Listing, p.TRLMax, find = &rq.Listing, rq.TRLMax, s.matcher.ForRequest
	}
	p.Title, p.Status = p.Plain(p.Listing.Title), p.Listing.StatusOn(time.Now())
	fields, _, err := s.fieldLabels(ctx)
	if err != nil {
		return nil, err
	}
	p.Fields = p.fieldLinks(fields, p.Listing.Fields)
	if p.Listing.OwnerID != "" {
		if p.Owner, err = s.store.Organization(ctx, p.Listing.OwnerID); err != nil && amur.ErrorCode(err) != amur.ENotFound {
			return nil, err
		}
	}
	m, err := find(ctx, id, 10)
	if err != nil {
		return nil, err
	}
	for _, res := range m.Items {
		p.Matches = append(p.Matches, p.matchView(res))
	}
	if ra := authOf(ctx); ra.session != nil {
		p.CSRF = ra.session.CSRFToken
	}
	if amur.PrincipalFrom(ctx) != nil {
		p.Action = p.Href("/" + string(k) + "/" + id + "/interest")
	}
	return p, nil
}

// matchView puts one match into words of the page's language.
func (p *listingPage) matchView(res match.Result) matchView {
	v := matchView{Href: p.Href("/" + string(res.Kind) + "/" + res.ID), Title: p.Txt(res.Title), Side: p.Side(res.Side),
		Score: p.T("pages.match.score", "n", p.Num(int(math.Round(res.Score*100))))}
	for _, t := range res.Explain.Terms {
		v.Terms = append(v.Terms, termView{Query: t.Query, Match: t.Match, Bridge: p.T("pages.bridge." + t.Bridge.String())})
	}
	if f := res.Explain.Fields; f != nil && len(f.Pairs) > 0 {
		var shared []string
		for _, fp := range f.Pairs {
			if fp.Shared != "" && !slices.Contains(shared, fp.Shared) {
				shared = append(shared, fp.Shared)
			}
		}
		if len(shared) > 0 {
			v.Fields = p.T("pages.match.fields", "codes", strings.Join(shared, p.T("web.list_sep")))
		}
	}
	if t := res.Explain.TRL; t != nil && t.Known {
		v.TRL = p.T("pages.match.trl", "offer", t.Offer, "min", t.Min, "max", t.Max)
	}
	if c := res.Explain.Coop; c != nil && len(c.Shared) > 0 {
		names := make([]string, len(c.Shared))
		for i, ct := range c.Shared {
			names[i] = p.T("pages.coop." + string(ct))
		}
		v.Coop = p.T("pages.match.coop", "types", strings.Join(names, p.T("web.list_sep")))
	}
	return v
}

// pageInterestPost answers POST /{lang}/offers/{id}/interest (and for
// requests): it stores an expression of interest in the principal's name,
// or shows the page again with the error next to the message.
func (s *Server) pageInterestPost(k amur.Kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := s.parseForm(w, r); err != nil {
			s.pageError(w, r, err)
			return
		}
		p, err := s.listingPage(r, k)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		pr := amur.PrincipalFrom(r.Context())
		if pr == nil {
			s.pageError(w, r, amur.Errorf(amur.EUnauthorized, "err.unauthorized"))
			return
		}
		p.Message = strings.TrimSpace(r.PostFormValue("message"))
		if p.Message == "" {
			p.FieldErr["message"] = p.T("err.required")
			s.interestFailed(w, r, p, nil)
			return
		}
		in := &amur.Interest{UserID: pr.UserID, OrgID: pr.OrgID, Message: amur.T(string(p.Lang), p.Message)}
		if k == amur.KindOffer {
			in.OfferID = p.ID
		} else {
			in.RequestID = p.ID
		}
		if err := s.store.CreateInterest(r.Context(), in); err != nil {
			e := amur.AsError(err)
			if strings.HasPrefix(e.Field, "message") {
				p.FieldErr["message"] = i18n.Message(p.Lang, e)
			} else {
				p.Errors = append(p.Errors, i18n.Message(p.Lang, e))
			}
			s.interestFailed(w, r, p, err)
			return
		}
		http.Redirect(w, r, p.Href("/"+string(k)+"/"+p.ID)+"?interest=sent", http.StatusSeeOther)
	}
}

// interestFailed shows the listing again with the refused form, answering
// the status of the error (400 when the form itself was refused).
func (s *Server) interestFailed(w http.ResponseWriter, r *http.Request, p *listingPage, err error) {
	status := http.StatusBadRequest
	if err != nil {
		status = httpStatus(amur.ErrorCode(err))
		if status == http.StatusInternalServerError {
			s.renderError(w, r, "offers_detail", &p.page, p, err, nil)
			return
		}
	}
	if len(p.FieldErr) > 0 {
		p.Errors = append(p.Errors, p.N("web.form.fix", len(p.FieldErr)))
	}
	s.render(w, r, status, "offers_detail", &p.page, p)
}
