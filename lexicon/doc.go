// Package lexicon holds Amur's bilingual dictionaries as embedded data:
// Chinese→English from CC-CEDICT, English→Russian from the Mueller
// dictionary and Russian→English by inverting it, with English as the
// pivot between Chinese and Russian; a curated trilingual list of the
// program's terms, a hand-written supplement of modern Russian, CLDR
// country names, the inflected-form stems of Russian dictionary words
// from the hunspell-ru dictionary, and a traditional-to-simplified
// character map (Simplify) derived from CC-CEDICT.
//
// Every translation carries a weight in (0, 1]: dictionaries list senses
// from the most to the least common, so a translation's weight falls with
// its sense's rank, and an inverted dictionary's candidates are weighed by
// how common the English word is, so that правительство means government
// rather than sircar or Whitehall.
//
// The data loads on first use, once per process (each dictionary in about
// half a second on the two-core development machine; RuEn needs ZhEn, whose
// glosses tell how common an English word is), and is safe for concurrent
// use. Sources, versions and licences are in data/SOURCES.txt
// and docs/data-licences.md; lexicon/internal/build rebuilds the derived
// files.
package lexicon
