package search

import (
	"context"
	"runtime"
	"sync"
	"time"

	"amur"
	"amur/xling"
)

// lastChanger is the part of a store that tells the newest outbox
// sequence number cheaply (sqlstore.DB does); other stores are paged.
type lastChanger interface {
	LastChange(ctx context.Context) (int64, error)
}

// lastSeq returns the newest outbox sequence number of s.
func lastSeq(ctx context.Context, s amur.Store) (int64, error) {
	if lc, ok := s.(lastChanger); ok {
		return lc.LastChange(ctx)
	}
	var seq int64
	for {
		cs, err := s.Changes(ctx, seq, 10_000)
		if err != nil || len(cs) == 0 {
			return seq, err
		}
		seq = cs[len(cs)-1].Seq
	}
}

// Build indexes every searchable record of s into ix, reporting the number
// of records indexed so far to progress (which may be nil), and leaves ix
// at the outbox position read before the records, so that Follow applies
// every change made while it ran. s must be the store itself, not a
// permission-wrapped one: the index holds drafts too and filters them per
// query.
func Build(ctx context.Context, s amur.Store, ix *Index, progress func(n int)) error {
	warm()
	seq, err := lastSeq(ctx, s)
	if err != nil {
		return err
	}
	docs := make(chan Doc, 256)
	var wg sync.WaitGroup
	var mu sync.Mutex
	n := 0
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range docs {
				ix.Put(d)
				mu.Lock()
				n++
				if progress != nil && n%500 == 0 {
					progress(n)
				}
				mu.Unlock()
			}
		}()
	}
	err = eachDoc(ctx, s, docs)
	close(docs)
	wg.Wait()
	if err != nil {
		return err
	}
	if progress != nil {
		progress(n)
	}
	ix.Trim()
	ix.setSeq(seq)
	ix.mu.Lock()
	ix.ready = true
	ix.mu.Unlock()
	return nil
}

// warm loads the lexicons, which takes seconds, before the index is used:
// otherwise the first change the follower applies to an empty index would
// wait for them, and with it every change behind it.
func warm() {
	xling.Analyze("核能 энергия", amur.ZH, true)
}

// eachDoc sends the document of every searchable record of s.
func eachDoc(ctx context.Context, s amur.Store, docs chan<- Doc) error {
	for _, k := range kinds {
		err := s.Each(ctx, k, func(r amur.Record) error {
			if d, ok := DocOf(r); ok {
				select {
				case docs <- d:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// Count returns the number of searchable records of s, for a progress bar.
func Count(ctx context.Context, s amur.Store) (int, error) {
	total := 0
	for _, k := range kinds {
		n, err := s.Count(ctx, k)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// followPage is how many outbox changes one poll applies at most.
const followPage = 1000

// CatchUp applies to ix every outbox change of s after the index's
// position, reading each changed record anew, and returns how many it
// applied. Like Build, it needs the store itself.
func CatchUp(ctx context.Context, s amur.Store, ix *Index) (int, error) {
	applied := 0
	for {
		cs, err := s.Changes(ctx, ix.Seq(), followPage)
		if err != nil {
			return applied, err
		}
		for _, c := range cs {
			if err := apply(ctx, s, ix, c); err != nil {
				return applied, err
			}
			ix.setSeq(c.Seq)
			applied++
		}
		if len(cs) < followPage {
			return applied, nil
		}
	}
}

// apply brings one record of the index up to date with the store. The
// record is read rather than trusted from the change, so changes applied
// twice or out of date leave the index right.
func apply(ctx context.Context, s amur.Store, ix *Index, c amur.Change) error {
	if _, ok := kindIndex(c.Kind); !ok {
		return nil
	}
	if c.Op == "delete" {
		ix.Delete(c.Kind, c.ID)
		return nil
	}
	r, err := fetch(ctx, s, c.Kind, c.ID)
	if amur.ErrorCode(err) == amur.ENotFound {
		ix.Delete(c.Kind, c.ID)
		return nil
	}
	if err != nil {
		return err
	}
	if d, ok := DocOf(r); ok {
		ix.Put(d)
	}
	return nil
}

// DefaultInterval is how often Follow polls the outbox.
const DefaultInterval = 250 * time.Millisecond

// Follow keeps ix current with s until ctx ends, polling the outbox every
// interval; every node following the same database so sees every node's
// writes. A failed poll is reported to onErr (which may be nil) and
// retried at the next tick.
func Follow(ctx context.Context, s amur.Store, ix *Index, interval time.Duration, onErr func(error)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := CatchUp(ctx, s, ix); err != nil && ctx.Err() == nil && onErr != nil {
			onErr(err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
