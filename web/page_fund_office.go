package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"amur"
	"amur/fund"
	"amur/i18n"
)

// fundOfficePage is a side office's page of a call: the proposals with
// their eligibility, the side's reviewer assignment with the conflicts it
// left out, the side's ranking and the funding selection with its what-if.
type fundOfficePage struct {
	fundPage
	Call        *amur.FundCall
	OfficeSide  string
	SideChoices []string
	Proposals   []*amur.Proposal
	Assignments []*amur.Assignment
	Conflicts   []fund.Conflict
	Ranking     []fund.Ranked
	WhatIf      *fund.WhatIf
	// SelectErr is why no selection could be computed, if so.
	SelectErr string
	// BudgetCN and BudgetRU are the what-if form's values.
	BudgetCN, BudgetRU string
	titles             map[string]amur.Text
	reviewers          map[string]string
}

// Titled returns the title of a proposal of the call by id.
func (p *fundOfficePage) Titled(id string) shown { return p.Txt(p.titles[id]) }

// Reviewer names a reviewer of the side by id.
func (p *fundOfficePage) Reviewer(id string) string { return p.reviewers[id] }

// CallBudget formats the call's own budget of side.
func (p *fundOfficePage) CallBudget(side string) string {
	if cs := p.Call.Side(side); cs != nil {
		return p.SideMoney(cs.Budget, side)
	}
	return ""
}

// Sel returns the funding list "before" (at the call's budgets) or
// "after" (at the what-if budgets).
func (p *fundOfficePage) Sel(which string) *fund.Selection {
	if which == "before" {
		return p.WhatIf.Before
	}
	return p.WhatIf.After
}

// Export returns the link of one export of the call's decisions.
func (p *fundOfficePage) Export(query string) string {
	return "/api/v1/fund/calls/" + p.Call.ID + "/export?" + query + "&lang=" + string(p.Lang)
}

// pageFundOffice answers GET /{lang}/fund/calls/{id}/office?side=…: only
// the offices and admins; the fund refuses anyone else.
func (s *Server) pageFundOffice(w http.ResponseWriter, r *http.Request) {
	p := &fundOfficePage{fundPage: s.newFundPage(r, "fundpages.office.title")}
	if signInFirst(w, r, &p.page) {
		return
	}
	if err := s.fillOffice(r, p); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "fund_office", &p.page, p)
}

// fillOffice reads everything the office page shows.
func (s *Server) fillOffice(r *http.Request, p *fundOfficePage) error {
	ctx, id := r.Context(), r.PathValue("id")
	pr := amur.PrincipalFrom(ctx)
	if !pr.Is(amur.RoleAdmin) && !pr.Is(amur.RoleOffice) {
		return amur.Errorf(amur.EForbidden, "fund.err.office_only")
	}
	p.OfficeSide = officeSide(pr, r.URL.Query().Get("side"))
	if pr.Is(amur.RoleAdmin) {
		p.SideChoices = amur.FundSides
	}
	var err error
	if p.Call, err = s.fund.Call(ctx, id); err != nil {
		return err
	}
	p.Title = p.T("fundpages.office.heading", "call", p.Plain(p.Call.Title), "side", p.Side(p.OfficeSide))
	if p.Proposals, err = s.fund.Proposals(ctx, fund.ProposalQuery{CallID: id}); err != nil {
		return err
	}
	p.titles = proposalTitles(p.Proposals)
	revs, err := s.fund.Reviewers(ctx, p.OfficeSide)
	if err != nil {
		return err
	}
	p.reviewers = make(map[string]string, len(revs))
	for _, rv := range revs {
		p.reviewers[rv.ID] = rv.Name
	}
	if p.Assignments, err = s.fund.Assignments(ctx, id, p.OfficeSide); err != nil {
		return err
	}
	if p.Conflicts, err = s.fund.Conflicts(ctx, id, p.OfficeSide); err != nil {
		return err
	}
	if p.Ranking, err = s.fund.Ranking(ctx, id, p.OfficeSide); err != nil {
		return err
	}
	return s.fillWhatIf(r, p)
}

// fillWhatIf computes the funding list at the call's budgets and at the
// budgets of the what-if form; a budget that is not a positive whole
// number shows next to its input.
func (s *Server) fillWhatIf(r *http.Request, p *fundOfficePage) error {
	q := r.URL.Query()
	req := fund.SelectRequest{CallID: p.Call.ID}
	p.BudgetCN, p.BudgetRU = q.Get("budget_cn"), q.Get("budget_ru")
	for _, b := range []struct {
		v   string
		dst *int64
	}{{p.BudgetCN, &req.BudgetCN}, {p.BudgetRU, &req.BudgetRU}} {
		if strings.TrimSpace(b.v) == "" {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(b.v), 10, 64)
		if err != nil || n <= 0 || n > amur.MaxAmount {
			p.SelectErr = p.T("fundpages.form.bad_amount")
			return nil
		}
		*b.dst = n
	}
	wi, err := s.fund.CompareBudgets(r.Context(), req)
	switch code := amur.ErrorCode(err); {
	case err == nil:
		p.WhatIf = wi
	case code == amur.EInvalid || code == amur.EConflict:
		p.SelectErr = i18n.Message(p.Lang, err)
	default:
		return err
	}
	return nil
}

// pageFundAssign answers POST /{lang}/fund/calls/{id}/office/assign: it
// runs the side's reviewer assignment and goes back to the office page.
func (s *Server) pageFundAssign(w http.ResponseWriter, r *http.Request) {
	s.officeAct(w, r, func(side string) error {
		_, err := s.fund.Assign(r.Context(), fund.AssignRequest{CallID: r.PathValue("id"), Side: side})
		return err
	})
}

// pageFundEligibility answers POST /{lang}/fund/calls/{id}/office/eligibility:
// it checks the submitted proposals and goes back to the office page.
func (s *Server) pageFundEligibility(w http.ResponseWriter, r *http.Request) {
	s.officeAct(w, r, func(string) error {
		_, err := s.fund.Eligibility(r.Context(), r.PathValue("id"))
		return err
	})
}

// officeAct runs one act of an office form for the side it names and
// sends the reader back to the office page, or shows the refusal.
func (s *Server) officeAct(w http.ResponseWriter, r *http.Request, act func(side string) error) {
	p := s.newFundPage(r, "fundpages.office.title")
	if err := s.parseForm(w, r); err != nil {
		s.pageError(w, r, err)
		return
	}
	side := officeSide(amur.PrincipalFrom(r.Context()), r.PostForm.Get("side"))
	if err := act(side); err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, p.Href("/fund/calls/"+r.PathValue("id")+"/office?side="+url.QueryEscape(side)), http.StatusSeeOther)
}
