package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"

	"amur"
	"amur/identity"
)

// nameColumns are the column names an evaluation file of names may use: a
// script or a language.
var nameColumns = map[string]bool{"latin": true, "ru": true, "zh": true, "en": true}

// evalNames runs "amur eval names": identity resolution of names written
// two ways, through the same index that deduplication and suggestions use.
func (m *Main) evalNames(ctx context.Context, args []string) error {
	fs := m.flags("eval", "names [--json] FILE.tsv",
		"Measures name matching across scripts on a TSV file whose header names two columns,\n"+
			"each a script or language (latin, ru, zh, en), and whose every line is one name (a\n"+
			"person's name, a part of one, or an organisation's name) written both ways. Each name\n"+
			"of the first column queries the pool of all names of the second; the right answer is\n"+
			"the same line's name. Prints n=<items> recall@1=<x> recall@10=<x> mrr=<x>.")
	asJSON := fs.Bool("json", false, "print a JSON object instead of one line")
	if err := m.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return m.usageErr(fs, "amur eval names: give exactly one FILE.tsv")
	}
	items, err := readNamePairs(fs.Arg(0))
	if err != nil {
		return err
	}
	r, err := evalNamePairs(ctx, items, newProgress(m.Stderr, int64(len(items))))
	if err != nil {
		return err
	}
	r.print(m.Stdout, *asJSON)
	return nil
}

// evalNamePairs indexes the distinct names of the second column, queries
// with every name of the first on all cores and measures where the line's
// own second name ranks. Lines repeating a second name share its entry.
func evalNamePairs(ctx context.Context, items [][2]string, prog *progress) (evalResult, error) {
	ix := identity.NewIndex()
	ids := map[string]string{}
	for _, it := range items {
		if _, ok := ids[it[1]]; ok {
			continue
		}
		id := strconv.Itoa(len(ids))
		ids[it[1]] = id
		if err := ix.Add(identity.Entity{ID: id, Names: []string{it[1]}}); err != nil {
			return evalResult{}, err
		}
	}
	return rankAll(ctx, len(items), prog, func(i int) int {
		return ix.Rank(identity.Entity{ID: "query", Names: []string{items[i][0]}}, ids[items[i][1]])
	})
}

// readNamePairs reads a TSV file of names written two ways: a header of
// two column names (latin, ru, zh, en), then one pair a line. Blank lines
// are skipped.
func readNamePairs(path string) ([][2]string, error) {
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
	cols := strings.Split(header, "\t")
	for _, c := range cols {
		if !nameColumns[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(c, "\ufeff")))] {
			e := amur.Errorf(amur.EInvalid, "err.tsv_header", "value", c)
			e.Line = 1
			return nil, e
		}
	}
	if len(cols) != 2 {
		e := amur.Errorf(amur.EInvalid, "err.csv_columns", "got", len(cols), "want", 2)
		e.Line = 1
		return nil, e
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
		if len(f) != 2 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" {
			e := amur.Errorf(amur.EInvalid, "err.csv_columns", "got", len(f), "want", 2)
			e.Line = line
			return nil, e
		}
		if len(items) == evalMaxItems {
			return nil, amur.Errorf(amur.ETooLarge, "err.tsv_too_many", "max", evalMaxItems)
		}
		items = append(items, [2]string{strings.TrimSpace(f[0]), strings.TrimSpace(f[1])})
	}
	if len(items) == 0 {
		return nil, amur.Errorf(amur.EInvalid, "err.tsv_empty")
	}
	return items, nil
}
