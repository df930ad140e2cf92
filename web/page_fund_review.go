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

// fundReviewsPage lists the proposals assigned to the signed-in reviewer.
type fundReviewsPage struct {
	fundPage
	Items []mineItem
}

// pageFundReviews answers GET /{lang}/fund/reviews: the reader's assigned
// proposals of every call. Only reviewers have any.
func (s *Server) pageFundReviews(w http.ResponseWriter, r *http.Request) {
	p := &fundReviewsPage{fundPage: s.newFundPage(r, "fundpages.reviews.title")}
	if signInFirst(w, r, &p.page) {
		return
	}
	if !amur.PrincipalFrom(r.Context()).Is(amur.RoleReviewer) {
		s.pageError(w, r, amur.Errorf(amur.EForbidden, "fund.err.reviewer_only"))
		return
	}
	calls, err := s.fund.Calls(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for _, c := range calls {
		props, err := s.fund.Proposals(r.Context(), fund.ProposalQuery{CallID: c.ID})
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		for _, pr := range props {
			p.Items = append(p.Items, mineItem{P: pr, Call: c})
		}
	}
	s.render(w, r, http.StatusOK, "fund_reviews", &p.page, p)
}

// fundReviewForm is a reviewer's form of one proposal: a score per
// criterion of the call and a comment in any language.
type fundReviewForm struct {
	fundPage
	Call     *amur.FundCall
	P        *amur.Proposal
	Action   string
	Values   url.Values
	FieldErr map[string]string
	LangList []amur.Lang
}

// Val returns the form's value of name.
func (f *fundReviewForm) Val(name string) string { return f.Values.Get(name) }

// Err returns the message shown next to the input name, if any.
func (f *fundReviewForm) Err(name string) string { return f.FieldErr[name] }

// newReviewForm reads the proposal, which the fund shows only to the
// reviewers assigned to it (and the offices), and its call.
func (s *Server) newReviewForm(r *http.Request) (*fundReviewForm, error) {
	f := &fundReviewForm{fundPage: s.newFundPage(r, "fundpages.review.title"), Values: url.Values{},
		FieldErr: map[string]string{}, LangList: amur.Langs}
	if !amur.PrincipalFrom(r.Context()).Is(amur.RoleReviewer) {
		return nil, amur.Errorf(amur.EForbidden, "fund.err.reviewer_only")
	}
	var err error
	if f.P, err = s.fund.Proposal(r.Context(), r.PathValue("id")); err != nil {
		return nil, err
	}
	if f.Call, err = s.fund.Call(r.Context(), f.P.CallID); err != nil {
		return nil, err
	}
	f.Title = f.T("fundpages.review.heading", "title", f.Plain(f.P.Title))
	f.Action = f.Href("/fund/proposals/" + f.P.ID + "/review")
	f.Values.Set("comment_lang", string(f.Lang))
	return f, nil
}

// pageFundReview answers GET /{lang}/fund/proposals/{id}/review.
func (s *Server) pageFundReview(w http.ResponseWriter, r *http.Request) {
	p := newPage(r, "fundpages.review.title")
	if signInFirst(w, r, &p) {
		return
	}
	f, err := s.newReviewForm(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "fund_review", &f.page, f)
}

// pageFundReviewPost answers POST /{lang}/fund/proposals/{id}/review: it
// stores the review, or shows the form again with each error next to its
// input.
func (s *Server) pageFundReviewPost(w http.ResponseWriter, r *http.Request) {
	f, err := s.newReviewForm(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.pageError(w, r, err)
		return
	}
	f.Values = r.PostForm
	rv := &amur.Review{ProposalID: f.P.ID, Scores: map[string]float64{}}
	for _, k := range f.Call.Criteria {
		v := strings.TrimSpace(strings.Replace(f.Val("score_"+k.Key), ",", ".", 1))
		n, perr := strconv.ParseFloat(v, 64)
		if perr != nil || n < 0 || n > amur.ScoreMax {
			f.FieldErr["score_"+k.Key] = i18n.T(f.Lang, "err.range", "min", 0, "max", amur.ScoreMax)
			continue
		}
		rv.Scores[k.Key] = n
	}
	if l, ok := i18n.Parse(f.Val("comment_lang")); ok {
		rv.Comment.Set(l, strings.TrimSpace(f.Val("comment")))
		if rv.Comment.Get(l) != "" {
			rv.Comment.Orig = l
		}
	}
	status := http.StatusBadRequest
	if len(f.FieldErr) == 0 {
		err = s.fund.SubmitReview(r.Context(), rv)
		if err == nil {
			http.Redirect(w, r, f.Href("/fund/reviews"), http.StatusSeeOther)
			return
		}
		if status = httpStatus(amur.ErrorCode(err)); status != http.StatusBadRequest {
			s.pageError(w, r, err)
			return
		}
		f.fieldError(err)
	}
	if len(f.FieldErr) > 0 {
		f.Errors = append(f.Errors, f.N("web.form.fix", len(f.FieldErr)))
	}
	s.render(w, r, status, "fund_review", &f.page, f)
}

// fieldError puts a coded error of the fund next to the input it names
// ("scores.merit" → score_merit, "comment.ru" → comment).
func (f *fundReviewForm) fieldError(err error) {
	e := amur.AsError(err)
	msg := i18n.T(f.Lang, e.Key, flatten(e.Args)...)
	switch {
	case strings.HasPrefix(e.Field, "scores."):
		f.FieldErr["score_"+strings.TrimPrefix(e.Field, "scores.")] = msg
	case strings.HasPrefix(e.Field, "comment"):
		f.FieldErr["comment"] = msg
	default:
		f.Errors = append(f.Errors, i18n.Message(f.Lang, e))
	}
}
