package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/kljensen/snowball/russian"

	"amur/lang"
)

// suffixRule is one SFX line of a hunspell affix file.
type suffixRule struct {
	strip, add string
	cond       *regexp.Regexp
}

// readAffixes parses the SFX rules of a hunspell .aff file by flag.
// Russian uses no prefixes; continuation flags on an affix are ignored,
// since the forms they add are rare for the words a lexicon holds.
func readAffixes(path string) (map[rune][]suffixRule, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rules := map[rune][]suffixRule{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 5 || fs[0] != "SFX" {
			continue
		}
		flag := []rune(fs[1])[0]
		strip, add := fs[2], fs[3]
		if strip == "0" {
			strip = ""
		}
		add, _, _ = strings.Cut(add, "/")
		if add == "0" {
			add = ""
		}
		re, err := regexp.Compile("(" + fs[4] + ")$")
		if err != nil {
			return nil, fmt.Errorf("%s: condition %q: %w", path, fs[4], err)
		}
		rules[flag] = append(rules[flag], suffixRule{strip, add, re})
	}
	return rules, sc.Err()
}

// formStems expands the hunspell entries whose word is in vocab and returns
// lines "lemma<TAB>stem stem…": the distinct snowball stems of the lemma's
// word forms other than the lemma's own stem, for the lemmas that have any.
// They let a reader map an inflected word to its dictionary form through
// its stem (симптомы and симптом stem differently).
func formStems(aff, dic string, vocab map[string]bool) ([]string, error) {
	rules, err := readAffixes(aff)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(dic)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	stems := map[string]map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		word, flags, _ := strings.Cut(strings.TrimSpace(sc.Text()), "/")
		lemma := lang.Fold(word)
		if !vocab[lemma] {
			continue
		}
		set := stems[lemma]
		if set == nil {
			set = map[string]bool{}
			stems[lemma] = set
		}
		own := russian.Stem(lemma, true)
		for _, fl := range flags {
			for _, r := range rules[fl] {
				if !r.cond.MatchString(word) || !strings.HasSuffix(word, r.strip) {
					continue
				}
				form := lang.Fold(word[:len(word)-len(r.strip)] + r.add)
				if s := russian.Stem(form, true); s != own {
					set[s] = true
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []string
	for lemma, set := range stems {
		if len(set) == 0 {
			continue
		}
		list := make([]string, 0, len(set))
		for s := range set {
			list = append(list, s)
		}
		sort.Strings(list)
		out = append(out, lemma+"\t"+strings.Join(list, " "))
	}
	sort.Strings(out)
	return out, nil
}
