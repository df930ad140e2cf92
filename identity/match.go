package identity

import (
	"cmp"
	"slices"
	"strings"

	"amur"
	"amur/lang"
)

// Entity is a person or organisation as identity resolution sees it: its
// names in every script, and its strong identifiers.
type Entity struct {
	ID string `json:"id"`
	// Kind is amur.KindPerson or amur.KindOrganization; "" lets each name
	// tell by itself (IsOrganizationName).
	Kind  amur.Kind `json:"kind,omitempty"`
	Names []string  `json:"names"`
	ROR   string    `json:"ror,omitempty"`
	ORCID string    `json:"orcid,omitempty"`
}

// PersonEntity returns the entity of a stored person.
func PersonEntity(p *amur.Person) Entity {
	return Entity{ID: p.ID, Kind: amur.KindPerson, Names: PersonNames(p), ORCID: p.ORCID}
}

// OrganizationEntity returns the entity of a stored organisation: its
// names in every language, aliases and acronyms.
func OrganizationEntity(o *amur.Organization) Entity {
	var names []string
	for _, n := range []string{o.Name.ZH, o.Name.RU, o.Name.EN} {
		if n != "" {
			names = append(names, n)
		}
	}
	names = append(append(names, o.Aliases...), o.Acronyms...)
	return Entity{ID: o.ID, Kind: amur.KindOrganization, Names: names, ROR: o.ROR}
}

// Evidence is one step of a match's explanation: a part of one name met a
// part of the other through a bridge, with the part's score.
type Evidence struct {
	Query string  `json:"query"`
	Match string  `json:"match"`
	Via   string  `json:"via"`
	Score float64 `json:"score"`
}

// Result is how well a candidate matches, and why.
type Result struct {
	ID    string  `json:"id"`
	Score float64 `json:"score"`
	// Query and Name are the two names that matched best.
	Query    string     `json:"query"`
	Name     string     `json:"name"`
	Evidence []Evidence `json:"evidence"`
	// Decided names the identifier that decided the match ("ror",
	// "orcid"): the same one means the same record.
	Decided string `json:"decided,omitempty"`
	// Conflict names an identifier both records carry with different
	// values; such records never merge.
	Conflict string `json:"conflict,omitempty"`
}

// form is one name prepared for matching, as a person's and as an
// organisation's name as its entity's kind allows.
type form struct {
	text   string
	person []([]token)
	prior  float64
	han    bool
	org    *orgForm
	isOrg  bool
}

// prepared is an entity with its names prepared.
type prepared struct {
	Entity
	forms []form
}

// prepare analyses the names of an entity.
func prepare(e Entity) *prepared {
	p := &prepared{Entity: e}
	p.ROR = amur.NormalizeROR(e.ROR)
	p.ORCID = amur.NormalizeORCID(e.ORCID)
	seen := map[string]bool{}
	for _, n := range e.Names {
		n = strings.TrimSpace(n)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		p.forms = append(p.forms, prepareName(n, e.Kind))
	}
	return p
}

// prepareName analyses one name.
func prepareName(n string, k amur.Kind) form {
	f := form{text: n}
	switch k {
	case amur.KindOrganization:
		f.isOrg = true
	case amur.KindPerson:
	default:
		f.isOrg = IsOrganizationName(n)
	}
	if f.isOrg || k == "" {
		f.org = analyzeOrg(n)
	}
	if !f.isOrg {
		pn := ParsePerson(n)
		f.person = readings(pn)
		if pn.Chinese {
			f.han, f.prior = true, hanPrior(pn)
		}
	}
	return f
}

// idfFunc weighs a concept of organisation names by its rarity.
type idfFunc func(concept string) float64

// flatIDF weighs every concept alike, for comparing two records alone.
func flatIDF(string) float64 { return 1 }

// query carries what one search computes once for its query.
type query struct {
	*prepared
	cyr map[string][]string // Cyrillize of Latin query tokens
	// minSim is the least similarity of two different keys that counts:
	// lenient for a search, which ranks, strict for a scan, which proposes.
	minSim float64
}

// The similarities of keys that count.
const (
	searchMinSim = 0.7
	scanMinSim   = 0.85
)

// compare scores candidate d against the query.
func (q *query) compare(d *prepared, idf idfFunc) Result {
	r := Result{ID: d.ID}
	if q.ROR != "" && d.ROR != "" {
		if q.ROR == d.ROR {
			return Result{ID: d.ID, Score: 1, Decided: "ror", Evidence: []Evidence{{q.ROR, d.ROR, "ror", 1}}}
		}
		r.Conflict = "ror"
	}
	if q.ORCID != "" && d.ORCID != "" {
		if q.ORCID == d.ORCID {
			return Result{ID: d.ID, Score: 1, Decided: "orcid", Evidence: []Evidence{{q.ORCID, d.ORCID, "orcid", 1}}}
		}
		r.Conflict = "orcid"
	}
	for i := range q.forms {
		for j := range d.forms {
			s, ev := q.nameSim(&q.forms[i], &d.forms[j], idf)
			if s > r.Score {
				r.Score, r.Query, r.Name, r.Evidence = s, q.forms[i].text, d.forms[j].text, ev
			}
		}
	}
	return r
}

// nameSim scores two names: as organisations' when either reads as one,
// else as people's.
func (q *query) nameSim(a, b *form, idf idfFunc) (float64, []Evidence) {
	if a.isOrg || b.isOrg {
		if a.org == nil || b.org == nil {
			return 0, nil
		}
		return orgSim(a.org, b.org, idf)
	}
	best, ev := 0.0, []Evidence(nil)
	for _, ra := range a.person {
		for _, rb := range b.person {
			s, e := q.align(ra, rb)
			if s > best {
				best, ev = s, e
			}
		}
	}
	if b.han && best > 0 {
		// Among homophones (张伟, 章伟) the common spelling is likelier.
		best = best*0.98 + 0.02*b.prior
	}
	return best, ev
}

// align scores two readings of person names by the best one-to-one
// alignment of their parts, in any order. Parts left over on the longer
// side cost half a part each; a match made of initials only counts half.
func (q *query) align(a, b []token) (float64, []Evidence) {
	if len(a) == 0 || len(b) == 0 {
		return 0, nil
	}
	type cell struct {
		i, j int
		s    float64
		via  string
	}
	cells := make([]cell, 0, len(a)*len(b))
	for i := range a {
		for j := range b {
			if s, via := tokenSim(&a[i], &b[j], q.minSim); s > 0 {
				s = q.refine(&a[i], &b[j], s, &via)
				if a[i].role != RoleUnknown && b[j].role != RoleUnknown && a[i].role != b[j].role {
					if a[i].han && b[j].han {
						continue // both in characters: the order is certain
					}
					s *= 0.9
				}
				cells = append(cells, cell{i, j, s, via})
			}
		}
	}
	slices.SortFunc(cells, func(x, y cell) int { return cmp.Compare(y.s, x.s) })
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	var sum float64
	var ev []Evidence
	full := false
	for _, c := range cells {
		if usedA[c.i] || usedB[c.j] {
			continue
		}
		usedA[c.i], usedB[c.j] = true, true
		sum += c.s
		full = full || !a[c.i].initial && !b[c.j].initial && c.s >= 0.75
		ev = append(ev, Evidence{a[c.i].text, b[c.j].text, c.via, round3(c.s)})
	}
	lo, hi := min(len(a), len(b)), max(len(a), len(b))
	s := sum / (float64(lo) + 0.5*float64(hi-lo))
	if !full {
		s *= 0.5
	}
	return s, ev
}

// refine ranks matches of equal keys by how exactly the spellings
// correspond: a standard romanisation of the Cyrillic part, or a rank
// among the Cyrillic spellings lang.Cyrillize gives the Latin part.
func (q *query) refine(a, b *token, s float64, via *string) float64 {
	if s < 1 || *via == viaSame || a.han || b.han {
		return s
	}
	lat, cyr := a, b
	if isCyrillic(a.text) {
		lat, cyr = b, a
	}
	if isCyrillic(lat.text) || !isCyrillic(cyr.text) {
		return s
	}
	want := lang.Fold(strings.ReplaceAll(lat.text, "-", ""))
	cw := strings.ReplaceAll(cyr.text, "-", "")
	for _, sc := range lang.Schemes {
		if lang.Fold(lang.Romanize(cw, sc)) == want {
			*via = viaRoman + " " + sc.String()
			return 1
		}
	}
	cands, ok := q.cyr[lat.text]
	if !ok && q.cyr != nil {
		cands = lang.Cyrillize(lat.text)
		q.cyr[lat.text] = cands
	}
	// Lower case rather than Fold, which would make ё and е one letter.
	fc := strings.ToLower(cw)
	for i, c := range cands {
		if strings.ToLower(c) == fc {
			return 0.985 + 0.015*(1-float64(i)/float64(lang.MaxCyrillize))
		}
	}
	return 0.98
}

// round3 rounds a score for explanations.
func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// Compare scores two entities against each other on their own, with every
// concept of organisation names weighing the same: strong identifiers
// first, then the best pair of names.
func Compare(a, b Entity) Result {
	q := &query{prepared: prepare(a), cyr: map[string][]string{}, minSim: searchMinSim}
	return q.compare(prepare(b), flatIDF)
}
