package assign

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// objectiveRE reads the optimum from glpsol's solution report.
var objectiveRE = regexp.MustCompile(`Objective:\s+obj = (-?[0-9.e+]+)`)

// TestGLPSOL checks the solver against GLPK on the same LP file: the
// optimum of the LP relaxation (integral for this problem) must equal our
// integer weight. It runs only with AMUR_GLPSOL=1 (sizes up to 300×150,
// seconds) or AMUR_GLPSOL=large (adds 1000×500, minutes), as glpsol is an
// outside program (Debian: glpk-utils).
func TestGLPSOL(t *testing.T) {
	mode := os.Getenv("AMUR_GLPSOL")
	if mode == "" {
		t.Skip("set AMUR_GLPSOL=1 (or large) to compare with glpsol")
	}
	if _, err := exec.LookPath("glpsol"); err != nil {
		t.Fatal("glpsol not found; install glpk-utils")
	}
	tests := []struct {
		P, R, K int
		fair    bool
	}{
		{60, 30, 2, false}, {60, 30, 2, true}, {300, 150, 3, false}, {300, 150, 3, true},
	}
	if mode == "large" {
		tests = append(tests, struct {
			P, R, K int
			fair    bool
		}{1000, 500, 3, false})
	}
	for _, tt := range tests {
		in := Generate(tt.P, tt.R, tt.K, 11)
		in.Fair = tt.fair
		start := time.Now()
		res, err := Solve(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		ours := time.Since(start).Seconds()
		got, secs := glpsolObjective(t, in, res.Threshold)
		if got != res.Weight {
			t.Errorf("%d×%d k=%d fair=%v: glpsol %d, ours %d", tt.P, tt.R, tt.K, tt.fair, got, res.Weight)
		}
		t.Logf("%d×%d k=%d fair=%v: objective %d, ours %.3f s, glpsol %.2f s", tt.P, tt.R, tt.K, tt.fair, got, ours, secs)
	}
}

// glpsolObjective writes in as an LP file, runs glpsol on it and returns
// the optimum and glpsol's wall time.
func glpsolObjective(t *testing.T, in *Instance, threshold int64) (int64, float64) {
	t.Helper()
	dir := t.TempDir()
	lp, out := filepath.Join(dir, "a.lp"), filepath.Join(dir, "a.out")
	f, err := os.Create(lp)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteLP(f, in, threshold); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if b, err := exec.Command("glpsol", "--lp", lp, "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("glpsol: %v: %s", err, b)
	}
	secs := time.Since(start).Seconds()
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	m := objectiveRE.FindSubmatch(b)
	if m == nil {
		t.Fatalf("no objective in glpsol's report: %.300s", b)
	}
	v, err := strconv.ParseFloat(string(m[1]), 64)
	if err != nil {
		t.Fatal(err)
	}
	return int64(v + 0.5), secs
}
