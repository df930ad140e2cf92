package demo

import (
	"strings"

	"amur"
)

// tmpl is a text in the three languages with placeholders filled from a
// topic: {zh} and {en} take its Chinese and English names, {nom}, {gen} and
// {dat} its Russian cases, and {side} the English name of the pair of
// countries with the host first.
type tmpl struct{ zh, ru, en string }

// fill returns the text of t for topic tp, first written in orig.
func (t tmpl) fill(tp topic, side string, orig amur.Lang) amur.Text {
	pair := "China–Russia"
	if side == "RU" {
		pair = "Russia–China"
	}
	vars := [][2]string{{"{zh}", tp.zh}, {"{en}", tp.en}, {"{nom}", tp.nom},
		{"{gen}", tp.gen}, {"{dat}", tp.dat}, {"{side}", pair}}
	expand := func(s string) string {
		for _, v := range vars {
			s = strings.ReplaceAll(s, v[0], v[1])
		}
		return s
	}
	return tri(orig, expand(t.zh), expand(t.ru), expand(t.en))
}

// titleTemplates holds the title templates of each activity type.
var titleTemplates = map[amur.ActivityType][]tmpl{
	amur.JointResearch: {
		{"{zh}联合研究", "Совместное исследование в области {gen}", "Joint research on {en}"},
		{"中俄{zh}联合实验室", "Совместная лаборатория по {dat}", "Joint laboratory for {en}"},
		{"{zh}合作研究项目", "Совместный проект в области {gen}", "Collaborative project in {en}"},
	},
	amur.AcademicExchange: {
		{"{zh}领域科研人员交流", "Обмен исследователями в области {gen}", "Researcher exchange in {en}"},
		{"{zh}系列讲座", "Цикл лекций по {dat}", "Lecture series on {en}"},
		{"{zh}联合研讨会", "Совместный семинар по {dat}", "Joint seminar on {en}"},
		{"{zh}访问学者项目", "Программа приглашённых исследователей в области {gen}", "Visiting scholar programme in {en}"},
	},
	amur.Forum: {
		{"中俄{zh}论坛", "Российско-китайский форум по {dat}", "{side} forum on {en}"},
		{"中俄{zh}学术会议", "Российско-китайская конференция по {dat}", "{side} conference on {en}"},
		{"{zh}圆桌会议", "Круглый стол по {dat}", "Round table on {en}"},
	},
	amur.Training: {
		{"{zh}青年科学家学校", "Школа молодых учёных по {dat}", "School for young scientists on {en}"},
		{"{zh}培训班", "Курс повышения квалификации по {dat}", "Training course in {en}"},
		{"{zh}研究生联合课程", "Совместный курс для аспирантов по {dat}", "Joint postgraduate course on {en}"},
	},
	amur.Exhibition: {
		{"{zh}成果展", "Выставка достижений в области {gen}", "Exhibition of achievements in {en}"},
		{"{zh}技术展览会", "Технологическая выставка: {nom}", "Technology fair: {en}"},
	},
	amur.EnterpriseCoop: {
		{"{zh}企业合作", "Сотрудничество предприятий в области {gen}", "Enterprise cooperation in {en}"},
		{"{zh}技术转移项目", "Проект по передаче технологий в области {gen}", "Technology transfer project in {en}"},
		{"{zh}企业对接会", "Деловые встречи предприятий по {dat}", "Brokerage meeting on {en}"},
	},
	amur.Ceremony: {
		{"{zh}联合中心揭牌仪式", "Открытие совместного центра по {dat}", "Opening of the joint centre for {en}"},
		{"{zh}合作协议签约仪式", "Подписание соглашений о сотрудничестве в области {gen}", "Signing of cooperation agreements on {en}"},
	},
	amur.OtherActivityType: {
		{"{zh}科普周", "Неделя популяризации науки: {nom}", "Popular science week: {en}"},
		{"{zh}青年创新大赛", "Молодёжный конкурс инноваций в области {gen}", "Youth innovation contest in {en}"},
	},
}

// aimTemplates holds the first sentence of the description of each type.
var aimTemplates = map[amur.ActivityType]tmpl{
	amur.JointResearch: {"中俄团队在{zh}领域开展联合攻关，共享数据和设备，联合培养博士生。",
		"Китайские и российские коллективы совместно работают в области {gen}, обмениваются данными, оборудованием и аспирантами.",
		"Chinese and Russian teams work together on {en}, sharing data, equipment and doctoral students."},
	amur.AcademicExchange: {"两国科研人员就{zh}交流研究成果并商讨后续合作。",
		"Учёные двух стран обмениваются результатами и обсуждают совместную работу по {dat}.",
		"Researchers of both countries exchange results and plan joint work on {en}."},
	amur.Forum: {"两国科学家、政府部门和企业代表围绕{zh}探讨合作政策与联合项目。",
		"Учёные, представители органов власти и компаний обсуждают сотрудничество и совместные проекты по {dat}.",
		"Scientists, officials and companies discuss cooperation, policies and joint projects on {en}."},
	amur.Training: {"中俄两国教师为两国青年科研人员和工程师开展{zh}培训。",
		"Китайские и российские преподаватели обучают молодых исследователей и инженеров двух стран по {dat}.",
		"Chinese and Russian lecturers train young researchers and engineers of both countries in {en}."},
	amur.Exhibition: {"展览展示中俄两国在{zh}领域的成果与技术。",
		"На выставке представлены китайские и российские результаты и технологии в области {gen}.",
		"The exhibition presents Chinese and Russian results and technologies in {en}."},
	amur.EnterpriseCoop: {"两国企业与科研机构合作推动{zh}成果转化。",
		"Компании и научные организации двух стран совместно выводят на рынок разработки в области {gen}.",
		"Companies and research organisations of both countries bring results in {en} to market."},
	amur.Ceremony: {"标志着中俄在{zh}领域合作迈上新台阶的仪式。",
		"Церемония, знаменующая новый этап российско-китайского сотрудничества в области {gen}.",
		"A ceremony marking a new stage of China–Russia cooperation in {en}."},
	amur.OtherActivityType: {"面向公众介绍中俄{zh}合作的系列活动。",
		"Публичные мероприятия о российско-китайском сотрудничестве в области {gen}.",
		"Public events presenting China–Russia cooperation in {en}."},
}

// outcomeTemplates holds the title templates of each kind of outcome.
var outcomeTemplates = map[amur.OutcomeKind]tmpl{
	amur.Agreement:   {"{zh}合作协议", "Соглашение о сотрудничестве в области {gen}", "Cooperation agreement on {en}"},
	amur.Publication: {"{zh}联合论文", "Совместная статья по {dat}", "Joint paper on {en}"},
	amur.Patent:      {"{zh}联合专利申请", "Совместная патентная заявка в области {gen}", "Joint patent application in {en}"},
	amur.OtherResult: {"成立{zh}联合实验室", "Создана совместная лаборатория по {dat}", "Joint laboratory set up for {en}"},
}

// placeTemplates holds the sentences that say where an event takes place,
// by format; {city} is the host city.
var placeTemplates = map[amur.Format]tmpl{
	amur.Online:   {"活动以线上方式举行。", "Формат — онлайн.", "Held online."},
	amur.Hybrid:   {"活动在{city}以线上线下结合方式举行。", "Формат — смешанный: {city} и онлайн.", "Held in {city} and online."},
	amur.InPerson: {"活动在{city}举行。", "Место проведения — {city}.", "Held in {city}."},
}

// workTemplates holds the sentences that say where the joint work of a
// project takes place, by format.
var workTemplates = map[amur.Format]tmpl{
	amur.Online:   {"项目以线上方式协调开展。", "Работа координируется онлайн.", "The work is coordinated online."},
	amur.Hybrid:   {"联合工作在{city}开展，并通过线上方式协调。", "Совместная работа ведётся в городе {city} и онлайн.", "Joint work takes place in {city} and online."},
	amur.InPerson: {"联合工作在{city}开展。", "Совместная работа ведётся в городе {city}.", "Joint work takes place in {city}."},
}

// cancelledNote is added to the description of a cancelled activity.
var cancelledNote = tmpl{"因疫情取消。", "Отменено из-за пандемии.", "Cancelled because of the pandemic."}
