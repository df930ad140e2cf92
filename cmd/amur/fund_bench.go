package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"amur"
	"amur/fund/assign"
	"amur/fund/selection"
)

func init() {
	fundCommands = append(fundCommands, fundCommand{"bench",
		"measure reviewer assignment and funding selection on generated instances", (*Main).fundBench})
}

// fundBenchReport is what one run of `amur fund bench` measured.
type fundBenchReport struct {
	Proposals      int     `json:"proposals"`
	Reviewers      int     `json:"reviewers"`
	K              int     `json:"k"`
	Fair           bool    `json:"fair"`
	Conflicts      int     `json:"conflicts"`
	Assigned       int     `json:"assigned"`
	Short          int     `json:"short,omitempty"`
	Objective      float64 `json:"objective"`
	Weight         int64   `json:"weight"`
	MinProposal    int64   `json:"min_proposal"`
	Threshold      int64   `json:"threshold"`
	Rounds         int     `json:"rounds"`
	Edges          int     `json:"edges"`
	Seconds        float64 `json:"seconds"`
	CPUSeconds     float64 `json:"cpu_seconds"`
	CertifySeconds float64 `json:"certify_seconds"`
	Certificate    string  `json:"certificate"`
	GreedyAssigned int     `json:"greedy_assigned"`
	GreedyWeight   int64   `json:"greedy_weight"`
	GreedySeconds  float64 `json:"greedy_seconds"`
	PeakMB         float64 `json:"peak_mb"`
}

// fundBench runs `amur fund bench`: it generates an instance, solves it
// (the median of --runs solves is reported), checks the certificate and
// runs the greedy baseline on the same instance.
func (m *Main) fundBench(ctx context.Context, args []string) error {
	fs := m.flags("fund bench", "[--proposals N] [--reviewers M] [--k K] [--seed S] [--fair] [--runs N] [--json] [--write-lp FILE]\n"+
		"       amur fund bench --select [--proposals N] [--quotas] [--seed S] [--runs N] [--json]",
		"Generates a reviewer-assignment instance (topic-vector affinities, about 2% same-organisation\n"+
			"conflicts), solves it exactly, checks the optimality certificate over every pair and runs\n"+
			"the greedy baseline on it. Prints proposals=… reviewers=… k=… assigned=… objective=…\n"+
			"seconds=… certificate=ok and the peak memory. --write-lp writes the instance as a CPLEX LP\n"+
			"file for an outside solver (its optimum equals weight=…).\n\n"+
			"With --select it measures the funding selection instead: N recommended proposals (default\n"+
			"2000) under a yuan and a rouble budget, optionally with field quotas, against greedy by\n"+
			"score per relative cost.")
	P := fs.Int("proposals", 10000, "number of proposals")
	R := fs.Int("reviewers", 5000, "number of reviewers")
	K := fs.Int("k", 3, "reviewers per proposal")
	seed := fs.Uint64("seed", 1, "seed of the generated instance")
	fair := fs.Bool("fair", false, "first maximise the weakest assigned pair, then the total")
	runs := fs.Int("runs", 1, "solve this many times and report the median time")
	asJSON := fs.Bool("json", false, "print a JSON object instead of one line")
	lpFile := fs.String("write-lp", "", "also write the instance as a CPLEX LP file")
	loadF := fs.Float64("load", 1, "multiply the generated loads by this factor (below about 0.67 the instance becomes infeasible)")
	cands := fs.Int("candidates", 0, "best reviewers per proposal in the first sparse graph (0: 4×k; the reviewer count: the full graph)")
	sel := fs.Bool("select", false, "measure the funding selection instead of reviewer assignment")
	quotas := fs.Bool("quotas", false, "with --select: add minimum and maximum quotas per field")
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	if *sel {
		n := 2000
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "proposals" {
				n = *P
			}
		})
		if n <= 0 || *runs <= 0 {
			return m.usageErr(fs, "amur fund bench: --proposals and --runs must be positive")
		}
		return m.benchSelect(ctx, selection.Generate(n, *seed, *quotas), *runs, *asJSON)
	}
	if *P <= 0 || *R <= 0 || *K <= 0 || *runs <= 0 || *cands < 0 || !(*loadF >= 0) {
		return m.usageErr(fs, "amur fund bench: --proposals, --reviewers, --k and --runs must be positive, --candidates and --load not negative")
	}
	if int64(*P)*int64(*R) > assign.MaxPairs {
		return m.usageErr(fs, "amur fund bench: at most %d proposal–reviewer pairs", assign.MaxPairs)
	}
	in := assign.Generate(*P, *R, *K, *seed)
	in.Fair = *fair
	in.Candidates = *cands
	for r := range in.Load {
		in.Load[r] = int(float64(in.Load[r]) * *loadF)
	}
	rep, res, err := benchAssign(ctx, in, *runs)
	if err != nil {
		return err
	}
	if *lpFile != "" {
		if err := writeAssignLPFile(*lpFile, in, res.Threshold); err != nil {
			return err
		}
	}
	rep.PeakMB = peakMB()
	if rep.Short > 0 && !*asJSON {
		fmt.Fprintf(m.Stdout, "proposals=%d reviewers=%d k=%d conflicts=%d short=%d seconds=%.3f certificate=infeasible peak_mb=%.0f\n",
			rep.Proposals, rep.Reviewers, rep.K, rep.Conflicts, rep.Short, rep.Seconds, rep.PeakMB)
		return nil
	}
	return m.printAssignReport(rep, *asJSON)
}

// printAssignReport prints rep as one line of name=value pairs or as JSON.
func (m *Main) printAssignReport(rep *fundBenchReport, asJSON bool) error {
	if asJSON {
		return json.NewEncoder(m.Stdout).Encode(rep)
	}
	fmt.Fprintf(m.Stdout, "proposals=%d reviewers=%d k=%d fair=%v conflicts=%d assigned=%d objective=%.4f weight=%d "+
		"min_proposal=%d threshold=%d rounds=%d edges=%d seconds=%.3f cpu_seconds=%.3f certify_seconds=%.3f certificate=%s "+
		"greedy_assigned=%d greedy_weight=%d greedy_seconds=%.3f peak_mb=%.0f\n",
		rep.Proposals, rep.Reviewers, rep.K, rep.Fair, rep.Conflicts, rep.Assigned, rep.Objective, rep.Weight,
		rep.MinProposal, rep.Threshold, rep.Rounds, rep.Edges, rep.Seconds, rep.CPUSeconds, rep.CertifySeconds, rep.Certificate,
		rep.GreedyAssigned, rep.GreedyWeight, rep.GreedySeconds, rep.PeakMB)
	return nil
}

// benchAssign solves in runs times, certifies the last result and times the
// greedy baseline.
func benchAssign(ctx context.Context, in *assign.Instance, runs int) (*fundBenchReport, *assign.Result, error) {
	var res *assign.Result
	secs := make([]float64, runs)
	cpu0 := cpuSeconds()
	for i := range secs {
		start := time.Now()
		var err error
		res, err = assign.Solve(ctx, in)
		secs[i] = time.Since(start).Seconds()
		if e := amur.AsError(err); err != nil && e.Key == "fundopt.assign.infeasible" {
			// Explaining an infeasible instance is measured too.
			rep := &fundBenchReport{Proposals: in.Proposals, Reviewers: in.Reviewers, K: in.K, Fair: in.Fair,
				Conflicts: len(in.Conflicts), Short: e.Args["count"].(int), Seconds: secs[i], Certificate: "infeasible"}
			return rep, &assign.Result{}, nil
		} else if err != nil {
			return nil, nil, err
		}
	}
	cpu := (cpuSeconds() - cpu0) / float64(runs)
	slices.Sort(secs)
	rep := &fundBenchReport{Proposals: in.Proposals, Reviewers: in.Reviewers, K: in.K, Fair: in.Fair,
		CPUSeconds: cpu, Conflicts: len(in.Conflicts), Assigned: len(res.Pairs), Objective: res.Objective, Weight: res.Weight,
		MinProposal: res.MinProposal, Threshold: res.Threshold, Rounds: res.Rounds, Edges: res.Edges,
		Seconds: secs[runs/2], Certificate: "ok"}
	start := time.Now()
	if err := assign.Certify(in, res); err != nil {
		rep.Certificate = "failed: " + err.Error()
	}
	rep.CertifySeconds = time.Since(start).Seconds()
	start = time.Now()
	g, err := assign.Greedy(in)
	if err != nil {
		return nil, nil, err
	}
	rep.GreedySeconds = time.Since(start).Seconds()
	rep.GreedyAssigned, rep.GreedyWeight = len(g.Pairs), g.Weight
	return rep, res, nil
}

// selectReport is what one run of `amur fund bench --select` measured.
type selectReport struct {
	Proposals     int     `json:"proposals"`
	Quotas        int     `json:"quotas"`
	Funded        int     `json:"funded"`
	Score         float64 `json:"score"`
	Bound         float64 `json:"bound"`
	Gap           float64 `json:"gap"`
	Exact         bool    `json:"exact"`
	Method        string  `json:"method"`
	Nodes         int     `json:"nodes"`
	Seconds       float64 `json:"seconds"`
	CPUSeconds    float64 `json:"cpu_seconds"`
	GreedyFunded  int     `json:"greedy_funded"`
	GreedyScore   float64 `json:"greedy_score"`
	GreedySeconds float64 `json:"greedy_seconds"`
	PeakMB        float64 `json:"peak_mb"`
}

// benchSelect solves p runs times (reporting the median time) and runs the
// greedy baseline on it.
func (m *Main) benchSelect(ctx context.Context, p *selection.Problem, runs int, asJSON bool) error {
	var s *selection.Solution
	secs := make([]float64, runs)
	cpu0 := cpuSeconds()
	for i := range secs {
		start := time.Now()
		var err error
		if s, err = selection.Solve(ctx, p); err != nil {
			return err
		}
		secs[i] = time.Since(start).Seconds()
	}
	cpu := (cpuSeconds() - cpu0) / float64(runs)
	slices.Sort(secs)
	start := time.Now()
	g, err := selection.Greedy(p)
	if err != nil {
		return err
	}
	rep := selectReport{Proposals: len(p.Proposals), Quotas: len(p.Quotas), Funded: len(s.Selected),
		Score: s.Score, Bound: s.Bound, Gap: s.Gap, Exact: s.Exact, Method: s.Method, Nodes: s.Nodes,
		Seconds: secs[runs/2], CPUSeconds: cpu, GreedySeconds: time.Since(start).Seconds(), GreedyFunded: len(g.Selected),
		GreedyScore: g.Score, PeakMB: peakMB()}
	if asJSON {
		return json.NewEncoder(m.Stdout).Encode(rep)
	}
	fmt.Fprintf(m.Stdout, "proposals=%d quotas=%d funded=%d score=%.2f bound=%.2f gap=%.2e exact=%v method=%s nodes=%d "+
		"seconds=%.3f cpu_seconds=%.3f greedy_funded=%d greedy_score=%.2f greedy_seconds=%.4f peak_mb=%.0f\n",
		rep.Proposals, rep.Quotas, rep.Funded, rep.Score, rep.Bound, rep.Gap, rep.Exact, rep.Method, rep.Nodes,
		rep.Seconds, rep.CPUSeconds, rep.GreedyFunded, rep.GreedyScore, rep.GreedySeconds, rep.PeakMB)
	return nil
}

// writeAssignLPFile writes in as a CPLEX LP file at path.
func writeAssignLPFile(path string, in *assign.Instance, threshold int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := assign.WriteLP(w, in, threshold); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// cpuSeconds returns the processor time the process has used, user and
// system: on a shared machine it moves far less with the load than the
// wall time does.
func cpuSeconds() float64 {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return float64(u.Utime.Sec+u.Stime.Sec) + float64(u.Utime.Usec+u.Stime.Usec)/1e6
}

// peakMB returns the process's peak resident memory in megabytes (VmHWM),
// or 0 where /proc is not there.
func peakMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}
