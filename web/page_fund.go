package web

import (
	"html/template"
	"net/http"
	"time"

	"amur"
	"amur/i18n"
)

// fundPageNames are the joint fund's pages, parsed like the registry's.
var fundPageNames = []string{"fund_calls", "fund_call", "fund_mine", "fund_form", "fund_office", "fund_reviews", "fund_review"}

// The fund's pages join the parsed pages once those exist.
func init() {
	for _, name := range fundPageNames {
		pages[name] = template.Must(template.New(name).Funcs(pageFuncs).Funcs(fundFuncs).ParseFS(templateFS,
			"templates/layout.html", "templates/parts.html", "templates/"+name+".html"))
	}
}

// fundFuncs are the template functions of the fund's pages.
var fundFuncs = template.FuncMap{"inc": func(i int) int { return i + 1 }}

// fundPageRoutes lists the fund's pages under one language prefix; none
// when the server has no fund.
func (s *Server) fundPageRoutes(pre string) []route {
	if s.fund == nil {
		// The navigation links the list in any case: without a fund it
		// says there are no calls.
		return []route{{"GET " + pre + "/fund", s.pageFundCalls}}
	}
	return []route{
		{"GET " + pre + "/fund", s.pageFundCalls},
		{"GET " + pre + "/fund/calls/{id}", s.pageFundCall},
		{"GET " + pre + "/fund/calls/{id}/apply", s.pageFundApply},
		{"POST " + pre + "/fund/calls/{id}/apply", s.pageFundApplyPost},
		{"GET " + pre + "/fund/mine", s.pageFundMine},
		{"POST " + pre + "/fund/proposals/{id}/submit", s.pageFundSubmit},
		{"GET " + pre + "/fund/calls/{id}/office", s.pageFundOffice},
		{"POST " + pre + "/fund/calls/{id}/office/assign", s.pageFundAssign},
		{"POST " + pre + "/fund/calls/{id}/office/eligibility", s.pageFundEligibility},
		{"GET " + pre + "/fund/reviews", s.pageFundReviews},
		{"GET " + pre + "/fund/proposals/{id}/review", s.pageFundReview},
		{"POST " + pre + "/fund/proposals/{id}/review", s.pageFundReviewPost},
	}
}

// fundPage is the layout data of a fund page with the fund's own
// formatting: money in each side's currency, deadlines in both capitals,
// statuses and rules by their labels.
type fundPage struct {
	page
	// Now is the fund's clock, that calls are open or closed by.
	Now time.Time
}

// newFundPage returns a fund page of the request.
func (s *Server) newFundPage(r *http.Request, titleKey string) fundPage {
	p := fundPage{page: newPage(r, titleKey), Now: time.Now()}
	if s.fund != nil {
		p.Now = s.fund.Now()
	}
	p.fillChrome(r)
	if ra := authOf(r.Context()); ra.session != nil {
		p.CSRF = ra.session.CSRFToken
	}
	return p
}

// Money formats an amount in a side's currency for the page's language.
func (p *fundPage) Money(amount int64, currency string) string {
	return p.T("fundpages.money."+currency, "amount", i18n.Number(p.Lang, int(amount)))
}

// SideMoney formats an amount paid by side, in its currency.
func (p *fundPage) SideMoney(amount int64, side string) string {
	return p.Money(amount, amur.Currency(side))
}

// Instant formats an instant as Beijing and Moscow read it.
func (p *fundPage) Instant(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return p.T("web.time.two_zones", "beijing", i18n.Time(p.Lang, t.In(zoneBeijing)), "moscow", i18n.Time(p.Lang, t.In(zoneMoscow)))
}

// Status names a proposal's workflow status.
func (p *fundPage) Status(s amur.ProposalStatus) string { return p.T(s.MessageKey()) }

// Rule names an eligibility rule a proposal failed.
func (p *fundPage) Rule(name string) string { return p.T("fundpages.rule." + name) }

// Reason names the reason of a conflict of interest.
func (p *fundPage) Reason(name string) string { return p.T("fund.conflict." + name) }

// CallState tells whether c is "upcoming", "open" or "closed" now.
func (p *fundPage) CallState(c *amur.FundCall) string {
	switch {
	case p.Now.Before(c.OpensUTC()):
		return "upcoming"
	case p.Now.After(c.DeadlineUTC()):
		return "closed"
	}
	return "open"
}

// Attachment names a type of attachment: by its label when the catalogs
// know it, else by the call's own name of it, marked as not translated.
func (p *fundPage) Attachment(typ string) template.HTML {
	if _, ok := i18n.Lookup(p.Lang, "fundpages.attachment."+typ); ok {
		return template.HTML(template.HTMLEscapeString(p.T("fundpages.attachment." + typ)))
	}
	return template.HTML(`<code translate="no">` + template.HTMLEscapeString(typ) + `</code>`)
}

// Kind names a call's kind.
func (p *fundPage) Kind(k amur.CallKind) string { return p.T("fundpages.kind." + string(k)) }

// Score formats a score with one decimal.
func (p *fundPage) Score(v float64) string {
	n := int(v*10 + 0.5)
	return i18n.Number(p.Lang, n/10) + p.T("fundpages.decimal") + string(rune('0'+n%10))
}

// fundCallsPage is the list of the fund's calls.
type fundCallsPage struct {
	fundPage
	Calls []*amur.FundCall
	// Applicant and Reviewer tell which of the reader's own lists to link.
	Applicant, Reviewer bool
}

// pageFundCalls answers GET /{lang}/fund: every call, open ones first.
func (s *Server) pageFundCalls(w http.ResponseWriter, r *http.Request) {
	p := &fundCallsPage{fundPage: s.newFundPage(r, "fundpages.calls.title")}
	var calls []*amur.FundCall
	if pr := amur.PrincipalFrom(r.Context()); pr != nil && s.fund != nil {
		p.Applicant, p.Reviewer = pr.Is(amur.RoleApplicant), pr.Is(amur.RoleReviewer)
	}
	if s.fund != nil {
		var err error
		if calls, err = s.fund.Calls(r.Context()); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	for _, state := range []string{"open", "upcoming", "closed"} {
		for _, c := range calls {
			if p.CallState(c) == state {
				p.Calls = append(p.Calls, c)
			}
		}
	}
	s.render(w, r, http.StatusOK, "fund_calls", &p.page, p)
}

// fundCallPage is one call: what it funds, its rules and attachments.
type fundCallPage struct {
	fundPage
	Call *amur.FundCall
	// Applicant and Office tell which links the reader gets.
	Applicant, Office bool
	// OfficeSide is the side whose office page the reader opens.
	OfficeSide string
}

// pageFundCall answers GET /{lang}/fund/calls/{id}.
func (s *Server) pageFundCall(w http.ResponseWriter, r *http.Request) {
	p := &fundCallPage{fundPage: s.newFundPage(r, "fundpages.call.title")}
	c, err := s.fund.Call(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Call, p.Title = c, p.Plain(c.Title)
	if pr := amur.PrincipalFrom(r.Context()); pr != nil {
		p.Applicant = pr.Is(amur.RoleApplicant)
		p.Office = pr.Is(amur.RoleAdmin) || pr.Is(amur.RoleOffice)
		p.OfficeSide = officeSide(pr, "")
	}
	s.render(w, r, http.StatusOK, "fund_call", &p.page, p)
}

// officeSide returns the side an office page shows: an office's own side,
// else the side asked for, else CN.
func officeSide(pr *amur.Principal, asked string) string {
	if pr != nil && pr.Is(amur.RoleOffice) && !pr.Is(amur.RoleAdmin) && pr.Side != "" {
		return pr.Side
	}
	if s := amur.NormalizeSide(asked); s == amur.SideCN || s == amur.SideRU {
		return s
	}
	return amur.SideCN
}

// proposalTitles maps proposal ids to their titles, for pages that list pairs.
func proposalTitles(props []*amur.Proposal) map[string]amur.Text {
	out := make(map[string]amur.Text, len(props))
	for _, p := range props {
		out[p.ID] = p.Title
	}
	return out
}
