package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"amur/events"
	"amur/events/broker"
)

// broker runs the brokerage scheduler: bench on a generated instance, or
// schedule the accepted requests of an event.
func (m *Main) broker(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(m.Stdout, "Usage: amur broker bench|schedule [options]\n\n"+
			"  bench     schedule a generated instance and compare with first fit and the upper bound\n"+
			"  schedule  schedule the accepted meeting requests of a brokerage event\n\n"+
			"Run 'amur broker SUBCOMMAND --help' for its options.")
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	switch args[0] {
	case "bench":
		return m.brokerBench(ctx, args[1:])
	case "schedule":
		return m.brokerSchedule(ctx, args[1:])
	}
	fmt.Fprintf(m.Stderr, "amur broker: unknown subcommand %q\n", args[0])
	return errUsage
}

// benchReport is what broker bench prints with --json.
type benchReport struct {
	Participants int     `json:"participants"`
	Requests     int     `json:"requests"`
	Interpreted  int     `json:"requests_needing_interpreter"`
	Slots        int     `json:"slots"`
	Tables       int     `json:"tables"`
	Interpreters int     `json:"interpreters"`
	Seed         uint64  `json:"seed"`
	Scheduled    int64   `json:"scheduled"`
	Meetings     int     `json:"meetings"`
	Bound        int64   `json:"bound"`
	BoundKind    string  `json:"bound_kind"`
	SeatsBound   int64   `json:"seats_bound"`
	Ratio        float64 `json:"ratio"`
	Seconds      float64 `json:"seconds"`
	Greedy       int64   `json:"greedy"`
	GreedyRatio  float64 `json:"greedy_ratio"`
}

// brokerBench generates an instance, schedules it with Solve and with the
// first-fit baseline, verifies both and prints the figures.
func (m *Main) brokerBench(ctx context.Context, args []string) error {
	fs := m.flags("broker bench", "[--participants N] [--requests R] [--slots S] [--tables T] [--interpreters I] [--seed N] [--json] [--write-lp FILE]",
		"Generates a brokerage instance (about a third of requests need an interpreter),\nschedules it, checks the schedule and prints its weight, the upper bound, their\nratio, the time taken and the weight of a first-fit schedule of the same instance.")
	np := fs.Int("participants", 2000, "participants")
	nr := fs.Int("requests", 20000, "accepted meeting requests")
	ns := fs.Int("slots", 16, "time slots (at most 64)")
	nt := fs.Int("tables", 200, "tables per slot")
	ni := fs.Int("interpreters", 10, "interpreters per slot")
	seed := fs.Uint64("seed", 1, "random seed")
	asJSON := fs.Bool("json", false, "print JSON")
	lpFile := fs.String("write-lp", "", "also write the instance as an integer program in CPLEX LP format to FILE")
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *np < 2 || *nr < 0 || *ns < 1 || *ns > broker.MaxSlots || *nt < 0 || *ni < 0 {
		return m.usageErr(fs, "broker bench: need at least 2 participants, 1 to %d slots and no negative counts", broker.MaxSlots)
	}
	in := broker.Random(*np, *nr, *ns, *nt, *ni, *seed)
	if *lpFile != "" {
		if err := writeLPFile(*lpFile, in); err != nil {
			return err
		}
	}
	start := time.Now()
	res, err := broker.Solve(ctx, in, broker.Options{})
	if err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	ff, err := broker.FirstFit(in)
	if err != nil {
		return err
	}
	for _, r := range []*broker.Result{res, ff} {
		if w, err := in.Check(r.Placements); err != nil || w != r.Weight {
			return fmt.Errorf("broker bench: schedule check failed (weight %d vs %d): %v", w, r.Weight, err)
		}
	}
	rep := benchReport{Participants: len(in.Participants), Requests: len(in.Requests), Slots: *ns, Tables: *nt,
		Interpreters: *ni, Seed: *seed, Scheduled: res.Weight, Meetings: res.Meetings, Bound: res.Bound,
		BoundKind: res.BoundKind, SeatsBound: broker.Bound(in, 0).Seats, Ratio: res.Ratio, Seconds: secs,
		Greedy: ff.Weight, GreedyRatio: float64(ff.Weight) / float64(max(res.Bound, 1))}
	for i := range in.Requests {
		if in.NeedsInterpreter(i) {
			rep.Interpreted++
		}
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	fmt.Fprintf(m.Stdout, "scheduled=%d meetings=%d bound=%d bound_kind=%s seats_bound=%d ratio=%.4f seconds=%.3f greedy=%d greedy_ratio=%.4f\n",
		rep.Scheduled, rep.Meetings, rep.Bound, rep.BoundKind, rep.SeatsBound, rep.Ratio, rep.Seconds, rep.Greedy, rep.GreedyRatio)
	return nil
}

// writeLPFile writes in to path in CPLEX LP format.
func writeLPFile(path string, in *broker.Instance) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := broker.WriteLP(f, in); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// brokerSchedule schedules the accepted requests of an event and stores
// each meeting's slot and table, which the participants' agendas show.
func (m *Main) brokerSchedule(ctx context.Context, args []string) error {
	fs := m.flags("broker schedule", "--event ID [--json] [--db DSN]",
		"Places the accepted meeting requests of a brokerage event into its slots and\ntables, stores the agenda and prints the weight, the upper bound and their ratio.")
	id := fs.String("event", "", "the event's id")
	asJSON := fs.Bool("json", false, "print JSON")
	dsn := m.dbFlag(fs)
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *id == "" {
		return m.usageErr(fs, "broker schedule: --event is required")
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := events.New(db).Schedule(ctx, *id)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	fmt.Fprintf(m.Stdout, "accepted=%d scheduled=%d weight=%d bound=%d bound_kind=%s ratio=%.4f greedy=%d\n",
		res.Accepted, res.Scheduled, res.Weight, res.Bound, res.BoundKind, res.Ratio, res.Greedy)
	return nil
}
