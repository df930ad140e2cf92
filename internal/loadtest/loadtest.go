// Package loadtest drives an Amur server with many concurrent connections
// for a bounded time and number of requests, and reports throughput and
// latency percentiles per kind of request. It talks only to loopback
// addresses: it measures a server on the same machine, never a remote one.
package loadtest

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Limits that bound every run, whatever the caller asks.
const (
	MaxConns    = 1024
	MaxDuration = 10 * time.Minute
	MaxRequests = 50_000_000
)

// Workload is what one connection does over and over until the run ends:
// one or more requests through s. An error other than the run's end stops
// the whole run.
type Workload func(ctx context.Context, s *Session) error

// Config describes one run.
type Config struct {
	// Base is the server's URL, such as http://127.0.0.1:8080; its host
	// must be a loopback address.
	Base string
	// Conns is the number of concurrent connections, each running Workload
	// in a loop.
	Conns int
	// Duration bounds the run's time.
	Duration time.Duration
	// Requests bounds the number of requests; 0 means MaxRequests.
	Requests int64
	// Warmup is run before the measurement and not reported.
	Warmup time.Duration
	// Header is sent with every request (for example Authorization).
	Header http.Header
	// Seed makes the requests of a run repeatable.
	Seed     uint64
	Workload Workload
}

// Stats summarise the requests of one label.
type Stats struct {
	Label    string
	Requests int64
	// Status counts answers by HTTP status.
	Status map[int]int64
	// Errors counts requests that got no answer.
	Errors        int64
	PerSecond     float64
	P50, P90, P99 time.Duration
	Max           time.Duration
}

// Report is the result of a run.
type Report struct {
	Conns    int
	Elapsed  time.Duration
	Requests int64
	// PerSecond is all requests of the run per second.
	PerSecond float64
	// Labels holds the statistics of each label, sorted by label.
	Labels []Stats
}

// CheckLoopback refuses a base URL whose host is not a loopback address.
func CheckLoopback(base string) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	if u.Scheme != "http" {
		return fmt.Errorf("loadtest: %s: only plain http on loopback is supported", base)
	}
	ip := net.ParseIP(u.Hostname())
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("loadtest: %s: the host must be a loopback IP address such as 127.0.0.1", base)
	}
	return nil
}

// Run runs cfg and reports what it measured.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if err := CheckLoopback(cfg.Base); err != nil {
		return nil, err
	}
	if cfg.Conns < 1 || cfg.Conns > MaxConns || cfg.Duration <= 0 || cfg.Duration > MaxDuration || cfg.Workload == nil {
		return nil, fmt.Errorf("loadtest: need 1 to %d connections, a duration up to %v and a workload", MaxConns, MaxDuration)
	}
	if cfg.Requests <= 0 || cfg.Requests > MaxRequests {
		cfg.Requests = MaxRequests
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxIdleConnsPerHost: cfg.Conns, MaxConnsPerHost: cfg.Conns, DisableCompression: true,
	}}
	defer client.CloseIdleConnections()
	if cfg.Warmup > 0 {
		wctx, cancel := context.WithTimeout(ctx, cfg.Warmup)
		_, _ = run(wctx, cfg, client, &recorder{limit: cfg.Requests})
		cancel()
	}
	rctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	rec := &recorder{limit: cfg.Requests}
	elapsed, err := run(rctx, cfg, client, rec)
	if err != nil {
		return nil, err
	}
	return rec.report(cfg.Conns, elapsed), nil
}

// run starts cfg.Conns sessions and waits for them to end.
func run(ctx context.Context, cfg Config, client *http.Client, rec *recorder) (time.Duration, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errc := make(chan error, cfg.Conns)
	start := time.Now()
	for i := range cfg.Conns {
		s := &Session{base: cfg.Base, client: client, rec: rec, header: cfg.Header,
			Rand: rand.New(rand.NewPCG(cfg.Seed, uint64(i)))}
		wg.Go(func() {
			for ctx.Err() == nil {
				err := cfg.Workload(ctx, s)
				switch {
				case errors.Is(err, errLimit):
					// The budget is spent: requests in flight elsewhere
					// still finish and count.
					return
				case err != nil && ctx.Err() == nil:
					errc <- err
					cancel()
					return
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(errc)
	return elapsed, <-errc
}

// errLimit ends a workload once the run's request budget is spent.
var errLimit = errors.New("loadtest: request limit reached")

// Session is one connection's view of a run.
type Session struct {
	base   string
	client *http.Client
	rec    *recorder
	header http.Header
	// Rand is the session's own random source.
	Rand *rand.Rand
}

// Answer is the part of a response a workload may look at.
type Answer struct {
	Status int
	Header http.Header
	Body   []byte
}

// Do sends one request to path (with its query) and records its latency
// under label. Request failures are counted, not returned, unless the run
// is ending; headers come as name, value pairs.
func (s *Session) Do(ctx context.Context, label, method, path string, body []byte, headers ...string) (*Answer, error) {
	if !s.rec.take() {
		return nil, errLimit
	}
	req, err := http.NewRequestWithContext(ctx, method, s.base+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	for k, v := range s.header {
		req.Header[k] = v
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	start := time.Now()
	resp, err := s.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		s.rec.add(label, 0, time.Since(start))
		return &Answer{}, nil
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	took := time.Since(start)
	if err != nil && ctx.Err() != nil {
		return nil, ctx.Err()
	}
	s.rec.add(label, resp.StatusCode, took)
	return &Answer{Status: resp.StatusCode, Header: resp.Header, Body: b}, nil
}

// recorder collects latencies by label.
type recorder struct {
	mu     sync.Mutex
	limit  int64
	issued atomic.Int64
	byName map[string]*series
}

// series holds the measurements of one label.
type series struct {
	lat    []time.Duration
	status map[int]int64
	errors int64
}

// take reserves one request of the budget.
func (r *recorder) take() bool { return r.issued.Add(1) <= r.limit }

// add records one request; status 0 is a request that got no answer.
func (r *recorder) add(label string, status int, took time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byName == nil {
		r.byName = map[string]*series{}
	}
	s := r.byName[label]
	if s == nil {
		s = &series{status: map[int]int64{}}
		r.byName[label] = s
	}
	if status == 0 {
		s.errors++
		return
	}
	s.lat = append(s.lat, took)
	s.status[status]++
}

// report summarises what was recorded over elapsed.
func (r *recorder) report(conns int, elapsed time.Duration) *Report {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep := &Report{Conns: conns, Elapsed: elapsed}
	for label, s := range r.byName {
		slices.Sort(s.lat)
		n := int64(len(s.lat)) + s.errors
		st := Stats{Label: label, Requests: n, Status: s.status, Errors: s.errors,
			PerSecond: float64(n) / elapsed.Seconds()}
		if len(s.lat) > 0 {
			st.P50, st.P90, st.P99 = quantile(s.lat, 0.50), quantile(s.lat, 0.90), quantile(s.lat, 0.99)
			st.Max = s.lat[len(s.lat)-1]
		}
		rep.Labels = append(rep.Labels, st)
		rep.Requests += n
	}
	slices.SortFunc(rep.Labels, func(a, b Stats) int { return cmp.Compare(a.Label, b.Label) })
	rep.PerSecond = float64(rep.Requests) / elapsed.Seconds()
	return rep
}

// quantile returns the q-quantile of sorted latencies (nearest rank).
func quantile(sorted []time.Duration, q float64) time.Duration {
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}
