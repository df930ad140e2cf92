package sqlstore

import "context"

// WithAfterAudit returns ctx carrying fn, which every audit write then runs
// right after its row, inside the change's transaction. It lets the
// external tests fail a transaction after its audit row.
func WithAfterAudit(ctx context.Context, fn func() error) context.Context {
	return context.WithValue(ctx, afterAuditKey{}, fn)
}
