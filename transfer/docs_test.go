package transfer

import (
	"context"
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"amur"
)

// docSection returns the code blocks of the section of docs/import-format.md
// about kind k, in order.
func docSection(t *testing.T, doc string, k amur.Kind) []string {
	t.Helper()
	_, rest, ok := strings.Cut(doc, "\n### `"+string(k)+"`\n")
	if !ok {
		t.Fatalf("docs/import-format.md has no section about %s", k)
	}
	rest, _, _ = strings.Cut(rest, "\n##")
	var blocks []string
	for {
		_, after, ok := strings.Cut(rest, "```")
		if !ok {
			return blocks
		}
		_, after, _ = strings.Cut(after, "\n") // the info string
		block, next, ok := strings.Cut(after, "```")
		if !ok {
			t.Fatalf("%s: unterminated code block", k)
		}
		blocks = append(blocks, block)
		rest = next
	}
}

// TestDocumentedLayout keeps docs/import-format.md true: each kind's
// documented header is the one exports write, and the examples import
// cleanly, kind after kind.
func TestDocumentedLayout(t *testing.T) {
	b, err := os.ReadFile("../docs/import-format.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	s := freshStore(t)
	for _, k := range amur.Kinds {
		blocks := docSection(t, doc, k)
		if len(blocks) != 2 {
			t.Fatalf("%s: %d code blocks, want the header and an example", k, len(blocks))
		}
		if got, want := strings.TrimSpace(blocks[0]), strings.Join(codecs[k].names(), ","); got != want {
			t.Errorf("%s: documented header\n%s\nexports write\n%s", k, got, want)
		}
		rows, err := csv.NewReader(strings.NewReader(blocks[1])).ReadAll()
		if err != nil {
			t.Fatalf("%s: the example is not CSV: %v", k, err)
		}
		n, err := Import(context.Background(), s, k, CSV, strings.NewReader(blocks[1]), ImportOptions{Source: "import-format.md"})
		if err != nil {
			t.Fatalf("%s: the example does not import: %v", k, err)
		}
		if n != len(rows)-1 {
			t.Errorf("%s: the example imported %d records, it has %d rows", k, n, len(rows)-1)
		}
	}
}
