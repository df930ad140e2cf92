// Package lang is Amur's text analysis for Chinese, Russian and English.
//
// It normalises and folds text for matching (Normalize, Fold), tells scripts
// and languages apart (Script, DetectLang), cuts text into index tokens with
// byte offsets into the original (Tokens, Tokenizer), turns numbers written
// in words or Chinese numerals into digits (ParseNumberWords), and moves
// names between scripts: Chinese to pinyin (Pinyin, NamePinyin), Cyrillic to
// Latin in the official schemes (Romanize), Latin back to Cyrillic candidates
// (Cyrillize), and any of them to a loose phonetic key for identity matching
// (LatinKey).
//
// Every function accepts any string, including invalid UTF-8, and never
// panics. The functions are safe for concurrent use; the Chinese dictionary
// is loaded once, on first use.
package lang
