package main

import (
	"context"
	"fmt"
	"io"
)

// fundCommand is one subcommand of `amur fund`.
type fundCommand struct {
	name    string
	summary string
	run     func(m *Main, ctx context.Context, args []string) error
}

// fundCommands lists the subcommands of `amur fund` in the order help shows
// them. Each takes the rest of the command line after its name, parses its
// own flags (with --help) and returns errUsage for a bad command line.
// Other files add theirs in init (bench: fund_bench.go).
var fundCommands = []fundCommand{
	{"calls", "list the fund's calls", (*Main).fundCalls},
	{"assign", "assign each side's reviewers to a call's eligible proposals", (*Main).fundAssign},
	{"select", "compute a call's funding list under both budgets, with a what-if", (*Main).fundSelect},
	{"decide", "record a call's funding decision at its budgets", (*Main).fundDecide},
	{"export", "write a decided call's funding list and letters as CSV or XLSX", (*Main).fundExport},
}

// fund dispatches `amur fund SUBCOMMAND`, the joint fund's calls, review
// assignment and benchmarks.
func (m *Main) fund(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w := m.Stdout
		if len(args) == 0 {
			w = m.Stderr
		}
		fundUsage(w)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	for _, c := range fundCommands {
		if c.name == args[0] {
			return c.run(m, ctx, args[1:])
		}
	}
	fmt.Fprintf(m.Stderr, "amur fund: unknown subcommand %q\n\n", args[0])
	fundUsage(m.Stderr)
	return errUsage
}

// fundUsage prints the subcommands of `amur fund`.
func fundUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: amur fund SUBCOMMAND [options]")
	fmt.Fprintln(w, "\nRuns the joint fund: its calls, proposals, mirrored review and funding.")
	fmt.Fprintln(w, "\nSubcommands:")
	for _, c := range fundCommands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'amur fund SUBCOMMAND --help' for a subcommand's options.")
}
