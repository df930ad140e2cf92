package demo

import (
	"fmt"
	"slices"

	"amur"
)

// orgPart returns the organisation with key as a participant in role, on its
// own side.
func (b *builder) orgPart(key string, role amur.Role) amur.Participant {
	r, ok := rowByKey(key)
	if !ok && b.err == nil {
		b.err = fmt.Errorf("demo: no organization with key %q", key)
	}
	return amur.Participant{OrgID: b.orgID(key), Side: r.country, Role: role}
}

// personPart returns the real person with key as a participant in role, on
// their own side.
func (b *builder) personPart(key string, role amur.Role) amur.Participant {
	i := slices.IndexFunc(realPeople, func(r personRow) bool { return r.key == key })
	if i < 0 {
		if b.err == nil {
			b.err = fmt.Errorf("demo: no person with key %q", key)
		}
		return amur.Participant{}
	}
	return amur.Participant{PersonID: b.personID(key), Side: realPeople[i].country, Role: role}
}

// realActivity is an activity of the facts before its ids are resolved.
type realActivity struct {
	key      string
	act      amur.Activity
	orgs     [][2]string // key, role
	people   [][2]string // key, role
	flagship string
}

// addRealActivities emits the activities the facts record.
func (b *builder) addRealActivities() {
	for _, r := range realActivities() {
		a := r.act
		a.Meta = b.meta(amur.KindActivity, r.key)
		a.ProgramID = b.programID
		a.Provenance = prov(factsSource)
		for _, o := range r.orgs {
			a.Participants = append(a.Participants, b.orgPart(o[0], amur.Role(o[1])))
		}
		for _, p := range r.people {
			a.Participants = append(a.Participants, b.personPart(p[0], amur.Role(p[1])))
		}
		if r.flagship != "" {
			a.FlagshipID = b.flagshipID(r.flagship)
		}
		b.add(r.key, &a)
	}
}

// both lists the two sides of the program.
var both = []string{"CN", "RU"}

// videoLink is the location of events held by video link between the capitals.
var videoLink = en3("北京—莫斯科（视频连线）", "Пекин — Москва (по видеосвязи)", "Beijing–Moscow (video link)")

// realActivities returns the activities the facts record.
func realActivities() []realActivity {
	return []realActivity{
		fundActivity(),
		{key: "math-center-founding", flagship: "math-center",
			act: amur.Activity{
				Title: en3("中俄数学中心成立仪式", "Церемония основания Российско-китайского математического центра",
					"Launch ceremony of the Russian–Chinese Mathematical Center"),
				Description: en3(
					"中俄数学中心成立仪式在北京大学举行，莫斯科大学等两国高校通过远程直播共同见证。北京大学副校长张平文主持仪式。",
					"Церемония основания центра прошла в Пекинском университете; МГУ и другие университеты двух стран участвовали по видеосвязи. Вёл церемонию проректор Пекинского университета Чжан Пинвэнь.",
					"The launch ceremony was held at Peking University, with Lomonosov Moscow State University and other universities of both countries joining by live video link. Peking University Vice-President Zhang Pingwen presided."),
				Type: amur.Ceremony, Status: amur.Held, Fields: []string{"1.1"},
				Start: amur.MustMoment("2020-06-29"), Zone: zoneBeijing, Format: amur.Hybrid,
				Location: en3("北京大学", "Пекинский университет", "Peking University, Beijing"),
				Sides:    both,
				Outcomes: []amur.Outcome{{Kind: amur.OtherResult, Date: amur.MustDate("2020-06-29"),
					Title: en3("中俄数学中心成立", "Основан Российско-китайский математический центр",
						"Russian–Chinese Mathematical Center founded")}},
			},
			orgs:   [][2]string{{"pku", "organiser"}, {"msu", "co_organiser"}, {"math-center", "partner"}},
			people: [][2]string{{"zhang-pingwen", "speaker"}}},
		openingCeremony(),
		ciepForum(),
		groundBreaking("tianwan-7-8", "jnpc",
			en3("田湾核电站7、8号机组开工仪式", "Начало строительства энергоблоков № 7 и 8 Тяньваньской АЭС",
				"Ground-breaking of Tianwan NPP units 7 and 8"),
			en3("江苏省连云港", "Ляньюньган, провинция Цзянсу", "Lianyungang, Jiangsu")),
		groundBreaking("xudapu-3-4", "",
			en3("徐大堡核电站3、4号机组开工仪式", "Начало строительства энергоблоков № 3 и 4 АЭС «Сюйдапу»",
				"Ground-breaking of Xudapu NPP units 3 and 4"),
			en3("辽宁省", "Провинция Ляонин", "Liaoning")),
		closingCeremony(),
		nicaActivity(),
		jointCallActivity(),
	}
}
