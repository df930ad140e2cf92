package xling

import (
	"strings"

	"amur"
)

// Bridge tells how a query term reached a document term.
type Bridge uint8

// The bridges, from the most to the least direct.
const (
	// Same is the same word in the same language (the same stem).
	Same Bridge = iota + 1
	// Latin is a Latin word or code in either text (COVID, H1N1, NICA),
	// or English on one side met by English on the other.
	Latin
	// Number is the same number or unit, whether in digits, numerals or
	// words (第六十九届, шестьдесят девятая, 69th).
	Number
	// Dictionary is a translation through the bilingual lexicons, with
	// English as the pivot between Chinese and Russian.
	Dictionary
	// Transliteration is a Russian word met through the English word it
	// is spelled like (регион, region).
	Transliteration
	// Name is a Chinese name met through its pinyin or Palladius spelling.
	Name
)

// String returns the bridge's name as the API shows it.
func (b Bridge) String() string {
	switch b {
	case Same:
		return "same"
	case Latin:
		return "latin"
	case Number:
		return "number"
	case Dictionary:
		return "dictionary"
	case Transliteration:
		return "transliteration"
	case Name:
		return "name"
	}
	return "unknown"
}

// MarshalText makes a Bridge appear by name in JSON.
func (b Bridge) MarshalText() ([]byte, error) { return []byte(b.String()), nil }

// UnmarshalText reads a Bridge by name, so that clients of the API can
// decode the explanations they receive.
func (b *Bridge) UnmarshalText(text []byte) error {
	for c := Same; c <= Name; c++ {
		if c.String() == string(text) {
			*b = c
			return nil
		}
	}
	return amur.Invalid("bridge", "err.enum", "value", string(text), "allowed", "same, latin, number, dictionary, transliteration, name")
}

// Concept key prefixes. English lemmas, and the pinyin of Chinese names,
// have none; the native stems of
// Chinese and Russian words are matched only with each other, so they
// live in their own space (see space).
const (
	prefixNumber = "#"
	prefixUnit   = "%"
	prefixRU     = "ru:"
	prefixZH     = "zh:"
)

// space tells the two concept spaces apart: the pivot space shared by all
// languages, and the native space of same-language stems.
func space(key string) int {
	if strings.HasPrefix(key, prefixRU) || strings.HasPrefix(key, prefixZH) {
		return native
	}
	return pivot
}

const (
	pivot = iota
	native
)

// display returns the concept as an explanation shows it.
func display(key string) string {
	for _, p := range []string{prefixRU, prefixZH, prefixUnit, prefixNumber} {
		if s, ok := strings.CutPrefix(key, p); ok {
			return s
		}
	}
	return key
}
