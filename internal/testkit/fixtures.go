package testkit

import (
	"strings"

	"amur"
)

// Program returns a valid China–Russia program with the given slug.
func Program(slug string) *amur.Program {
	return &amur.Program{
		Slug:      slug,
		Name:      amur.T("zh", "中俄科技创新年", "ru", "Годы российско-китайского научно-технического сотрудничества", "en", "China–Russia Years of Scientific and Technological Innovation"),
		Sides:     []string{"CN", "RU"},
		Languages: []amur.Lang{amur.ZH, amur.RU, amur.EN},
		Start:     amur.MustDate("2020-08"),
		End:       amur.MustDate("2021-12"),
	}
}

// Field returns a valid field with code; its parent is the code without
// its last part, so "1.2" lies under "1".
func Field(code, labelEN string) *amur.Field {
	f := &amur.Field{Label: amur.T("en", labelEN)}
	f.ID = code
	if i := strings.LastIndexByte(code, '.'); i > 0 {
		f.Parent = code[:i]
	}
	return f
}

// Org returns a valid university of country with the given name in the
// language matching the country (Chinese for CN, Russian for RU, else
// English).
func Org(name, country string) *amur.Organization {
	lang := "en"
	switch country {
	case "CN":
		lang = "zh"
	case "RU":
		lang = "ru"
	}
	return &amur.Organization{Name: amur.T(lang, name), Kind: amur.University, Country: country}
}

// Person returns a valid person of country with a Latin-script name.
func Person(family, given, country string) *amur.Person {
	return &amur.Person{Latin: amur.PersonName{Family: family, Given: given}, Country: country}
}

// Activity returns a valid activity of the given type starting at start
// ("2020-08-26" or "2020-08-26T15:00", Moscow time) in the given fields,
// with the given participants.
func Activity(title string, typ amur.ActivityType, start string, fields []string, parts ...amur.Participant) *amur.Activity {
	sides := []string{"CN", "RU"}
	if parts == nil {
		parts = []amur.Participant{}
	}
	return &amur.Activity{
		Title:        amur.T("en", title),
		Type:         typ,
		Status:       amur.Planned,
		Fields:       fields,
		Start:        amur.MustMoment(start),
		Zone:         "Europe/Moscow",
		Format:       amur.InPerson,
		Sides:        sides,
		Participants: parts,
	}
}

// OrgPart returns a participant for an organisation.
func OrgPart(orgID, side string, role amur.Role) amur.Participant {
	return amur.Participant{OrgID: orgID, Side: side, Role: role}
}

// PersonPart returns a participant for a person.
func PersonPart(personID, side string, role amur.Role) amur.Participant {
	return amur.Participant{PersonID: personID, Side: side, Role: role}
}
