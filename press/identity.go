package press

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"amur"
	"amur/identity"
	"amur/lang"
)

// minPersonScore is the identity score from which a name written in an
// article is taken for a registry person. The same name in another script
// scores 1 and a declined Russian form about 0.84, while two people who
// share only a family name (张伟 and Zhang Pingwen) score 0.5.
const minPersonScore = 0.8

// IdentityResolver is a Resolver that finds, beside the names Registry
// knows as written, the registry's people written in another script or
// transcription: a Chinese name the registry holds only in Latin letters
// (陈林浩 for Chen Linhao), a Russian one in another spelling or case
// (Сёмина Алексея). Each is shown in its registry Latin form.
// Organisations are those of the Registry.
type IdentityResolver struct {
	// Registry is the registry the resolver extends.
	Registry *Registry
	people   *identity.Index
	names    map[string]string
	families map[string]bool
}

var _ Resolver = (*IdentityResolver)(nil)

// NewIdentityResolver indexes the people among recs by their names in
// every script, beside the Registry of recs.
func NewIdentityResolver(recs []amur.Record) (*IdentityResolver, error) {
	ir := &IdentityResolver{Registry: NewRegistry(recs), people: identity.NewIndex(),
		names: map[string]string{}, families: map[string]bool{}}
	for _, rec := range recs {
		p, ok := rec.(*amur.Person)
		if !ok || p.Synthetic {
			continue
		}
		if err := ir.people.Add(identity.PersonEntity(p)); err != nil {
			return nil, err
		}
		ir.names[p.ID] = personName(p)
		for _, f := range []string{p.Latin.Family, p.Native.Family} {
			if f != "" {
				ir.families[strings.ToLower(f)] = true
			}
		}
	}
	return ir, nil
}

// LoadIdentityResolver builds an IdentityResolver from the records of a
// store.
func LoadIdentityResolver(ctx context.Context, s amur.Store) (*IdentityResolver, error) {
	var recs []amur.Record
	for _, k := range []amur.Kind{amur.KindPerson, amur.KindOrganization, amur.KindFlagship, amur.KindTimeline} {
		err := s.Each(ctx, k, func(rec amur.Record) error {
			recs = append(recs, rec)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return NewIdentityResolver(recs)
}

// People returns the people the Registry finds in text, those it read
// after a title recognised as registry people, then the registry people
// written in Han characters or Cyrillic words it did not find.
func (ir *IdentityResolver) People(text string, l amur.Lang) []Match {
	out := ir.Registry.People(text, l)
	for i, m := range out {
		if m.ID == "" {
			if found, ok := ir.best(text, span{start: m.Start, ends: []int{m.End}}); ok {
				out[i].ID, out[i].Name = found.ID, found.Name
			}
		}
	}
	for _, sp := range ir.spans(text) {
		if overlapsMatch(out, sp.start, sp.end) {
			continue
		}
		if m, ok := ir.best(text, sp); ok {
			out = append(out, m)
		}
	}
	return out
}

// Organizations returns the organisations the Registry finds in text.
func (ir *IdentityResolver) Organizations(text string, l amur.Lang) []Match {
	return ir.Registry.Organizations(text, l)
}

// span is where a name may start in a sentence, with its possible ends,
// shortest first.
type span struct {
	start, end int
	ends       []int
}

// spans returns the places a person's name may stand: a Han character
// read as a registry family name followed by one to three characters, and
// two or three capitalised Cyrillic words in a row.
func (ir *IdentityResolver) spans(text string) []span {
	var out []span
	for i, r := range text {
		if !unicode.Is(unicode.Han, r) || !ir.families[string(r)] && !ir.familyReading(r) {
			continue
		}
		var ends []int
		j := i + utf8.RuneLen(r)
		for n := 0; n < 3 && j < len(text); n++ {
			r2, w := utf8.DecodeRuneInString(text[j:])
			if !unicode.Is(unicode.Han, r2) {
				break
			}
			j += w
			ends = append(ends, j)
		}
		if len(ends) > 0 {
			out = append(out, span{start: i, end: ends[len(ends)-1], ends: ends})
		}
	}
	toks := wordTokens(text)
	for i := range toks {
		var ends []int
		for k := i; k < len(toks) && k < i+3; k++ {
			t := toks[k]
			if !t.upper || !isCyrillicWord(t.text) || k > i && t.start-toks[k-1].end > 1 {
				break
			}
			if k > i {
				ends = append(ends, t.end)
			}
		}
		if len(ends) > 0 {
			out = append(out, span{start: toks[i].start, end: ends[len(ends)-1], ends: ends})
		}
	}
	return out
}

// familyReading reports whether a Han character reads as the family name
// of a registry person written only in Latin letters.
func (ir *IdentityResolver) familyReading(r rune) bool {
	py := lang.Pinyin(string(r))
	return len(py) == 1 && ir.families[py[0]]
}

// isCyrillicWord reports whether w starts with a Cyrillic letter.
func isCyrillicWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.Is(unicode.Cyrillic, r)
}

// best returns the registry person that one of the span's ends names best,
// when it scores at least minPersonScore.
func (ir *IdentityResolver) best(text string, sp span) (Match, bool) {
	var m Match
	score := 0.0
	for _, end := range sp.ends {
		res := ir.people.Search(identity.Entity{Kind: amur.KindPerson, Names: []string{text[sp.start:end]}}, 1)
		if len(res) == 0 || res[0].Score < minPersonScore || res[0].Score <= score {
			continue
		}
		score = res[0].Score
		m = Match{Name: ir.names[res[0].ID], ID: res[0].ID, Start: sp.start, End: end}
	}
	return m, score > 0
}
