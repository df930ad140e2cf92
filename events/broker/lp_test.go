package broker

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestWriteLPGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteLP(&b, tiny()); err != nil {
		t.Fatal(err)
	}
	want := `\ brokerage schedule: 3 participants, 3 requests, 2 slots, 1 tables, 1 interpreters
Maximize
 obj: + 1 x_0_1 + 3 x_1_1 + 2 x_2_0 + 2 x_2_1
Subject To
 m_0: + x_0_1 <= 1
 m_1: + x_1_1 <= 1
 m_2: + x_2_0 + x_2_1 <= 1
 p_0_1: + x_1_1 + x_2_1 <= 1
 p_1_1: + x_0_1 + x_1_1 <= 1
 p_2_1: + x_0_1 + x_2_1 <= 1
 t_0: + x_2_0 <= 1
 t_1: + x_0_1 + x_1_1 + x_2_1 <= 1
 i_1: + x_1_1 <= 1
Binary
 x_0_1 x_1_1 x_2_0 x_2_1
End
`
	if got := b.String(); got != want {
		t.Fatalf("LP:\n%s\nwant:\n%s", got, want)
	}
}

// TestOutsideSolver solves a small generated instance exactly with cbc or
// glpsol and checks that the exact optimum lies between our schedule and
// our bound. It runs only with AMUR_GLPSOL=1 and a solver installed.
func TestOutsideSolver(t *testing.T) {
	if os.Getenv("AMUR_GLPSOL") != "1" {
		t.Skip("set AMUR_GLPSOL=1 to compare with glpsol/cbc")
	}
	in := Random(60, 600, 6, 12, 2, 3)
	res, err := Solve(context.Background(), in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	opt, solver := solveOutside(t, in)
	t.Logf("%s optimum=%d ours=%d bound=%d (%s) first-fit=%d", solver, opt, res.Weight, res.Bound, res.BoundKind, mustFirstFit(in).Weight)
	if opt < res.Weight || opt > res.Bound {
		t.Fatalf("optimum %d outside [ours %d, bound %d]", opt, res.Weight, res.Bound)
	}
	if float64(res.Weight) < 0.97*float64(opt) {
		t.Fatalf("ours %d below 97%% of the optimum %d", res.Weight, opt)
	}
}

func mustFirstFit(in *Instance) *Result {
	r, _ := FirstFit(in)
	return r
}

// solveOutside writes in as LP and returns the optimum found by cbc, or by
// glpsol when cbc is missing.
func solveOutside(t *testing.T, in *Instance) (int64, string) {
	t.Helper()
	dir := t.TempDir()
	lp := filepath.Join(dir, "broker.lp")
	f, err := os.Create(lp)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteLP(f, in); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if path, err := exec.LookPath("cbc"); err == nil {
		out, err := exec.Command(path, lp, "solve", "quit").CombinedOutput()
		if err != nil {
			t.Fatalf("cbc: %v\n%s", err, out)
		}
		return parseObjective(t, string(out), `Objective value:\s+(-?[0-9.e+]+)`), "cbc"
	}
	path, err := exec.LookPath("glpsol")
	if err != nil {
		t.Skip("neither cbc nor glpsol installed")
	}
	sol := filepath.Join(dir, "out.txt")
	if out, err := exec.Command(path, "--lp", lp, "-o", sol).CombinedOutput(); err != nil {
		t.Fatalf("glpsol: %v\n%s", err, out)
	}
	b, _ := os.ReadFile(sol)
	return parseObjective(t, string(b), `Objective:\s+obj = (-?[0-9.e+]+)`), "glpsol"
}

func parseObjective(t *testing.T, out, pattern string) int64 {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no objective in solver output:\n%s", out)
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(m[1]), 64)
	if err != nil {
		t.Fatal(err)
	}
	return int64(v + 0.5)
}
