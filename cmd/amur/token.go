package main

import (
	"context"
	"fmt"
	"time"

	"amur"
	"amur/auth"
)

// tokenCommands are the subcommands of "amur token".
var tokenCommands = []command{
	{"create", "create an API token for an account and print it once", (*Main).tokenCreate},
}

// token runs "amur token SUBCOMMAND".
func (m *Main) token(ctx context.Context, args []string) error {
	return m.subcommand(ctx, "token", tokenCommands, args)
}

// tokenCreate mints an API token for an account.
func (m *Main) tokenCreate(ctx context.Context, args []string) error {
	fs := m.flags("token create", "--email E --name N [--expires-in DURATION] [--db DSN]",
		"Creates an API token for the account, for scripts: send it as\n"+
			"Authorization: Bearer amur_…. It is printed once; the database keeps only its hash.")
	email := fs.String("email", "", "the account's e-mail address (required)")
	name := fs.String("name", "", "what the token is for, such as \"nightly export\" (required)")
	expiresIn := fs.Duration("expires-in", 0, "how long the token works, such as 720h; 0 means until revoked")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *email == "" || *name == "" {
		return m.usageErr(fs, "amur token create: --email and --name are required")
	}
	if *expiresIn < 0 {
		return amur.Invalid("expires-in", "err.negative")
	}
	db, u, err := m.openUser(ctx, fs, *dsn, *email)
	if err != nil {
		return err
	}
	defer db.Close()
	var expires time.Time
	if *expiresIn > 0 {
		expires = time.Now().Add(*expiresIn)
	}
	secret, t, err := auth.New(db, auth.Options{}).CreateToken(ctx, u.ID, *name, expires)
	if err != nil {
		return err
	}
	until := "until revoked"
	if !t.ExpiresAt.IsZero() {
		until = "until " + t.ExpiresAt.UTC().Format("2006-01-02 15:04 MST")
	}
	fmt.Fprintf(m.Stdout, "token %q for %s (id %s), valid %s; shown once:\n\n    %s\n\n", t.Name, u.Email, t.ID, until, secret)
	return nil
}
