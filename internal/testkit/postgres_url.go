package testkit

import (
	"os"
	"testing"
)

// PostgresURL returns the URL of a fresh, empty schema of the PostgreSQL
// server named by AMUR_TEST_POSTGRES, dropped when the test ends, for
// tests that open the database several times (several server processes).
// It skips the test when the variable is unset.
func PostgresURL(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		tb.Skip(PostgresEnv + " is not set")
	}
	return newSchema(tb, base)
}
