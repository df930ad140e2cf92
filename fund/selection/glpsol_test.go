package selection

import (
	"context"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// objectiveRE reads the optimum from glpsol's solution report.
var objectiveRE = regexp.MustCompile(`Objective:\s+obj = (-?[0-9.e+]+)`)

// TestGLPSOL checks the selection against GLPK on the same LP file: the LP
// relaxation's optimum must equal our bound when the search stops early,
// and the integer optimum must lie between our score and our bound (equal
// to our score when we claim exactness). It runs only with AMUR_GLPSOL set
// (glpsol is Debian's glpk-utils); AMUR_GLPSOL=large adds 2,000 proposals.
func TestGLPSOL(t *testing.T) {
	mode := os.Getenv("AMUR_GLPSOL")
	if mode == "" {
		t.Skip("set AMUR_GLPSOL=1 (or large) to compare with glpsol")
	}
	sizes := []int{60, 200}
	if mode == "large" {
		sizes = append(sizes, 2000)
	}
	for _, n := range sizes {
		for _, quotas := range []bool{false, true} {
			for seed := range uint64(3) {
				p := Generate(n, seed+1, quotas)
				s, err := Solve(context.Background(), p)
				if err != nil {
					t.Fatal(err)
				}
				mip := glpsol(t, p, true)
				tol := 1e-6 * max(1, mip)
				if mip < s.Score-tol || mip > s.Bound+tol || s.Exact && math.Abs(mip-s.Score) > tol {
					t.Errorf("n=%d quotas=%v seed=%d: glpsol optimum %.4f, ours %.4f (bound %.4f, exact %v)",
						n, quotas, seed+1, mip, s.Score, s.Bound, s.Exact)
				}
				if !s.Exact {
					// glpsol reports ten significant digits.
					if lp := glpsol(t, p, false); math.Abs(lp-s.Bound) > 1e-8*lp+0.01 {
						t.Errorf("n=%d quotas=%v seed=%d: glpsol LP %.4f, our bound %.4f", n, quotas, seed+1, lp, s.Bound)
					}
				}
				t.Logf("n=%d quotas=%v seed=%d: ours %.2f exact=%v bound %.2f, glpsol optimum %.2f",
					n, quotas, seed+1, s.Score, s.Exact, s.Bound, mip)
			}
		}
	}
}

// glpsol writes p as an LP file, solves it with glpsol (as a binary
// program or as its relaxation) and returns the optimum.
func glpsol(t *testing.T, p *Problem, binary bool) float64 {
	t.Helper()
	dir := t.TempDir()
	lp, out := filepath.Join(dir, "a.lp"), filepath.Join(dir, "a.out")
	f, err := os.Create(lp)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteLP(f, p, binary); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command("glpsol", "--lp", lp, "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("glpsol: %v: %s", err, b)
	}
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
	return v
}
