package match

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"amur"
	"amur/lang"
)

// MaxQueryBytes bounds the text of a partner search.
const MaxQueryBytes = 1000

// partnerPieces is how many profile parts a partner search reads before
// grouping them by partner.
const partnerPieces = 400

// maxSources bounds the profile parts listed per partner.
const maxSources = 3

// ParseKind reads the kind of partners a search asks for: "" (both),
// organizations or people.
func ParseKind(s string) (amur.Kind, error) {
	switch s {
	case "":
		return "", nil
	case "organizations", "organization", "orgs":
		return amur.KindOrganization, nil
	case "people", "person":
		return amur.KindPerson, nil
	}
	return "", amur.Invalid("kind", "err.enum", "value", s, "allowed", "organizations, people")
}

// Partners returns the organisations and people (or only those of kind)
// whose names, expertise, activities or offers best match q, written in
// any of the platform languages, best first. A partner's score is that of
// its best-matching profile part plus a quarter of the next ones', so that
// a partner with several relevant activities passes one with a single
// one. The profile holds only what everyone may see: published activities
// and offers that are not anonymous.
func (e *Engine) Partners(ctx context.Context, q string, kind amur.Kind, limit int) (*Matches, error) {
	limit, err := checkLimit(limit)
	if err != nil {
		return nil, err
	}
	q = strings.TrimSpace(q)
	if err := amur.ValidString("q", q, MaxQueryBytes); err != nil {
		return nil, err
	}
	if q == "" {
		return nil, amur.Invalid("q", "err.required")
	}
	if kind != "" && kind != amur.KindOrganization && kind != amur.KindPerson {
		return nil, amur.Invalid("kind", "err.enum", "value", string(kind), "allowed", "organizations, people")
	}
	lg := lang.DetectLang(q)
	out := &Matches{Query: Query{Text: q, Lang: lg}, Items: []Result{}}
	if lg == "" {
		return out, nil // nothing to read: no letters of the three scripts
	}
	sn, err := e.current(ctx, &e.partners)
	if err != nil {
		return nil, err
	}
	byPartner := map[string]*partnerHit{}
	var order []string
	for _, h := range sn.partnerIx.Search(q, lg, partnerPieces) {
		pc := sn.pieces[h.ID]
		for _, ref := range pc.partners(kind) {
			ph := byPartner[ref.ID]
			if ph == nil {
				ph = &partnerHit{kind: ref.Kind, id: ref.ID, terms: terms(h.Explain, lg, pc.lang)}
				byPartner[ref.ID] = ph
				order = append(order, ref.ID)
			}
			ph.add(pc, h.Score)
		}
	}
	for _, id := range order {
		out.Items = append(out.Items, byPartner[id].result(sn))
	}
	slices.SortStableFunc(out.Items, func(a, b Result) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	out.Items = out.Items[:min(limit, len(out.Items))]
	return out, nil
}

// partners returns the organisations and people of kind ("" for both) a
// profile part belongs to.
func (pc *piece) partners(kind amur.Kind) []Source {
	var out []Source
	if kind != amur.KindPerson {
		for _, id := range pc.orgs {
			out = append(out, Source{Kind: amur.KindOrganization, ID: id})
		}
	}
	if kind != amur.KindOrganization {
		for _, id := range pc.people {
			out = append(out, Source{Kind: amur.KindPerson, ID: id})
		}
	}
	return out
}

// partnerHit collects the matching profile parts of one partner; hits
// arrive best first, and the terms are those of the best.
type partnerHit struct {
	kind    amur.Kind
	id      string
	terms   []Term
	sources []Source
}

// add records a matching part, once per source (a part indexed in three
// languages counts once, at its best score).
func (ph *partnerHit) add(pc *piece, score float64) {
	for _, s := range ph.sources {
		if s.Kind == pc.src.Kind && s.ID == pc.src.ID {
			return
		}
	}
	src := pc.src
	src.Score = round(score)
	src.Fields = pc.fields
	ph.sources = append(ph.sources, src)
}

// result returns the partner's result: its best part's score plus a
// quarter of the next ones'.
func (ph *partnerHit) result(sn *snapshot) Result {
	score := 0.0
	for i, s := range ph.sources {
		if i == 0 {
			score = s.Score
		} else if i <= maxSources {
			score += s.Score / 4
		}
	}
	res := Result{Kind: ph.kind, ID: ph.id, Score: round(score)}
	res.Explain = Explain{Text: ph.sources[0].Score, Terms: ph.terms, Sources: ph.sources[:min(len(ph.sources), maxSources)]}
	if ph.kind == amur.KindOrganization {
		if o := sn.orgs[ph.id]; o != nil {
			res.Title, res.Side = o.Name, o.Country
		}
	} else if p := sn.people[ph.id]; p != nil {
		res.Title, res.Side = amur.T(string(amur.EN), personName(p)), p.Country
	}
	return res
}
