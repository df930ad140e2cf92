// Command load measures a running Amur server on this machine: it sends
// filtered activity lists (and, with -workload mix, PATCHes) from many
// concurrent connections for a bounded time and prints throughput and
// latency percentiles. Each run first measures GET /healthz, which does no
// database work, as the ceiling of the HTTP layer on the same machine, and
// quotes the list's throughput as a ratio of it.
//
//	go run ./internal/loadtest/cmd/load -base http://127.0.0.1:8080 -conns 64 -duration 30s
//
// It talks only to loopback addresses and stops after -duration or
// -requests, whichever comes first.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strings"
	"time"

	"amur/internal/loadtest"
)

func main() {
	base := flag.String("base", "http://127.0.0.1:8080", "the server's URL (loopback only)")
	conns := flag.Int("conns", 64, "concurrent connections")
	duration := flag.Duration("duration", 30*time.Second, "how long each workload runs")
	warmup := flag.Duration("warmup", 3*time.Second, "unmeasured run before each workload")
	requests := flag.Int64("requests", 0, "stop a workload after this many requests (0: no limit but the duration)")
	workload := flag.String("workload", "list", "list (varied filtered GET /api/v1/activities), typical (the storage benchmark's query) or mix (lists and PATCHes)")
	writeShare := flag.Float64("write-share", 0.1, "share of updates in the mix workload")
	token := flag.String("token", os.Getenv("AMUR_TOKEN"), "bearer token for writes (env AMUR_TOKEN)")
	seed := flag.Uint64("seed", 1, "seed of the request sequence")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *base, *workload, *writeShare, *token, loadtest.Config{
		Base: *base, Conns: *conns, Duration: *duration, Warmup: *warmup, Requests: *requests, Seed: *seed,
	}); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

// run measures /healthz and then the chosen workload, printing both.
func run(ctx context.Context, base, workload string, writeShare float64, token string, cfg loadtest.Config) error {
	if err := loadtest.CheckLoopback(base); err != nil {
		return err
	}
	fields, ids, err := loadtest.Discover(ctx, base, 2000)
	if err != nil {
		return err
	}
	space := loadtest.DefaultSpace(fields)
	var w loadtest.Workload
	switch workload {
	case "list":
		w = loadtest.List(space)
	case "typical":
		w = loadtest.List(loadtest.TypicalSpace())
	case "mix":
		w = loadtest.Mix(space, ids, writeShare)
		if token != "" {
			cfg.Header = http.Header{"Authorization": {"Bearer " + token}}
		}
	default:
		return fmt.Errorf("unknown workload %q", workload)
	}
	fmt.Printf("%s, %d connections, %v each after %v of warm-up, %d fields and %d activity ids discovered\n\n",
		base, cfg.Conns, cfg.Duration, cfg.Warmup, len(fields), len(ids))
	hcfg := cfg
	hcfg.Workload = loadtest.Healthz()
	health, err := loadtest.Run(ctx, hcfg)
	if err != nil {
		return err
	}
	cfg.Workload = w
	rep, err := loadtest.Run(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Printf("%-8s %10s %10s %9s %9s %9s %9s  %s\n", "request", "count", "per s", "p50", "p90", "p99", "max", "answers")
	for _, r := range []*loadtest.Report{health, rep} {
		for _, st := range r.Labels {
			fmt.Printf("%-8s %10d %10.0f %9s %9s %9s %9s  %s\n", st.Label, st.Requests, st.PerSecond,
				ms(st.P50), ms(st.P90), ms(st.P99), ms(st.Max), statuses(st))
		}
	}
	fmt.Printf("\n%s: %.0f requests/s in all = %.2f × the /healthz ceiling (%.0f/s)\n",
		workload, rep.PerSecond, rep.PerSecond/health.PerSecond, health.PerSecond)
	return nil
}

// ms formats a latency in milliseconds.
func ms(d time.Duration) string {
	return fmt.Sprintf("%.2fms", float64(d.Microseconds())/1000)
}

// statuses lists the answers by status, and requests that got none.
func statuses(st loadtest.Stats) string {
	codes := make([]int, 0, len(st.Status))
	for c := range st.Status {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	var parts []string
	for _, c := range codes {
		parts = append(parts, fmt.Sprintf("%d×%d", c, st.Status[c]))
	}
	if st.Errors > 0 {
		parts = append(parts, fmt.Sprintf("no answer×%d", st.Errors))
	}
	return strings.Join(parts, " ")
}
