package match

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"amur"
	"amur/registry"
	"amur/xling"
)

// Limits on the number of results.
const (
	DefaultLimit = 10
	MaxLimit     = 100
)

// checkLimit returns the limit to use for n (0 means DefaultLimit).
func checkLimit(n int) (int, error) {
	if n == 0 {
		return DefaultLimit, nil
	}
	if n < 1 || n > MaxLimit {
		return 0, amur.Invalid("limit", "err.range", "min", 1, "max", MaxLimit)
	}
	return n, nil
}

// ForRequest returns the published offers of the other side that best
// meet the request with id, best first. The request must be one the
// principal of ctx may read (its owner may match a draft before
// publishing it); otherwise it is ENotFound.
func (e *Engine) ForRequest(ctx context.Context, id string, limit int) (*Matches, error) {
	limit, err := checkLimit(limit)
	if err != nil {
		return nil, err
	}
	r, err := e.store.Request(ctx, id)
	if err != nil {
		return nil, err
	}
	if !registry.CanRead(amur.PrincipalFrom(ctx), r) {
		return nil, amur.NotFound(string(amur.KindRequest), id)
	}
	sn, err := e.current(ctx, &e.listings)
	if err != nil {
		return nil, err
	}
	return e.rank(ctx, sn, &r.Listing, amur.KindRequest, r, limit)
}

// ForOffer returns the published requests of the other side that the
// offer with id best meets, as ForRequest does the reverse.
func (e *Engine) ForOffer(ctx context.Context, id string, limit int) (*Matches, error) {
	limit, err := checkLimit(limit)
	if err != nil {
		return nil, err
	}
	o, err := e.store.Offer(ctx, id)
	if err != nil {
		return nil, err
	}
	if !registry.CanRead(amur.PrincipalFrom(ctx), o) {
		return nil, amur.NotFound(string(amur.KindOffer), id)
	}
	sn, err := e.current(ctx, &e.listings)
	if err != nil {
		return nil, err
	}
	return e.rank(ctx, sn, &o.Listing, amur.KindOffer, nil, limit)
}

// rank scores the listings of the other kind against q. req is the query
// when it is a request (nil when the query is an offer).
func (e *Engine) rank(ctx context.Context, sn *snapshot, q *amur.Listing, kind amur.Kind, req *amur.Request, limit int) (*Matches, error) {
	text, lg := listingText(q)
	out := &Matches{Query: Query{Kind: kind, ID: q.ID, Lang: lg, Side: q.Side}, Items: []Result{}}
	if lg == "" {
		return out, nil
	}
	p := amur.PrincipalFrom(ctx)
	now := e.now()
	ix, candidate := sn.offerIx, func(id string) *amur.Listing {
		if o := sn.offers[id]; o != nil {
			return &o.Listing
		}
		return nil
	}
	if kind == amur.KindOffer {
		ix, candidate = sn.reqIx, func(id string) *amur.Listing {
			if r := sn.requests[id]; r != nil {
				return &r.Listing
			}
			return nil
		}
	}
	keep := func(id string) bool {
		l := candidate(id)
		return l != nil && l.Side != q.Side && l.StatusOn(now) == amur.ListingPublished && registry.CanRead(p, recordOf(sn, id))
	}
	// More texts than results, so that the facets may reorder them.
	hits := ix.SearchFunc(text, lg, limit*3+20, keep)
	for _, h := range hits {
		l := candidate(h.ID)
		res := Result{Kind: amur.KindOffer, ID: h.ID, Title: l.Title, Side: l.Side, Anonymous: l.Anonymous}
		if kind == amur.KindOffer {
			res.Kind = amur.KindRequest
		}
		if registry.SeesOwner(p, l) {
			res.OwnerID = l.OwnerID
		}
		res.Explain = explainListing(h, q, l, lg, sn.langs[h.ID], req, sn)
		res.Score = round(weightText*h.Score + weightFields*res.Explain.Fields.Score +
			weightTRL*res.Explain.TRL.Score + weightCoop*res.Explain.Coop.Score)
		out.Items = append(out.Items, res)
	}
	slices.SortStableFunc(out.Items, func(a, b Result) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	out.Items = out.Items[:min(limit, len(out.Items))]
	return out, nil
}

// recordOf returns the offer or request with id from the snapshot.
func recordOf(sn *snapshot, id string) amur.Record {
	if o := sn.offers[id]; o != nil {
		return o
	}
	return sn.requests[id]
}

// explainListing explains the match of query q with listing l.
func explainListing(h xling.Hit, q, l *amur.Listing, ql, dl amur.Lang, req *amur.Request, sn *snapshot) Explain {
	ex := Explain{Text: round(h.Score), Terms: terms(h.Explain, ql, dl)}
	ex.Fields = fieldFit(q.Fields, l.Fields)
	if req == nil {
		req = sn.requests[l.ID]
		ex.TRL = trlFit(q.TRL, req)
	} else {
		ex.TRL = trlFit(l.TRL, req)
	}
	ex.Coop = coopFit(q.Coop, l.Coop)
	ex.Side = &SideFit{Query: q.Side, Match: l.Side}
	return ex
}

// fieldFit pairs each field of the query with the result's field sharing
// the longest FORD prefix with it. A pair scores the share of the longer
// code's levels they have in common: 2.3 and 2.3 score 1, 2.3 and 2.11
// (the same top-level field) 0.5. The fit is the mean over the query's
// fields, 0 when either side names none.
func fieldFit(q, d []string) *FieldFit {
	fit := &FieldFit{Pairs: []FieldPair{}}
	if len(q) == 0 || len(d) == 0 {
		return fit
	}
	sum := 0.0
	for _, a := range q {
		best := FieldPair{Query: a}
		for _, b := range d {
			shared, score := sharedPrefix(a, b)
			if score > best.Score {
				best = FieldPair{Query: a, Match: b, Shared: shared, Score: round(score)}
			}
		}
		if best.Score > 0 {
			fit.Pairs = append(fit.Pairs, best)
			sum += best.Score
		}
	}
	fit.Score = round(sum / float64(len(q)))
	return fit
}

// sharedPrefix returns the levels two field codes share and the share of
// the longer code's levels that is.
func sharedPrefix(a, b string) (string, float64) {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	n := 0
	for n < len(as) && n < len(bs) && as[n] == bs[n] {
		n++
	}
	if n == 0 {
		return "", 0
	}
	return strings.Join(as[:n], "."), float64(n) / float64(max(len(as), len(bs)))
}

// trlFit compares the offer's level with the request's range: inside it
// fits fully; each level outside costs a quarter. Unknown levels are
// neutral (one half).
func trlFit(offer int, req *amur.Request) *TRLFit {
	fit := &TRLFit{Offer: offer, Score: 0.5}
	if req == nil {
		return fit
	}
	fit.Min, fit.Max = req.TRLRange()
	if offer == 0 || req.TRL == 0 && req.TRLMax == 0 {
		return fit
	}
	fit.Known = true
	gap := max(fit.Min-offer, offer-fit.Max, 0)
	fit.Score = round(max(0, 1-float64(gap)/4))
	return fit
}

// coopFit lists the cooperation types both listings name; the fit is the
// share of the query's types the result offers too.
func coopFit(q, d []amur.CoopType) *CoopFit {
	fit := &CoopFit{Shared: []amur.CoopType{}}
	for _, c := range q {
		if slices.Contains(d, c) {
			fit.Shared = append(fit.Shared, c)
		}
	}
	if len(q) > 0 {
		fit.Score = round(float64(len(fit.Shared)) / float64(len(q)))
	}
	return fit
}
