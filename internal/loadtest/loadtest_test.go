package loadtest

import (
	"context"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestCheckLoopback(t *testing.T) {
	for base, ok := range map[string]bool{
		"http://127.0.0.1:8080": true, "http://[::1]:80": true, "http://127.0.0.2": true,
		"http://localhost:8080": false, "http://10.0.0.1": false, "https://127.0.0.1": false,
		"http://example.org": false, "http://8.8.8.8:80": false,
	} {
		if err := CheckLoopback(base); (err == nil) != ok {
			t.Errorf("CheckLoopback(%s) = %v, want ok %v", base, err, ok)
		}
	}
}

// TestRunIsBounded checks that a run stops at its request budget, counts
// every answer by status and orders its latency percentiles.
func TestRunIsBounded(t *testing.T) {
	var served atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if served.Add(1)%10 == 0 {
			w.WriteHeader(http.StatusPreconditionFailed)
			return
		}
		time.Sleep(time.Millisecond)
	}))
	defer srv.Close()
	rep, err := Run(context.Background(), Config{Base: srv.URL, Conns: 8, Duration: time.Minute, Requests: 500,
		Workload: func(ctx context.Context, s *Session) error {
			_, err := s.Do(ctx, "get", "GET", "/", nil)
			return err
		}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Requests != 500 || served.Load() != 500 || len(rep.Labels) != 1 {
		t.Fatalf("requests %d, served %d, labels %d; want 500, 500, 1", rep.Requests, served.Load(), len(rep.Labels))
	}
	st := rep.Labels[0]
	if st.Status[200] != 450 || st.Status[412] != 50 {
		t.Errorf("statuses %v, want 450×200 and 50×412", st.Status)
	}
	if !(st.P50 > 0 && st.P50 <= st.P90 && st.P90 <= st.P99 && st.P99 <= st.Max) {
		t.Errorf("percentiles out of order: %v %v %v %v", st.P50, st.P90, st.P99, st.Max)
	}
}

// TestListQuery checks that list queries are valid URLs within the space.
func TestListQuery(t *testing.T) {
	sp := DefaultSpace([]string{"1", "2.3"})
	s := &Session{Rand: newRand()}
	seen := map[string]bool{}
	for range 200 {
		q := sp.ListQuery(s)
		u, err := url.Parse(q)
		if err != nil || u.Path != "/api/v1/activities" || u.Query().Get("type") == "" {
			t.Fatalf("bad query %s (%v)", q, err)
		}
		for k := range u.Query() {
			seen[k] = true
		}
		if f := u.Query().Get("field"); f != "" && f != "1" && f != "2.3" {
			t.Errorf("field %s is not in the space", f)
		}
	}
	for _, k := range []string{"type", "field", "side", "from", "to", "offset"} {
		if !seen[k] {
			t.Errorf("200 queries never set %s", k)
		}
	}
	if !strings.HasPrefix(sp.Months[0], "2020-03") {
		t.Errorf("months start at %s, want 2020-03", sp.Months[0])
	}
}

// newRand returns a seeded random source for tests.
func newRand() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }
