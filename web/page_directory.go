package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"amur"
)

// directoryPageSize is the number of organisations or people a page lists.
const directoryPageSize = 30

// dirParams are the search, country and page of a directory.
type dirParams struct {
	Q, Country string
	Kind       amur.OrgKind
	PageNo     int
}

// readDirParams reads a directory's query; orgs adds the kind filter.
func readDirParams(r *http.Request, orgs bool) (*dirParams, error) {
	q, err := parseQuery(r)
	if err != nil {
		return nil, err
	}
	d := &dirParams{Q: q.text("q")}
	if c := q.sides("country"); len(c) > 0 {
		d.Country = c[0]
	}
	if orgs {
		if k := enums(q, "kind", amur.OrgKinds); len(k) > 0 {
			d.Kind = k[0]
		}
	}
	d.PageNo = max(1, q.integer("page", 1, 100_000))
	return d, q.finish()
}

// query returns the directory's query with page n.
func (d *dirParams) query(n int) string {
	v := url.Values{}
	if d.Q != "" {
		v.Set("q", d.Q)
	}
	if d.Country != "" {
		v.Set("country", d.Country)
	}
	if d.Kind != "" {
		v.Set("kind", string(d.Kind))
	}
	if n > 1 {
		v.Set("page", strconv.Itoa(n))
	}
	if e := v.Encode(); e != "" {
		return "?" + e
	}
	return ""
}

// orgFilter is the store filter of a directory of organisations.
func (d *dirParams) orgFilter(limit, offset int) amur.OrganizationFilter {
	f := amur.OrganizationFilter{Q: d.Q, Page: amur.Page{Limit: limit, Offset: offset, Sort: "name"}}
	if d.Country != "" {
		f.Countries = []string{d.Country}
	}
	if d.Kind != "" {
		f.Kinds = []amur.OrgKind{d.Kind}
	}
	return f
}

// personFilter is the store filter of a directory of people.
func (d *dirParams) personFilter(limit, offset int) amur.PersonFilter {
	f := amur.PersonFilter{Q: d.Q, Page: amur.Page{Limit: limit, Offset: offset, Sort: "name"}}
	if d.Country != "" {
		f.Countries = []string{d.Country}
	}
	return f
}

// directoryPage is a list of organisations or people.
type directoryPage struct {
	page
	Params  *dirParams
	Orgs    []*amur.Organization
	People  []*amur.Person
	Kinds   []amur.OrgKind
	Pager   pager
	Exports exportLinks
}

// pager returns the directory's previous and next links.
func (p *directoryPage) pager(path string, more bool) pager {
	d := p.Params
	pg := pager{Label: p.T("web.pager.label"), PrevLabel: p.T("web.pager.prev"), NextLabel: p.T("web.pager.next"),
		Where: p.T("web.pager.where", "page", d.PageNo)}
	if d.PageNo > 1 {
		pg.Prev = p.Href(path) + d.query(d.PageNo-1)
	}
	if more {
		pg.Next = p.Href(path) + d.query(d.PageNo+1)
	}
	return pg
}

// pageOrgs answers GET /{lang}/organizations.
func (s *Server) pageOrgs(w http.ResponseWriter, r *http.Request) {
	d, err := readDirParams(r, true)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := &directoryPage{page: newPage(r, "web.orgs.title"), Params: d, Kinds: amur.OrgKinds}
	l, err := s.store.Organizations(r.Context(), d.orgFilter(directoryPageSize, (d.PageNo-1)*directoryPageSize))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Orgs, p.Pager = l.Items, p.pager("/organizations", l.More)
	p.Exports = p.exportLinks("/organizations", d.query(1))
	s.render(w, r, http.StatusOK, "orgs", &p.page, p)
}

// pagePeople answers GET /{lang}/people.
func (s *Server) pagePeople(w http.ResponseWriter, r *http.Request) {
	d, err := readDirParams(r, false)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := &directoryPage{page: newPage(r, "web.people.title"), Params: d}
	l, err := s.store.People(r.Context(), d.personFilter(directoryPageSize, (d.PageNo-1)*directoryPageSize))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.People, p.Pager = l.Items, p.pager("/people", l.More)
	p.Exports = p.exportLinks("/people", d.query(1))
	s.render(w, r, http.StatusOK, "people", &p.page, p)
}

// Name shows a person's name for the page's reader.
func (p *directoryPage) Name(pe *amur.Person) shown { return p.personName(pe) }

// exportOrgs answers GET /{lang}/organizations.{csv,xlsx,json}.
func (s *Server) exportOrgs(ext string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		d, err := readDirParams(r, true)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		s.writeExport(w, r, amur.KindOrganization, ext, "organizations", func(ctx context.Context, offset int) ([]amur.Record, bool, error) {
			l, err := s.store.Organizations(ctx, d.orgFilter(amur.MaxLimit, offset))
			if err != nil {
				return nil, false, err
			}
			return records(l.Items), l.More, nil
		})
	}
}

// exportPeople answers GET /{lang}/people.{csv,xlsx,json}.
func (s *Server) exportPeople(ext string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		d, err := readDirParams(r, false)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		s.writeExport(w, r, amur.KindPerson, ext, "people", func(ctx context.Context, offset int) ([]amur.Record, bool, error) {
			l, err := s.store.People(ctx, d.personFilter(amur.MaxLimit, offset))
			if err != nil {
				return nil, false, err
			}
			return records(l.Items), l.More, nil
		})
	}
}
