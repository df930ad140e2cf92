package web

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"amur"
	"amur/demo"
	"amur/events"
	"amur/internal/testkit"
	"amur/registry"
	"amur/sqlstore"
)

// demoServer returns a server over a fresh store holding the demo program
// with a few hundred synthetic activities, behind the registry as serve
// wires it.
func demoServer(tb testing.TB) (*Server, *sqlstore.DB) {
	tb.Helper()
	db := testkit.MustOpenStore(tb)
	if err := demo.Load(context.Background(), db, demo.Options{Activities: 300}); err != nil {
		tb.Fatal(err)
	}
	seedCapabilities(tb, db)
	return New(Config{Store: registry.New(db), Events: events.New(db), Press: db, Identity: db}), db
}

// pagePaths returns a path of every page of the demo, without the
// language prefix: the lists, one record of each kind and the forms.
func pagePaths(tb testing.TB, db *sqlstore.DB) []string {
	tb.Helper()
	ctx := context.Background()
	f := amur.ActivityFilter{Drafts: amur.AllDrafts, Page: amur.Page{Limit: 1}}
	acts, err := db.Activities(ctx, f)
	if err != nil || len(acts.Items) == 0 {
		tb.Fatalf("no activity: %v", err)
	}
	orgs, _ := db.Organizations(ctx, amur.OrganizationFilter{Page: amur.Page{Limit: 1}})
	people, _ := db.People(ctx, amur.PersonFilter{Page: amur.Page{Limit: 1}})
	flags, _ := db.Flagships(ctx, amur.FlagshipFilter{Page: amur.Page{Limit: 1}})
	return append([]string{"/", "/activities", "/activities?type=forum&side=RU&year=2021&sort=-start",
		"/activities?q=nica", "/activities/" + acts.Items[0].ID, "/organizations", "/organizations?country=CN",
		"/organizations/" + orgs.Items[0].ID, "/people", "/people/" + people.Items[0].ID,
		"/flagships", "/flagships/" + flags.Items[0].Slug, "/timeline", "/timeline?kind=letter",
		"/fields", "/report", "/fund", "/login", "/password/reset", "/nowhere"}, capabilityPaths(tb, db)...)
}

// keyRE finds message keys that reached a page untranslated.
var keyRE = regexp.MustCompile(`\b(?:web|page|pages|err|kind|n)\.[a-z_]+\.[a-z_.]*[a-z]\b`)

// latinWordRE finds words in Latin letters.
var latinWordRE = regexp.MustCompile(`[A-Za-z]{2,}`)

// latinAllowed are the Latin words a Chinese or Russian page may show
// outside record content: the product's name, codes and units.
var latinAllowed = map[string]bool{"Amur": true, "CSV": true, "XLSX": true, "JSON": true, "ROR": true,
	"ORCID": true, "UTC": true, "OECD": true, "FORD": true, "T": true}

func TestEveryPageInEveryLanguage(t *testing.T) {
	w := newDemoWorld(t, 300)
	admin := w.login(t, "admin@example.org")
	known := append(recordStrings(t, w.db), "admin@example.org")
	paths := pagePaths(t, w.db)
	edit := paths[4] + "/edit"
	for _, path := range append(paths, "/activities/new", edit) {
		for _, l := range amur.Langs {
			target := "/" + string(l) + path
			r := do(t, w.srv, "GET", target, "", admin.headers(false)...)
			if r.Code != http.StatusOK && !(path == "/nowhere" && r.Code == http.StatusNotFound) {
				t.Errorf("%s: status %d: %.300s", target, r.Code, r.Body)
				continue
			}
			body := string(r.Body)
			if !strings.Contains(body, `<html lang="`+string(l)+`">`) {
				t.Errorf("%s: not a page in %s", target, l)
			}
			if k := keyRE.FindString(visibleText(t, body, "")); k != "" {
				t.Errorf("%s: untranslated key %q", target, k)
			}
			if l != amur.EN {
				if w := leftoverLatin(t, body, l, known); w != "" {
					t.Errorf("%s: English UI text %q on a %s page", target, w, l)
				}
			}
		}
	}
}

// recordStrings returns every string value of every stored record, the
// record content a page may show in any script, longest first.
func recordStrings(tb testing.TB, db *sqlstore.DB) []string {
	tb.Helper()
	seen := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if x != "" {
				seen[x] = true
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	for _, k := range amur.Kinds {
		if amur.NewRecord(k) == nil {
			continue
		}
		err := db.Each(context.Background(), k, func(r amur.Record) error {
			b, err := json.Marshal(r)
			if err != nil {
				return err
			}
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				return err
			}
			walk(v)
			if p, ok := r.(*amur.Person); ok {
				seen[p.Native.Full()], seen[p.Latin.Full()] = true, true
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		// Codes of two letters (RU, en) would cut words of the UI apart.
		if len(s) > 2 {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

// leftoverLatin returns the first word in Latin letters that a page in
// language l shows outside record content, or "".
func leftoverLatin(tb testing.TB, page string, l amur.Lang, known []string) string {
	tb.Helper()
	for _, text := range textNodes(tb, page, l) {
		if !hasForeignWord(text) {
			continue
		}
		for _, k := range known {
			if strings.Contains(text, k) {
				text = strings.ReplaceAll(text, k, " ")
			}
		}
		if t := strings.TrimSpace(text); strings.HasSuffix(t, "…") {
			for _, k := range known {
				if strings.HasPrefix(k, strings.TrimSuffix(t, "…")) {
					text = ""
					break
				}
			}
		}
		for _, w := range latinWordRE.FindAllString(text, -1) {
			if !latinAllowed[w] {
				return w
			}
		}
	}
	return ""
}

// hasForeignWord reports whether text holds a Latin word not allowed.
func hasForeignWord(text string) bool {
	for _, w := range latinWordRE.FindAllString(text, -1) {
		if !latinAllowed[w] {
			return true
		}
	}
	return false
}

// textNodes returns the text nodes and read-aloud attributes of a page.
func textNodes(tb testing.TB, page string, l amur.Lang) []string {
	tb.Helper()
	return strings.Split(visibleText(tb, page, l), "\x00")
}

// visibleText returns the text a reader sees of a page, with attribute
// values that are read aloud (aria-label, title, alt, placeholder). With
// a language set it leaves out record content: elements whose lang
// differs from it, marked translate="no", code, and links to addresses.
func visibleText(tb testing.TB, page string, l amur.Lang) string {
	tb.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style":
				return
			case "code":
				if l != "" {
					return
				}
			}
			for _, a := range n.Attr {
				switch {
				case l != "" && a.Key == "lang" && a.Val != string(l) && n.Data != "html":
					return
				case l != "" && a.Key == "translate" && a.Val == "no":
					return
				case a.Key == "aria-label" || a.Key == "title" || a.Key == "alt" || a.Key == "placeholder":
					b.WriteString("\x00" + a.Val + "\x00")
				}
			}
		}
		if n.Type == html.TextNode {
			b.WriteString("\x00" + n.Data + "\x00")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}

// actionRE and tagRE find template actions and HTML tags.
var (
	actionRE = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	tagRE    = regexp.MustCompile(`(?s)<[^>]*>`)
	letterRE = regexp.MustCompile(`\p{L}{2,}`)
)

// TestTemplatesHoldNoText fails when a template writes words itself
// instead of through the catalogs, so that no page shows English text to
// a reader of Chinese or Russian.
func TestTemplatesHoldNoText(t *testing.T) {
	entries, err := templateFS.ReadDir("templates")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := templateFS.ReadFile("templates/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		text := tagRE.ReplaceAllString(actionRE.ReplaceAllString(string(b), " "), " ")
		for _, w := range letterRE.FindAllString(text, -1) {
			if !latinAllowed[w] {
				t.Errorf("%s writes %q outside the catalogs", e.Name(), w)
			}
		}
	}
	if len(entries) < 10 {
		t.Fatalf("only %d templates", len(entries))
	}
}
