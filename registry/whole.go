package registry

import (
	"context"

	"amur"
)

// Count returns the number of records of kind k the principal may see:
// activities are counted within the principal's scope of drafts.
func (s *Store) Count(ctx context.Context, k amur.Kind) (int, error) {
	if n, ok, err := s.countOffers(ctx, k); ok {
		return n, err
	}
	scope, org := DraftScope(principal(ctx))
	if k != amur.KindActivity || scope == amur.AllDrafts {
		return s.next.Count(ctx, k)
	}
	st, err := s.next.Stats(ctx, amur.ActivityFilter{Drafts: scope, DraftOrg: org})
	if err != nil {
		return 0, err
	}
	return st.Activities, nil
}

// Each calls fn for every record of kind k the principal may see, people
// without contact data unless the principal may see it, so that an export
// served over HTTP reveals no more than the API.
func (s *Store) Each(ctx context.Context, k amur.Kind, fn func(amur.Record) error) error {
	p := principal(ctx)
	return s.next.Each(ctx, k, func(r amur.Record) error {
		if !CanRead(p, r) {
			return nil
		}
		if person, ok := r.(*amur.Person); ok {
			r = s.private(ctx, person)
		}
		return fn(Redact(p, r))
	})
}

// Missing returns those of ids that name no record of kind k the
// principal may see: a hidden draft is missing, as it is to Activity.
func (s *Store) Missing(ctx context.Context, k amur.Kind, ids []string) ([]string, error) {
	missing, err := s.next.Missing(ctx, k, ids)
	if err != nil {
		return nil, err
	}
	if scope, _ := DraftScope(principal(ctx)); k != amur.KindActivity || scope == amur.AllDrafts {
		return missing, nil
	}
	gone := make(map[string]bool, len(missing))
	for _, id := range missing {
		gone[id] = true
	}
	out := make([]string, 0, len(missing))
	for _, id := range ids {
		if !gone[id] {
			if _, err := s.Activity(ctx, id); amur.ErrorCode(err) == amur.ENotFound {
				gone[id] = true
			} else if err != nil {
				return nil, err
			}
		}
		if gone[id] {
			out = append(out, id)
		}
	}
	return out, nil
}

// Bulk runs fn in one transaction, deciding each record it puts as a
// creation by the principal: an import over HTTP may store only what the
// principal could create one by one, and a coordinator's activities are
// drafts.
func (s *Store) Bulk(ctx context.Context, fn func(amur.BulkWriter) error) error {
	p := principal(ctx)
	return s.next.Bulk(ctx, func(w amur.BulkWriter) error {
		return fn(bulkWriter{p: p, next: w})
	})
}

// bulkWriter decides each record before putting it.
type bulkWriter struct {
	p    *amur.Principal
	next amur.BulkWriter
}

// Put stores r if the principal may create it.
func (w bulkWriter) Put(r amur.Record) error {
	if err := decideCreate(w.p, r); err != nil {
		return err
	}
	return w.next.Put(r)
}

// Changes returns outbox changes to admins only: the feed names every
// record that changed, drafts included.
func (s *Store) Changes(ctx context.Context, after int64, limit int) ([]amur.Change, error) {
	if p := principal(ctx); !p.Is(amur.RoleAdmin) {
		return nil, refuse(p, "err.forbidden")
	}
	return s.next.Changes(ctx, after, limit)
}

// Audit lists audit entries to those who may read the log (SeesAudit).
func (s *Store) Audit(ctx context.Context, f amur.AuditFilter) (*amur.List[*amur.AuditEntry], error) {
	if p := principal(ctx); !SeesAudit(p) {
		return nil, refuse(p, "err.forbidden_audit")
	}
	return s.next.Audit(ctx, f)
}

// refuse returns the refusal of p: EUnauthorized for the anonymous
// public, who may succeed after signing in, else EForbidden with key.
func refuse(p *amur.Principal, key string) error {
	if p == nil {
		return amur.Errorf(amur.EUnauthorized, "err.unauthorized")
	}
	return amur.Errorf(amur.EForbidden, key)
}

// Close closes the underlying store.
func (s *Store) Close() error { return s.next.Close() }
