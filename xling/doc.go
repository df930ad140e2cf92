// Package xling matches text across Chinese, Russian and English. It is
// the engine behind Amur's cross-lingual search and the matching of
// research offers with industrial requests.
//
// Every text, whatever its language, becomes a bag of weighted concepts:
// English lemmas (the pivot, with the pinyin of Chinese names among them),
// numbers and units. English words are their own concepts; a Chinese word
// is replaced by the English glosses CC-CEDICT gives it, a Russian word by
// the English translations of its dictionary form (lexicon.Russian finds
// it from the inflected word), each weighed by rank. Words no dictionary
// knows still bridge: a Russian cognate meets the English word it is
// spelled like (регион → region), a capitalised Russian word the
// romanisation of its nominative (Голиковой → Golikova), and a Chinese
// name its pinyin and its Russian Palladius spelling (张平文 ↔ Zhang
// Pingwen ↔ Чжан Пинвэнь). Numbers, units and Latin tokens (COVID-19,
// H1N1) pass through as they are; traditional Chinese is read as
// simplified. Texts in the same language also share their own stems, so
// that a same-language match scores higher than a translated one.
//
// An Index scores with TF-IDF cosine over an inverted index of concepts,
// with document frequencies from the indexed collection only. The concepts
// one word yields are its translations, synonyms of each other, and share
// one idf, so that a rare wrong sense does not outweigh the common right
// one. Length normalisation is pivoted, so short texts do not win on a
// single shared concept, and a small hubness correction penalises a
// document by its mean similarity to its nearest neighbours in the
// collection, as cross-domain similarity local scaling (CSLS) does for
// word translation. Every hit explains itself: which query word met which
// document word, through which concept and which bridge.
package xling
