package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"amur"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// patchWriters and patchesEach size TestConcurrentPatches: a hundred
// writers on three records, so each record sees about thirty contenders
// and a hundred updates, within amur.MaxOutcomes.
const (
	patchWriters = 100
	patchesEach  = 3
	// maxAttempts bounds one writer's retries of one update, so a lost
	// wake-up shows as a failure instead of a hung test.
	maxAttempts = 2000
)

// TestConcurrentPatches runs a hundred writers against the real HTTP
// server on loopback. Each reads an activity, appends an outcome naming
// itself and the update, and sends the result as a PATCH with If-Match,
// reading again and retrying on 412. At the end each record must hold every
// acknowledged outcome exactly once (no update lost, none applied twice)
// and its version must be one more than its acknowledged PATCHes.
func TestConcurrentPatches(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		s := mustSeed(t, db)
		srv := httptest.NewServer(New(Config{Store: db}))
		defer srv.Close()
		client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: patchWriters}}
		defer client.CloseIdleConnections()
		ids := []string{s.forum.ID, s.ceremony.ID, s.research.ID}
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
		defer cancel()

		var stale atomic.Int64
		acked := make([][]string, len(ids)) // outcome titles acknowledged per record
		var mu sync.Mutex
		errs := make(chan error, patchWriters)
		var wg sync.WaitGroup
		for w := range patchWriters {
			wg.Go(func() {
				rec := w % len(ids)
				c := &patchClient{ctx: ctx, http: client, url: srv.URL + "/api/v1/activities/" + ids[rec], stale: &stale}
				for i := range patchesEach {
					title := fmt.Sprintf("writer %d update %d", w, i)
					if err := c.appendOutcome(title); err != nil {
						errs <- err
						return
					}
					mu.Lock()
					acked[rec] = append(acked[rec], title)
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		for i, id := range ids {
			a, err := db.Activity(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			checkOutcomes(t, a, acked[i])
		}
		t.Logf("%d acknowledged PATCHes, %d answered 412 and retried", patchWriters*patchesEach, stale.Load())
		if stale.Load() == 0 {
			t.Error("no PATCH met a stale version: the writers did not contend")
		}
	})
}

// checkOutcomes fails unless a holds exactly the outcomes titled acked,
// each once, and its version counts one update per acknowledged PATCH.
func checkOutcomes(t *testing.T, a *amur.Activity, acked []string) {
	t.Helper()
	seen := map[string]int{}
	for _, o := range a.Outcomes {
		seen[o.Title.EN]++
	}
	for _, title := range acked {
		if seen[title] != 1 {
			t.Errorf("activity %s holds %q %d times, want once", a.ID, title, seen[title])
		}
	}
	if len(a.Outcomes) != len(acked) {
		t.Errorf("activity %s holds %d outcomes, want the %d acknowledged", a.ID, len(a.Outcomes), len(acked))
	}
	if a.Version != len(acked)+1 {
		t.Errorf("activity %s is at version %d after %d acknowledged PATCHes, want %d", a.ID, a.Version, len(acked), len(acked)+1)
	}
}

// patchClient is one writer of TestConcurrentPatches.
type patchClient struct {
	ctx   context.Context
	http  *http.Client
	url   string
	stale *atomic.Int64
}

// appendOutcome adds one outcome titled title to the record: read, append,
// PATCH with If-Match, and on 412 start again.
func (c *patchClient) appendOutcome(title string) error {
	for range maxAttempts {
		tag, outcomes, err := c.read()
		if err != nil {
			return err
		}
		outcomes = append(outcomes, json.RawMessage(fmt.Sprintf(`{"kind":"other","title":{"en":%q}}`, title)))
		body, err := json.Marshal(map[string]any{"outcomes": outcomes})
		if err != nil {
			return err
		}
		code, err := c.send("PATCH", body, tag)
		switch {
		case err != nil:
			return err
		case code == http.StatusOK:
			return nil
		case code != http.StatusPreconditionFailed:
			return fmt.Errorf("PATCH %s: status %d", c.url, code)
		}
		c.stale.Add(1)
		// A little jitter keeps the losers from colliding again in step.
		time.Sleep(time.Duration(rand.IntN(500)) * time.Microsecond)
	}
	return fmt.Errorf("%s: no PATCH succeeded in %d attempts", title, maxAttempts)
}

// read returns the record's ETag and outcomes.
func (c *patchClient) read() (string, []json.RawMessage, error) {
	req, err := http.NewRequestWithContext(c.ctx, "GET", c.url, nil)
	if err != nil {
		return "", nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return "", nil, err
	}
	defer resp.Body.Close()
	var rec struct {
		Outcomes []json.RawMessage `json:"outcomes"`
	}
	if resp.StatusCode != http.StatusOK {
		return "", nil, fmt.Errorf("GET %s: status %d", c.url, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(&rec); err != nil {
		return "", nil, err
	}
	return resp.Header.Get("ETag"), rec.Outcomes, nil
}

// send sends a request with a JSON body and If-Match, draining the answer.
func (c *patchClient) send(method string, body []byte, ifMatch string) (int, error) {
	req, err := http.NewRequestWithContext(c.ctx, method, c.url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/merge-patch+json")
	req.Header.Set("If-Match", ifMatch)
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var answer struct {
		Error struct{ Key string } `json:"error"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&answer)
	if resp.StatusCode == http.StatusPreconditionFailed && answer.Error.Key != "err.stale" {
		return 0, fmt.Errorf("412 with error key %q, want err.stale", answer.Error.Key)
	}
	return resp.StatusCode, nil
}
