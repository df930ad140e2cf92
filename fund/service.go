// Package fund runs the joint fund's workflow: calls and hosting offers,
// proposals from draft to decision, each side's reviewers, conflicts of
// interest, the assignment of reviewers, reviews, each side's
// recommendations, the funding selection under both budgets and the
// exports of funding lists and decision letters.
//
// Joint calls are mirrored, as the Russian Science Foundation and the NSFC
// run theirs: each side reviews with its own experts and its own
// assignment, and a project is fundable only when both sides recommend it
// (one side suffices for a one-sided mobility call). Each side pays its own
// team in its own currency, so the selection keeps two budgets.
//
// Every operation checks the principal of its context and runs in one
// store transaction, in which every change is written to the audit log.
package fund

import (
	"context"
	"time"

	"amur"
)

// Service is the joint fund. It is safe for concurrent use.
type Service struct {
	store amur.FundStore
	// reg reads the registry: organisations, people and activities.
	reg     amur.Store
	now     func() time.Time
	trusted bool
}

// Options configure a Service.
type Options struct {
	// Now is the clock deadlines are checked against; nil means time.Now.
	Now func() time.Time
	// Trusted lets a context without a principal do everything: the
	// operator's own commands on the server. The HTTP API never sets it.
	Trusted bool
}

// New returns the fund service over store; reg is the registry it checks
// organisations, people and shared activities in.
func New(store amur.FundStore, reg amur.Store, opts Options) *Service {
	s := &Service{store: store, reg: reg, now: opts.Now, trusted: opts.Trusted}
	if s.now == nil {
		s.now = time.Now
	}
	return s
}

// who is the principal of a request and what it may do in general.
type who struct {
	p *amur.Principal
	// all tells an admin or the trusted operator.
	all bool
}

// whoOf returns who acts in ctx; the anonymous public gets EUnauthorized
// unless anon allows it.
func (s *Service) whoOf(ctx context.Context, anon bool) (who, error) {
	p := amur.PrincipalFrom(ctx)
	switch {
	case p == nil && s.trusted:
		return who{all: true}, nil
	case p == nil && !anon:
		return who{}, amur.Errorf(amur.EUnauthorized, "err.unauthorized")
	}
	return who{p: p, all: p.Is(amur.RoleAdmin)}, nil
}

// office tells whether w manages side: an admin, or that side's office.
func (w who) office(side string) bool {
	return w.all || w.p.Is(amur.RoleOffice) && w.p.Side == side
}

// anyOffice tells an admin or the office of either side.
func (w who) anyOffice() bool { return w.all || w.p.Is(amur.RoleOffice) }

// user returns the principal's user id, or "".
func (w who) user() string {
	if w.p == nil {
		return ""
	}
	return w.p.UserID
}

// forbidden is the refusal of an act the principal's role does not allow.
func forbidden(key string, args ...any) error {
	return amur.Errorf(amur.EForbidden, key, args...)
}

// CreateCall stores a new call. Admins and the offices create calls.
func (s *Service) CreateCall(ctx context.Context, c *amur.FundCall) error {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return err
	}
	if !w.anyOffice() {
		return forbidden("fund.err.office_only")
	}
	c.Meta = amur.Meta{}
	return s.store.FundWrite(ctx, func(tx amur.FundTx) error { return tx.Create(c) })
}

// UpdateCall replaces a call; its version must be the stored one.
func (s *Service) UpdateCall(ctx context.Context, c *amur.FundCall) error {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return err
	}
	if !w.anyOffice() {
		return forbidden("fund.err.office_only")
	}
	return s.store.FundWrite(ctx, func(tx amur.FundTx) error {
		var old amur.FundCall
		if err := tx.Get(c.ID, &old); err != nil {
			return err
		}
		return tx.Update(c, "")
	})
}

// Call returns a call; calls are public.
func (s *Service) Call(ctx context.Context, id string) (*amur.FundCall, error) {
	var c amur.FundCall
	err := s.store.FundRead(ctx, func(tx amur.FundTx) error { return tx.Get(id, &c) })
	return &c, err
}

// Calls lists every call, oldest first.
func (s *Service) Calls(ctx context.Context) ([]*amur.FundCall, error) {
	var out []*amur.FundCall
	err := s.store.FundRead(ctx, func(tx amur.FundTx) (err error) {
		out, err = amur.FundList[amur.FundCall](tx, amur.KindCall, amur.FundFilter{})
		return err
	})
	return out, err
}

// CreateHostOffer publishes a hosting offer of a mobility call: by the
// office of the host's side, or the coordinator of the host organisation.
func (s *Service) CreateHostOffer(ctx context.Context, h *amur.HostOffer) error {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return err
	}
	h.Normalize()
	if !w.office(h.Side) && !(w.p.Is(amur.RoleCoordinator) && w.p.OrgID == h.OrgID) {
		return forbidden("fund.err.host_forbidden")
	}
	h.Meta, h.OwnerID = amur.Meta{}, w.user()
	if err := h.Validate(); err != nil {
		return err
	}
	org, err := s.reg.Organization(ctx, h.OrgID)
	if err != nil {
		return amur.WithField(err, "org_id")
	}
	if org.Country != h.Side {
		return amur.Invalid("org_id", "fund.err.org_side", "side", h.Side)
	}
	return s.store.FundWrite(ctx, func(tx amur.FundTx) error {
		var c amur.FundCall
		if err := tx.Get(h.CallID, &c); err != nil {
			return amur.WithField(err, "call_id")
		}
		if c.Kind != amur.Mobility {
			return amur.Invalid("call_id", "fund.err.not_mobility")
		}
		return tx.Create(h)
	})
}

// HostOffers lists the hosting offers of a call; they are public.
func (s *Service) HostOffers(ctx context.Context, callID string) ([]*amur.HostOffer, error) {
	var out []*amur.HostOffer
	err := s.store.FundRead(ctx, func(tx amur.FundTx) (err error) {
		out, err = amur.FundList[amur.HostOffer](tx, amur.KindHostOffer, amur.FundFilter{CallID: callID})
		return err
	})
	return out, err
}
