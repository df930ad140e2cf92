// Command gendict derives lang/data/zhdict.txt, the Chinese word list of the
// dictionary segmenter, from the dictionary of the jieba segmenter (MIT
// licence; Debian ships it in python3-jieba as jieba/dict.txt).
//
// It keeps the words written only in Han characters with a frequency of at
// least -min, and every single character whatever its frequency, because
// the segmenter needs the character frequencies to weigh a cut. Usage:
//
//	go run ./lang/internal/gendict -min 5 /usr/lib/python3/dist-packages/jieba/dict.txt > lang/data/zhdict.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	minFreq := flag.Int("min", 5, "lowest frequency of a word of two or more characters to keep")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gendict [-min N] jieba-dict.txt > zhdict.txt")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *minFreq); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

func run(path string, minFreq int) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	out := bufio.NewWriter(os.Stdout)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 || !allHan(fields[0]) {
			continue
		}
		freq, err := strconv.Atoi(fields[1])
		if err != nil || freq <= 0 {
			continue
		}
		if freq < minFreq && utf8.RuneCountInString(fields[0]) > 1 {
			continue
		}
		fmt.Fprintf(out, "%s %d\n", fields[0], freq)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return out.Flush()
}

func allHan(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return w != ""
}
