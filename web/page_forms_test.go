package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"amur"
	"amur/auth"
	"amur/demo"
	"amur/events"
	"amur/internal/testkit"
	"amur/registry"
	"amur/sqlstore"
)

// demoWorld is a server over the demo program, behind the registry, with
// an admin and a reviewer account.
type demoWorld struct {
	srv *Server
	db  *sqlstore.DB
}

// newDemoWorld loads the demo program with n synthetic activities.
func newDemoWorld(tb testing.TB, n int) *demoWorld {
	tb.Helper()
	ctx := context.Background()
	db := testkit.MustOpenStore(tb)
	if err := demo.Load(ctx, db, demo.Options{Activities: n}); err != nil {
		tb.Fatal(err)
	}
	svc := auth.New(db, auth.Options{Params: cheapParams})
	for _, u := range []*amur.User{{Email: "admin@example.org", Role: amur.RoleAdmin}, {Email: "reviewer@example.org", Role: amur.RoleReviewer}} {
		if err := svc.AddUser(auth.System(ctx), u, testPassword); err != nil {
			tb.Fatal(err)
		}
	}
	seedCapabilities(tb, db)
	return &demoWorld{srv: New(Config{Store: registry.New(db), Auth: svc, Events: events.New(db), Press: db, Identity: db}), db: db}
}

// login signs email in through the API.
func (w *demoWorld) login(t *testing.T, email string) session {
	t.Helper()
	return (&authWorld{srv: w.srv}).login(t, email)
}

// postForm sends a form of the session, with its CSRF token unless skip.
func postForm(t *testing.T, h http.Handler, s session, target string, v url.Values, withToken bool) response {
	t.Helper()
	if withToken {
		v.Set("csrf_token", s.csrf)
	}
	return do(t, h, "POST", target, v.Encode(), "Content-Type", "application/x-www-form-urlencoded",
		"Cookie", sessionCookie+"="+s.cookie)
}

// activityForm returns a valid form of a new activity titled title.
func activityFormValues(title string) url.Values {
	return url.Values{"title_en": {title}, "title_ru": {"Тестовое мероприятие " + title}, "type": {"forum"},
		"status": {"planned"}, "format": {"online"}, "start": {"2021-05-19T15:00"}, "zone": {"Asia/Shanghai"},
		"sides": {"CN", "RU"}, "fields": {"1.1"}}
}

// idRE finds an activity id in a redirect.
var idRE = regexp.MustCompile(`/activities/([0-9a-f-]{36})$`)

func TestActivityFormCreatesAndEdits(t *testing.T) {
	w := newDemoWorld(t, 50)
	r := do(t, w.srv, "GET", "/ru/activities/new", "").want(t, http.StatusSeeOther)
	if loc := r.Header.Get("Location"); !strings.HasPrefix(loc, "/ru/login?next=") {
		t.Errorf("anonymous form: redirect to %q, want the sign-in page", loc)
	}
	admin := w.login(t, "admin@example.org")
	r = do(t, w.srv, "GET", "/en/activities/new", "", admin.headers(false)...).want(t, http.StatusOK)
	if !strings.Contains(string(r.Body), `name="csrf_token" value="`+admin.csrf+`"`) || !strings.Contains(string(r.Body), `<label for="title_zh">`) {
		t.Fatalf("the form lacks its token or labels:\n%.2000s", r.Body)
	}
	postForm(t, w.srv, admin, "/en/activities/new", activityFormValues("No token"), false).want(t, http.StatusForbidden)

	bad := activityFormValues("")
	bad.Del("title_ru")
	bad.Set("start", "2021-13-40")
	r = postForm(t, w.srv, admin, "/ru/activities/new", bad, true).want(t, http.StatusBadRequest)
	body := string(r.Body)
	for _, want := range []string{`id="err-start"`, `id="err-title"`, `aria-invalid="true"`, "это не дата", "Исправьте 2 отмеченных ниже поля", `value="2021-13-40"`} {
		if !strings.Contains(body, want) {
			t.Errorf("refused form lacks %q", want)
		}
	}
	bad = activityFormValues("Bad link")
	bad.Set("video_url", "ftp://example.org/x")
	r = postForm(t, w.srv, admin, "/zh/activities/new", bad, true).want(t, http.StatusBadRequest)
	if !strings.Contains(string(r.Body), `id="err-video_url"`) {
		t.Errorf("the store's refusal is not next to its field:\n%s", r.Body)
	}

	r = postForm(t, w.srv, admin, "/en/activities/new", activityFormValues("Quantum sensing forum"), true).want(t, http.StatusSeeOther)
	m := idRE.FindStringSubmatch(r.Header.Get("Location"))
	if m == nil {
		t.Fatalf("created: redirect to %q", r.Header.Get("Location"))
	}
	page := string(do(t, w.srv, "GET", "/ru/activities/"+m[1], "").want(t, http.StatusOK).Body)
	for _, want := range []string{"Тестовое мероприятие Quantum sensing forum", "19 мая 2021 г. 15:00 по пекинскому времени", "19 мая 2021 г. 10:00 по московскому времени"} {
		if !strings.Contains(page, want) {
			t.Errorf("activity page lacks %q", want)
		}
	}
	list := string(do(t, w.srv, "GET", "/en/activities?q=quantum+SENSING&type=forum&year=2021&month=5", "").want(t, http.StatusOK).Body)
	if !strings.Contains(list, "/en/activities/"+m[1]) {
		t.Errorf("the filtered list does not find the new activity")
	}

	form := string(do(t, w.srv, "GET", "/en/activities/"+m[1]+"/edit", "", admin.headers(false)...).want(t, http.StatusOK).Body)
	if !strings.Contains(form, `name="version" value="1"`) || !strings.Contains(form, `value="Quantum sensing forum"`) {
		t.Fatalf("edit form is not filled in:\n%.3000s", form)
	}
	edit := activityFormValues("Quantum sensing forum, second day")
	edit.Set("version", "1")
	postForm(t, w.srv, admin, "/en/activities/"+m[1]+"/edit", edit, true).want(t, http.StatusSeeOther)
	r = postForm(t, w.srv, admin, "/en/activities/"+m[1]+"/edit", edit, true).want(t, http.StatusPreconditionFailed)
	if !strings.Contains(string(r.Body), `role="alert"`) {
		t.Errorf("a stale edit shows no error")
	}
	reviewer := w.login(t, "reviewer@example.org")
	r = postForm(t, w.srv, reviewer, "/en/activities/new", activityFormValues("Not mine"), true).want(t, http.StatusForbidden)
	if !strings.Contains(string(r.Body), `role="alert"`) {
		t.Errorf("a refused creation shows no error")
	}
}
