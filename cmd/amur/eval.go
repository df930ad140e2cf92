package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"amur"
	"amur/xling"
)

// Limits of an evaluation file: enough for every public parallel test set
// of sentences, small enough to keep one run within memory and minutes.
const (
	evalMaxBytes = 256 << 20
	evalMaxItems = 200_000
)

// evalCmd runs "amur eval xling": cross-lingual retrieval over a parallel
// file, through the same engine that search and matching use.
func (m *Main) evalCmd(ctx context.Context, args []string) error {
	fs := m.flags("eval", "xling --from L1 --to L2 [--json] [--baseline] FILE.tsv",
		"Measures cross-lingual matching on a parallel file: a TSV whose header names language\n"+
			"columns (en, zh, ru) and whose every line is one item. Each L1 text queries the pool of\n"+
			"all L2 texts of the file; the right answer is the same line's L2 text. Prints\n"+
			"n=<items> recall@1=<x> recall@10=<x> mrr=<x>.")
	from := fs.String("from", "", "language of the queries: en, zh or ru")
	to := fs.String("to", "", "language of the pool searched: en, zh or ru")
	asJSON := fs.Bool("json", false, "print a JSON object instead of one line")
	baseline := fs.Bool("baseline", false, "match across languages only numbers, units and Latin tokens (the baseline)")
	if len(args) > 0 && args[0] == "names" {
		return m.evalNames(ctx, args[1:])
	}
	if len(args) == 0 || args[0] != "xling" {
		if err := m.parse(fs, args); err != nil {
			return err
		}
		return m.usageErr(fs, "amur eval: the only evaluation is xling")
	}
	if err := m.parse(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return m.usageErr(fs, "amur eval xling: give exactly one FILE.tsv")
	}
	l1, l2 := amur.Lang(*from), amur.Lang(*to)
	if !l1.Valid() || !l2.Valid() {
		return m.usageErr(fs, "amur eval xling: --from and --to must each be en, zh or ru")
	}
	items, err := readParallel(fs.Arg(0), l1, l2)
	if err != nil {
		return err
	}
	var opts []xling.Option
	if *baseline {
		opts = append(opts, xling.WithoutBridges())
	}
	r, err := evalXling(ctx, items, l1, l2, newProgress(m.Stderr, int64(len(items))), opts...)
	if err != nil {
		return err
	}
	r.print(m.Stdout, *asJSON)
	return nil
}

// evalResult holds the figures of one evaluation.
type evalResult struct {
	n            int
	r1, r10, mrr float64
}

// print writes the figures as one line, or as a JSON object.
func (r evalResult) print(w io.Writer, asJSON bool) {
	if asJSON {
		fmt.Fprintf(w, "{\"n\":%d,\"recall@1\":%.4f,\"recall@10\":%.4f,\"mrr\":%.4f}\n", r.n, r.r1, r.r10, r.mrr)
	} else {
		fmt.Fprintf(w, "n=%d recall@1=%.4f recall@10=%.4f mrr=%.4f\n", r.n, r.r1, r.r10, r.mrr)
	}
}

// rankAll calls rank for items 0 to n-1 on all cores, each returning the
// rank of the item's own answer (0 when it was not found), and turns the
// ranks into recall at 1 and 10 and the mean reciprocal rank.
func rankAll(ctx context.Context, n int, prog *progress, rank func(i int) int) (evalResult, error) {
	ranks := make([]int, n)
	var next, done atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				ranks[i] = rank(i)
				d := done.Add(1)
				prog.Update(int(d), d)
			}
		}()
	}
	wg.Wait()
	prog.Done()
	if err := ctx.Err(); err != nil {
		return evalResult{}, err
	}
	r := evalResult{n: n}
	for _, k := range ranks {
		if k == 0 {
			continue
		}
		if k == 1 {
			r.r1++
		}
		if k <= 10 {
			r.r10++
		}
		r.mrr += 1 / float64(k)
	}
	if n > 0 {
		r.r1, r.r10, r.mrr = r.r1/float64(n), r.r10/float64(n), r.mrr/float64(n)
	}
	return r, nil
}

// evalXling indexes every item's l2 text, queries with every item's l1
// text on all cores and measures where the item's own l2 text ranks.
func evalXling(ctx context.Context, items [][2]string, l1, l2 amur.Lang, prog *progress, opts ...xling.Option) (evalResult, error) {
	ix := xling.NewIndex(opts...)
	for i, it := range items {
		if err := ix.Add(fmt.Sprint(i), it[1], l2); err != nil {
			return evalResult{}, err
		}
	}
	ix.Freeze()
	return rankAll(ctx, len(items), prog, func(i int) int { return ix.Rank(items[i][0], l1, fmt.Sprint(i)) })
}

// readParallel reads a parallel TSV file and returns, for each item, its
// l1 and l2 texts. Blank lines are skipped; every other line must have as
// many columns as the header.
func readParallel(path string, l1, l2 amur.Lang) ([][2]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, amur.Invalid("FILE", "err.file_missing", "value", path)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.IsDir() {
		return nil, amur.Invalid("FILE", "err.file_missing", "value", path)
	} else if st.Size() > evalMaxBytes {
		return nil, amur.Errorf(amur.ETooLarge, "err.file_too_large", "max", evalMaxBytes)
	}
	br := bufio.NewReader(f)
	header, err := readLine(br)
	if err != nil {
		return nil, amur.Errorf(amur.EInvalid, "err.tsv_empty")
	}
	cols, err := parseHeader(header)
	if err != nil {
		return nil, err
	}
	i1, i2 := cols[l1], cols[l2]
	for _, l := range []amur.Lang{l1, l2} {
		if _, ok := cols[l]; !ok {
			return nil, amur.Errorf(amur.EInvalid, "err.tsv_no_column", "value", string(l),
				"columns", strings.Join(strings.Split(header, "\t"), ", "))
		}
	}
	var items [][2]string
	for line := 2; ; line++ {
		s, err := readLine(br)
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, amur.Errorf(amur.EInternal, "err.internal")
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != len(cols) {
			e := amur.Errorf(amur.EInvalid, "err.csv_columns", "got", len(f), "want", len(cols))
			e.Line = line
			return nil, e
		}
		if len(items) == evalMaxItems {
			return nil, amur.Errorf(amur.ETooLarge, "err.tsv_too_many", "max", evalMaxItems)
		}
		items = append(items, [2]string{f[i1], f[i2]})
	}
	if len(items) == 0 {
		return nil, amur.Errorf(amur.EInvalid, "err.tsv_empty")
	}
	return items, nil
}

// readLine returns the next line without its line ending; io.EOF when
// there is none.
func readLine(br *bufio.Reader) (string, error) {
	s, err := br.ReadString('\n')
	if err != nil && (s == "" || !errors.Is(err, io.EOF)) {
		return "", err
	}
	return strings.TrimRight(s, "\r\n"), nil
}

// parseHeader maps the languages of a header line to their columns; the
// names may be in any case and the line may start with a byte-order mark.
func parseHeader(header string) (map[amur.Lang]int, error) {
	cols := map[amur.Lang]int{}
	for i, name := range strings.Split(header, "\t") {
		l := amur.Lang(strings.ToLower(strings.TrimSpace(strings.TrimPrefix(name, "\ufeff"))))
		if !l.Valid() {
			e := amur.Errorf(amur.EInvalid, "err.tsv_header", "value", name)
			e.Line = 1
			return nil, e
		}
		if _, dup := cols[l]; dup {
			e := amur.Errorf(amur.EInvalid, "err.csv_header_duplicate", "value", name)
			e.Line = 1
			return nil, e
		}
		cols[l] = i
	}
	return cols, nil
}
