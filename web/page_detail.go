package web

import (
	"context"
	"net/http"

	"amur"
)

// relatedItems is how many activities a detail page lists.
const relatedItems = 20

// affiliationView is a person's affiliation with its organisation.
type affiliationView struct {
	Org   *amur.Organization
	Title amur.Text
	From  amur.Date
	To    amur.Date
}

// detailPage shows one organisation or person with what it took part in.
type detailPage struct {
	page
	Org          *amur.Organization
	Parent       *amur.Organization
	Person       *amur.Person
	Affiliations []affiliationView
	People       []*amur.Person
	Activities   []*amur.Activity
	MoreHref     string
}

// Name shows a person's name for the page's reader.
func (p *detailPage) Name(pe *amur.Person) shown { return p.personName(pe) }

// pageOrg answers GET /{lang}/organizations/{id}.
func (s *Server) pageOrg(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	o, err := s.store.Organization(ctx, r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := &detailPage{page: newPage(r, "web.orgs.title"), Org: o}
	p.Title = p.Plain(o.Name)
	if o.ParentID != "" {
		if p.Parent, err = s.store.Organization(ctx, o.ParentID); err != nil && amur.ErrorCode(err) != amur.ENotFound {
			s.pageError(w, r, err)
			return
		}
	}
	people, err := s.store.People(ctx, amur.PersonFilter{OrgID: o.ID, Page: amur.Page{Limit: relatedItems, Sort: "name"}})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.People = people.Items
	if err := s.related(ctx, p, amur.ActivityFilter{OrgID: o.ID}); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "org", &p.page, p)
}

// related lists the latest activities matching f on the detail page.
func (s *Server) related(ctx context.Context, p *detailPage, f amur.ActivityFilter) error {
	f.Page = amur.Page{Limit: relatedItems, Sort: "-start"}
	l, err := s.store.Activities(ctx, f)
	if err != nil {
		return err
	}
	p.Activities = l.Items
	return nil
}

// pagePerson answers GET /{lang}/people/{id}.
func (s *Server) pagePerson(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	pe, err := s.store.Person(ctx, r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := &detailPage{page: newPage(r, "web.people.title"), Person: pe}
	p.Title = p.personName(pe).V
	for _, a := range pe.Affiliations {
		o, err := s.store.Organization(ctx, a.OrgID)
		if amur.ErrorCode(err) == amur.ENotFound {
			continue
		} else if err != nil {
			s.pageError(w, r, err)
			return
		}
		p.Affiliations = append(p.Affiliations, affiliationView{Org: o, Title: a.Title, From: a.From, To: a.To})
	}
	if err := s.related(ctx, p, amur.ActivityFilter{PersonID: pe.ID}); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "person", &p.page, p)
}
