// Command amur runs the Amur platform: the program registry, its JSON API
// and web interface, and the tools that load, import, export and report the
// program's data.
//
// Every command that touches data takes --db DSN: a PostgreSQL URL
// (postgres://…) or a SQLite file path; the default is AMUR_DB or ./amur.db.
// Exit codes: 0 success, 1 failure, 2 usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	_ "time/tzdata" // event zones must resolve on machines without a zone database

	"amur"
	"amur/i18n"
	"amur/sqlstore"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// errUsage marks an error in the command line itself.
var errUsage = errors.New("usage error")

// Main holds what every command shares: the streams, the environment and
// the language of messages. The binary and the end-to-end tests both run
// commands through it, so tests exercise exactly what users run.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Getenv reads the environment; tests replace it.
	Getenv func(string) string
	// Lang is the language of messages, from AMUR_LANG or LANG.
	Lang amur.Lang
	// Ready, when set, is called by serve with the address it listens on.
	Ready func(addr string)
	// Logger receives structured logs.
	Logger *slog.Logger
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(m *Main, ctx context.Context, args []string) error
}

// commands lists the subcommands in the order help shows them.
var commands = []command{
	{"serve", "serve the JSON API (and web interface) over HTTP", (*Main).serve},
	{"demo", "load the demo program (the China–Russia Years 2020–2021)", (*Main).demo},
	{"import", "import records from CSV, JSON or JSONL, all or nothing", (*Main).importCmd},
	{"export", "export records as CSV, JSON or JSONL", (*Main).export},
	{"ingest", "read press pages into dated timeline events for review", (*Main).ingest},
	{"stats", "print the program's figures", (*Main).stats},
	{"audit", "print the audit log: who changed what, when and from where", (*Main).audit},
	{"migrate", "bring the database schema up to date", (*Main).migrate},
	{"user", "manage accounts: add, passwd, reset-token, list", (*Main).user},
	{"token", "create API tokens for scripts", (*Main).token},
	{"eval", "measure cross-lingual matching on a parallel TSV file", (*Main).evalCmd},
	{"match", "rank offers for a request, requests for an offer, or partners by expertise", (*Main).matchCmd},
	{"identity", "find, merge and unmerge people and organisations recorded twice", (*Main).identityCmd},
	{"backup", "write a consistent copy of the database to a file, while it is in use", (*Main).backup},
	{"restore", "replace the database with a backup, after checking it", (*Main).restore},
	{"broker", "schedule brokerage meetings: bench, schedule", (*Main).broker},
	{"fund", "run the joint fund: calls, review assignment, funding lists, benchmarks", (*Main).fund},
	{"search", "search the registry, offers and requests in Chinese, Russian or English", (*Main).searchCmd},
	{"reindex", "rebuild and verify the search index", (*Main).reindex},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	os.Exit(m.Run(ctx, os.Args[1:]))
}

// NewMain returns a Main wired to the process's streams and environment.
func NewMain() *Main {
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	m.Lang = langFromEnv(m.Getenv)
	m.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	return m
}

// langFromEnv picks the message language from AMUR_LANG, then LANG
// (ru_RU.UTF-8 → ru), defaulting to English.
func langFromEnv(getenv func(string) string) amur.Lang {
	for _, v := range []string{getenv("AMUR_LANG"), getenv("LANG")} {
		v, _, _ = strings.Cut(v, ".")
		if l, ok := i18n.Parse(strings.ReplaceAll(v, "_", "-")); ok {
			return l
		}
	}
	return amur.EN
}

// Run executes the command line args and returns the exit code.
func (m *Main) Run(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		m.usage(m.Stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		// Commands run by an operator on the server are the system itself;
		// the audit log records them as coming from the command line.
		cctx := amur.WithActor(ctx, &amur.Actor{Via: "cli", Addr: "local"})
		err := c.run(m, cctx, args[1:])
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.Is(err, errUsage):
			return exitUsage
		}
		fmt.Fprintln(m.Stderr, "amur "+c.name+": "+i18n.Message(m.Lang, err))
		if amur.ErrorCode(err) == amur.EInternal {
			m.Logger.Error("command failed", "command", c.name, "err", err)
		}
		return exitFailure
	}
	fmt.Fprintf(m.Stderr, "amur: unknown command %q\n\n", args[0])
	m.usage(m.Stderr)
	return exitUsage
}

// usage prints the list of commands.
func (m *Main) usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: amur COMMAND [options]")
	fmt.Fprintln(w, "\nAmur runs a science-and-technology cooperation program: its registry, API and reports.")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'amur COMMAND --help' for a command's options.")
}

// flags returns a flag set for a command whose usage line is synopsis.
// Errors in the flags themselves are reported to Stderr and become exit 2.
func (m *Main) flags(name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet("amur "+name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: amur %s %s\n\n%s\n\nOptions:\n", name, synopsis, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args into fs, turning a help request into flag.ErrHelp
// (printed to Stdout, exit 0) and any other flag error into errUsage.
func (m *Main) parse(fs *flag.FlagSet, args []string) error {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(m.Stdout)
			fs.Usage()
			return flag.ErrHelp
		}
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	return nil
}

// parseNoArgs parses flags and refuses positional arguments.
func (m *Main) parseNoArgs(fs *flag.FlagSet, args []string) error {
	if err := m.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return m.usageErr(fs, "%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	return nil
}

// usageErr prints a usage problem and the command's usage, returning errUsage.
func (m *Main) usageErr(fs *flag.FlagSet, format string, args ...any) error {
	fmt.Fprintf(m.Stderr, format+"\n\n", args...)
	fs.Usage()
	return errUsage
}

// dbFlag adds the --db flag shared by every command that touches data.
func (m *Main) dbFlag(fs *flag.FlagSet) *string {
	def := m.Getenv("AMUR_DB")
	if def == "" {
		def = "amur.db"
	}
	return fs.String("db", def, "database: a PostgreSQL URL (postgres://…) or a SQLite file path (env AMUR_DB)")
}

// open opens and migrates the database named by dsn.
func (m *Main) open(ctx context.Context, dsn string) (*sqlstore.DB, error) {
	db, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// migrate brings the schema up to date.
func (m *Main) migrate(ctx context.Context, args []string) error {
	fs := m.flags("migrate", "[--db DSN]", "Applies the embedded schema migrations that the database lacks.")
	dsn := m.dbFlag(fs)
	if err := m.parse(fs, args); err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintln(m.Stdout, "the database schema is up to date")
	return nil
}
