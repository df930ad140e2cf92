package identity

import (
	"context"
	"encoding/json"

	"amur"
)

// ScanStore is what a scan of the registry needs from the store.
type ScanStore interface {
	Each(ctx context.Context, k amur.Kind, fn func(amur.Record) error) error
	ProposeDuplicates(ctx context.Context, cands []amur.DuplicateCandidate) (int, error)
}

// ScanResult counts what a scan of the registry found.
type ScanResult struct {
	Kind    amur.Kind `json:"kind"`
	Records int       `json:"records"`
	Pairs   int       `json:"pairs"`
	Added   int       `json:"added"`
}

// DefaultMinScore is the least score of a pair a scan proposes.
const DefaultMinScore = 0.85

// EntityOf returns the entity of a stored person or organisation.
func EntityOf(r amur.Record) (Entity, bool) {
	switch x := r.(type) {
	case *amur.Person:
		return PersonEntity(x), true
	case *amur.Organization:
		return OrganizationEntity(x), true
	}
	return Entity{}, false
}

// Scan reads every record of kind k (people or organisations), finds the
// pairs scoring at least minScore and proposes them for review; pairs
// proposed, merged or rejected before are left as they are.
func Scan(ctx context.Context, s ScanStore, k amur.Kind, minScore float64) (ScanResult, error) {
	if k != amur.KindPerson && k != amur.KindOrganization {
		return ScanResult{}, amur.Invalid("kind", "identity.err.kind")
	}
	var es []Entity
	err := s.Each(ctx, k, func(r amur.Record) error {
		if e, ok := EntityOf(r); ok {
			es = append(es, e)
		}
		return nil
	})
	if err != nil {
		return ScanResult{}, err
	}
	ix := NewIndex()
	if err := ix.AddAll(es); err != nil {
		return ScanResult{}, err
	}
	res := ScanResult{Kind: k, Records: len(es)}
	var cands []amur.DuplicateCandidate
	ix.Duplicates(minScore, func(p Pair) {
		expl, _ := json.Marshal(p.Result)
		cands = append(cands, amur.DuplicateCandidate{Kind: k, A: p.A, B: p.B, Score: round3(p.Result.Score), Explanation: expl})
	})
	res.Pairs = len(cands)
	if err := ctx.Err(); err != nil {
		return res, err
	}
	res.Added, err = s.ProposeDuplicates(ctx, cands)
	return res, err
}

// Eacher reads every record of a kind.
type Eacher interface {
	Each(ctx context.Context, k amur.Kind, fn func(amur.Record) error) error
}

// Suggest returns up to limit stored records of kind k like name, best
// first, each with its explanation: the "did you mean" of a new record.
func Suggest(ctx context.Context, s Eacher, k amur.Kind, name string, limit int) ([]Result, error) {
	if k != amur.KindPerson && k != amur.KindOrganization {
		return nil, amur.Invalid("kind", "identity.err.kind")
	}
	ix := NewIndex()
	var es []Entity
	if err := s.Each(ctx, k, func(r amur.Record) error {
		if e, ok := EntityOf(r); ok {
			es = append(es, e)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := ix.AddAll(es); err != nil {
		return nil, err
	}
	var out []Result
	for _, r := range ix.Search(Entity{Kind: k, Names: []string{name}}, limit) {
		if r.Score >= 0.5 {
			out = append(out, r)
		}
	}
	return out, nil
}
