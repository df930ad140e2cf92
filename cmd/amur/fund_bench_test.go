package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFundBench(t *testing.T) {
	m, out, errb := newTestMain(t, nil)
	lp := filepath.Join(t.TempDir(), "a.lp")
	code := m.Run(context.Background(), []string{"fund", "bench", "--proposals", "60", "--reviewers", "30",
		"--k", "2", "--seed", "3", "--json", "--write-lp", lp})
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep fundBenchReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if rep.Certificate != "ok" || rep.Assigned != 120 || rep.Weight < rep.GreedyWeight {
		t.Errorf("report %+v", rep)
	}
	b, err := os.ReadFile(lp)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Maximize\n", "Subject To\n", " p59:", " = 2\n", "Bounds\n", "End\n"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("LP file lacks %q", want)
		}
	}
}

func TestFundBenchUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"fund", "bench", "--help"}, exitOK},
		{[]string{"fund", "bench", "--k", "0"}, exitUsage},
		{[]string{"fund", "bench", "extra"}, exitUsage},
	}
	for _, tt := range tests {
		m, _, _ := newTestMain(t, nil)
		if code := m.Run(context.Background(), tt.args); code != tt.code {
			t.Errorf("%v: exit %d, want %d", tt.args, code, tt.code)
		}
	}
}

func TestFundBenchSelect(t *testing.T) {
	m, out, errb := newTestMain(t, nil)
	code := m.Run(context.Background(), []string{"fund", "bench", "--select", "--proposals", "150", "--quotas", "--json"})
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep selectReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if rep.Proposals != 150 || rep.Quotas != 4 || rep.Score < rep.GreedyScore || rep.Bound < rep.Score {
		t.Errorf("report %+v", rep)
	}
}

func TestFundBenchInfeasible(t *testing.T) {
	m, out, errb := newTestMain(t, nil)
	code := m.Run(context.Background(), []string{"fund", "bench", "--proposals", "60", "--reviewers", "30", "--load", "0.4"})
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "certificate=infeasible") || !strings.Contains(out.String(), " short=") {
		t.Errorf("output %q", out.String())
	}
}
