package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBrokerBench(t *testing.T) {
	m, out, errb := newTestMain(t, nil)
	lp := filepath.Join(t.TempDir(), "b.lp")
	code := m.Run(context.Background(), []string{"broker", "bench", "--participants", "100", "--requests", "800",
		"--slots", "8", "--tables", "15", "--interpreters", "2", "--json", "--write-lp", lp})
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep benchReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Scheduled <= rep.Greedy || rep.Scheduled > rep.Bound || rep.Meetings > 8*15 || rep.Bound > rep.SeatsBound {
		t.Fatalf("report %+v", rep)
	}
	b, err := os.ReadFile(lp)
	if err != nil || !strings.HasPrefix(string(b), `\ brokerage schedule: 100 participants`) || !strings.HasSuffix(string(b), "End\n") {
		t.Fatalf("LP file: %v %.80q", err, b)
	}
}

func TestBrokerBenchUsage(t *testing.T) {
	for _, args := range [][]string{{"broker"}, {"broker", "nope"}, {"broker", "bench", "--slots", "65"}, {"broker", "bench", "x"}} {
		m, _, _ := newTestMain(t, nil)
		if code := m.Run(context.Background(), args); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
