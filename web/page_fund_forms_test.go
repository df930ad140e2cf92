package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"amur"
	"amur/i18n"
)

// proposalFormValues returns a valid proposal form titled title.
func (w *fundPagesWorld) proposalFormValues(title string) url.Values {
	return url.Values{"title_en": {title}, "abstract_ru": {"Аннотация"}, "months": {"24"}, "year": {"2027"},
		"budget_cn": {"1 000 000"}, "budget_ru": {"2000000"},
		"team_name_0": {"Wang Li"}, "team_org_0": {w.orgs[0].ID}, "team_side_0": {"CN"}, "team_role_0": {"lead"},
		"team_name_1": {"Иванов"}, "team_org_1": {w.orgs[1].ID}, "team_side_1": {"RU"}, "team_role_1": {"lead"}}
}

func TestFundProposalForm(t *testing.T) {
	w := newFundPagesWorld(t)
	apply := "/ru/fund/calls/" + w.call.ID + "/apply"
	t.Run("success", func(t *testing.T) {
		r := postForm(t, w.srv, w.sess["a1"], apply, w.proposalFormValues("Arctic optics"), true)
		if r.Code != http.StatusSeeOther || r.Header.Get("Location") != "/ru/fund/mine" {
			t.Fatalf("create: %d %s %.300s", r.Code, r.Header.Get("Location"), r.Body)
		}
		mine := string(w.get(t, "a1", "/ru/fund/mine").want(t, http.StatusOK).Body)
		if !strings.Contains(mine, "Arctic optics") || !strings.Contains(mine, "2\u202f000\u202f000 руб.") || !strings.Contains(mine, "черновик") {
			t.Errorf("my proposals lack the new draft: %s", mine)
		}
	})
	t.Run("validation next to the field", func(t *testing.T) {
		for _, c := range []struct{ field, value, id, want string }{
			{"title_en", "", "err-title", i18n.T(amur.RU, "err.text_empty")},
			{"budget_ru", "много", "err-budget_ru", i18n.T(amur.RU, "fundpages.form.bad_amount")},
			{"months", "500", "err-months", "120"},
			{"team_org_1", "", "err-team", ""},
		} {
			v := w.proposalFormValues("Refused")
			v.Set(c.field, c.value)
			r := postForm(t, w.srv, w.sess["a1"], apply, v, true)
			body := string(r.Body)
			if r.Code != http.StatusBadRequest || !strings.Contains(body, `id="`+c.id+`"`) || !strings.Contains(body, c.want) {
				t.Errorf("%s=%q: %d, no %s with %q: %.2000s", c.field, c.value, r.Code, c.id, c.want, body)
			}
			if c.field != "title_en" && !strings.Contains(body, `value="Refused"`) {
				t.Errorf("%s: the form did not come back as sent", c.field)
			}
		}
	})
	t.Run("csrf refused", func(t *testing.T) {
		r := postForm(t, w.srv, w.sess["a1"], apply, w.proposalFormValues("Forged"), false)
		if r.Code != http.StatusForbidden {
			t.Errorf("without token: %d", r.Code)
		}
	})
	t.Run("role refused", func(t *testing.T) {
		r := postForm(t, w.srv, w.sess["r1"], apply, w.proposalFormValues("By a reviewer"), true)
		if r.Code != http.StatusForbidden || !strings.Contains(string(r.Body), i18n.T(amur.RU, "fund.err.applicant_only")) {
			t.Errorf("reviewer applying: %d %.300s", r.Code, r.Body)
		}
	})
	t.Run("anonymous sent to sign in", func(t *testing.T) {
		r := do(t, w.srv, "GET", apply, "")
		if r.Code != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/ru/login?next=") {
			t.Errorf("anonymous: %d %s", r.Code, r.Header.Get("Location"))
		}
	})
	t.Run("only own proposals", func(t *testing.T) {
		mine := string(w.get(t, "a2", "/en/fund/mine").want(t, http.StatusOK).Body)
		if strings.Contains(mine, "Quantum sensing") || strings.Contains(mine, "Permafrost") {
			t.Errorf("a2 sees a1's proposals: %s", mine)
		}
		w.get(t, "a2", "/en/fund/proposals/"+w.submitted[0]+"/review").want(t, http.StatusForbidden)
		w.get(t, "a2", "/en/fund/calls/"+w.call.ID+"/office").want(t, http.StatusForbidden)
		r := postForm(t, w.srv, w.sess["a2"], "/en/fund/proposals/"+w.draft+"/submit", url.Values{}, true)
		if r.Code != http.StatusNotFound {
			t.Errorf("a2 submitting a1's draft: %d", r.Code)
		}
	})
	t.Run("statuses translated in errors", func(t *testing.T) {
		r := postForm(t, w.srv, w.sess["a1"], "/ru/fund/proposals/"+w.submitted[0]+"/submit", url.Values{}, true)
		body := string(r.Body)
		if r.Code != http.StatusConflict || strings.Contains(body, "eligible") || !strings.Contains(body, "«допущена»") {
			t.Errorf("submitting again: %d %.3000s", r.Code, body)
		}
		for _, l := range amur.Langs {
			msg := i18n.Message(l, amur.MoveError(amur.UnderReview, amur.Draft))
			if strings.Contains(msg, "under_review") || !strings.Contains(msg, i18n.T(l, "fund.status.under_review")) {
				t.Errorf("%s: %s", l, msg)
			}
			msg = i18n.Message(l, amur.Errorf(amur.EConflict, "fund.err.conflict_forced", "reviewer", "R", "reason", "shared_activity"))
			if strings.Contains(msg, "shared_activity") || !strings.Contains(msg, i18n.T(l, "fund.conflict.shared_activity")) {
				t.Errorf("%s: %s", l, msg)
			}
		}
	})
}

func TestFundOfficeAndReviewPages(t *testing.T) {
	w := newFundPagesWorld(t)
	office := "/ru/fund/calls/" + w.call.ID + "/office"
	t.Run("assignment refused to others", func(t *testing.T) {
		for _, who := range []string{"a1", "r1"} {
			r := postForm(t, w.srv, w.sess[who], office+"/assign", url.Values{"side": {"CN"}}, true)
			if r.Code != http.StatusForbidden {
				t.Errorf("%s assigning: %d", who, r.Code)
			}
		}
		if r := postForm(t, w.srv, w.sess["cn"], office+"/assign", url.Values{"side": {"CN"}}, false); r.Code != http.StatusForbidden {
			t.Errorf("without token: %d", r.Code)
		}
	})
	r := postForm(t, w.srv, w.sess["cn"], office+"/assign", url.Values{"side": {"CN"}}, true)
	if r.Code != http.StatusSeeOther || r.Header.Get("Location") != office+"?side=CN" {
		t.Fatalf("assign: %d %s %.300s", r.Code, r.Header.Get("Location"), r.Body)
	}
	page := string(w.get(t, "cn", office).want(t, http.StatusOK).Body)
	for _, want := range []string{"ReviewerCN", "на экспертизе", "2 назначенные экспертизы", "/api/v1/fund/calls/" + w.call.ID + "/export?format=xlsx&amp;lang=ru"} {
		if !strings.Contains(page, want) {
			t.Errorf("office page lacks %q", want)
		}
	}
	if strings.Contains(page, "ReviewerRU") {
		t.Error("the CN office sees the RU side's reviewers")
	}
	bad := string(w.get(t, "cn", office+"?budget_cn=abc").want(t, http.StatusOK).Body)
	if !strings.Contains(bad, `id="err-select"`) || !strings.Contains(bad, `value="abc"`) {
		t.Errorf("a bad what-if budget is not shown next to the form")
	}
	t.Run("review form", func(t *testing.T) {
		target := "/zh/fund/proposals/" + w.submitted[0] + "/review"
		w.get(t, "r2", target).want(t, http.StatusNotFound)
		r := postForm(t, w.srv, w.sess["r1"], target, url.Values{"score_merit": {"11"}, "comment": {"好"}, "comment_lang": {"zh"}}, true)
		if body := string(r.Body); r.Code != http.StatusBadRequest || !strings.Contains(body, `id="err-score_merit"`) {
			t.Errorf("score 11: %d %.500s", r.Code, body)
		}
		if r := postForm(t, w.srv, w.sess["r1"], target, url.Values{"score_merit": {"8"}}, false); r.Code != http.StatusForbidden {
			t.Errorf("without token: %d", r.Code)
		}
		if r := postForm(t, w.srv, w.sess["a1"], target, url.Values{"score_merit": {"8"}}, true); r.Code != http.StatusForbidden {
			t.Errorf("applicant reviewing: %d", r.Code)
		}
		r = postForm(t, w.srv, w.sess["r1"], target, url.Values{"score_merit": {"8,5"}, "comment": {"Хорошо"}, "comment_lang": {"ru"}}, true)
		if r.Code != http.StatusSeeOther || r.Header.Get("Location") != "/zh/fund/reviews" {
			t.Fatalf("review: %d %.500s", r.Code, r.Body)
		}
		rank := string(w.get(t, "cn", office).want(t, http.StatusOK).Body)
		if !strings.Contains(rank, "8,5") {
			t.Errorf("the ranking lacks the score 8,5")
		}
	})
	t.Run("what-if and conflicts", func(t *testing.T) {
		w.as(t, "r1", "POST", "/api/v1/fund/reviews", `{"proposal_id":"`+w.submitted[1]+`","scores":{"merit":6}}`).want(t, http.StatusOK)
		w.as(t, "ru", "POST", "/api/v1/fund/calls/"+w.call.ID+"/assignments", `{"side":"RU"}`).want(t, http.StatusOK)
		for i, id := range w.submitted {
			w.as(t, "r2", "POST", "/api/v1/fund/reviews", `{"proposal_id":"`+id+`","scores":{"merit":`+itoa64(int64(9-3*i))+`}}`).want(t, http.StatusOK)
		}
		for _, side := range []string{"CN", "RU"} {
			w.as(t, strings.ToLower(side), "POST", "/api/v1/fund/calls/"+w.call.ID+"/recommendations", `{"side":"`+side+`","top":2}`).want(t, http.StatusOK)
		}
		page := string(w.get(t, "cn", office+"?budget_cn=1500000").want(t, http.StatusOK).Body)
		removed := strings.Index(page, i18n.T(amur.RU, "fundpages.office.removed"))
		if removed < 0 || !strings.Contains(page[removed:], "Permafrost") || strings.Contains(page[removed:], "Quantum sensing") ||
			!strings.Contains(page, "1 000 000 юаней из 1 500 000 юаней") {
			t.Errorf("the what-if at 1 500 000 yuan does not drop Permafrost: %.6000s", page)
		}
		w.as(t, "r1", "POST", "/api/v1/fund/proposals/"+w.submitted[1]+"/conflict", "").want(t, http.StatusNoContent)
		page = string(w.get(t, "cn", office).want(t, http.StatusOK).Body)
		if !strings.Contains(page, i18n.T(amur.RU, "fund.conflict.declared")) {
			t.Errorf("the declared conflict is not shown with its reason")
		}
	})
	t.Run("reviewers hidden from applicants", func(t *testing.T) {
		for _, path := range []string{"/en/fund/mine", "/en/fund/calls/" + w.call.ID, "/en/fund"} {
			if body := string(w.get(t, "a1", path).want(t, http.StatusOK).Body); strings.Contains(body, "ReviewerCN") {
				t.Errorf("%s names a reviewer to the applicant", path)
			}
		}
	})
}
