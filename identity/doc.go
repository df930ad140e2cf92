// Package identity recognises the same person or organisation written in
// Chinese characters, Cyrillic and Latin letters: 张平文, Zhang Pingwen and
// Pingwen Zhang; Семин Алексей Алексеевич, Alexei Semin and A. A. Semin;
// 北京大学, Пекинский университет and Peking University (PKU).
//
// A person's name is split into family, given and patronymic parts
// (ParsePerson): Chinese names family first, Russian patronymics found by
// their endings, initials kept as initials. Each part becomes a token with
// several keys, each saying through which bridge it was reached: the
// phonetic key of lang.LatinKey for every script, the pinyin of Chinese
// characters, the Palladius spelling Russian writes Chinese names in, the
// masculine form of a Russian feminine surname (Семина → Семин) and the
// spelling variants that the key alone does not join (Serguei, Michail).
// Two names score by the best one-to-one alignment of their tokens, in any
// order, so that family-first and given-first forms meet.
//
// An organisation's name is read word by word into English concepts: the
// curated organisation vocabulary of this package (大学, университет,
// university; 科学院, академия наук, academy of sciences), then the
// lexicon's dictionaries, with legal-form words (ООО, ПАО, 有限公司, LLC)
// dropped, acronyms kept as acronyms and known organisations recognised by
// their aliases. Two names score by the aligned concepts they share,
// weighted by how rare each concept is among the indexed names.
//
// Strong identifiers decide before names do: the same ROR id or ORCID iD
// means the same record, different ones never merge. Every score explains
// itself: which part met which part, through which bridge.
//
// An Index generates candidates by blocking keys (the phonetic keys of
// name tokens, the concepts of organisation names), so that a search or a
// scan for duplicates touches only records that share a key.
package identity
