package demo

import (
	"fmt"
	"slices"
	"time"

	"amur"
)

// activityTypes and typeWeights spread synthetic activities over the kinds
// of cooperation the Years announced: research projects, academic
// exchanges, forums, training, enterprise cooperation, exhibitions.
var (
	activityTypes = []amur.ActivityType{amur.JointResearch, amur.AcademicExchange, amur.Forum, amur.Training,
		amur.EnterpriseCoop, amur.Exhibition, amur.Ceremony, amur.OtherActivityType}
	typeWeights = []int{25, 22, 14, 11, 14, 7, 3, 4}
)

// plan holds what is drawn for one synthetic activity before its texts
// are written.
type plan struct {
	typ           amur.ActivityType
	topic         topic
	side          string // the host side
	host, partner orgRow
	start         time.Time
	format        amur.Format
	orig          amur.Lang   // the language the texts are first written in
	machine       []amur.Lang // the languages a machine translated
}

// isProject reports whether activities of type t are projects that run for
// months rather than events that last days.
func isProject(t amur.ActivityType) bool {
	return t == amur.JointResearch || t == amur.EnterpriseCoop
}

// addActivities emits the real activities, then the synthetic ones.
func (b *builder) addActivities() {
	b.addRealActivities()
	pool := newOrgPool(b.people)
	for i := range b.opts.Activities {
		if b.err != nil {
			return
		}
		b.addSynthActivity(i, pool)
	}
}

// addSynthActivity draws and emits the i-th synthetic activity.
func (b *builder) addSynthActivity(i int, pool *orgPool) {
	rng := b.rng
	p := plan{typ: activityTypes[weighted(rng, typeWeights)]}
	p.start = startDay(rng, !isProject(p.typ))
	p.topic = topics[weighted(rng, topicWeights(p.start.Year() == 2020))]
	p.side = "CN"
	if chance(rng, 0.48) {
		p.side = "RU"
	}
	p.host = pool.choose(rng, p.side, p.typ, p.topic, true)
	p.partner = pool.choose(rng, otherSide(p.side), p.typ, p.topic, false)
	p.format = formatAt(rng, p.start)
	key := fmt.Sprintf("synthetic/%d/%d", b.opts.Seed, i)
	a := &amur.Activity{
		Meta:       b.meta(amur.KindActivity, key),
		ProgramID:  b.programID,
		Type:       p.typ,
		Fields:     b.fieldsOf(p),
		Zone:       cities[p.host.city].zone,
		Format:     p.format,
		Sides:      []string{"CN", "RU"},
		Provenance: prov(synthSource),
		Synthetic:  true,
	}
	b.schedule(a, p)
	a.Status = statusOf(rng, a.Start.Start(time.UTC), lastInstant(a), p.format)
	a.Location = location(p)
	a.Participants = b.participants(pool, p)
	b.writeTexts(a, &p)
	a.Outcomes = b.outcomes(a, p)
	b.put(key, a)
}

// fieldsOf returns the topic's field and, for one activity in five, the
// field of a second topic of the same broad field.
func (b *builder) fieldsOf(p plan) []string {
	fields := []string{p.topic.field}
	if !chance(b.rng, 0.2) {
		return fields
	}
	var near []string
	for _, t := range topics {
		if t.field[0] == p.topic.field[0] && t.field != p.topic.field && !slices.Contains(near, t.field) {
			near = append(near, t.field)
		}
	}
	if len(near) > 0 {
		fields = append(fields, pick(b.rng, near))
	}
	return fields
}

// Durations of events in days, and local starting times, by type.
var (
	eventDays = map[amur.ActivityType][]int{
		amur.AcademicExchange:  {1, 1, 1, 2, 3, 5, 7, 14},
		amur.Forum:             {1, 1, 2, 3},
		amur.Training:          {3, 5, 7, 10, 14, 21},
		amur.Exhibition:        {2, 3, 4, 5},
		amur.Ceremony:          {1},
		amur.OtherActivityType: {1, 1, 3, 7},
	}
	clockTimes = [][2]int{{9, 30}, {10, 0}, {14, 0}, {15, 0}}
)

// schedule sets the start and end of a: projects run for months, some of
// them past the end of 2021; events last days, and forums and ceremonies
// often have a starting time.
func (b *builder) schedule(a *amur.Activity, p plan) {
	rng := b.rng
	if isProject(p.typ) {
		months := pick(rng, []int{6, 9, 12, 12, 18, 24})
		if p.typ == amur.EnterpriseCoop {
			months = pick(rng, []int{3, 6, 9, 12, 18})
		}
		a.Start = dayMoment(p.start)
		if chance(rng, 0.5) {
			a.Start = monthMoment(p.start)
		}
		end := p.start.AddDate(0, months-1, 1-p.start.Day())
		if last := time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC); end.After(last) && !p.start.After(last) && !chance(rng, 0.2) {
			end = last
		}
		a.End = monthMoment(end)
		return
	}
	a.Start = dayMoment(p.start)
	if (p.typ == amur.Forum || p.typ == amur.Ceremony) && chance(rng, 0.6) {
		c := pick(rng, clockTimes)
		a.Start.H, a.Start.Min, a.Start.HasTime = c[0], c[1], true
	}
	if days := pick(rng, eventDays[p.typ]); days > 1 {
		a.End = dayMoment(p.start.AddDate(0, 0, days-1))
	}
}

// lastInstant returns the last instant of a on the calendar, as if in UTC.
func lastInstant(a *amur.Activity) time.Time {
	if a.End.IsZero() {
		return a.Start.End(time.UTC)
	}
	return a.End.End(time.UTC)
}

// location returns where the activity of p takes place: the host city, the
// host city and online, or online.
func location(p plan) amur.Text {
	c := cities[p.host.city]
	lang := sideLang(p.side)
	switch p.format {
	case amur.Online:
		return tri(lang, "线上", "Онлайн", "Online")
	case amur.Hybrid:
		return tri(lang, c.zh+"（线上线下结合）", c.ru+" и онлайн", c.en+" and online")
	}
	return c.text(p.side)
}

// participants returns the organisations of p in their roles, sometimes a
// third organisation and the two science foundations funding a mirrored
// call, and some of their researchers.
func (b *builder) participants(pool *orgPool, p plan) []amur.Participant {
	rng := b.rng
	hostRole, partnerRole := amur.Organiser, amur.CoOrganiser
	if isProject(p.typ) {
		hostRole, partnerRole = amur.Lead, amur.Partner
	}
	orgs := []orgRow{p.host, p.partner}
	roles := []amur.Role{hostRole, partnerRole}
	if chance(rng, 0.3) {
		extra := pool.choose(rng, pick(rng, both), p.typ, p.topic, false)
		if !slices.ContainsFunc(orgs, func(r orgRow) bool { return r.key == extra.key }) {
			orgs, roles = append(orgs, extra), append(roles, amur.Partner)
		}
	}
	var parts []amur.Participant
	for i, o := range orgs {
		parts = append(parts, amur.Participant{OrgID: b.orgID(o.key), Side: o.country, Role: roles[i]})
	}
	if p.typ == amur.JointResearch && chance(rng, 0.3) {
		parts = append(parts, b.orgPart("nsfc", amur.Funder), b.orgPart("rsf", amur.Funder))
	}
	for i, o := range orgs {
		staff := pool.people[o.key]
		if len(staff) == 0 || !chance(rng, 0.45) {
			continue
		}
		sp := pick(rng, staff)
		parts = append(parts, amur.Participant{PersonID: sp.id, Side: sp.side, Role: personRole(p.typ, i == 0)})
	}
	return parts
}

// personRole returns the role of a researcher in an activity of type t,
// host telling whether they come from the host organisation.
func personRole(t amur.ActivityType, host bool) amur.Role {
	switch {
	case isProject(t) && host:
		return amur.Lead
	case isProject(t):
		return amur.Member
	case t == amur.Forum, t == amur.AcademicExchange, t == amur.Training:
		return amur.Speaker
	case t == amur.Ceremony:
		return amur.Guest
	}
	return amur.Attendee
}

// outcomeChances gives, by type, the chance of each kind of outcome of a
// held activity.
var outcomeChances = map[amur.ActivityType][]struct {
	kind amur.OutcomeKind
	p    float64
}{
	amur.JointResearch:    {{amur.Publication, 0.45}, {amur.Patent, 0.12}, {amur.OtherResult, 0.1}},
	amur.EnterpriseCoop:   {{amur.Agreement, 0.35}, {amur.Patent, 0.1}},
	amur.Forum:            {{amur.Agreement, 0.15}},
	amur.AcademicExchange: {{amur.Agreement, 0.1}, {amur.Publication, 0.1}},
	amur.Ceremony:         {{amur.Agreement, 0.6}},
	amur.Training:         {{amur.Agreement, 0.05}},
}

// outcomes returns the results of a held activity, dated at its end.
func (b *builder) outcomes(a *amur.Activity, p plan) []amur.Outcome {
	if a.Status != amur.Held {
		return nil
	}
	date := a.Start.Date
	if !a.End.IsZero() {
		date = a.End.Date
	}
	var out []amur.Outcome
	for _, c := range outcomeChances[p.typ] {
		if chance(b.rng, c.p) {
			t := outcomeTemplates[c.kind].fill(p.topic, p.side, p.orig)
			t.Machine = p.machine
			out = append(out, amur.Outcome{Kind: c.kind, Title: t, Date: date})
		}
	}
	return out
}
