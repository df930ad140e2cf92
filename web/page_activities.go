package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"amur"
	"amur/lang"
)

// listPageSize is the number of activities a list page shows.
const listPageSize = 25

// titleScanLimit bounds how many activities a title search reads. Until
// the search index serves the list, the title filter is a scan of the
// facet-filtered activities in pages; past this many it stops and says so.
const titleScanLimit = 20_000

// listParams are the facets, search, sort and page of the activity list.
type listParams struct {
	Filter amur.ActivityFilter
	Q      string
	Year   int
	Month  int
	Sort   string
	PageNo int
	// Raw is the query without the page number, for links to other pages.
	Raw url.Values
}

// readListParams reads the list's query: the API's facets (type, status,
// field, side) plus year, month, q, sort and page.
func readListParams(r *http.Request) (*listParams, error) {
	q, err := parseQuery(r)
	if err != nil {
		return nil, err
	}
	lp := &listParams{Filter: amur.ActivityFilter{
		Types:    enums(q, "type", amur.ActivityTypes),
		Statuses: enums(q, "status", amur.ActivityStatuses),
		Fields:   q.fieldCodes("field"),
		Sides:    q.sides("side"),
	}}
	lp.Year = q.integer("year", 1000, 9999)
	lp.Month = q.integer("month", 1, 12)
	lp.Q = q.text("q")
	lp.Sort = q.one("sort")
	lp.PageNo = max(1, q.integer("page", 1, 100_000))
	if err := q.finish(); err != nil {
		return nil, err
	}
	if lp.Sort != "" && !strings.Contains(" start -start created -created updated -updated ", " "+lp.Sort+" ") {
		return nil, amur.Invalid("sort", "err.enum", "value", lp.Sort, "allowed", strings.Join(amur.ActivitySorts, ", "))
	}
	if lp.Month != 0 && lp.Year == 0 {
		return nil, amur.Invalid("month", "web.err.month_needs_year")
	}
	if lp.Year != 0 {
		d := amur.Date{Y: lp.Year, M: lp.Month}
		lp.Filter.From, lp.Filter.To = d.First(time.UTC), d.Last(time.UTC)
	}
	lp.Raw = url.Values{}
	for k, v := range r.URL.Query() {
		if k != "page" && k != "lang" {
			lp.Raw[k] = v
		}
	}
	return lp, nil
}

// with returns the list's query with name set to value ("" removes it).
func (lp *listParams) with(name, value string) string {
	v := url.Values{}
	for k, vs := range lp.Raw {
		v[k] = vs
	}
	if value == "" {
		v.Del(name)
	} else {
		v.Set(name, value)
	}
	if e := v.Encode(); e != "" {
		return "?" + e
	}
	return ""
}

// activityPage is one page of the filtered activity list.
func (s *Server) activityPage(ctx context.Context, lp *listParams, size int) (*amur.List[*amur.Activity], bool, error) {
	f := lp.Filter
	f.Page = amur.Page{Limit: size, Offset: (lp.PageNo - 1) * size, Sort: lp.Sort}
	if lp.Q == "" {
		l, err := s.store.Activities(ctx, f)
		return l, false, err
	}
	return s.titleSearch(ctx, f, lp.Q)
}

// titleSearch returns the page f asks for of the activities whose title,
// in any language, contains q (case and accents folded). It reads the
// facet-filtered list in batches and reports whether it stopped at
// titleScanLimit before the end.
func (s *Server) titleSearch(ctx context.Context, f amur.ActivityFilter, q string) (*amur.List[*amur.Activity], bool, error) {
	needle := lang.Fold(q)
	out := &amur.List[*amur.Activity]{Items: []*amur.Activity{}, Total: -1}
	want, skip := f.Limit, f.Offset
	g := f
	g.Page = amur.Page{Limit: amur.MaxLimit, Sort: f.Sort}
	for scanned := 0; scanned < titleScanLimit; scanned += amur.MaxLimit {
		g.Offset = scanned
		l, err := s.store.Activities(ctx, g)
		if err != nil {
			return nil, false, err
		}
		for _, a := range l.Items {
			if !titleHas(a.Title, needle) {
				continue
			}
			if skip > 0 {
				skip--
				continue
			}
			if len(out.Items) == want {
				out.More = true
				return out, false, nil
			}
			out.Items = append(out.Items, a)
		}
		if !l.More {
			return out, false, nil
		}
	}
	return out, true, nil
}

// titleHas reports whether any language of t contains the folded needle.
func titleHas(t amur.Text, needle string) bool {
	for _, v := range []string{t.ZH, t.RU, t.EN} {
		if v != "" && strings.Contains(lang.Fold(v), needle) {
			return true
		}
	}
	return false
}

// facet is one choice of a filter, with its count and whether it is on.
type facet struct {
	Name    string
	Value   string
	Label   string
	Count   string
	Checked bool
	ID      string
}

// facetGroup is one filter of the list: a fieldset of choices.
type facetGroup struct {
	Name   string
	Legend string
	Items  []facet
}

// activitiesPage is the filtered activity list.
type activitiesPage struct {
	page
	Params  *listParams
	Facets  []facetGroup
	Years   []facet
	Months  []facet
	Sorts   []facet
	Items   []*amur.Activity
	Total   int
	Capped  bool
	Pager   pager
	Exports exportLinks
	// NewHref links to the form for a new activity, for those who may.
	NewHref string
}

// pager is the previous and next links of a list.
type pager struct {
	Label, Where, Prev, Next, PrevLabel, NextLabel string
}

// pageActivities answers GET /{lang}/activities: the list with its facets,
// search, sort and pages. An htmx request for the results gets only them.
func (s *Server) pageActivities(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := &activitiesPage{page: newPage(r, "web.activities.title")}
	lp, err := readListParams(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Params = lp
	list, capped, err := s.activityPage(ctx, lp, listPageSize)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	st, err := s.statsWithin(ctx, lp.Filter, countWait)
	if counting(err) {
		st, err = nil, nil
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Items, p.Capped, p.Total = list.Items, capped, -1
	if st != nil {
		p.Total = st.Activities
	}
	if err := s.fillFacets(ctx, p, st); err != nil {
		s.pageError(w, r, err)
		return
	}
	p.fillPager(list.More)
	p.Exports = p.exportLinks("/activities", lp.with("", ""))
	if pr := amur.PrincipalFrom(ctx); pr != nil && pr.Role != amur.RoleReviewer && pr.Role != amur.RoleApplicant {
		p.NewHref = p.Href("/activities/new")
	}
	if r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-Target") == "results" {
		s.renderPart(w, r, "activities", "results", &p.page, p)
		return
	}
	s.render(w, r, http.StatusOK, "activities", &p.page, p)
}

// fillPager sets the list's previous and next links and where it stands.
func (p *activitiesPage) fillPager(more bool) {
	lp := p.Params
	p.Pager = pager{Label: p.T("web.pager.label"), PrevLabel: p.T("web.pager.prev"), NextLabel: p.T("web.pager.next"),
		Where: p.T("web.pager.where", "page", lp.PageNo)}
	if lp.PageNo > 1 {
		p.Pager.Prev = p.Href("/activities") + lp.with("page", strconv.Itoa(lp.PageNo-1))
	}
	if more {
		p.Pager.Next = p.Href("/activities") + lp.with("page", strconv.Itoa(lp.PageNo+1))
	}
}
