package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"amur"
	"amur/auth"
	"amur/sqlstore"
)

// userCommands are the subcommands of "amur user".
var userCommands = []command{
	{"add", "create an account", (*Main).userAdd},
	{"passwd", "set an account's password and end its sessions", (*Main).userPasswd},
	{"reset-token", "issue a one-time link with which the account sets a new password", (*Main).userResetToken},
	{"list", "list the accounts", (*Main).userList},
}

// user runs "amur user SUBCOMMAND". Whoever can run it holds the database,
// so it acts as the system and may manage every account.
func (m *Main) user(ctx context.Context, args []string) error {
	return m.subcommand(ctx, "user", userCommands, args)
}

// subcommand runs one of subs named by args[0]; a missing or unknown name
// prints the list and is a usage error.
func (m *Main) subcommand(ctx context.Context, name string, subs []command, args []string) error {
	usage := func(w io.Writer) {
		fmt.Fprintf(w, "Usage: amur %s SUBCOMMAND [options]\n\nSubcommands:\n", name)
		for _, c := range subs {
			fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
		}
		fmt.Fprintf(w, "\nRun 'amur %s SUBCOMMAND --help' for its options.\n", name)
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) == 0 {
			usage(m.Stderr)
			return errUsage
		}
		usage(m.Stdout)
		return flag.ErrHelp
	}
	for _, c := range subs {
		if c.name == args[0] {
			return c.run(m, auth.System(ctx), args[1:])
		}
	}
	fmt.Fprintf(m.Stderr, "amur %s: unknown subcommand %q\n\n", name, args[0])
	usage(m.Stderr)
	return errUsage
}

// userAdd creates an account.
func (m *Main) userAdd(ctx context.Context, args []string) error {
	fs := m.flags("user add", "--email E --role R [--side CN|RU] [--org ID] [--name N] [--password-file F] [--db DSN]",
		"Creates an account. The password comes from --password-file (its first line; - reads\n"+
			"standard input), is typed twice without echo on a terminal, or else is generated\n"+
			"and printed once. Roles: "+roleNames()+".")
	email := fs.String("email", "", "the account's e-mail address (required)")
	role := fs.String("role", "", "the account's role (required): "+roleNames())
	side := fs.String("side", "", "the country of an office (required for role office): CN, RU, …")
	org := fs.String("org", "", "the id of the organisation a coordinator speaks for (required for role coordinator)")
	name := fs.String("name", "", "the account holder's name")
	pwFile := fs.String("password-file", "", "read the password from the first line of this file (- for standard input)")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *email == "" || *role == "" {
		return m.usageErr(fs, "amur user add: --email and --role are required")
	}
	u := &amur.User{Email: *email, Role: amur.UserRole(*role), Side: *side, OrgID: *org, Name: *name}
	u.Normalize()
	if err := u.Validate(); err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	pw, generated, err := m.newPassword(*pwFile, u.Email)
	if err != nil {
		return err
	}
	if err := auth.New(db, auth.Options{}).AddUser(ctx, u, pw); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "added %s (%s), id %s\n", u.Email, u.Role, u.ID)
	m.printGenerated(pw, generated)
	return nil
}

// userPasswd sets an account's password.
func (m *Main) userPasswd(ctx context.Context, args []string) error {
	fs := m.flags("user passwd", "--email E [--password-file F] [--db DSN]",
		"Sets the password of an account and ends all its sessions. The password comes\n"+
			"from --password-file, is typed twice on a terminal, or is generated and printed once.")
	email := fs.String("email", "", "the account's e-mail address (required)")
	pwFile := fs.String("password-file", "", "read the password from the first line of this file (- for standard input)")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	db, u, err := m.openUser(ctx, fs, *dsn, *email)
	if err != nil {
		return err
	}
	defer db.Close()
	pw, generated, err := m.newPassword(*pwFile, u.Email)
	if err != nil {
		return err
	}
	if err := auth.New(db, auth.Options{}).SetPassword(ctx, u.ID, pw); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "set the password of %s; its sessions have ended\n", u.Email)
	m.printGenerated(pw, generated)
	return nil
}

// userResetToken issues a one-time password-reset token.
func (m *Main) userResetToken(ctx context.Context, args []string) error {
	fs := m.flags("user reset-token", "--email E [--url BASE] [--db DSN]",
		"Issues a one-time token with which the account sets a new password, valid for\n"+
			"24 hours, and prints it with the link to the reset page. Send the link to the\n"+
			"account holder over a channel you trust; it is not shown again.")
	email := fs.String("email", "", "the account's e-mail address (required)")
	base := fs.String("url", "http://127.0.0.1:8080", "the address users reach Amur at, for the link")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	db, u, err := m.openUser(ctx, fs, *dsn, *email)
	if err != nil {
		return err
	}
	defer db.Close()
	token, expires, err := auth.New(db, auth.Options{}).IssueResetToken(ctx, u.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "reset link for %s, usable once until %s:\n\n    %s/password/reset?token=%s\n\ntoken: %s\n",
		u.Email, expires.UTC().Format("2006-01-02 15:04 MST"), strings.TrimRight(*base, "/"), token, token)
	return nil
}

// userList prints every account.
func (m *Main) userList(ctx context.Context, args []string) error {
	fs := m.flags("user list", "[--db DSN]", "Lists the accounts: e-mail address, role, side, organisation, state and creation time.")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	users, err := auth.New(db, auth.Options{}).Users(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "EMAIL\tROLE\tSIDE\tORGANISATION\tSTATE\tCREATED")
	for _, u := range users {
		state := "active"
		if u.Disabled {
			state = "disabled"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", u.Email, u.Role, dash(u.Side), dash(u.OrgID), state, u.CreatedAt.Format(time.DateOnly))
	}
	return tw.Flush()
}

// dash shows an empty value as "-".
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// roleNames lists the roles for help texts.
func roleNames() string {
	names := make([]string, len(amur.UserRoles))
	for i, r := range amur.UserRoles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// openUser requires --email, opens the database and finds the account.
func (m *Main) openUser(ctx context.Context, fs *flag.FlagSet, dsn, email string) (*sqlstore.DB, *amur.User, error) {
	if email == "" {
		return nil, nil, m.usageErr(fs, "%s: --email is required", fs.Name())
	}
	db, err := m.open(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	u, err := db.UserByEmail(ctx, email)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, u, nil
}

// newPassword returns the password for the account email: the first line
// of file ("-": standard input), or typed twice without echo when standard
// input is a terminal, or else a generated one, which generated reports so
// that it can be printed once.
func (m *Main) newPassword(file, email string) (pw string, generated bool, err error) {
	switch {
	case file != "":
		pw, err = m.readPasswordFile(file)
	case m.terminal():
		pw, err = m.promptPassword()
	default:
		return rand.Text(), true, nil
	}
	if err != nil {
		return "", false, err
	}
	return pw, false, auth.CheckPassword("password", pw, email)
}

// readPasswordFile returns the first line of file, without its line end.
func (m *Main) readPasswordFile(file string) (string, error) {
	var r io.Reader = m.Stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return "", amur.Invalid("password-file", "err.file_missing", "value", file)
		}
		defer f.Close()
		r = f
	}
	line, err := bufio.NewReaderSize(io.LimitReader(r, auth.MaxPasswordBytes+2), auth.MaxPasswordBytes+2).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", &amur.Error{Code: amur.EInvalid, Key: "err.body_read", Field: "password-file", Err: err}
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// terminal reports whether standard input is a terminal one can type a
// password at.
func (m *Main) terminal() bool {
	f, ok := m.Stdin.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// promptPassword reads a password twice from the terminal without echo.
func (m *Main) promptPassword() (string, error) {
	fd := int(m.Stdin.(*os.File).Fd())
	var pw [2]string
	for i, prompt := range []string{"New password: ", "Repeat it: "} {
		fmt.Fprint(m.Stderr, prompt)
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(m.Stderr)
		if err != nil {
			return "", &amur.Error{Code: amur.EInvalid, Key: "err.body_read", Field: "password", Err: err}
		}
		pw[i] = string(b)
	}
	if pw[0] != pw[1] {
		return "", amur.Invalid("password", "err.password_mismatch")
	}
	return pw[0], nil
}

// printGenerated prints a generated password, which exists nowhere else.
func (m *Main) printGenerated(pw string, generated bool) {
	if generated {
		fmt.Fprintf(m.Stdout, "generated password (shown once; pass it on now):\n\n    %s\n\n", pw)
	}
}
