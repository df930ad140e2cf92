package lang

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"amur"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGolden tokenises the paragraphs of testdata/golden/*.txt and
// compares the tokens with the .golden files beside them; go test -update
// rewrites those after a deliberate change, to be reviewed in the diff.
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		lang amur.Lang
		tk   Tokenizer
	}{
		{"en", amur.EN, Tokenizer{}},
		{"ru", amur.RU, Tokenizer{}},
		{"zh", amur.ZH, Tokenizer{}},
		{"zh", amur.ZH, Tokenizer{Chinese: SegmentDict}},
	}
	for _, c := range cases {
		golden := c.name
		if c.tk.Chinese != SegmentBigram {
			golden += "-" + c.tk.Chinese.String()
		}
		t.Run(golden, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("testdata", "golden", c.name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			s := string(in)
			toks := c.tk.Tokens(s, c.lang)
			checkOffsets(t, s, toks)
			var b strings.Builder
			for _, tk := range toks {
				fmt.Fprintf(&b, "%d-%d\t%s\t%q\t%s\t%s\n", tk.Start, tk.End, tk.Kind, tk.Surface(s), tk.Text, tk.Stem)
			}
			path := filepath.Join("testdata", "golden", golden+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("tokens of %s.txt differ from %s; run go test ./lang -run TestGolden -update and review the diff\n%s",
					c.name, path, firstDiff(string(want), got))
			}
		})
	}
}

// firstDiff returns the first line where want and got differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant %s\n got %s", i+1, a, b)
		}
	}
	return ""
}
