package web

import (
	"context"
	"net/http"

	"amur"
)

// participantView is a participant with its name resolved.
type participantView struct {
	Href string
	Name shown
	Side string
	Role amur.Role
}

// activityPage shows one activity.
type activityPage struct {
	page
	A            *amur.Activity
	Fields       []fieldLink
	Participants []participantView
	Flagship     *amur.Flagship
	EditHref     string
}

// fieldLink is a field of science with its label.
type fieldLink struct {
	Code  string
	Label shown
}

// pageActivity answers GET /{lang}/activities/{id}.
func (s *Server) pageActivity(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.store.Activity(ctx, r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := &activityPage{page: newPage(r, "web.activity.title"), A: a}
	p.Title = p.Plain(a.Title)
	fields, _, err := s.fieldLabels(ctx)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Fields = p.fieldLinks(fields, a.Fields)
	if p.Participants, err = s.participants(ctx, &p.page, a.Participants); err != nil {
		s.pageError(w, r, err)
		return
	}
	if a.FlagshipID != "" {
		if p.Flagship, err = s.store.Flagship(ctx, a.FlagshipID); err != nil && amur.ErrorCode(err) != amur.ENotFound {
			s.pageError(w, r, err)
			return
		}
	}
	if mayWrite(ctx) {
		p.EditHref = p.Href("/activities/" + a.ID + "/edit")
	}
	s.render(w, r, http.StatusOK, "activity", &p.page, p)
}

// mayWrite tells whether the principal has a role that may propose or
// change activities at all; the registry still decides each change.
func mayWrite(ctx context.Context) bool {
	p := amur.PrincipalFrom(ctx)
	return p.Is(amur.RoleAdmin) || p.Is(amur.RoleOffice) || p.Is(amur.RoleCoordinator)
}

// fieldLinks labels field codes.
func (p *page) fieldLinks(fields map[string]*amur.Field, codes []string) []fieldLink {
	out := make([]fieldLink, 0, len(codes))
	for _, c := range codes {
		fl := fieldLink{Code: c}
		if f, ok := fields[c]; ok {
			fl.Label = p.Txt(f.Label)
		}
		out = append(out, fl)
	}
	return out
}

// maxShownParticipants bounds the participants a page names one by one.
const maxShownParticipants = 100

// participants resolves the names of participants; one the reader may not
// see (or that is gone) is left out.
func (s *Server) participants(ctx context.Context, p *page, parts []amur.Participant) ([]participantView, error) {
	var out []participantView
	for _, pt := range parts[:min(len(parts), maxShownParticipants)] {
		v := participantView{Side: pt.Side, Role: pt.Role}
		if pt.OrgID != "" {
			o, err := s.store.Organization(ctx, pt.OrgID)
			if amur.ErrorCode(err) == amur.ENotFound {
				continue
			} else if err != nil {
				return nil, err
			}
			v.Href, v.Name = p.Href("/organizations/"+o.ID), p.Txt(o.Name)
		} else {
			pe, err := s.store.Person(ctx, pt.PersonID)
			if amur.ErrorCode(err) == amur.ENotFound {
				continue
			} else if err != nil {
				return nil, err
			}
			v.Href, v.Name = p.Href("/people/"+pe.ID), p.personName(pe)
		}
		out = append(out, v)
	}
	return out, nil
}

// personName shows a person's name: the native script for readers whose
// language writes it, else the Latin form, marked with its language.
func (p *page) personName(pe *amur.Person) shown {
	native := pe.Native.Full()
	nativeLang := amur.RU
	if pe.Country == "CN" {
		nativeLang = amur.ZH
	}
	switch {
	case native != "" && (nativeLang == p.Lang || p.Lang != amur.EN):
		out := shown{V: native}
		if nativeLang != p.Lang {
			out.Lang = nativeLang
		}
		return out
	case !pe.Latin.IsZero():
		out := shown{V: pe.Latin.Full()}
		if p.Lang != amur.EN {
			out.Lang = amur.EN
		}
		return out
	}
	return shown{V: native, Lang: nativeLang}
}
