// Package press turns news pages (press releases, agency wires, ministry
// pages) into dated, deduplicated timeline events.
//
// A page goes through four steps. Decode checks its size, refuses binary
// data and converts GB18030/GBK or Windows-1251 into UTF-8. Clean splits it
// into lines and classifies each one (title, body, section heading,
// caption, metadata, noise), keeping every line's byte span in the
// original, so that each event can cite the exact characters it was read
// from. Extract finds the publication date, the date expressions of every
// body sentence in English, Chinese and Russian, the happenings they date
// (letters, calls, meetings, ceremonies…) and the people, organisations,
// fields and flagship projects involved. Merge folds the reports of one
// happening, within a page and across pages, into one event with several
// sources.
//
// Names are matched through the Resolver interface; NewRegistry builds one
// from the program's records (people and organisations with their aliases,
// fields, flagship projects and the timeline) with the lang package's
// transliteration, and a better resolver can take its place.
package press
