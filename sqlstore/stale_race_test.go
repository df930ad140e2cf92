package sqlstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"amur"
	"amur/internal/testkit"
)

// racers is how many goroutines update one record at once.
const racers = 100

// TestStaleRace lets a hundred goroutines update the same activity from
// the same version at once, three times over: each time exactly one must
// win and the other 99 get EStale, and the record must hold the winner's
// change and nothing of the losers'. Then the hundred retry on EStale
// until each has succeeded once: the record must hold all hundred changes
// and be a hundred versions on, with one outbox change per success.
func TestStaleRace(t *testing.T) {
	testkit.ForEachStore(t, func(t *testing.T, s amur.Store) {
		ctx := context.Background()
		id := seed(t, s).forum.ID
		for round := range 3 {
			raceRound(t, s, id, round)
		}
		before, err := s.Activity(ctx, id)
		must(t, err)
		seq := lastSeq(t, s)
		var wg sync.WaitGroup
		errs := make(chan error, racers)
		for g := range racers {
			wg.Go(func() { errs <- retryUntilStored(ctx, s, id, fmt.Sprintf("retry %d", g)) })
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			must(t, err)
		}
		after, err := s.Activity(ctx, id)
		must(t, err)
		if after.Version != before.Version+racers {
			t.Errorf("version %d after %d updates from %d", after.Version, racers, before.Version)
		}
		titles := map[string]int{}
		for _, o := range after.Outcomes {
			titles[o.Title.EN]++
		}
		for g := range racers {
			if n := titles[fmt.Sprintf("retry %d", g)]; n != 1 {
				t.Errorf("retry %d is stored %d times, want once", g, n)
			}
		}
		changes, err := s.Changes(ctx, seq, 10*racers)
		must(t, err)
		if len(changes) != racers {
			t.Errorf("%d outbox changes for %d updates", len(changes), racers)
		}
	})
}

// raceRound starts racers updates of the activity id from the version all
// of them read, and checks that exactly one is stored.
func raceRound(t *testing.T, s amur.Store, id string, round int) {
	t.Helper()
	ctx := context.Background()
	copies := make([]*amur.Activity, racers)
	for g := range copies {
		a, err := s.Activity(ctx, id)
		must(t, err)
		a.Outcomes = append(a.Outcomes, amur.Outcome{Kind: amur.OtherResult, Title: amur.T("en", fmt.Sprintf("round %d racer %d", round, g))})
		copies[g] = a
	}
	read := copies[0].Version
	start := make(chan struct{})
	results := make([]error, racers)
	var wg sync.WaitGroup
	for g := range racers {
		wg.Go(func() {
			<-start
			results[g] = s.UpdateActivity(ctx, copies[g])
		})
	}
	close(start)
	wg.Wait()
	winner := -1
	for g, err := range results {
		switch {
		case err == nil && winner >= 0:
			t.Fatalf("round %d: racers %d and %d both updated version %d", round, winner, g, read)
		case err == nil:
			winner = g
		case amur.ErrorCode(err) != amur.EStale:
			t.Fatalf("round %d racer %d: %v, want EStale", round, g, err)
		}
	}
	if winner < 0 {
		t.Fatalf("round %d: no racer won", round)
	}
	got, err := s.Activity(ctx, id)
	must(t, err)
	last := got.Outcomes[len(got.Outcomes)-1].Title.EN
	if got.Version != read+1 || len(got.Outcomes) != round+1 || last != fmt.Sprintf("round %d racer %d", round, winner) {
		t.Errorf("round %d: version %d, %d outcomes, last %q; want version %d with racer %d's outcome added",
			round, got.Version, len(got.Outcomes), last, read+1, winner)
	}
}

// retryUntilStored appends an outcome titled title, reading again after
// each EStale, as a well-behaved client does.
func retryUntilStored(ctx context.Context, s amur.Store, id, title string) error {
	for range 10 * racers {
		a, err := s.Activity(ctx, id)
		if err != nil {
			return err
		}
		a.Outcomes = append(a.Outcomes, amur.Outcome{Kind: amur.OtherResult, Title: amur.T("en", title)})
		err = s.UpdateActivity(ctx, a)
		if amur.ErrorCode(err) != amur.EStale {
			return err
		}
	}
	return fmt.Errorf("%s: never stored", title)
}

// lastSeq returns the sequence number of the newest outbox change.
func lastSeq(t *testing.T, s amur.Store) int64 {
	t.Helper()
	var seq int64
	for {
		changes, err := s.Changes(context.Background(), seq, 1000)
		must(t, err)
		if len(changes) == 0 {
			return seq
		}
		seq = changes[len(changes)-1].Seq
	}
}
