package sqlstore_test

import (
	"context"
	"testing"

	"amur"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// proposal returns a proposed event read from a page.
func proposal(date string, kind amur.EntryKind, file string) *amur.PressEvent {
	return &amur.PressEvent{Date: amur.MustDate(date), Kind: kind, Title: amur.T("en", "Telephone conversation"),
		People: []string{"Xi Jinping"}, Sources: []amur.Source{{File: file, Start: 10, End: 120}}}
}

// TestPressQueue proposes, lists, edits, merges, rejects and publishes
// events on every database.
func TestPressQueue(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		prog := testkit.Program("crys")
		if err := db.CreateProgram(ctx, prog); err != nil {
			t.Fatal(err)
		}
		a, b, c := proposal("2020-12-28", amur.Call, "a.txt"), proposal("2020-12-28", amur.Call, "b.txt"), proposal("2021", amur.Statement, "c.txt")
		if err := db.ProposePress(ctx, []*amur.PressEvent{a, b, c}); err != nil {
			t.Fatal(err)
		}
		bad := proposal("2020-12-28", "gossip", "d.txt")
		if err := db.ProposePress(ctx, []*amur.PressEvent{proposal("2020-01-01", amur.Call, "e.txt"), bad}); amur.ErrorCode(err) != amur.EInvalid {
			t.Fatalf("a bad event was accepted: %v", err)
		}
		list, err := db.PressEvents(ctx, amur.PressFilter{Statuses: []amur.PressStatus{amur.PressProposed}, Page: amur.Page{Count: true, Sort: "-date"}})
		if err != nil {
			t.Fatal(err)
		}
		if list.Total != 3 || list.Items[0].ID != c.ID {
			t.Fatalf("queue = %d events, first %v; want 3, newest first (the batch with a bad event stored nothing)", list.Total, list.Items[0].Date)
		}

		a.Title = amur.T("en", "New Year call")
		if err := db.UpdatePressEvent(ctx, a); err != nil {
			t.Fatal(err)
		}
		stale := *a
		stale.Version = 1
		if err := db.UpdatePressEvent(ctx, &stale); amur.ErrorCode(err) != amur.EStale {
			t.Errorf("stale edit: %v", err)
		}
		m, err := db.MergePressEvents(ctx, a.ID, []string{b.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Sources) != 2 || m.Title.EN != "New Year call" {
			t.Errorf("merged = %+v", m)
		}
		if _, err := db.RejectPressEvent(ctx, b.ID); amur.ErrorCode(err) != amur.EConflict {
			t.Errorf("rejecting a merged event: %v", err)
		}
		if _, err := db.RejectPressEvent(ctx, c.ID); err != nil {
			t.Fatal(err)
		}

		if _, err := db.PublishPressEvent(ctx, a.ID, amur.NewID()); amur.ErrorCode(err) != amur.EInvalid {
			t.Errorf("publishing into a missing program: %v", err)
		}
		if got, _ := db.PressEvent(ctx, a.ID); got.Status != amur.PressProposed {
			t.Errorf("a failed publication changed the event to %s", got.Status)
		}
		entry, err := db.PublishPressEvent(ctx, a.ID, prog.ID)
		if err != nil {
			t.Fatal(err)
		}
		stored, err := db.TimelineEntry(ctx, entry.ID)
		if err != nil {
			t.Fatal(err)
		}
		if stored.Kind != amur.Call || len(stored.Sources) != 2 || stored.Sources[1].File != "b.txt" || stored.Provenance.EnteredBy != "press" {
			t.Errorf("timeline entry = %+v", stored)
		}
		got, _ := db.PressEvent(ctx, a.ID)
		if got.Status != amur.PressPublished || got.EntryID != entry.ID {
			t.Errorf("published event = %+v", got)
		}
		log, err := db.Audit(ctx, amur.AuditFilter{Kind: amur.KindPress, Page: amur.Page{Limit: 100, Count: true}})
		if err != nil {
			t.Fatal(err)
		}
		// 3 proposals, 1 edit, 2 merge rows, 1 rejection, 1 publication.
		if log.Total != 8 {
			t.Errorf("the queue wrote %d audit entries, want 8", log.Total)
		}
		tl, err := db.Audit(ctx, amur.AuditFilter{Kind: amur.KindTimeline, ID: entry.ID, Page: amur.Page{Limit: 5}})
		if err != nil {
			t.Fatal(err)
		}
		if len(tl.Items) != 1 || tl.Items[0].Action != amur.AuditCreate {
			t.Errorf("the publication's timeline entry has audit entries %v", tl.Items)
		}
	})
}
