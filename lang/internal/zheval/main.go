// Command zheval compares the Chinese segmentations of package lang on a
// retrieval task over the Chinese side of a parallel corpus (a TSV file
// with a header naming a "zh" column, such as FLORES-200 or TICO-19).
//
// Two tasks, both ranking with BM25 (k1 1.2, b 0.75) among all sentences:
//
//   - halves: each sentence is cut in two near its middle (at punctuation
//     when there is some nearby); the first halves are indexed, and the
//     second half of each sentence is the query that must find its first
//     half. Both halves are tokenised by the method under test, so no
//     method is favoured by how the query was made.
//   - window: the full sentences are indexed; the query is a random run of
//     2, 3 or 4 Han characters taken from a sentence (as a user types a
//     fragment), which must find that sentence.
//   - tokens: the full sentences are indexed; the query is every other
//     token of the sentence as the method under test cuts it, which must
//     find that sentence (how distinctive each method's tokens are).
//
// It prints P@1 and MRR per method; tied scores count at their expected
// rank. Usage:
//
//	go run ./lang/internal/zheval ../shared/data/xling/flores200-devtest.tsv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"amur"
	"amur/lang"
)

func main() {
	seed := flag.Uint64("seed", 1, "seed of the window queries")
	flag.Parse()
	for _, path := range flag.Args() {
		sents, err := readZH(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "zheval:", err)
			os.Exit(1)
		}
		fmt.Printf("%s: %d sentences\n", path, len(sents))
		fmt.Printf("%-11s %8s %8s %8s %8s %8s %8s %8s %8s %8s\n", "method", "half P@1", "half MRR",
			"win P@1", "win MRR", "tok P@1", "tok MRR", "tok/sent", "vocab", "µs/sent")
		for _, m := range []lang.Segmentation{lang.SegmentBigram, lang.SegmentDictPlain, lang.SegmentDict} {
			evaluate(m, sents, *seed)
		}
	}
}

func readZH(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	col := -1
	var out []string
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if col < 0 {
			for i, h := range fields {
				if h == "zh" {
					col = i
				}
			}
			if col < 0 {
				return nil, fmt.Errorf("%s: no zh column", path)
			}
			continue
		}
		if col < len(fields) && fields[col] != "" {
			out = append(out, fields[col])
		}
	}
	return out, sc.Err()
}

func evaluate(m lang.Segmentation, sents []string, seed uint64) {
	tk := lang.Tokenizer{Chinese: m}
	terms := func(s string) []string {
		var out []string
		for _, t := range tk.Tokens(s, amur.ZH) {
			out = append(out, t.Stem)
		}
		return out
	}
	terms(sents[0]) // load the tables before the timing
	start := time.Now()
	full := make([][]string, len(sents))
	ntok := 0
	vocab := map[string]bool{}
	for i, s := range sents {
		full[i] = terms(s)
		ntok += len(full[i])
		for _, t := range full[i] {
			vocab[t] = true
		}
	}
	perSent := time.Since(start).Seconds() * 1e6 / float64(len(sents))

	firsts := make([][]string, len(sents))
	queries := make([][]string, len(sents))
	for i, s := range sents {
		a, b := halves(s)
		firsts[i], queries[i] = terms(a), terms(b)
	}
	hp, hm := rankAll(newIndex(firsts), queries)

	rng := rand.New(rand.NewPCG(seed, 7))
	wq := make([][]string, len(sents))
	for i, s := range sents {
		wq[i] = terms(window(s, rng))
	}
	ix := newIndex(full)
	wp, wm := rankAll(ix, wq)
	tq := make([][]string, len(sents))
	for i, ts := range full {
		for k := 1; k < len(ts); k += 2 {
			tq[i] = append(tq[i], ts[k])
		}
	}
	tp, tm := rankAll(ix, tq)
	fmt.Printf("%-11s %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f %8.1f %8d %8.1f\n", m, hp, hm, wp, wm, tp, tm,
		float64(ntok)/float64(len(sents)), len(vocab), perSent)
}

// halves cuts s near its middle, at punctuation when some lies in the
// middle third, else at the middle character.
func halves(s string) (string, string) {
	rs := []rune(s)
	n := len(rs)
	best := -1
	for i := n / 3; i < 2*n/3; i++ {
		if strings.ContainsRune("，。；：、,;:", rs[i]) && (best < 0 || abs(i-n/2) < abs(best-n/2)) {
			best = i
		}
	}
	if best < 0 {
		best = n / 2
	}
	return string(rs[:best]), string(rs[best:])
}

// window returns a random run of 2 to 4 Han characters of s, or "" when s
// has none that long.
func window(s string, rng *rand.Rand) string {
	rs := []rune(s)
	l := 2 + rng.IntN(3)
	var starts []int
	for i := 0; i+l <= len(rs); i++ {
		ok := true
		for _, r := range rs[i : i+l] {
			if lang.Script(r) != lang.Han {
				ok = false
			}
		}
		if ok {
			starts = append(starts, i)
		}
	}
	if len(starts) == 0 {
		return ""
	}
	i := starts[rng.IntN(len(starts))]
	return string(rs[i : i+l])
}

type index struct {
	post  map[string]map[int]int
	dl    []int
	avgdl float64
}

func newIndex(docs [][]string) *index {
	ix := &index{post: map[string]map[int]int{}, dl: make([]int, len(docs))}
	total := 0
	for d, ts := range docs {
		ix.dl[d] = len(ts)
		total += len(ts)
		for _, t := range ts {
			if ix.post[t] == nil {
				ix.post[t] = map[int]int{}
			}
			ix.post[t][d]++
		}
	}
	ix.avgdl = float64(total) / float64(max(len(docs), 1))
	return ix
}

func (ix *index) scores(q []string) map[int]float64 {
	const k1, b = 1.2, 0.75
	n := float64(len(ix.dl))
	sc := map[int]float64{}
	for _, t := range q {
		p := ix.post[t]
		idf := math.Log(1 + (n-float64(len(p))+0.5)/(float64(len(p))+0.5))
		for d, tf := range p {
			f := float64(tf)
			sc[d] += idf * f * (k1 + 1) / (f + k1*(1-b+b*float64(ix.dl[d])/ix.avgdl))
		}
	}
	return sc
}

// rankAll returns P@1 and MRR of query i finding document i, counting a
// tie at its expected rank; a query with no tokens scores zero.
func rankAll(ix *index, queries [][]string) (float64, float64) {
	var p1, mrr float64
	for i, q := range queries {
		sc := ix.scores(q)
		own, ok := sc[i]
		if !ok || len(q) == 0 {
			continue
		}
		higher, ties := 0, 0
		for d, v := range sc {
			switch {
			case d == i:
			case v > own+1e-9:
				higher++
			case math.Abs(v-own) <= 1e-9:
				ties++
			}
		}
		if higher == 0 {
			p1 += 1 / float64(ties+1)
		}
		for k := 0; k <= ties; k++ {
			mrr += 1 / float64(higher+1+k) / float64(ties+1)
		}
	}
	n := float64(len(queries))
	return p1 / n, mrr / n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
