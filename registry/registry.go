// Package registry enforces who may see and change what. New wraps an
// amur.Store in a Store with the same interface whose every method first
// asks the policy (Decide, CanRead, SeesContact, DraftScope in policy.go)
// about the principal of its context, then delegates.
//
// The registry stands in front of the web adapter only. Commands run on the
// server (import, demo, stats) are the system itself, trusted, and use the
// store directly. So permissions live here, once, rather than in SQL or in
// each handler, and the web adapter cannot forget them.
//
// Denials follow one rule: a record one may not read is ENotFound, so that
// a draft's existence is not revealed; a change by the anonymous public is
// EUnauthorized; any other refused change is EForbidden. Lists and figures
// silently leave out what one may not see, and people's contact data is
// blanked for those who may not see it.
package registry

import (
	"context"

	"amur"
)

// Store is an amur.Store that enforces the policy; see the package comment.
type Store struct {
	next amur.Store
}

var _ amur.Store = (*Store)(nil)

// New returns s behind the policy.
func New(s amur.Store) amur.Store { return &Store{next: s} }

// principal returns the principal of ctx, nil for the anonymous public.
func principal(ctx context.Context) *amur.Principal { return amur.PrincipalFrom(ctx) }

// get reads the record with id through fetch and shows it only when the
// principal may read it.
func get[R amur.Record](ctx context.Context, fetch func(context.Context, string) (R, error), id string) (R, error) {
	r, err := fetch(ctx, id)
	if err != nil {
		return r, err
	}
	if err := Decide(principal(ctx), Read, r); err != nil {
		var zero R
		return zero, err
	}
	return r, nil
}

// create decides the creation of r and stores it.
func create[R amur.Record](ctx context.Context, r R, store func(context.Context, R) error) error {
	if err := decideCreate(principal(ctx), r); err != nil {
		return err
	}
	return store(ctx, r)
}

// decideCreate decides the creation of r, which it prepares first so that
// the policy sees the record as it will be stored (an activity's sides
// include its participants' sides only after Normalize). A coordinator's
// activity is always a draft: proposing is its job, publishing the
// office's.
func decideCreate(p *amur.Principal, r amur.Record) error {
	if a, ok := r.(*amur.Activity); ok && p.Is(amur.RoleCoordinator) {
		a.Draft = true
	}
	r.Normalize()
	if a, ok := r.(*amur.Activity); ok && a.Status == amur.Approved {
		if err := Decide(p, Approve, a); err != nil {
			return err
		}
	}
	return Decide(p, Create, r)
}

// update decides the change of the stored record into r and stores r.
// The stored record is read at r's version: when another writer came in
// between, the answer is EStale, as the store itself would give, and the
// decision is never made on a version other than the one replaced.
func update[R amur.Record](ctx context.Context, r R, fetch func(context.Context, string) (R, error), store func(context.Context, R) error) error {
	p := principal(ctx)
	before, err := get(ctx, fetch, r.Base().ID)
	if err != nil {
		return err
	}
	if v := before.Base().Version; v != r.Base().Version {
		e := amur.Errorf(amur.EStale, "err.stale", "kind", string(r.RecordKind()), "id", r.Base().ID, "version", v)
		e.Field = "version"
		return e
	}
	r.Normalize()
	if err := decideUpdate(p, before, r); err != nil {
		return err
	}
	return store(ctx, r)
}

// decideUpdate decides the change of before into after: the steps it
// makes (publishing, approving) first, so that a refusal names them, then
// both the stored and the new record, so that nobody moves a record into
// or out of their reach.
func decideUpdate(p *amur.Principal, before, after amur.Record) error {
	if b, ok := before.(*amur.Activity); ok {
		a := after.(*amur.Activity)
		if b.Draft && !a.Draft {
			if err := Decide(p, Publish, a); err != nil {
				return err
			}
		}
		if a.Status == amur.Approved && b.Status != amur.Approved {
			if err := Decide(p, Approve, a); err != nil {
				return err
			}
		}
	}
	if err := Decide(p, Update, before); err != nil {
		return err
	}
	return Decide(p, Update, after)
}

// remove decides the deletion of the stored record with id and deletes it.
func remove[R amur.Record](ctx context.Context, id string, fetch func(context.Context, string) (R, error), del func(context.Context, string) error) error {
	stored, err := get(ctx, fetch, id)
	if err != nil {
		return err
	}
	if err := Decide(principal(ctx), Delete, stored); err != nil {
		return err
	}
	return del(ctx, id)
}

// Activity returns the activity with id, if the principal may see it.
func (s *Store) Activity(ctx context.Context, id string) (*amur.Activity, error) {
	return get(ctx, s.next.Activity, id)
}

// Activities lists the matching activities among those the principal may
// see: the scope of drafts comes from the principal, whatever f says.
func (s *Store) Activities(ctx context.Context, f amur.ActivityFilter) (*amur.List[*amur.Activity], error) {
	f.Drafts, f.DraftOrg = DraftScope(principal(ctx))
	return s.next.Activities(ctx, f)
}

// CreateActivity stores a new activity if the principal may create it; a
// coordinator's is made a draft.
func (s *Store) CreateActivity(ctx context.Context, a *amur.Activity) error {
	return create(ctx, a, s.next.CreateActivity)
}

// UpdateActivity replaces an activity if the principal may change it so.
func (s *Store) UpdateActivity(ctx context.Context, a *amur.Activity) error {
	return update(ctx, a, s.next.Activity, s.next.UpdateActivity)
}

// DeleteActivity deletes an activity if the principal may.
func (s *Store) DeleteActivity(ctx context.Context, id string) error {
	return remove(ctx, id, s.next.Activity, s.next.DeleteActivity)
}

// Stats counts only the activities the principal may see.
func (s *Store) Stats(ctx context.Context, f amur.ActivityFilter) (*amur.Stats, error) {
	f.Drafts, f.DraftOrg = DraftScope(principal(ctx))
	return s.next.Stats(ctx, f)
}

// Person returns the person with id, without contact data unless the
// principal may see it.
func (s *Store) Person(ctx context.Context, id string) (*amur.Person, error) {
	p, err := get(ctx, s.next.Person, id)
	if err != nil {
		return nil, err
	}
	return s.private(ctx, p), nil
}

// People lists people, without contact data unless the principal may see
// it.
func (s *Store) People(ctx context.Context, f amur.PersonFilter) (*amur.List[*amur.Person], error) {
	l, err := s.next.People(ctx, f)
	if err != nil {
		return nil, err
	}
	for i, p := range l.Items {
		l.Items[i] = s.private(ctx, p)
	}
	return l, nil
}

// private returns p, or a copy without its contact data when the
// principal may not see it.
func (s *Store) private(ctx context.Context, p *amur.Person) *amur.Person {
	if SeesContact(principal(ctx)) || p.Contact == (amur.Contact{}) {
		return p
	}
	c := *p
	c.Contact = amur.Contact{}
	return &c
}

// CreatePerson stores a new person if the principal may.
func (s *Store) CreatePerson(ctx context.Context, p *amur.Person) error {
	return create(ctx, p, s.next.CreatePerson)
}

// UpdatePerson replaces a person if the principal may. A principal who may
// not see contact data cannot change it either: the stored contact is
// kept, so that a change made from a copy without it does not erase it.
func (s *Store) UpdatePerson(ctx context.Context, p *amur.Person) error {
	return update(ctx, p, func(ctx context.Context, id string) (*amur.Person, error) {
		stored, err := s.next.Person(ctx, id)
		if err == nil && !SeesContact(principal(ctx)) {
			p.Contact = stored.Contact
		}
		return stored, err
	}, s.next.UpdatePerson)
}

// DeletePerson deletes a person if the principal may.
func (s *Store) DeletePerson(ctx context.Context, id string) error {
	return remove(ctx, id, s.next.Person, s.next.DeletePerson)
}
