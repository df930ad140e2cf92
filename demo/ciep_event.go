package demo

import (
	"context"
	"errors"

	"amur"
)

// ciepTitle is the English title of the demo's CIEP 2020 Shenzhen activity,
// by which its event finds it.
const ciepTitle = "CIEP 2020 Shenzhen forum plenary: China–Russia Scientific and Technological Innovation Cooperation"

// errFound stops the scan of activities once the CIEP activity is found.
var errFound = errors.New("found")

// CIEPEvent returns the CIEP 2020 Shenzhen forum of the loaded demo
// program as an event: linked to the registry activity the demo holds for
// it, organised by that activity's organisations, held online on 7
// September 2020 (the facts give the day, not the hours, so the event and
// its plenary take the whole day), with the plenary as its session and the
// seven guests as speakers under the titles they held. The caller stores it
// through the events service.
func CIEPEvent(ctx context.Context, s amur.Store) (*amur.Event, error) {
	var act *amur.Activity
	err := s.Each(ctx, amur.KindActivity, func(r amur.Record) error {
		if a := r.(*amur.Activity); a.Title.EN == ciepTitle {
			act = a
			return errFound
		}
		return nil
	})
	if err != nil && !errors.Is(err, errFound) {
		return nil, err
	}
	if act == nil {
		return nil, amur.NotFound(string(amur.KindActivity), ciepTitle)
	}
	e := &amur.Event{
		ActivityID: act.ID, Kind: amur.EventForum, Public: true,
		Title: act.Title, Description: act.Description, Venue: act.Location,
		Start: act.Start, End: act.Start, Zone: act.Zone,
		Registration: amur.RegistrationRules{Open: false},
	}
	plenary := amur.EventSession{
		Title: amur.T("zh", "全体会议：中俄科技创新合作", "ru", "Пленарное заседание: российско-китайское научно-техническое инновационное сотрудничество",
			"en", "Plenary: China–Russia Scientific and Technological Innovation Cooperation"),
		Start: act.Start, End: act.Start, Stream: "online",
	}
	for _, p := range act.Participants {
		switch {
		case p.OrgID != "":
			e.Organizers = append(e.Organizers, p.OrgID)
		case p.Role == amur.Speaker:
			person, err := s.Person(ctx, p.PersonID)
			if err != nil {
				return nil, err
			}
			plenary.Speakers = append(plenary.Speakers, speakerOf(person))
		}
	}
	e.Sessions = []amur.EventSession{plenary}
	return e, nil
}

// speakerOf returns a person as a session speaker: the name in each
// language as its readers write it, and the title of the first affiliation.
func speakerOf(p *amur.Person) amur.SessionSpeaker {
	sp := amur.SessionSpeaker{PersonID: p.ID,
		Name: amur.T("zh", p.DisplayName(amur.ZH), "ru", p.DisplayName(amur.RU), "en", p.DisplayName(amur.EN))}
	if len(p.Affiliations) > 0 {
		sp.Title = p.Affiliations[0].Title
	}
	return sp
}
