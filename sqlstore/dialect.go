package sqlstore

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/pressly/goose/v3"
)

// dialect holds what differs between SQLite and PostgreSQL.
type dialect interface {
	// name is the dialect's name and the folder of its migrations.
	name() string
	gooseDialect() goose.Dialect
	migrateOptions() []goose.ProviderOption
	// rebind rewrites ? placeholders into the dialect's form.
	rebind(query string) string
	// unindexed returns col in a form whose condition the planner will not
	// answer from an index.
	unindexed(col string) string
	// contains returns a condition true when the text s holds the text
	// sub, both SQL expressions, compared byte for byte.
	contains(s, sub string) string
	// readOptions are the options of read transactions.
	readOptions() *sql.TxOptions
	// violation classifies a driver error as a constraint violation.
	violation(err error) violation
	// lockOutbox is called in a write transaction right before its outbox
	// rows are inserted; it makes outbox sequence numbers commit in order.
	lockOutbox(ctx context.Context, tx *sql.Tx) error
	// bulk returns the bulk writer of the dialect.
	bulk(ctx context.Context, db *DB) (bulkTx, error)
	// analyze refreshes the planner's statistics of tables after a bulk
	// changed their size a lot.
	analyze(ctx context.Context, db *DB, tables []string) error
}

// violation is the kind of constraint a statement violated.
type violation struct {
	kind vkind
	// primary tells that a unique violation is of the primary key.
	primary bool
}

// vkind classifies constraint violations.
type vkind int

// The constraint violations the store tells apart.
const (
	vNone vkind = iota
	vUnique
	vForeignKey
)

// rebindDollar rewrites ? placeholders as $1, $2, ... for PostgreSQL. The
// store's SQL never has ? inside string literals, so no parsing is needed.
func rebindDollar(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}
