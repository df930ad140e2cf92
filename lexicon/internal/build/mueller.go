package main

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
	"regexp"
	"strings"
	"unicode"
)

// readMueller reads the dictd data file of the Mueller dictionary
// (mueller7.dict.dz; dictzip output is gzip with random-access extras,
// which compress/gzip reads as plain gzip) and returns its lines.
func readMueller(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".dz") || strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		r = zr
	}
	var lines []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines, sc.Err()
}

var (
	reTranscr = regexp.MustCompile(`\[[^\]]*\]`)
	reLabel   = regexp.MustCompile(`_[\p{L}-]+\.?`)
	reSense   = regexp.MustCompile(`(^|\s)(\d+[.)]|[а-я]\))\s`)
	reLatinW  = regexp.MustCompile(`^[A-Za-z][A-Za-z' -]*`)
)

// muellerLines turns the dictionary into "en<TAB>senses" lines: senses in
// the dictionary's order separated by "|", the Russian translations of one
// sense by ";". Usage examples (an English phrase with its translation)
// are left out: tried as extra word pairs, they moved recall by less than
// the noise between runs.
func muellerLines(lines []string) []string {
	var out []string
	var head string
	var body []string
	flush := func() {
		if head != "" && !strings.HasPrefix(head, "00-") && !strings.HasPrefix(head, "_") {
			if l := muellerEntry(head, strings.Join(body, " ")); l != "" {
				out = append(out, l)
			}
		}
		head, body = "", body[:0]
	}
	for _, l := range lines {
		if l == "" {
			continue
		}
		if l[0] != ' ' && l[0] != '\t' {
			flush()
			head = strings.TrimSpace(l)
			continue
		}
		body = append(body, strings.TrimSpace(l))
	}
	flush()
	return out
}

// muellerEntry cleans one entry's body; see muellerLines.
func muellerEntry(head, body string) string {
	body = reTranscr.ReplaceAllString(body, " ")
	for i := 0; i < 3; i++ {
		body = reParen.ReplaceAllString(body, " ")
	}
	parts := reSense.Split(" "+body+" ", -1)
	var senses []string
	for _, p := range parts {
		var tr []string
		for _, chunk := range strings.Split(p, ";") {
			chunk = strings.TrimSpace(chunk)
			if strings.Contains(chunk, "_pl. от") || strings.Contains(chunk, "_p. от") ||
				strings.Contains(chunk, "_см.") || strings.HasPrefix(chunk, "=") {
				continue
			}
			chunk = strings.TrimSpace(reLabel.ReplaceAllString(chunk, " "))
			if chunk == "" {
				continue
			}
			if reLatinW.MatchString(chunk) {
				continue // a usage example
			}
			for _, t := range strings.Split(chunk, ",") {
				if t = cyrillicOnly(t); t != "" && strings.Count(t, " ") < 4 {
					tr = append(tr, t)
				}
			}
		}
		if len(tr) > 0 {
			senses = append(senses, strings.Join(dedup(tr), ";"))
		}
	}
	if len(senses) == 0 {
		return ""
	}
	return head + "\t" + strings.Join(senses, "|")
}

// cyrillicOnly returns s trimmed when it is a Russian phrase: Cyrillic
// words, spaces and hyphens only; otherwise "".
func cyrillicOnly(s string) string {
	s = strings.Join(strings.Fields(strings.Trim(s, " .,:!?-–")), " ")
	if s == "" {
		return ""
	}
	for _, r := range s {
		if r != ' ' && r != '-' && !unicode.Is(unicode.Cyrillic, r) {
			return ""
		}
	}
	return s
}
