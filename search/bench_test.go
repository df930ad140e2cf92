package search

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"amur"
	"amur/demo"
	"amur/lang"
)

// benchBatch is how many synthetic activities are generated at once, so
// that the generator's records never all sit in memory beside the index.
const benchBatch = 50_000

// benchDocs generates n searchable documents from the demo generator in
// batches with different seeds and hands them to put; ids are numbered,
// since each seed starts its ids afresh.
func benchDocs(tb testing.TB, n int, put func([]Doc)) (gen time.Duration) {
	next := 0
	for seed := int64(1); next < n; seed++ {
		start := time.Now()
		recs, err := demo.Build(demo.Options{Activities: min(benchBatch, n-next), Seed: seed})
		if err != nil {
			tb.Fatal(err)
		}
		var docs []Doc
		for _, r := range recs {
			d, ok := DocOf(r)
			if !ok || next >= n || seed > 1 && !isSynthetic(r) {
				continue
			}
			d.ID = strconv.Itoa(next)
			docs = append(docs, d)
			next++
		}
		gen += time.Since(start)
		put(docs)
	}
	return gen
}

func isSynthetic(r amur.Record) bool {
	a, ok := r.(*amur.Activity)
	return ok && a.Synthetic
}

// putParallel indexes docs on every core, as Build does.
func putParallel(ix *Index, docs []Doc) {
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(docs); i += workers {
				ix.Put(docs[i])
			}
		}()
	}
	wg.Wait()
}

// benchTokenizer keeps Chinese dictionary words whole, as xling does.
var benchTokenizer = lang.Tokenizer{Chinese: lang.SegmentDictPlain}

// benchQueries makes count three-word queries in language l from the
// titles of docs: three neighbouring words of a random title.
func benchQueries(docs []Doc, l amur.Lang, count int) []string {
	r := rand.New(rand.NewPCG(7, uint64(len(l))))
	var out []string
	for tries := 0; len(out) < count && tries < count*50; tries++ {
		title := docs[r.IntN(len(docs))].Title.Get(l)
		var words []string
		for _, t := range benchTokenizer.Tokens(title, l) {
			if t.Kind == lang.KindWord || t.Kind == lang.KindHan {
				words = append(words, t.Surface(title))
			}
		}
		if len(words) < 3 {
			continue
		}
		i := r.IntN(len(words) - 2)
		sep := " "
		if l == amur.ZH {
			sep = ""
		}
		out = append(out, strings.Join(words[i:i+3], sep))
	}
	return out
}

// BenchmarkSearch1M builds the index over AMUR_SEARCH_BENCH_N synthetic
// activities (default 20,000; the target is 1,000,000) with and without
// the cross-language bridges, and reports the build time, the index's
// heap, and the median and 99th percentile of three-word queries in each
// language (analysis, scoring, facets and the top 20; not the resolution
// of hits through the store).
func BenchmarkSearch1M(b *testing.B) {
	n := 20_000
	if v, err := strconv.Atoi(os.Getenv("AMUR_SEARCH_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	warm()
	for _, variant := range []string{"bridges", "baseline"} {
		b.Run(variant, func(b *testing.B) {
			var opts []Option
			if variant == "baseline" {
				opts = append(opts, WithoutBridges())
			}
			ix := New(opts...)
			var sample []Doc
			var indexing time.Duration
			var cpu float64
			gen := benchDocs(b, n, func(docs []Doc) {
				start, c0 := time.Now(), cpuSeconds()
				putParallel(ix, docs)
				indexing += time.Since(start)
				cpu += cpuSeconds() - c0
				if len(sample) < 5000 {
					sample = append(sample, docs[:min(len(docs), 5000)]...)
				}
			})
			trimStart := time.Now()
			ix.Trim()
			indexing += time.Since(trimStart)
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(indexing.Seconds(), "build-s")
			b.ReportMetric(cpu, "build-cpu-s")
			b.ReportMetric(gen.Seconds(), "generate-s")
			b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MB")
			b.ReportMetric(peakRSS(), "peakRSS-MB")
			st := ix.Stats()
			b.Logf("%s: %d docs, %d concepts, %d postings, %d words", variant, st.Docs, st.Concepts, st.Postings, st.Words)
			for _, l := range languages {
				qs := benchQueries(sample, l, 200)
				lat := make([]time.Duration, 0, len(qs)*b.N)
				var hits int
				c0 := cpuSeconds()
				for range b.N {
					for _, text := range qs {
						q := Query{Text: text, Drafts: amur.AllDrafts}
						if err := q.Validate(); err != nil {
							b.Fatal(err)
						}
						start := time.Now()
						r := ix.run(q)
						lat = append(lat, time.Since(start))
						hits += r.total
					}
				}
				b.ReportMetric((cpuSeconds()-c0)*1000/float64(len(lat)), "cpu-ms/q-"+string(l))
				slices.Sort(lat)
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms-"+string(l))
				b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms-"+string(l))
				b.ReportMetric(float64(hits)/float64(len(lat)), "matches-"+string(l))
				if len(qs) > 0 {
					b.Logf("%s %s e.g. %q", variant, l, qs[0])
				}
			}
		})
	}
}

// peakRSS returns the process's peak resident memory in MB, or 0 where
// /proc does not tell it.
func peakRSS() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb float64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), &kb)
			return kb / 1024
		}
	}
	return 0
}

// cpuSeconds returns the process's user and system CPU time: on a shared
// machine the wall clock also counts other people's work.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
