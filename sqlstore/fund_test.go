package sqlstore_test

import (
	"context"
	"errors"
	"testing"

	"amur"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// fundCall returns a valid call for storage tests.
func fundCall() *amur.FundCall {
	return &amur.FundCall{
		Kind: amur.JointProject, Title: amur.T("en", "Joint call 2026"),
		Opens: amur.MustMoment("2026-01-10"), Deadline: amur.MustMoment("2026-03-01T18:00"),
		Sides: []amur.CallSide{
			{Side: "CN", Budget: 10_000_000, GrantMax: 2_000_000, Reviewers: 2},
			{Side: "RU", Budget: 150_000_000, GrantMax: 30_000_000, Reviewers: 2},
		},
		MinTeam: 2, MaxTeam: 10, MinMonths: 12, MaxMonths: 36,
		Criteria: []amur.Criterion{{Key: "merit", Weight: 1}},
	}
}

// TestFundTx checks the fund records' round trip, version guard, lists,
// audit entries and that a failed transaction keeps nothing.
func TestFundTx(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		c := fundCall()
		p := &amur.Proposal{Title: amur.T("ru", "Совместный проект")}
		err := db.FundWrite(ctx, func(tx amur.FundTx) error {
			if err := tx.Create(c); err != nil {
				return err
			}
			p.CallID = c.ID
			return tx.Create(p)
		})
		if err != nil {
			t.Fatal(err)
		}
		if cur := c.Side("RU").Currency; cur != "RUB" {
			t.Errorf("RU currency = %q", cur)
		}
		stale := *p
		p.Status = amur.Submitted
		if err := db.FundWrite(ctx, func(tx amur.FundTx) error { return tx.Update(p, "") }); err != nil {
			t.Fatal(err)
		}
		err = db.FundWrite(ctx, func(tx amur.FundTx) error { return tx.Update(&stale, "") })
		if amur.ErrorCode(err) != amur.EStale {
			t.Errorf("stale update: %v", err)
		}
		boom := errors.New("boom")
		err = db.FundWrite(ctx, func(tx amur.FundTx) error {
			if err := tx.Create(&amur.Proposal{CallID: c.ID, Title: amur.T("en", "lost")}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v", err)
		}
		err = db.FundWrite(ctx, func(tx amur.FundTx) error {
			return tx.Create(&amur.Proposal{CallID: amur.NewID(), Title: amur.T("en", "orphan")})
		})
		if amur.ErrorCode(err) != amur.EInvalid {
			t.Errorf("unknown call: %v", err)
		}
		err = db.FundRead(ctx, func(tx amur.FundTx) error {
			all, err := amur.FundList[amur.Proposal](tx, amur.KindProposal, amur.FundFilter{CallID: c.ID})
			if err != nil {
				return err
			}
			if len(all) != 1 || all[0].Status != amur.Submitted || all[0].Version != 2 {
				t.Errorf("proposals = %+v", all)
			}
			sub, err := tx.List(amur.KindProposal, amur.FundFilter{Status: string(amur.Draft)})
			if len(sub) != 0 || err != nil {
				t.Errorf("drafts = %d, %v", len(sub), err)
			}
			var got amur.Proposal
			return tx.Get(amur.NewID(), &got)
		})
		if amur.ErrorCode(err) != amur.ENotFound {
			t.Errorf("missing proposal: %v", err)
		}
		log, err := db.Audit(ctx, amur.AuditFilter{Kind: amur.KindProposal, ID: p.ID, Page: amur.Page{Sort: "seq"}})
		if err != nil {
			t.Fatal(err)
		}
		if len(log.Items) != 2 || log.Items[0].Action != "create" || log.Items[1].Action != "update" {
			t.Errorf("audit = %+v", log.Items)
		}
	})
}
