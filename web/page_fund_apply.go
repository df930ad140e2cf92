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

// teamRows is how many team members the proposal form takes; a larger
// team is entered through the API.
const teamRows = 5

// maxFormOrgs bounds the organisations the form offers per side.
const maxFormOrgs = 200

// fundForm is the proposal form of a call. Values holds what the reader
// typed, so that a refused form comes back as it was sent.
type fundForm struct {
	fundPage
	Call     *amur.FundCall
	Action   string
	Values   url.Values
	FieldErr map[string]string
	Rows     []int
	Orgs     []orgChoice
	LangList []amur.Lang
	Sides    []string
	Year     int
}

// orgChoice is one organisation the form offers.
type orgChoice struct {
	ID, Side string
	Name     shown
}

// Val returns the form's value of name.
func (f *fundForm) Val(name string) string { return f.Values.Get(name) }

// Row returns the form's value of a team row's input.
func (f *fundForm) Row(name string, i int) string { return f.Values.Get(name + "_" + strconv.Itoa(i)) }

// RowID returns the name and id of a team row's input.
func (f *fundForm) RowID(name string, i int) string { return name + "_" + strconv.Itoa(i) }

// Err returns the message shown next to the input group name, if any.
func (f *fundForm) Err(name string) string { return f.FieldErr[name] }

// newFundForm returns the form of call id with its choices filled in.
func (s *Server) newFundForm(r *http.Request) (*fundForm, error) {
	f := &fundForm{fundPage: s.newFundPage(r, "fundpages.form.title"), Values: url.Values{}, FieldErr: map[string]string{},
		LangList: amur.Langs, Sides: amur.FundSides}
	for i := range teamRows {
		f.Rows = append(f.Rows, i)
	}
	c, err := s.fund.Call(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	f.Call, f.Action = c, f.Href("/fund/calls/"+c.ID+"/apply")
	f.Year = c.DeadlineUTC().In(zoneBeijing).Year() + 1
	for _, side := range amur.FundSides {
		list, err := s.store.Organizations(r.Context(), amur.OrganizationFilter{Countries: []string{side}, Page: amur.Page{Limit: maxFormOrgs}})
		if err != nil {
			return nil, err
		}
		for _, o := range list.Items {
			f.Orgs = append(f.Orgs, orgChoice{ID: o.ID, Side: side, Name: f.Txt(o.Name)})
		}
	}
	return f, nil
}

// pageFundApply answers GET /{lang}/fund/calls/{id}/apply.
func (s *Server) pageFundApply(w http.ResponseWriter, r *http.Request) {
	f, err := s.newFundForm(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if signInFirst(w, r, &f.page) {
		return
	}
	f.Values.Set("year", strconv.Itoa(f.Year))
	f.Values.Set("team_side_0", amur.SideCN)
	f.Values.Set("team_role_0", string(amur.LeadRole))
	f.Values.Set("team_side_1", amur.SideRU)
	f.Values.Set("team_role_1", string(amur.LeadRole))
	s.render(w, r, http.StatusOK, "fund_form", &f.page, f)
}

// pageFundApplyPost answers POST /{lang}/fund/calls/{id}/apply: it stores
// a draft through the fund, or shows the form again with each error next
// to its field.
func (s *Server) pageFundApplyPost(w http.ResponseWriter, r *http.Request) {
	f, err := s.newFundForm(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.pageError(w, r, err)
		return
	}
	f.Values = r.PostForm
	p := &amur.Proposal{CallID: f.Call.ID}
	if f.apply(p) {
		err = s.fund.CreateProposal(r.Context(), p)
		if err == nil {
			http.Redirect(w, r, f.Href("/fund/mine"), http.StatusSeeOther)
			return
		}
		if st := httpStatus(amur.ErrorCode(err)); st == http.StatusInternalServerError || st == http.StatusForbidden ||
			st == http.StatusUnauthorized {
			s.pageError(w, r, err)
			return
		}
		f.fieldError(err)
	}
	if len(f.FieldErr) > 0 {
		f.Errors = append(f.Errors, f.N("web.form.fix", len(f.FieldErr)))
	}
	status := http.StatusBadRequest
	if err != nil {
		status = httpStatus(amur.ErrorCode(err))
	}
	s.render(w, r, status, "fund_form", &f.page, f)
}

// apply copies the form's values onto p, noting every value that cannot
// be read next to its field; it reports whether all could.
func (f *fundForm) apply(p *amur.Proposal) bool {
	for _, l := range amur.Langs {
		p.Title.Set(l, strings.TrimSpace(f.Val("title_"+string(l))))
		p.Abstract.Set(l, strings.TrimSpace(f.Val("abstract_"+string(l))))
	}
	p.Title.Orig, p.Abstract.Orig = firstLang(p.Title, f.Lang), firstLang(p.Abstract, f.Lang)
	if p.Title.IsZero() {
		f.FieldErr["title"] = i18n.T(f.Lang, "err.text_empty")
	}
	if n, ok := f.count("months", 0, 120); ok {
		p.Months = n
	}
	year, ok := f.count("year", 2000, 2100)
	for _, side := range amur.FundSides {
		name := "budget_" + strings.ToLower(side)
		v := strings.TrimSpace(f.Val(name))
		if v == "" {
			continue
		}
		n, err := strconv.ParseInt(strings.NewReplacer(" ", "", ",", "", "\u202f", "", "\u00a0", "").Replace(v), 10, 64)
		if err != nil || n < 0 || n > amur.MaxAmount {
			f.FieldErr[name] = f.T("fundpages.form.bad_amount")
			continue
		}
		if ok {
			p.Budget = append(p.Budget, amur.BudgetLine{Side: side, Year: year, Amount: n})
		}
	}
	for i := range teamRows {
		name := strings.TrimSpace(f.Row("team_name", i))
		if name == "" {
			continue
		}
		p.Team = append(p.Team, amur.TeamMember{Name: name, OrgID: f.Row("team_org", i),
			Side: f.Row("team_side", i), Role: amur.TeamRole(f.Row("team_role", i))})
	}
	if len(p.Team) == 0 {
		f.FieldErr["team"] = i18n.T(f.Lang, "err.required")
	}
	return len(f.FieldErr) == 0
}

// count reads the whole number name within [lo, hi], noting an error.
func (f *fundForm) count(name string, lo, hi int) (int, bool) {
	v := strings.TrimSpace(f.Val(name))
	if v == "" && lo == 0 {
		return 0, true
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		f.FieldErr[name] = i18n.T(f.Lang, "err.range", "min", lo, "max", hi)
		return 0, false
	}
	return n, true
}

// firstLang returns the language a text was written in: the page's when
// filled in, else the first one filled in.
func firstLang(t amur.Text, page amur.Lang) amur.Lang {
	if t.Get(page) != "" {
		return page
	}
	for _, l := range amur.Langs {
		if t.Get(l) != "" {
			return l
		}
	}
	return ""
}

// fieldError puts a coded error of the fund next to the input group it
// names ("team[1].org_id" → team, "budget[0].amount" → budget_cn); one
// that names no input of the form stays at the top.
func (f *fundForm) fieldError(err error) {
	e := amur.AsError(err)
	group := e.Field
	if i := strings.IndexAny(group, ".["); i >= 0 {
		group = group[:i]
	}
	msg := i18n.T(f.Lang, e.Key, flatten(e.Args)...)
	if e.Key == "" {
		msg = i18n.Message(f.Lang, e)
	}
	switch group {
	case "budget":
		group = "budget_cn"
		if side, _ := e.Args["side"].(string); side == amur.SideRU {
			group = "budget_ru"
		}
		f.FieldErr[group] = msg
	case "title", "abstract", "team", "months":
		f.FieldErr[group] = msg
	default:
		f.Errors = append(f.Errors, i18n.Message(f.Lang, e))
	}
}

// fundMinePage lists the signed-in applicant's own proposals.
type fundMinePage struct {
	fundPage
	Items []mineItem
}

// mineItem is one proposal with its call.
type mineItem struct {
	P    *amur.Proposal
	Call *amur.FundCall
}

// pageFundMine answers GET /{lang}/fund/mine: the reader's own proposals
// of every call with their status. The fund lists an applicant's own only.
func (s *Server) pageFundMine(w http.ResponseWriter, r *http.Request) {
	p := &fundMinePage{fundPage: s.newFundPage(r, "fundpages.mine.title")}
	if signInFirst(w, r, &p.page) {
		return
	}
	calls, err := s.fund.Calls(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	me := amur.PrincipalFrom(r.Context()).UserID
	for _, c := range calls {
		props, err := s.fund.Proposals(r.Context(), fund.ProposalQuery{CallID: c.ID})
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		for _, pr := range props {
			if pr.OwnerID == me {
				p.Items = append(p.Items, mineItem{P: pr, Call: c})
			}
		}
	}
	s.render(w, r, http.StatusOK, "fund_mine", &p.page, p)
}

// pageFundSubmit answers POST /{lang}/fund/proposals/{id}/submit: the
// applicant submits a draft; a refusal shows on the list of proposals.
func (s *Server) pageFundSubmit(w http.ResponseWriter, r *http.Request) {
	p := s.newFundPage(r, "fundpages.mine.title")
	if err := s.parseForm(w, r); err != nil {
		s.pageError(w, r, err)
		return
	}
	if _, err := s.fund.Submit(r.Context(), r.PathValue("id")); err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, p.Href("/fund/mine"), http.StatusSeeOther)
}
