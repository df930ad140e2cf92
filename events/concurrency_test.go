package events

import (
	"sync"
	"testing"

	"amur"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// TestConcurrentRegistrationKeepsCapacity registers twenty people at once
// for five places: exactly five are confirmed and the others are refused,
// on SQLite and PostgreSQL.
func TestConcurrentRegistrationKeepsCapacity(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *sqlstore.DB) {
		s := newService(db)
		e := forum()
		e.Registration.Capacity, e.Registration.Waitlist, e.Registration.Questions = 5, false, nil
		mustCreate(t, s, e)
		var wg sync.WaitGroup
		errs := make([]error, 20)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = s.Register(as(amur.RoleApplicant, ""), e.ID, RegistrationForm{Name: "P", Email: "p@example.org"})
			}()
		}
		wg.Wait()
		ok, full := 0, 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case amur.AsError(err).Key == "events.full":
				full++
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}
		regs, err := s.Registrations(office(), e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ok != 5 || full != 15 || confirmed(regs) != 5 || len(regs) != 5 {
			t.Fatalf("%d registered, %d refused, %d stored, %d confirmed", ok, full, len(regs), confirmed(regs))
		}
	})
}
