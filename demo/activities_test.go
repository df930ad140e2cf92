package demo

import (
	"slices"
	"testing"
	"time"

	"amur"
)

// byTitle returns the activity whose English title is en.
func (x *index) byTitle(en string) *amur.Activity {
	for _, a := range x.acts {
		if a.Title.EN == en {
			return a
		}
	}
	return nil
}

// TestRealActivities checks the activities of the facts: dates, types, formats
// and flagship links.
func TestRealActivities(t *testing.T) {
	x := indexOf(defaults(t))
	tests := []struct {
		title    string
		start    string
		typ      amur.ActivityType
		format   amur.Format
		flagship string
	}{
		{"Opening ceremony of the China–Russia Years of Scientific and Technological Innovation", "2020-08-26", amur.Ceremony, amur.Online, ""},
		{"Closing ceremony of the China–Russia Years of Scientific and Technological Innovation", "2021-11-26", amur.Ceremony, amur.Online, ""},
		{"CIEP 2020 Shenzhen forum plenary: China–Russia Scientific and Technological Innovation Cooperation", "2020-09-07", amur.Forum, amur.Online, ""},
		{"Launch ceremony of the Russian–Chinese Mathematical Center", "2020-06-29", amur.Ceremony, amur.Hybrid, "math-center"},
		{"Ground-breaking of Tianwan NPP units 7 and 8", "2021-05-19", amur.Ceremony, amur.Hybrid, "tianwan-7-8"},
		{"Ground-breaking of Xudapu NPP units 3 and 4", "2021-05-19", amur.Ceremony, amur.Hybrid, "xudapu-3-4"},
		{"China's participation in building the NICA collider", "2020", amur.JointResearch, amur.InPerson, "nica"},
		{"Setting up and launch of the China–Russia science and technology innovation fund", "2019-06-05", amur.OtherActivityType, amur.InPerson, "sti-fund"},
	}
	for _, tt := range tests {
		a := x.byTitle(tt.title)
		if a == nil {
			t.Errorf("no activity %q", tt.title)
			continue
		}
		var flagship string
		if f := x.flagships[tt.flagship]; f != nil {
			flagship = f.ID
		}
		if a.Start.String() != tt.start || a.Type != tt.typ || a.Format != tt.format || a.FlagshipID != flagship ||
			a.Synthetic || !trilingual(a.Title) || !trilingual(a.Description) {
			t.Errorf("%s: start %s, type %s, format %s, flagship %q, synthetic %v", tt.title, a.Start, a.Type, a.Format, a.FlagshipID, a.Synthetic)
		}
	}
}

// TestCIEPForumSpeakers checks that the CIEP 2020 Shenzhen forum has its seven
// guests as speakers and their seven organisations.
func TestCIEPForumSpeakers(t *testing.T) {
	x := indexOf(defaults(t))
	a := x.byTitle("CIEP 2020 Shenzhen forum plenary: China–Russia Scientific and Technological Innovation Cooperation")
	if a == nil {
		t.Fatal("no CIEP forum")
	}
	speakers, orgs := 0, 0
	for _, p := range a.Participants {
		switch {
		case p.PersonID != "" && p.Role == amur.Speaker:
			speakers++
		case p.OrgID != "":
			orgs++
		}
	}
	if speakers != 7 || orgs != 7 || a.Zone != "Asia/Shanghai" {
		t.Errorf("CIEP forum has %d speakers and %d organisations in %s, want 7 and 7 in Asia/Shanghai", speakers, orgs, a.Zone)
	}
}

// TestTimeline checks that every dated event of the facts has a complete
// trilingual entry, and that the ground-breaking is a milestone of both
// nuclear flagships.
func TestTimeline(t *testing.T) {
	x := indexOf(defaults(t))
	var dates []string
	for _, e := range x.timeline {
		dates = append(dates, e.Date.String())
		if !trilingual(e.Title) || !trilingual(e.Summary) || len(e.Sources) == 0 || e.Provenance.Source != "demo: program-facts" {
			t.Errorf("entry %s %q is incomplete", e.Date, e.Title.EN)
		}
	}
	for _, d := range []string{"2019-06-05", "2020-08-26", "2020-09-07", "2020-12-28", "2021-05-19", "2021-06-28",
		"2021-08-17", "2021-08-25", "2021-11-26", "2021-11-29", "2021-12-15"} {
		if !slices.Contains(dates, d) {
			t.Errorf("the timeline has no entry on %s", d)
		}
	}
	milestones := map[string]int{}
	for _, e := range x.timeline {
		if e.Date.String() == "2021-05-19" {
			milestones[e.FlagshipID]++
		}
	}
	for _, slug := range []string{"tianwan-7-8", "xudapu-3-4"} {
		if milestones[x.flagships[slug].ID] != 1 {
			t.Errorf("the ground-breaking is not a milestone of %s", slug)
		}
	}
}

// TestSyntheticDistribution checks the spread of activities over time: about
// 500 in 2020, few before the opening, mostly online in 2020 and less so in
// 2021.
func TestSyntheticDistribution(t *testing.T) {
	x := indexOf(defaults(t))
	total, in2020, synth, beforeOpening := len(x.acts), 0, 0, 0
	online := map[int][2]int{} // year → online, all
	for _, a := range x.acts {
		if a.Start.Y == 2020 {
			in2020++
		}
		if !a.Synthetic {
			continue
		}
		synth++
		if a.Start.Date.Before(amur.MustDate("2020-08-26")) {
			beforeOpening++
		}
		o := online[a.Start.Y]
		o[1]++
		if a.Format == amur.Online {
			o[0]++
		}
		online[a.Start.Y] = o
	}
	if total < 1000 || synth != DefaultActivities {
		t.Errorf("%d activities, %d synthetic; want at least 1,000 and %d", total, synth, DefaultActivities)
	}
	if in2020 < 350 || in2020 > 650 {
		t.Errorf("%d activities start in 2020, want about 500", in2020)
	}
	if beforeOpening > synth/10 {
		t.Errorf("%d synthetic activities start before the opening, want few", beforeOpening)
	}
	share := func(y int) float64 { return float64(online[y][0]) / float64(online[y][1]) }
	if share(2020) < 0.5 || share(2021) >= share(2020) {
		t.Errorf("online share %.2f in 2020 and %.2f in 2021; want mostly online in 2020 and less in 2021", share(2020), share(2021))
	}
}

// TestSyntheticActivities checks that every synthetic activity has
// participants of both sides, texts in three languages, fields, a known type
// and a status that fits its dates.
func TestSyntheticActivities(t *testing.T) {
	x := indexOf(defaults(t))
	types := map[amur.ActivityType]bool{}
	for _, a := range x.acts {
		if !a.Synthetic {
			continue
		}
		types[a.Type] = true
		sides := map[string]bool{}
		for _, p := range a.Participants {
			sides[p.Side] = true
		}
		if !sides["CN"] || !sides["RU"] {
			t.Errorf("%s: participants' sides %v, want CN and RU", a.ID, sides)
		}
		if !trilingual(a.Title) || !trilingual(a.Description) || len(a.Fields) == 0 || a.Provenance.Source != "demo: synthetic" {
			t.Errorf("%s: title %+v, fields %v, provenance %+v", a.ID, a.Title, a.Fields, a.Provenance)
		}
		if !slices.Contains(amur.ActivityTypes, a.Type) {
			t.Errorf("%s: type %s", a.ID, a.Type)
		}
		checkStatus(t, a)
	}
	if len(types) < 7 {
		t.Errorf("synthetic activities have %d types, want them spread", len(types))
	}
}

// checkStatus reports an activity whose status does not fit its dates as
// the program office saw them at the end of 2021.
func checkStatus(t *testing.T, a *amur.Activity) {
	t.Helper()
	start, end := a.Start.Start(time.UTC), lastInstant(a)
	var ok bool
	switch a.Status {
	case amur.Held, amur.Cancelled:
		ok = end.Before(snapshot)
	case amur.InProgress:
		ok = start.Before(snapshot) && !end.Before(snapshot)
	case amur.Planned, amur.Approved:
		ok = !start.Before(snapshot)
	}
	if !ok {
		t.Errorf("%s: status %s from %s to %s", a.ID, a.Status, a.Start, a.End)
	}
}
