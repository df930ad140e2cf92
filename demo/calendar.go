package demo

import (
	"math/rand/v2"
	"time"

	"amur"
)

// firstMonth is the first month synthetic activities may start in.
var firstMonth = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// monthWeights spreads the starts of synthetic activities over the months
// from January 2020 to March 2022: few before the opening of 26 August
// 2020 (the pandemic postponed the first half-year), about two fifths in
// 2020, most in 2021, and a few follow-ups planned for early 2022.
var monthWeights = []int{
	3, 1, 1, 1, 1, 2, 3, 6, 28, 32, 34, 30, // 2020
	12, 13, 17, 18, 19, 20, 15, 14, 20, 21, 22, 16, // 2021
	2, 2, 1, // 2022
}

// snapshot is the first instant after the Years: statuses are as the
// program office knew them then.
var snapshot = time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)

// openingDay is the day the Years opened.
const openingDay = 26

// startDay returns a random start day: in the month of the opening most
// activities follow the opening ceremony, and events avoid weekends.
func startDay(rng *rand.Rand, event bool) time.Time {
	m := firstMonth.AddDate(0, weighted(rng, monthWeights), 0)
	days := m.AddDate(0, 1, -1).Day()
	d := 1 + rng.IntN(days)
	if m.Year() == 2020 && m.Month() == time.August && chance(rng, 0.8) {
		d = openingDay + rng.IntN(days-openingDay+1)
	}
	t := m.AddDate(0, 0, d-1)
	if event {
		switch t.Weekday() {
		case time.Saturday:
			t = t.AddDate(0, 0, -1)
		case time.Sunday:
			t = t.AddDate(0, 0, 1)
		}
	}
	return t
}

// dayMoment returns the day of t as a Moment.
func dayMoment(t time.Time) amur.Moment {
	return amur.Moment{Date: amur.Date{Y: t.Year(), M: int(t.Month()), D: t.Day()}}
}

// monthMoment returns the month of t as a Moment.
func monthMoment(t time.Time) amur.Moment {
	return amur.Moment{Date: amur.Date{Y: t.Year(), M: int(t.Month())}}
}

// formatAt returns a random format for an activity starting at t: mostly
// online in 2020, more in person as 2021 went on.
func formatAt(rng *rand.Rand, t time.Time) amur.Format {
	formats := []amur.Format{amur.Online, amur.Hybrid, amur.InPerson}
	switch {
	case t.Year() == 2020:
		return formats[weighted(rng, []int{70, 18, 12})]
	case t.Year() == 2021 && t.Month() <= time.June:
		return formats[weighted(rng, []int{45, 30, 25})]
	}
	return formats[weighted(rng, []int{30, 35, 35})]
}

// statusOf returns the status of an activity from start to end (its last
// instant) as the program office knew it at the snapshot: those of the
// coming month approved, later ones planned, running ones in progress.
// Past activities were mostly held; in-person ones in the first pandemic
// months were often cancelled.
func statusOf(rng *rand.Rand, start, end time.Time, f amur.Format) amur.ActivityStatus {
	switch {
	case !start.Before(snapshot.AddDate(0, 1, 0)):
		return amur.Planned
	case !start.Before(snapshot):
		return amur.Approved
	case !end.Before(snapshot):
		return amur.InProgress
	}
	p := 0.04
	if start.Year() == 2020 {
		p = 0.06
		if f == amur.InPerson && start.Month() < time.September {
			p = 0.35
		}
	}
	if chance(rng, p) {
		return amur.Cancelled
	}
	return amur.Held
}
