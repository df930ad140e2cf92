package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"amur"
	"amur/i18n"
)

// fundPagesWorld is a fund world with a call, two submitted and eligible
// proposals of applicant a1, a draft of a1, a reviewer of each side
// assigned, and browser sessions of every account.
type fundPagesWorld struct {
	*fundWorld
	call      amur.FundCall
	submitted []string
	draft     string
	sess      map[string]session
}

// newFundPagesWorld builds the world through the API, as the offices and
// the applicant would.
func newFundPagesWorld(t *testing.T) *fundPagesWorld {
	t.Helper()
	w := &fundPagesWorld{fundWorld: newFundWorld(t), sess: map[string]session{}}
	body := strings.Replace(fundCallJSON, `"title":{"en":"Joint call"}`,
		`"title":{"en":"Joint call","ru":"Совместный конкурс","zh":"联合项目指南"},"description":{"en":"Sensing the permafrost"}`, 1)
	w.as(t, "cn", "POST", "/api/v1/fund/calls", body).want(t, http.StatusCreated).decode(t, &w.call)
	for i, title := range []string{"Quantum sensing", "Permafrost", "Draft idea"} {
		var p amur.Proposal
		w.as(t, "a1", "POST", "/api/v1/fund/proposals", `{"call_id":"`+w.call.ID+`","title":{"en":"`+title+`"},"months":24,"team":[`+
			`{"name":"Wang Li","org_id":"`+w.orgs[0].ID+`","side":"CN","role":"lead"},`+
			`{"name":"Иванов","org_id":"`+w.orgs[1].ID+`","side":"RU","role":"lead"}],`+
			`"budget":[{"side":"CN","year":2026,"amount":1000000},{"side":"RU","year":2026,"amount":1000000}]}`).want(t, http.StatusCreated).decode(t, &p)
		if i == 2 {
			w.draft = p.ID
			break
		}
		w.as(t, "a1", "POST", "/api/v1/fund/proposals/"+p.ID+"/attachments",
			`{"type":"cv","name":"cv.pdf","media":"application/pdf","data":"JVBERg=="}`).want(t, http.StatusCreated)
		w.as(t, "a1", "POST", "/api/v1/fund/proposals/"+p.ID+"/submit", "").want(t, http.StatusOK)
		w.submitted = append(w.submitted, p.ID)
	}
	w.as(t, "cn", "POST", "/api/v1/fund/calls/"+w.call.ID+"/eligibility", "").want(t, http.StatusOK)
	for i, side := range []string{"CN", "RU"} {
		w.as(t, strings.ToLower(side), "POST", "/api/v1/fund/reviewers", `{"side":"`+side+`","name":"Reviewer`+side+`","user_id":"`+
			w.users[4+i].ID+`","expertise":{"en":"quantum sensing"},"load":2}`).want(t, http.StatusCreated)
	}
	for _, u := range w.users {
		w.sess[strings.Split(u.Email, "@")[0]] = (&authWorld{srv: w.srv}).login(t, u.Email)
	}
	return w
}

// get opens a page as the named account.
func (w *fundPagesWorld) get(t *testing.T, who, target string) response {
	t.Helper()
	return do(t, w.srv, "GET", target, "", w.sess[who].headers(false)...)
}

// fundKeyRE finds fund message keys that reached a page untranslated.
var fundKeyRE = regexp.MustCompile(`\b(?:fundpages|fund|web|page|err)\.[a-z_]+\.?[a-z_.]*[a-z]\b`)

// fundKnown are the record strings of the fund world a page may show in
// any script.
var fundKnown = []string{"Quantum sensing", "Permafrost", "Sensing the permafrost", "Joint call", "Wang Li", "Draft idea",
	"ReviewerCN", "ReviewerRU", "cn@example.org", "ru@example.org", "a1@example.org", "r1@example.org", "cv"}

// TestFundPagesInEveryLanguage opens every fund page as the account it is
// for, in Chinese, Russian and English: each answers, is in its language,
// shows no message key and, in Chinese and Russian, no English UI text;
// each stays within the page weight and has what a screen reader needs.
func TestFundPagesInEveryLanguage(t *testing.T) {
	w := newFundPagesWorld(t)
	id := w.call.ID
	assign := postForm(t, w.srv, w.sess["cn"], "/en/fund/calls/"+id+"/office/assign", url.Values{"side": {"CN"}}, true)
	if assign.Code != http.StatusSeeOther {
		t.Fatalf("assign: %d %.300s", assign.Code, assign.Body)
	}
	assets, heaviest, which := 0, 0, ""
	for _, a := range []string{"/static/amur.css", "/static/htmx.min.js"} {
		assets += len(do(t, w.srv, "GET", a, "").want(t, http.StatusOK).Body)
	}
	defer func() {
		t.Logf("heaviest fund page: %s, %d bytes with %d of style sheet and script", which, heaviest, assets)
	}()
	pages := []struct{ who, path string }{
		{"", "/fund"}, {"a1", "/fund"}, {"", "/fund/calls/" + id}, {"a1", "/fund/calls/" + id}, {"cn", "/fund/calls/" + id},
		{"a1", "/fund/mine"}, {"a1", "/fund/calls/" + id + "/apply"},
		{"cn", "/fund/calls/" + id + "/office"}, {"ru", "/fund/calls/" + id + "/office?budget_cn=1&budget_ru=5"},
		{"r1", "/fund/reviews"}, {"r1", "/fund/proposals/" + w.submitted[0] + "/review"},
	}
	for _, pg := range pages {
		for _, l := range amur.Langs {
			target := "/" + string(l) + pg.path
			r := w.get(t, pg.who, target)
			if r.Code != http.StatusOK {
				t.Errorf("%s as %q: status %d: %.300s", target, pg.who, r.Code, r.Body)
				continue
			}
			body := string(r.Body)
			if !strings.Contains(body, `<html lang="`+string(l)+`">`) {
				t.Errorf("%s: not a page in %s", target, l)
			}
			if k := fundKeyRE.FindString(visibleText(t, body, "")); k != "" {
				t.Errorf("%s: untranslated key %q", target, k)
			}
			if l != amur.EN {
				if word := leftoverLatin(t, body, l, fundKnown); word != "" {
					t.Errorf("%s: English UI text %q on a %s page", target, word, l)
				}
			}
			n := len(r.Body) + assets
			if n > maxPageBytes {
				t.Errorf("%s weighs %d bytes with its assets, over %d", target, n, maxPageBytes)
			}
			if n > heaviest {
				heaviest, which = n, target
			}
			for _, problem := range accessibilityProblems(t, body) {
				t.Errorf("%s: %s", target, problem)
			}
		}
	}
}

// TestFundCallPagesShowLocalTimesAndMoney checks the list of calls and a
// call's page: the state by the fund's clock, the deadline in Beijing and
// Moscow time, each side's budget in its currency with local digit
// grouping, and the mark of a description shown in another language.
func TestFundCallPagesShowLocalTimesAndMoney(t *testing.T) {
	w := newFundPagesWorld(t)
	list := string(w.get(t, "", "/ru/fund").want(t, http.StatusOK).Body)
	deadline := i18n.T(amur.RU, "web.time.two_zones", "beijing", "1 марта 2026 г. 18:00", "moscow", "1 марта 2026 г. 13:00")
	for _, want := range []string{"Совместный конкурс", i18n.T(amur.RU, "fundpages.state.open"), deadline,
		"3\u202f000\u202f000 юаней", "40\u202f000\u202f000 руб."} {
		if !strings.Contains(list, want) {
			t.Errorf("/ru/fund lacks %q", want)
		}
	}
	if en := string(w.get(t, "", "/en/fund").want(t, http.StatusOK).Body); !strings.Contains(en, "3,000,000 yuan") {
		t.Errorf("/en/fund lacks the budget in yuan")
	}
	call := string(w.get(t, "", "/zh/fund/calls/"+w.call.ID).want(t, http.StatusOK).Body)
	if !strings.Contains(call, `<span lang="en">Sensing the permafrost</span> <small class="mark">`+i18n.T(amur.ZH, "web.mark.lang.en")) ||
		!strings.Contains(call, i18n.T(amur.ZH, "fundpages.attachment.cv")) {
		t.Errorf("/zh call page lacks the marked description or the attachment: %s", call)
	}
	w.now = w.now.AddDate(1, 0, 0)
	if closed := string(w.get(t, "a1", "/ru/fund/calls/"+w.call.ID).want(t, http.StatusOK).Body); !strings.Contains(closed,
		i18n.T(amur.RU, "fundpages.state.closed")) || strings.Contains(closed, "/apply") {
		t.Errorf("a closed call still offers the form")
	}
}
