package main

import (
	"context"

	"amur"
	"amur/demo"
	"amur/events"
	"amur/sqlstore"
)

// demoEvents adds the demo's events (the CIEP 2020 Shenzhen forum) unless
// an event already counts their activity, so loading twice adds nothing.
func demoEvents(ctx context.Context, db *sqlstore.DB) error {
	ev, err := demo.CIEPEvent(ctx, db)
	if err != nil {
		return err
	}
	list, err := db.Events(ctx, amur.EventFilter{Page: amur.Page{Limit: amur.MaxLimit}})
	if err != nil {
		return err
	}
	for _, e := range list.Items {
		if e.ActivityID == ev.ActivityID {
			return nil
		}
	}
	return events.New(db).Create(ctx, ev, "")
}
