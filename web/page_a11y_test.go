package web

import (
	"net/http"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"amur"
)

// TestPagesAreAccessible checks on every page, and on the activity form,
// what a screen reader and a keyboard need: a language, one h1, a main
// landmark with a skip link to it, a label for every input, and charts
// that are images with a title and a table of their figures.
func TestPagesAreAccessible(t *testing.T) {
	w := newDemoWorld(t, 100)
	admin := w.login(t, "admin@example.org")
	paths := append(pagePaths(t, w.db), "/activities/new")
	for _, path := range paths {
		for _, l := range amur.Langs {
			target := "/" + string(l) + path
			r := do(t, w.srv, "GET", target, "", admin.headers(false)...)
			if r.Code != http.StatusOK && r.Code != http.StatusNotFound {
				t.Fatalf("%s: status %d", target, r.Code)
			}
			for _, problem := range accessibilityProblems(t, string(r.Body)) {
				t.Errorf("%s: %s", target, problem)
			}
		}
	}
}

// accessibilityProblems lists what a page lacks.
func accessibilityProblems(tb testing.TB, page string) []string {
	tb.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		tb.Fatal(err)
	}
	labels, ids := map[string]bool{}, map[string]int{}
	var inputs []string
	var problems []string
	h1, mainID, skip, svgs, tables := 0, "", false, 0, 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			at := map[string]string{}
			for _, a := range n.Attr {
				at[a.Key] = a.Val
			}
			if id := at["id"]; id != "" {
				ids[id]++
			}
			switch n.Data {
			case "h1":
				h1++
			case "main":
				mainID = at["id"]
			case "a":
				skip = skip || (at["class"] == "skip" && at["href"] == "#main")
			case "label":
				labels[at["for"]] = true
			case "input", "select", "textarea":
				if at["type"] != "hidden" {
					inputs = append(inputs, at["id"])
				}
			case "svg":
				svgs++
				if at["role"] != "img" || at["aria-labelledby"] == "" {
					problems = append(problems, "an svg is not a labelled image")
				}
			case "details":
				if at["class"] == "table" {
					tables++
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if h1 != 1 || mainID != "main" || !skip {
		problems = append(problems, "not one h1, a main#main and a skip link")
	}
	for _, id := range inputs {
		if id == "" || !labels[id] {
			problems = append(problems, "input "+id+" has no label")
		}
	}
	for id, n := range ids {
		if n > 1 {
			problems = append(problems, "id "+id+" is used twice")
		}
	}
	if svgs != tables {
		problems = append(problems, "a chart has no table of its figures")
	}
	return problems
}
