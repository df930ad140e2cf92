package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"amur"
	"amur/internal/testkit"
)

// TestFigureCacheFollowsTheOutbox checks that cached figures stand for the
// outbox's last position, found without reading every change, and that a
// change brings new figures: at once for a figure never computed, after a
// background refresh for one already shown.
func TestFigureCacheFollowsTheOutbox(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, st amur.Store) {
		ctx := amur.WithActor(context.Background(), &amur.Actor{Via: "test"})
		srv := New(Config{Store: st})
		for i := range 5 {
			if err := st.CreateActivity(ctx, testkit.Activity("Forum "+string(rune('A'+i)), amur.Forum, "2021-05-01", nil)); err != nil {
				t.Fatal(err)
			}
		}
		all, err := st.Changes(ctx, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := srv.figs.position(ctx, st); err != nil || got != all[len(all)-1].Seq {
			t.Fatalf("position = %d, %v; last change is %d", got, err, all[len(all)-1].Seq)
		}
		first, err := srv.cachedStats(ctx, amur.ActivityFilter{})
		if err != nil || first.Activities != 5 {
			t.Fatalf("figures: %+v, %v", first, err)
		}
		if err := st.CreateActivity(ctx, testkit.Activity("Forum F", amur.Forum, "2021-05-02", nil)); err != nil {
			t.Fatal(err)
		}
		if other, err := srv.cachedStats(ctx, amur.ActivityFilter{Types: []amur.ActivityType{amur.Forum}}); err != nil || other.Activities != 6 {
			t.Fatalf("a figure never computed must be current: %+v, %v", other, err)
		}
		deadline := time.Now().Add(10 * time.Second)
		for {
			got, err := srv.cachedStats(ctx, amur.ActivityFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Activities == 6 {
				break
			}
			if got.Activities != 5 || time.Now().After(deadline) {
				t.Fatalf("figures after a change: %d activities", got.Activities)
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
}

// TestPagesShowWhileCounting checks that a page whose figures are not
// ready in time shows without them, saying so, and with them once the
// first count ends.
func TestPagesShowWhileCounting(t *testing.T) {
	var w *demoWorld
	for _, path := range []string{"/en/fields", "/en/", "/zh/report", "/ru/activities?type=forum"} {
		// Each page is the first request of its own server: one page's
		// counts, finished in the background, must not be ready for
		// the next page before it asks.
		w = newDemoWorld(t, 100)
		w.srv.figs.wait = time.Microsecond
		body := string(do(t, w.srv, "GET", path, "").want(t, http.StatusOK).Body)
		if !strings.Contains(body, `role="status"`) {
			t.Errorf("%s does not say its figures are being counted", path)
		}
	}
	w.srv.figs.wait = 0
	deadline := time.Now().Add(20 * time.Second)
	for {
		body := string(do(t, w.srv, "GET", "/ru/activities?type=forum", "").want(t, http.StatusOK).Body)
		if strings.Contains(body, "мероприяти") && strings.Contains(body, `<span class="count">`) && !strings.Contains(body, `role="status"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the list never shows its counts:\n%.2000s", body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestWarmCountsTheHomePage checks that Warm computes what the home page
// shows the public, so that the first visit finds its figures ready.
func TestWarmCountsTheHomePage(t *testing.T) {
	w := newDemoWorld(t, 100)
	w.srv.Warm(context.Background())
	deadline := time.Now().Add(20 * time.Second)
	for {
		w.srv.figs.mu.Lock()
		n, pending := len(w.srv.figs.entries), len(w.srv.figs.pending)
		w.srv.figs.mu.Unlock()
		if n >= 2+len(amur.ActivityTypes) && pending == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("warming left %d figures, %d pending", n, pending)
		}
		time.Sleep(10 * time.Millisecond)
	}
	w.srv.figs.wait = time.Nanosecond
	for _, path := range []string{"/en/", "/ru/report"} {
		body := string(do(t, w.srv, "GET", path, "").want(t, http.StatusOK).Body)
		if strings.Contains(body, `role="status"`) || !strings.Contains(body, `<svg`) {
			t.Errorf("%s after warming still counts", path)
		}
	}
}
