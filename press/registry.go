package press

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"amur"
	"amur/lang"
)

// Resolver finds the people and organisations a sentence names. NewRegistry
// gives one built on the registry's records and the lang package; a
// dedicated identity resolver can take its place.
type Resolver interface {
	// People returns the people named in text, a sentence in language l.
	People(text string, l amur.Lang) []Match
	// Organizations returns the organisations named in text.
	Organizations(text string, l amur.Lang) []Match
}

// Match is one name found in a sentence.
type Match struct {
	// Name is the form the event shows: the registry's Latin form, or the
	// name as written or transliterated.
	Name string
	// ID is the registry record matched, or "" for a name the registry
	// lacks.
	ID string
	// Start and End are the byte span of the name in the sentence.
	Start, End int
	// Partial marks a family name alone ("Putin"), which counts only when
	// the page names the person in full somewhere.
	Partial bool
}

// target is what a phrase of the registry stands for.
type target struct {
	kind    byte // 'p' person, 'o' organisation, 'f' flagship
	idx     int
	partial bool
}

// phrase is a sequence of normalised word tokens naming a target.
type phrase struct {
	toks []string
	t    target
}

// Registry is what extraction knows of the program: names of people,
// organisations and flagship projects with their aliases, the fields, and
// the timeline, used to date republished pages.
type Registry struct {
	people    []named
	orgs      []named
	flagships []named
	byFirst   map[string][]phrase
	han       []struct {
		text string
		t    target
	}
	acronyms map[string]int
	timeline []Hint
}

// named is one record's display name and id.
type named struct{ name, id string }

// Hint is a timeline entry of the registry as extraction uses it.
type Hint struct {
	Date      amur.Date
	Kind      amur.EntryKind
	PersonIDs []string
}

var _ Resolver = (*Registry)(nil)

// NewRegistry indexes the people, organisations, flagship projects and
// timeline entries among recs. Synthetic records are left out: they name
// nobody a real article could mention.
func NewRegistry(recs []amur.Record) *Registry {
	r := &Registry{byFirst: map[string][]phrase{}, acronyms: map[string]int{}}
	for _, rec := range recs {
		switch v := rec.(type) {
		case *amur.Person:
			if !v.Synthetic {
				r.addPerson(v)
			}
		case *amur.Organization:
			if !v.Synthetic {
				r.addOrg(v)
			}
		case *amur.Flagship:
			r.addFlagship(v)
		case *amur.TimelineEntry:
			r.timeline = append(r.timeline, Hint{Date: v.Date, Kind: v.Kind, PersonIDs: v.PersonIDs})
		}
	}
	return r
}

// LoadRegistry builds a Registry from the records of a store.
func LoadRegistry(ctx context.Context, s amur.Store) (*Registry, error) {
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
	return NewRegistry(recs), nil
}

// personName returns the Latin form a person is shown under: family name
// first for Chinese people (Xi Jinping), given name first for others
// (Vladimir Putin), without patronymic.
func personName(p *amur.Person) string {
	n := p.Latin
	if n.IsZero() {
		n = amur.PersonName{Family: lang.Romanize(p.Native.Family, lang.SchemeWikipedia),
			Given: lang.Romanize(p.Native.Given, lang.SchemeWikipedia)}
	}
	if p.Country == "CN" {
		return strings.TrimSpace(n.Family + " " + n.Given)
	}
	return strings.TrimSpace(n.Given + " " + n.Family)
}

// addPerson indexes a person's names.
func (r *Registry) addPerson(p *amur.Person) {
	t := target{kind: 'p', idx: len(r.people)}
	r.people = append(r.people, named{personName(p), p.ID})
	for _, n := range []amur.PersonName{p.Latin, p.Native} {
		if n.IsZero() {
			continue
		}
		r.addName(n.Family+n.Given, t, true)
		r.addName(n.Family+" "+n.Given, t, false)
		r.addName(n.Given+" "+n.Family, t, false)
		if n.Patronymic != "" {
			r.addName(n.Given+" "+n.Patronymic+" "+n.Family, t, false)
		}
		if utf8.RuneCountInString(n.Family) >= 2 && !isHanText(n.Family) {
			r.addName(n.Family, target{kind: 'p', idx: t.idx, partial: true}, false)
		}
	}
	for _, a := range p.Aliases {
		r.addName(a, t, false)
	}
}

// addOrg indexes an organisation's names, aliases and acronyms.
func (r *Registry) addOrg(o *amur.Organization) {
	t := target{kind: 'o', idx: len(r.orgs)}
	name, _, _ := o.Name.In(amur.EN)
	r.orgs = append(r.orgs, named{name, o.ID})
	for _, l := range amur.Langs {
		r.addName(o.Name.Get(l), t, false)
	}
	for _, a := range o.Aliases {
		r.addName(a, t, false)
	}
	for _, a := range o.Acronyms {
		if len(a) >= 2 {
			r.acronyms[a] = t.idx
		}
	}
}

// addFlagship indexes a flagship project's names.
func (r *Registry) addFlagship(f *amur.Flagship) {
	t := target{kind: 'f', idx: len(r.flagships)}
	name, _, _ := f.Name.In(amur.EN)
	r.flagships = append(r.flagships, named{name, f.ID})
	for _, l := range amur.Langs {
		r.addName(f.Name.Get(l), t, false)
	}
}

// addName indexes one written name: as a Han string when it is Chinese
// (hanOnly adds only that form), else as a sequence of word tokens.
func (r *Registry) addName(s string, t target, hanOnly bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	if isHanText(s) {
		if utf8.RuneCountInString(s) >= 2 {
			r.han = append(r.han, struct {
				text string
				t    target
			}{s, t})
		}
		return
	}
	if hanOnly {
		return
	}
	var toks []string
	for _, w := range wordTokens(s) {
		toks = append(toks, w.key)
	}
	if len(toks) == 0 || len(toks) > 12 {
		return
	}
	r.byFirst[toks[0]] = append(r.byFirst[toks[0]], phrase{toks, t})
}

// isHanText reports whether s is mostly Han characters.
func isHanText(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && r <= 0x9FFF {
			return true
		}
		if unicode.IsLetter(r) {
			return false
		}
	}
	return false
}

// token is one Latin or Cyrillic word of a sentence.
type token struct {
	start, end int
	text, key  string
	upper      bool
}

// wordTokens splits s into words with their normalised keys: folded, and
// for Russian words cut to a stem so that case endings still match
// (Путина, Путиным → путин; Голиковой → голиков).
func wordTokens(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !wordRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if wordRune(r2) || (r2 == '-' || r2 == '\'' || r2 == '’') && j+n2 < len(s) && nextIsWord(s[j+n2:]) {
				j += n2
				continue
			}
			break
		}
		w := s[i:j]
		out = append(out, token{start: i, end: j, text: w, key: tokenKey(w), upper: unicode.IsUpper(r)})
		i = j
	}
	return out
}

// nextIsWord reports whether s starts with a word rune.
func nextIsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return wordRune(r)
}

// ruEndings are the case endings tokenKey cuts off Russian words.
var ruEndings = []string{"ыми", "ими", "ого", "его", "ому", "ему", "ой", "ей", "ым", "им", "ом", "ем", "ую", "юю", "ая", "яя", "ых", "их", "ов", "а", "я", "у", "ю", "е", "ы", "и", "о", "ь", "й"}

// tokenKey normalises a word for matching.
func tokenKey(w string) string {
	k := lang.Fold(w)
	r, _ := utf8.DecodeRuneInString(k)
	if r < 0x400 || r > 0x4FF {
		return k
	}
	for _, e := range ruEndings {
		if s, ok := strings.CutSuffix(k, e); ok && utf8.RuneCountInString(s) >= 3 {
			return s
		}
	}
	return k
}

// find returns the targets named in text, longest phrases first, each span
// used once.
func (r *Registry) find(text string, kind byte) []Match {
	var out []Match
	toks := wordTokens(text)
	for i := 0; i < len(toks); i++ {
		best, bestLen := phrase{}, 0
		for _, p := range r.byFirst[toks[i].key] {
			if p.t.kind != kind || len(p.toks) <= bestLen || i+len(p.toks) > len(toks) || !toks[i].upper && p.t.partial {
				continue
			}
			ok := true
			for k, pt := range p.toks {
				if toks[i+k].key != pt {
					ok = false
					break
				}
			}
			if ok {
				best, bestLen = p, len(p.toks)
			}
		}
		if bestLen == 0 {
			continue
		}
		if best.t.partial && nextToName(toks, i) {
			continue
		}
		out = append(out, r.match(best.t, toks[i].start, toks[i+bestLen-1].end))
		i += bestLen - 1
	}
	if kind == 'o' {
		for _, t := range toks {
			if idx, ok := r.acronyms[t.text]; ok {
				out = append(out, r.match(target{kind: 'o', idx: idx}, t.start, t.end))
			}
		}
	}
	if hasHan(text) {
		for _, h := range r.han {
			if h.t.kind != kind {
				continue
			}
			if k := strings.Index(text, h.text); k >= 0 {
				out = append(out, r.match(h.t, k, k+len(h.text)))
			}
		}
	}
	return out
}

// nextToName reports whether the family name at toks[i] stands beside
// another capitalised word, as "Xi" does in "Chen Xi": then it is part of
// another name.
func nextToName(toks []token, i int) bool {
	adj := func(a, b token) bool { return b.start-a.end <= 1 && b.upper }
	return i > 0 && adj(toks[i-1], toks[i]) && toks[i-1].upper || i+1 < len(toks) && adj(toks[i], toks[i+1])
}

// match builds the Match of a target.
func (r *Registry) match(t target, a, b int) Match {
	var n named
	switch t.kind {
	case 'p':
		n = r.people[t.idx]
	case 'o':
		n = r.orgs[t.idx]
	default:
		n = r.flagships[t.idx]
	}
	return Match{Name: n.name, ID: n.id, Start: a, End: b, Partial: t.partial}
}

// hasHan reports whether s holds a Han character.
func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// People returns the registry's people named in text and the people the
// text introduces by a title (President …, 主席…, президент …).
func (r *Registry) People(text string, l amur.Lang) []Match {
	out := r.find(text, 'p')
	for _, m := range titledPeople(text) {
		if !overlapsMatch(out, m.Start, m.End) {
			out = append(out, m)
		}
	}
	return out
}

// Organizations returns the registry's organisations named in text.
func (r *Registry) Organizations(text string, l amur.Lang) []Match { return r.find(text, 'o') }

// Flagships returns the flagship projects named in text.
func (r *Registry) Flagships(text string) []Match { return r.find(text, 'f') }

// Empty reports whether the registry knows no person and no
// organisation, as in a database the program was not loaded into.
func (r *Registry) Empty() bool { return len(r.people) == 0 && len(r.orgs) == 0 }

// Timeline returns the registry's timeline entries.
func (r *Registry) Timeline() []Hint { return r.timeline }

// overlapsMatch reports whether [a,b) meets a match.
func overlapsMatch(ms []Match, a, b int) bool {
	for _, m := range ms {
		if a < m.End && m.Start < b {
			return true
		}
	}
	return false
}
