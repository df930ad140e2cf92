package press

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"amur"
	"amur/demo"
	"amur/internal/testkit"
)

// testRegistry is the registry of the demo program's real facts.
var testRegistry = sync.OnceValue(func() *Registry {
	recs, err := demo.Build(demo.Options{Activities: 1})
	if err != nil {
		panic(err)
	}
	return NewRegistry(recs)
})

// readPage reads a page of testdata/pages.
func readPage(tb testing.TB, name string) Page {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "pages", name))
	if err != nil {
		tb.Fatal(err)
	}
	return Page{Name: name, Data: b}
}

// brief is what the tests check of an event.
func brief(e *Event) string {
	return e.Date.String() + " " + string(e.Kind) + " [" + strings.Join(e.People, ", ") + "]"
}

// TestPages reads each page on its own and checks the happenings a careful
// reader lists, then compares the whole output with golden files.
func TestPages(t *testing.T) {
	want := map[string][]string{
		"cgtn-style-opening.txt": {"2020-08-26 letter [Xi Jinping, Vladimir Putin, Sun Chunlan, Tatyana Golikova]"},
		"ecns-style-call.txt":    {"2020-12-28 call [Xi Jinping, Vladimir Putin]"},
		"republished.txt":        {"2020-08-26 letter [Xi Jinping, Vladimir Putin, Sun Chunlan, Tatyana Golikova]"},
		"chronology.md": {"2021-05-19 ceremony [Xi Jinping, Vladimir Putin]", "2021-06-28 meeting [Xi Jinping, Vladimir Putin]",
			"2021-08-25 call [Xi Jinping, Vladimir Putin]", "2021-11-29 letter [Xi Jinping, Vladimir Putin]",
			"2021-12-15 meeting [Xi Jinping, Vladimir Putin]"},
		"xinhua-closing.txt": {"2020-08-26 letter [Xi Jinping, Vladimir Putin]", "2021-11-19 agreement []",
			"2021-11-26 letter [Xi Jinping, Vladimir Putin, Sun Chunlan, Tatyana Golikova]"},
		"xinhua-zh.txt": {"2020-08-26 ceremony []", "2021-11-19 forum []",
			"2021-11-26 letter [Xi Jinping, Vladimir Putin, Sun Chunlan, Tatyana Golikova]"},
		"wrapped-wire.txt": {"2021-08-24 meeting [Li Keqiang, Alexei Overchuk]", "2021-08-25 call [Xi Jinping, Vladimir Putin]"},
		"zh-chronology.txt": {"2021-05-19 ceremony []", "2021-06-28 meeting [Xi Jinping, Vladimir Putin]",
			"2021-11-29 letter [Xi Jinping, Vladimir Putin]", "2021-12-15 meeting [Xi Jinping, Vladimir Putin]"},
		"ru-republished.html": {"2020-08-26 letter [Tatyana Golikova, Sun Chunlan, Vladimir Putin, Xi Jinping]"},
		"tass-call-ru.txt":    {"2020-12-28 call [Vladimir Putin, Xi Jinping]"},
		"tass-style.html":     {"2021-12-14 meeting [Valery Falkov, Wang Zhigang, Yury Ushakov]", "2021-12-15 meeting [Vladimir Putin, Xi Jinping]"},
	}
	for name, w := range want {
		t.Run(name, func(t *testing.T) {
			res := Ingest([]Page{readPage(t, name)}, Options{Registry: testRegistry()})
			if len(res.Errors) > 0 {
				t.Fatal(res.Errors[0].Err)
			}
			var got []string
			for _, e := range res.Events {
				got = append(got, brief(e))
			}
			if !slices.Equal(got, w) {
				t.Errorf("events:\n got %q\nwant %q", got, w)
			}
			b, err := json.MarshalIndent(map[string]any{"events": res.Events}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			testkit.Golden(t, "events/"+name+".json", append(b, '\n'))
		})
	}
}

// TestMergeAcrossPages checks that one happening reported by several
// pages becomes one event citing each of them.
func TestMergeAcrossPages(t *testing.T) {
	pages := []Page{readPage(t, "cgtn-style-opening.txt"), readPage(t, "republished.txt"), readPage(t, "xinhua-closing.txt"), readPage(t, "xinhua-zh.txt")}
	res := Ingest(pages, Options{Registry: testRegistry()})
	var opening *Event
	for _, e := range res.Events {
		if e.Date.String() == "2020-08-26" {
			if opening != nil {
				t.Fatalf("two events on 2020-08-26: %s and %s", brief(opening), brief(e))
			}
			opening = e
		}
	}
	if opening == nil {
		t.Fatal("no event on 2020-08-26")
	}
	files := map[string]bool{}
	for _, s := range opening.Sources {
		files[s.File] = true
	}
	if len(files) != 4 {
		t.Errorf("the opening cites %d pages, want 4: %v", len(files), opening.Sources)
	}
}

// TestSourcesPointIntoOriginal checks that every source span is a span of
// characters of the original page that holds the sentence read.
func TestSourcesPointIntoOriginal(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("testdata", "pages"))
	if err != nil {
		t.Fatal(err)
	}
	for _, en := range entries {
		p := readPage(t, en.Name())
		res := Ingest([]Page{p}, Options{Registry: testRegistry()})
		runes := []rune(string(p.Data))
		for _, e := range res.Events {
			for _, s := range e.Sources {
				if s.Start < 0 || s.End > len(runes) || s.End <= s.Start {
					t.Fatalf("%s: span %d–%d outside the page (%d characters)", p.Name, s.Start, s.End, len(runes))
				}
				span := string(runes[s.Start:s.End])
				if len(findTriggers(span)) == 0 {
					t.Errorf("%s: span %q names no happening", p.Name, span)
				}
			}
		}
	}
}

// TestNoiseGivesNothing checks that noise blocks yield no person, place or
// date: the spam list of place names and the copyright footer.
func TestNoiseGivesNothing(t *testing.T) {
	d := Clean("ecns-style-call.txt", string(readPage(t, "ecns-style-call.txt").Data))
	for _, l := range d.Lines {
		spam := strings.Contains(l.Text, "哈尔滨市") || strings.Contains(l.Text, "Copyright") || strings.Contains(l.Text, "Editor")
		if spam && (l.Kind == Body || l.Kind == Caption || l.Kind == Heading) {
			t.Errorf("noise line kept as %s: %q", l.Kind, l.Text)
		}
	}
	res := Ingest([]Page{readPage(t, "ecns-style-call.txt")}, Options{Registry: testRegistry()})
	for _, e := range res.Events {
		for _, p := range e.People {
			if p == "Li Ming" {
				t.Errorf("the editor of the page became a person of %s", brief(e))
			}
		}
	}
}

// TestCaptionsOnce checks that a repeated photo caption is kept once, as
// weak evidence, and creates no event of its own.
func TestCaptionsOnce(t *testing.T) {
	d := Clean("cgtn-style-opening.txt", string(readPage(t, "cgtn-style-opening.txt").Data))
	captions, dropped := 0, 0
	for _, l := range d.Lines {
		if strings.HasPrefix(l.Text, "Chinese President Xi Jinping (L)") {
			switch l.Kind {
			case Caption:
				captions++
			case Noise:
				dropped++
			}
		}
	}
	if captions != 1 || dropped != 1 {
		t.Errorf("caption kept %d times and dropped %d times, want 1 and 1", captions, dropped)
	}
	res := Ingest([]Page{readPage(t, "cgtn-style-opening.txt")}, Options{Registry: testRegistry()})
	for _, e := range res.Events {
		if e.Date.Y == 2019 {
			t.Errorf("the photo caption became an event: %s", brief(e))
		}
	}
}

// TestLineSpans checks that every line of a cleaned page maps back to the
// original: verbatim for text, through the tag-stripping map for HTML.
func TestLineSpans(t *testing.T) {
	for _, name := range []string{"cgtn-style-opening.txt", "tass-style.html", "chronology.md"} {
		orig := string(readPage(t, name).Data)
		d := Clean(name, orig)
		for _, l := range d.Lines {
			a, b := l.span(0, len(l.Text))
			if a < 0 || b > len(orig) || a >= b {
				t.Fatalf("%s: line %q spans %d–%d", name, l.Text, a, b)
			}
			first := strings.Fields(l.Text)[0]
			if !strings.Contains(orig[a:b], first) && !strings.Contains(first, "&") {
				t.Errorf("%s: span of %q does not hold %q: %q", name, l.Text, first, orig[a:b])
			}
			if !utf8.ValidString(orig[a:b]) {
				t.Errorf("%s: span of %q cuts a character", name, l.Text)
			}
		}
	}
}

// TestPublishedOverrides checks that --published replaces the page's own
// date, and that relative dates follow it.
func TestPublishedOverrides(t *testing.T) {
	p := Page{Name: "x.txt", Data: []byte("Xi Jinping and Vladimir Putin held a telephone conversation on Monday, the Kremlin said in a statement.\n")}
	res := Ingest([]Page{p}, Options{Published: amur.MustDate("2020-12-29"), Registry: testRegistry()})
	if len(res.Events) != 1 || res.Events[0].Date.String() != "2020-12-28" || res.Events[0].Kind != amur.Call {
		t.Fatalf("events = %v", res.Events)
	}
}
