package lang

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// zhDictData is the word list of the dictionary segmenter, one "word
// frequency" pair a line, derived from the jieba dictionary by
// internal/gendict (MIT licence, data/LICENSE.jieba; see
// docs/data-licences.md).
//
//go:embed data/zhdict.txt
var zhDictData string

// zhDictionary is a unigram language model over Chinese words.
type zhDictionary struct {
	// logp maps a word to the logarithm of its probability, and a prefix
	// of a word that is no word itself to +1, so that a look-up can stop
	// extending a candidate as soon as nothing longer can match.
	logp map[string]float32
	// unknown is the log probability given to a character the list lacks.
	unknown float32
	// maxRunes is the length of the longest word, in characters.
	maxRunes int
}

// zhStep is one cell of the Viterbi table: the best score of the text
// from here to the end, and where the first word of that best cut ends.
type zhStep struct {
	score float32
	end   int
}

// zhDict returns the dictionary, loading it on first use (about 140,000
// words; tens of milliseconds), so programs that never segment Chinese
// never pay for it.
var zhDict = sync.OnceValue(loadZHDict)

// loadZHDict parses the embedded word list and the curated vocabulary.
func loadZHDict() *zhDictionary {
	freq := make(map[string]int, 150000)
	total := 0
	add := func(w string, f int) {
		if old, ok := freq[w]; ok {
			total -= old
		}
		freq[w] = f
		total += f
	}
	for line := range strings.Lines(zhDictData) {
		w, f, ok := strings.Cut(strings.TrimSpace(line), " ")
		n, err := strconv.Atoi(f)
		if ok && err == nil && n > 0 {
			add(w, n)
		}
	}
	for _, w := range strings.Fields(zhVocab) {
		add(w, max(freq[w], zhVocabFreq))
	}
	return buildZHDict(freq, total)
}

func buildZHDict(freq map[string]int, total int) *zhDictionary {
	d := &zhDictionary{logp: make(map[string]float32, len(freq)*2)}
	logTotal := math.Log(float64(total))
	for w, f := range freq {
		d.logp[w] = float32(math.Log(float64(f)) - logTotal)
		d.maxRunes = max(d.maxRunes, utf8.RuneCountInString(w))
	}
	for w := range freq {
		for i := len(w) - 1; i > 0; i-- {
			if !utf8.RuneStart(w[i]) {
				continue
			}
			if _, ok := d.logp[w[:i]]; ok {
				continue
			}
			d.logp[w[:i]] = 1
		}
	}
	d.unknown = float32(-logTotal)
	return d
}

// segment cuts the Han text whose rune offsets in s are pos into the most
// probable sequence of words and returns the rune indexes of the cuts,
// from 0 to len(pos)-1. route is scratch space reused between calls.
func (d *zhDictionary) segment(s string, pos []int, route *[]zhStep) []int {
	n := len(pos) - 1
	r := (*route)[:0]
	for range n + 1 {
		r = append(r, zhStep{})
	}
	*route = r
	for i := n - 1; i >= 0; i-- {
		best := zhStep{score: d.unknown + r[i+1].score, end: i + 1}
		for x := i + 1; x <= n && x-i <= d.maxRunes; x++ {
			lp, ok := d.logp[s[pos[i]:pos[x]]]
			if !ok {
				break
			}
			if lp > 0 {
				continue
			}
			if sc := lp + r[x].score; sc > best.score || (x == i+1 && best.end == i+1) {
				best = zhStep{score: sc, end: x}
			}
		}
		r[i] = best
	}
	cuts := make([]int, 0, n+1)
	for i := 0; i < n; i = r[i].end {
		cuts = append(cuts, i)
	}
	return append(cuts, n)
}
