package press

import (
	"os"
	"path/filepath"
	"testing"
)

// benchPages returns 1,000 pages cycled from the test pages, each under
// its own name, as a batch an office might drop at once.
func benchPages(b *testing.B) []Page {
	b.Helper()
	entries, err := os.ReadDir(filepath.Join("testdata", "pages"))
	if err != nil {
		b.Fatal(err)
	}
	var src []Page
	for _, e := range entries {
		src = append(src, readPage(b, e.Name()))
	}
	pages := make([]Page, 1000)
	for i := range pages {
		p := src[i%len(src)]
		pages[i] = Page{Name: filepath.Base(p.Name) + "#" + string(rune('a'+i%26)), Data: p.Data}
	}
	return pages
}

// BenchmarkClean1000 is the baseline: decoding and cleaning 1,000 pages,
// without reading them for events.
func BenchmarkClean1000(b *testing.B) {
	pages := benchPages(b)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			text, err := Decode(p.Name, p.Data)
			if err != nil {
				b.Fatal(err)
			}
			Clean(p.Name, text)
		}
	}
}

// BenchmarkIngest1000 reads 1,000 pages into merged events with the demo
// program's registry: the whole of `amur ingest`.
func BenchmarkIngest1000(b *testing.B) {
	pages := benchPages(b)
	reg := testRegistry()
	b.ResetTimer()
	for b.Loop() {
		res := Ingest(pages, Options{Registry: reg})
		if len(res.Errors) > 0 || len(res.Events) == 0 {
			b.Fatalf("errors %v, %d events", res.Errors, len(res.Events))
		}
	}
}
