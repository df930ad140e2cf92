package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"amur"
	"amur/demo"
	"amur/events"
	"amur/sqlstore"
)

// pageForum is an event with an interpreted session, open registration
// with a required question, and a brokerage.
const pageForum = `{"kind":"forum","zone":"Asia/Shanghai","public":true,
"title":{"en":"Forum of young scientists","zh":"青年科学家论坛","ru":"Форум молодых учёных"},
"venue":{"en":"Expo hall","zh":"会展中心","ru":"Выставочный центр"},"start":"2030-06-10T09:00","end":"2030-06-10T18:00",
"sessions":[{"title":{"en":"Opening","zh":"开幕式","ru":"Открытие"},"start":"2030-06-10T09:00","end":"2030-06-10T10:00","room":"A","language":"zh","interpretation":true,"speakers":[]}],
"registration":{"open":true,"capacity":5,"waitlist":false,"approval":false,
"questions":[{"key":"topic","label":{"en":"Topic","zh":"主题","ru":"Тема"},"required":true}]},
"brokerage":{"slots":["2030-06-10T14:00","2030-06-10T14:30"],"slot_minutes":30,"tables":1,"interpreters":1,"online":false}}`

// seedCapabilities stores what the capability pages show beyond the demo:
// the demo's CIEP forum and a forum with registration and brokerage as
// events, a proposed press event and a proposed pair of people.
func seedCapabilities(tb testing.TB, db *sqlstore.DB) {
	tb.Helper()
	ctx := context.Background()
	svc := events.New(db)
	var forum amur.Event
	if err := json.Unmarshal([]byte(pageForum), &forum); err != nil {
		tb.Fatal(err)
	}
	ciep, err := demo.CIEPEvent(ctx, db)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range []*amur.Event{&forum, ciep} {
		if err := svc.Create(ctx, e, ""); err != nil {
			tb.Fatal(err)
		}
	}
	pe := &amur.PressEvent{Date: amur.Date{Y: 2021, M: 5}, Kind: amur.Meeting,
		Title:  amur.T("ru", "Встреча ректоров", "zh", "校长会晤", "en", "Meeting of rectors"),
		People: []string{"Ван И"}, Sources: []amur.Source{{URL: "https://example.org/news/1", Title: "Встреча ректоров"}}}
	if err := db.ProposePress(ctx, []*amur.PressEvent{pe}); err != nil {
		tb.Fatal(err)
	}
	people, err := db.People(ctx, amur.PersonFilter{Page: amur.Page{Limit: 2}})
	if err != nil || len(people.Items) < 2 {
		tb.Fatalf("people: %v", err)
	}
	cand := amur.DuplicateCandidate{Kind: amur.KindPerson, A: people.Items[0].ID, B: people.Items[1].ID, Score: 0.91,
		Explanation: json.RawMessage(`[{"query":"张平文","match":"Zhang Pingwen","via":"pinyin+palladius","score":0.97},{"query":"Семина","match":"Семин","via":"odd bridge","score":0.9}]`)}
	if _, err := db.ProposeDuplicates(ctx, []amur.DuplicateCandidate{cand}); err != nil {
		tb.Fatal(err)
	}
}

// capabilityPaths returns a path of every capability page: the offer and
// request lists with facets, one of each, the events, an event, its
// agenda and the two office queues.
func capabilityPaths(tb testing.TB, db *sqlstore.DB) []string {
	tb.Helper()
	ctx := context.Background()
	offers, err := db.Offers(ctx, amur.ListingFilter{Drafts: amur.NoDrafts, Page: amur.Page{Limit: 1}})
	if err != nil || len(offers.Items) == 0 {
		tb.Fatalf("no offer: %v", err)
	}
	reqs, err := db.Requests(ctx, amur.ListingFilter{Drafts: amur.NoDrafts, Page: amur.Page{Limit: 1}})
	if err != nil || len(reqs.Items) == 0 {
		tb.Fatalf("no request: %v", err)
	}
	evs, err := db.Events(ctx, amur.EventFilter{Page: amur.Page{Limit: 10}})
	if err != nil || len(evs.Items) < 2 {
		tb.Fatalf("events: %v", err)
	}
	paths := []string{"/offers", "/offers?side=RU&coop=joint_rd&trl=3&status=published", "/offers/" + offers.Items[0].ID,
		"/requests", "/requests?field=1&page=2", "/requests/" + reqs.Items[0].ID, "/events",
		"/office/press", "/office/identity"}
	for _, e := range evs.Items {
		paths = append(paths, "/events/"+e.ID)
		if e.Brokerage != nil {
			paths = append(paths, "/events/"+e.ID+"/agenda")
		}
	}
	return paths
}

func TestInterestForm(t *testing.T) {
	w := newDemoWorld(t, 30)
	ctx := context.Background()
	offers, err := w.db.Offers(ctx, amur.ListingFilter{Statuses: []amur.ListingStatus{amur.ListingPublished}, Page: amur.Page{Limit: 1}})
	if err != nil || len(offers.Items) == 0 {
		t.Fatalf("no offer: %v", err)
	}
	o := offers.Items[0]
	target := "/ru/offers/" + o.ID + "/interest"
	page := string(do(t, w.srv, "GET", "/ru/offers/"+o.ID, "").want(t, http.StatusOK).Body)
	if strings.Contains(page, `name="message"`) || !strings.Contains(page, `href="/ru/login"`) {
		t.Errorf("a visitor sees the interest form instead of the sign-in link")
	}
	admin := w.login(t, "admin@example.org")
	page = string(do(t, w.srv, "GET", "/ru/offers/"+o.ID, "", admin.headers(false)...).want(t, http.StatusOK).Body)
	if !strings.Contains(page, `<label for="message">`) || !strings.Contains(page, `value="`+admin.csrf+`"`) {
		t.Fatalf("the interest form lacks its label or token")
	}
	postForm(t, w.srv, admin, target, url.Values{"message": {"Интересно"}}, false).want(t, http.StatusForbidden)
	r := postForm(t, w.srv, admin, target, url.Values{"message": {"  "}}, true).want(t, http.StatusBadRequest)
	if b := string(r.Body); !strings.Contains(b, `id="err-message"`) || !strings.Contains(b, `aria-invalid="true"`) {
		t.Errorf("an empty message is not refused next to its field:\n%.3000s", b)
	}
	r = postForm(t, w.srv, admin, target, url.Values{"message": {"нет\x00слов"}}, true).want(t, http.StatusBadRequest)
	if !strings.Contains(string(r.Body), `id="err-message"`) {
		t.Errorf("the store's refusal of the message is not next to its field")
	}
	reviewer := w.login(t, "reviewer@example.org")
	r = postForm(t, w.srv, reviewer, target, url.Values{"message": {"Интересно"}}, true).want(t, http.StatusForbidden)
	if !strings.Contains(string(r.Body), `role="alert"`) {
		t.Errorf("a refused interest shows no error")
	}
	r = postForm(t, w.srv, admin, target, url.Values{"message": {"Готовы обсудить совместные НИОКР"}}, true).want(t, http.StatusSeeOther)
	if loc := r.Header.Get("Location"); loc != "/ru/offers/"+o.ID+"?interest=sent" {
		t.Errorf("after sending: redirect to %q", loc)
	}
	got, err := w.db.Interests(ctx, amur.InterestFilter{OfferID: o.ID, Page: amur.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, in := range got.Items {
		found = found || in.Message.RU == "Готовы обсудить совместные НИОКР"
	}
	if !found {
		t.Errorf("the interest was not stored")
	}
	page = string(do(t, w.srv, "GET", "/ru/offers/"+o.ID+"?interest=sent", "", admin.headers(false)...).want(t, http.StatusOK).Body)
	if !strings.Contains(page, "Ваш интерес отправлен") {
		t.Errorf("no confirmation after sending")
	}
}

func TestListingPages(t *testing.T) {
	w := newDemoWorld(t, 30)
	list := string(do(t, w.srv, "GET", "/zh/offers?side=RU", "").want(t, http.StatusOK).Body)
	if !strings.Contains(list, `id="f-side-RU" name="side" value="RU" checked`) || !strings.Contains(list, "/zh/offers/") {
		t.Errorf("the filtered offer list lacks its checked facet or items")
	}
	part := string(do(t, w.srv, "GET", "/zh/offers?side=RU", "", "HX-Request", "true", "HX-Target", "results").want(t, http.StatusOK).Body)
	if strings.Contains(part, "<html") || !strings.Contains(part, `id="results"`) || !strings.Contains(part, `hx-swap-oob="true"`) {
		t.Errorf("an htmx request for the results gets more or less than them:\n%.500s", part)
	}
	do(t, w.srv, "GET", "/en/offers?trl=12", "").want(t, http.StatusBadRequest)
	do(t, w.srv, "GET", "/en/offers?colour=red", "").want(t, http.StatusBadRequest)
	// Every listing of a coop and TRL filter passes it.
	ctx := context.Background()
	all, err := w.db.Offers(ctx, amur.ListingFilter{Page: amur.Page{Limit: amur.MaxLimit}})
	if err != nil {
		t.Fatal(err)
	}
	page := string(do(t, w.srv, "GET", "/en/offers?coop=licence&trl=5", "").want(t, http.StatusOK).Body)
	shown := 0
	for _, o := range all.Items {
		if strings.Contains(page, "/en/offers/"+o.ID+`"`) {
			shown++
			if !o.HasCoop(amur.CoopLicence) || o.TRL < 5 {
				t.Errorf("offer %s (TRL %d, %v) passes the licence, TRL 5 filter", o.ID, o.TRL, o.Coop)
			}
		}
	}
	if shown == 0 {
		t.Errorf("no offer passes the licence, TRL 5 filter")
	}
	// The owner of an anonymous listing stays hidden from a visitor.
	anon := 0
	for _, o := range all.Items {
		if !o.Anonymous || o.Status != amur.ListingPublished {
			continue
		}
		anon++
		body := string(do(t, w.srv, "GET", "/en/offers/"+o.ID, "").want(t, http.StatusOK).Body)
		if strings.Contains(body, "/organizations/"+o.OwnerID) || !strings.Contains(body, "not disclosed") {
			t.Errorf("anonymous offer %s shows its owner", o.ID)
		}
	}
	if anon == 0 {
		t.Errorf("the demo has no published anonymous offer to check")
	}
	// A request's page ranks offers of the other side and names bridges.
	var best string
	reqs, _ := w.db.Requests(ctx, amur.ListingFilter{Drafts: amur.NoDrafts, Page: amur.Page{Limit: 50}})
	for _, rq := range reqs.Items {
		body := string(do(t, w.srv, "GET", "/ru/requests/"+rq.ID, "").want(t, http.StatusOK).Body)
		if strings.Contains(body, "Совпавшие слова:") {
			best = body
			break
		}
	}
	if best == "" {
		t.Fatal("no request page explains a match")
	}
	if !regexp.MustCompile(`\((то же слово|общее латинское слово или код|перевод по словарю|транслитерация|то же число или единица|имя в пиньинь или по Палладию)\)`).MatchString(best) {
		t.Errorf("the match explanation names no translated bridge")
	}
}

func TestEventPages(t *testing.T) {
	w := newDemoWorld(t, 30)
	ctx := context.Background()
	evs, err := w.db.Events(ctx, amur.EventFilter{Page: amur.Page{Limit: 10}})
	if err != nil {
		t.Fatal(err)
	}
	var forum *amur.Event
	for _, e := range evs.Items {
		if e.Brokerage != nil {
			forum = e
		}
	}
	if forum == nil {
		t.Fatal("no forum with brokerage")
	}
	page := string(do(t, w.srv, "GET", "/ru/events/"+forum.ID, "").want(t, http.StatusOK).Body)
	for _, want := range []string{"10 июня 2030 г. 09:00 по пекинскому времени", "04:00 по московскому времени",
		"китайско-русский перевод", "/api/v1/events/" + forum.ID + "/calendar.ics?lang=ru", "Войдите, чтобы зарегистрироваться"} {
		if !strings.Contains(page, want) {
			t.Errorf("event page lacks %q", want)
		}
	}
	admin := w.login(t, "admin@example.org")
	target := "/en/events/" + forum.ID + "/register"
	form := url.Values{"name": {"Anna Petrova"}, "email": {"anna@example.org"}, "answers.topic": {"Sensors"}}
	postForm(t, w.srv, admin, target, form, false).want(t, http.StatusForbidden)
	bad := url.Values{"name": {"Anna Petrova"}, "email": {"anna@example.org"}}
	r := postForm(t, w.srv, admin, target, bad, true).want(t, http.StatusBadRequest)
	if b := string(r.Body); !strings.Contains(b, `id="err-q-topic"`) || !strings.Contains(b, `value="Anna Petrova"`) {
		t.Errorf("a missing answer is not refused next to its field:\n%.3000s", b)
	}
	bad = url.Values{"name": {""}, "email": {"anna@example.org"}, "answers.topic": {"Sensors"}}
	if b := string(postForm(t, w.srv, admin, target, bad, true).want(t, http.StatusBadRequest).Body); !strings.Contains(b, `id="err-name"`) {
		t.Errorf("a missing name is not refused next to its field")
	}
	r = postForm(t, w.srv, admin, target, form, true).want(t, http.StatusSeeOther)
	if loc := r.Header.Get("Location"); loc != "/en/events/"+forum.ID+"?registered=confirmed" {
		t.Errorf("after registering: redirect to %q", loc)
	}
	regs, err := events.New(w.db).Registrations(ctx, forum.ID)
	if err != nil || len(regs) != 1 || regs[0].Name != "Anna Petrova" || regs[0].Answers["topic"] != "Sensors" {
		t.Errorf("registrations %+v, %v", regs, err)
	}
	agenda := string(do(t, w.srv, "GET", "/zh/events/"+forum.ID+"/agenda", "", admin.headers(false)...).want(t, http.StatusOK).Body)
	if !strings.Contains(agenda, "尚未安排洽谈") {
		t.Errorf("the empty agenda says nothing")
	}
	if r := do(t, w.srv, "GET", "/zh/events/"+forum.ID+"/agenda", "").want(t, http.StatusSeeOther); !strings.HasPrefix(r.Header.Get("Location"), "/zh/login") {
		t.Errorf("a visitor's agenda does not ask to sign in")
	}
}

func TestOfficeQueues(t *testing.T) {
	w := newDemoWorld(t, 30)
	ctx := context.Background()
	for _, path := range []string{"/en/office/press", "/en/office/identity"} {
		r := do(t, w.srv, "GET", path, "").want(t, http.StatusSeeOther)
		if !strings.HasPrefix(r.Header.Get("Location"), "/en/login?next=") {
			t.Errorf("%s: a visitor is sent to %q", path, r.Header.Get("Location"))
		}
	}
	reviewer, admin := w.login(t, "reviewer@example.org"), w.login(t, "admin@example.org")
	do(t, w.srv, "GET", "/en/office/press", "", reviewer.headers(false)...).want(t, http.StatusForbidden)
	do(t, w.srv, "GET", "/en/office/identity", "", reviewer.headers(false)...).want(t, http.StatusForbidden)

	queue, err := w.db.PressEvents(ctx, amur.PressFilter{Page: amur.Page{Limit: 10}})
	if err != nil || len(queue.Items) != 1 {
		t.Fatalf("press queue: %v", err)
	}
	id := queue.Items[0].ID
	page := string(do(t, w.srv, "GET", "/ru/office/press", "", admin.headers(false)...).want(t, http.StatusOK).Body)
	for _, want := range []string{"Встреча ректоров", "май 2021", "до месяца", "Ван И", "/ru/office/press/" + id + "/publish"} {
		if !strings.Contains(strings.ToLower(page), strings.ToLower(want)) {
			t.Errorf("press queue lacks %q", want)
		}
	}
	postForm(t, w.srv, reviewer, "/en/office/press/"+id+"/publish", url.Values{}, true).want(t, http.StatusForbidden)
	postForm(t, w.srv, admin, "/en/office/press/"+id+"/publish", url.Values{}, false).want(t, http.StatusForbidden)
	postForm(t, w.srv, admin, "/en/office/press/"+id+"/publish", url.Values{}, true).want(t, http.StatusSeeOther)
	if e, err := w.db.PressEvent(ctx, id); err != nil || e.Status != amur.PressPublished || e.EntryID == "" {
		t.Errorf("after publishing: %+v, %v", e, err)
	}

	cands, err := w.db.DuplicateCandidates(ctx, amur.DuplicateFilter{Page: amur.Page{Limit: 10}})
	if err != nil || len(cands.Items) != 1 {
		t.Fatalf("identity queue: %v", err)
	}
	c := cands.Items[0]
	page = string(do(t, w.srv, "GET", "/zh/office/identity", "", admin.headers(false)...).want(t, http.StatusOK).Body)
	for _, want := range []string{"拼音", "巴拉第转写", `<span lang="en">odd bridge</span>`, "得分 91", "/zh/office/identity/" + c.ID + "/merge"} {
		if !strings.Contains(page, want) {
			t.Errorf("identity queue lacks %q", want)
		}
	}
	postForm(t, w.srv, reviewer, "/en/office/identity/"+c.ID+"/merge", url.Values{}, true).want(t, http.StatusForbidden)
	r := postForm(t, w.srv, admin, "/en/office/identity/"+c.ID+"/merge", url.Values{}, true).want(t, http.StatusSeeOther)
	m := regexp.MustCompile(`merge=([0-9a-f-]{36})`).FindStringSubmatch(r.Header.Get("Location"))
	if m == nil {
		t.Fatalf("after merging: redirect to %q", r.Header.Get("Location"))
	}
	if _, err := w.db.Person(ctx, c.B); amur.ErrorCode(err) != amur.ENotFound {
		t.Errorf("the merged record is still there: %v", err)
	}
	page = string(do(t, w.srv, "GET", r.Header.Get("Location"), "", admin.headers(false)...).want(t, http.StatusOK).Body)
	if !strings.Contains(page, "/en/office/identity/merges/"+m[1]+"/undo") {
		t.Errorf("the page does not offer to undo the merge")
	}
	postForm(t, w.srv, admin, "/en/office/identity/merges/"+m[1]+"/undo", url.Values{}, true).want(t, http.StatusSeeOther)
	if _, err := w.db.Person(ctx, c.B); err != nil {
		t.Errorf("the undone merge did not bring the record back: %v", err)
	}
}

// BenchmarkCapabilityPages renders the capability pages over the demo
// program (300 synthetic activities and the demo's offers and requests),
// warm, against the activity list of the same server as the baseline: the
// offer list straight from the store, the list with a cooperation and TRL
// filter (read in batches and filtered here), a request with its ranked
// matches, and an event. It reports the median render time of each.
func BenchmarkCapabilityPages(b *testing.B) {
	srv, db := demoServer(b)
	ctx := context.Background()
	reqs, err := db.Requests(ctx, amur.ListingFilter{Page: amur.Page{Limit: 1}})
	if err != nil || len(reqs.Items) == 0 {
		b.Fatalf("no request: %v", err)
	}
	evs, err := db.Events(ctx, amur.EventFilter{Page: amur.Page{Limit: 1}})
	if err != nil || len(evs.Items) == 0 {
		b.Fatalf("no event: %v", err)
	}
	for _, p := range []struct{ name, path string }{
		{"baseline-activities", "/ru/activities"}, {"offers", "/ru/offers"},
		{"offers-coop-trl", "/ru/offers?coop=joint_rd&trl=4"}, {"request-matches", "/ru/requests/" + reqs.Items[0].ID},
		{"event", "/ru/events/" + evs.Items[0].ID},
	} {
		b.Run(p.name, func(b *testing.B) {
			renderBytes(b, srv, p.path)
			var lat []time.Duration
			for b.Loop() {
				start := time.Now()
				renderBytes(b, srv, p.path)
				lat = append(lat, time.Since(start))
			}
			b.ReportMetric(ms(median(lat)), "p50-ms")
		})
	}
}
