package demo

import "amur"

// personRow is one real person named in the program's facts.
type personRow struct {
	key     string
	country string
	native  amur.PersonName
	latin   amur.PersonName
	aliases []string
	org     string // key of the organisation of the affiliation, or ""
	title   amur.Text
}

// name returns a PersonName from its parts.
func name(family, given, patronymic string) amur.PersonName {
	return amur.PersonName{Family: family, Given: given, Patronymic: patronymic}
}

// realPeople are the people of the facts with the positions they held then.
// Chinese characters are given only where the sources give them.
var realPeople = []personRow{
	{key: "xi-jinping", country: "CN", native: name("习", "近平", ""), latin: name("Xi", "Jinping", ""),
		aliases: []string{"Си Цзиньпин", "Jinping Xi"}},
	{key: "vladimir-putin", country: "RU", native: name("Путин", "Владимир", "Владимирович"),
		latin:   name("Putin", "Vladimir", "Vladimirovich"),
		aliases: []string{"Vladimir Putin", "V. V. Putin", "Путин В. В.", "普京", "弗拉基米尔·普京"}},
	{key: "sun-chunlan", country: "CN", native: name("孙", "春兰", ""), latin: name("Sun", "Chunlan", ""),
		aliases: []string{"Сунь Чуньлань", "Chunlan Sun"}, org: "state-council",
		title: tri(amur.ZH, "国务院副总理", "Вице-премьер Государственного совета КНР", "Vice Premier of the State Council")},
	{key: "tatyana-golikova", country: "RU", native: name("Голикова", "Татьяна", "Алексеевна"),
		latin:   name("Golikova", "Tatyana", "Alekseevna"),
		aliases: []string{"Tatiana Golikova", "T. A. Golikova", "Голикова Т. А.", "戈利科娃"}, org: "gov-rf",
		title: tri(amur.RU, "俄罗斯联邦政府副总理", "Заместитель Председателя Правительства Российской Федерации",
			"Deputy Prime Minister of the Russian Federation")},
	{key: "chen-linhao", country: "CN", latin: name("Chen", "Linhao", ""),
		aliases: []string{"Linhao Chen", "Чэнь Линьхао"}, org: "most",
		title: tri(amur.ZH, "国际合作司副司长", "Заместитель директора Департамента международного сотрудничества",
			"Deputy Director-General, Department of International Cooperation")},
	{key: "liang-yongsheng", country: "CN", native: name("梁", "永生", ""), latin: name("Liang", "Yongsheng", ""),
		aliases: []string{"Yongsheng Liang", "Лян Юншэн"}, org: "sz-stic",
		title: tri(amur.ZH, "主任", "Директор", "Director")},
	{key: "zhang-pingwen", country: "CN", native: name("张", "平文", ""), latin: name("Zhang", "Pingwen", ""),
		aliases: []string{"Pingwen Zhang", "P. Zhang", "Чжан Пинвэнь"}, org: "pku",
		title: tri(amur.ZH, "副校长", "Вице-президент (проректор)", "Vice-President")},
	{key: "chen-xi", country: "CN", latin: name("Chen", "Xi", ""),
		aliases: []string{"Xi Chen", "Чэнь Си"}, org: "spic",
		title: tri(amur.ZH, "总会计师", "Главный бухгалтер", "Chief Accountant")},
	{key: "alexey-semin", country: "RU", native: name("Семин", "Алексей", "Алексеевич"),
		latin:   name("Semin", "Alexey", "Alekseevich"),
		aliases: []string{"Alexei Semin", "Aleksey Semin", "A. A. Semin", "Semin Alexey Alekseevich", "Семин А. А."},
		org:     "minobrnauki",
		title: tri(amur.RU, "国家科学技术政策司代理司长",
			"Исполняющий обязанности директора Департамента государственной научной и научно-технической политики",
			"Acting Director, Department of State Scientific and Technical Policy")},
	{key: "sergey-shakhray", country: "RU", native: name("Шахрай", "Сергей", "Михайлович"),
		latin: name("Shakhray", "Sergey", "Mikhailovich"),
		aliases: []string{"Sergei Shakhrai", "Sergey Shakhrai", "S. M. Shakhray", "Shakhray Sergey Mikhailovich",
			"Шахрай С. М."}, org: "msu",
		title: tri(amur.RU, "副校长", "Проректор", "Vice-President (vice-rector)")},
	{key: "alexei-maslov", country: "RU", native: name("Маслов", "Алексей", "Александрович"),
		latin: name("Maslov", "Alexei", "Alexandrovich"),
		aliases: []string{"Alexey Maslov", "Aleksei Maslov", "A. A. Maslov", "Maslov Alexei Alexandrovich",
			"Маслов А. А.", "马斯洛夫"}, org: "icca",
		title: tri(amur.RU, "俄罗斯科学院远东研究所所长", "Директор Института Дальнего Востока РАН",
			"Director, Institute of Far Eastern Studies")},
}

// addPeople emits the real people of the facts, then the synthetic
// researchers.
func (b *builder) addPeople() {
	for _, r := range realPeople {
		p := &amur.Person{
			Meta:       b.meta(amur.KindPerson, r.key),
			Native:     r.native,
			Latin:      r.latin,
			Aliases:    r.aliases,
			Country:    r.country,
			Provenance: prov(factsSource),
		}
		if r.org != "" {
			p.Affiliations = []amur.Affiliation{{OrgID: b.orgID(r.org), Title: r.title}}
		}
		b.add(r.key, p)
	}
	b.addSynthPeople()
}
