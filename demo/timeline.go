package demo

import "amur"

// entryRow is one dated event of the facts.
type entryRow struct {
	key      string
	date     string
	kind     amur.EntryKind
	title    amur.Text
	summary  amur.Text
	people   []string
	orgs     []string
	flagship string
	activity string // key of the activity the entry reports
	sources  []amur.Source
}

// src returns a source from its title and publisher, with the date it was
// published (which may be "").
func src(title, publisher, published string) amur.Source {
	s := amur.Source{Title: title + " — " + publisher}
	if published != "" {
		s.Published = amur.MustDate(published)
	}
	return s
}

// heads are the two heads of state.
var heads = []string{"xi-jinping", "vladimir-putin"}

// addTimeline emits the timeline entries of the facts.
func (b *builder) addTimeline() {
	rows := append(append([]entryRow{}, timeline2019to2020...), timeline2021...)
	for _, r := range rows {
		e := &amur.TimelineEntry{
			Meta:       b.meta(amur.KindTimeline, r.key),
			ProgramID:  b.programID,
			Date:       amur.MustDate(r.date),
			Kind:       r.kind,
			Title:      r.title,
			Summary:    r.summary,
			PersonIDs:  b.personIDs(r.people...),
			OrgIDs:     b.orgIDs(r.orgs...),
			Sources:    r.sources,
			Provenance: prov(factsSource),
		}
		if r.flagship != "" {
			e.FlagshipID = b.flagshipID(r.flagship)
		}
		if r.activity != "" {
			e.ActivityID = b.id(amur.KindActivity, r.activity)
		}
		b.add(r.key, e)
	}
}

// timeline2019to2020 holds the entries from the decision to hold the Years
// to the end of 2020.
var timeline2019to2020 = []entryRow{
	{key: "2019-06-05-joint-statement", date: "2019-06-05", kind: amur.Statement, people: heads,
		title: en3("中俄关于发展新时代全面战略协作伙伴关系的联合声明",
			"Совместное заявление о развитии отношений всеобъемлющего партнёрства и стратегического взаимодействия, вступающих в новую эпоху",
			"Joint Statement on the Comprehensive Strategic Partnership of Coordination for a New Era"),
		summary: en3("习近平主席对俄罗斯进行国事访问期间，两国元首在莫斯科签署联合声明，决定2020年、2021年互办中俄科技创新年。",
			"Во время государственного визита Председателя КНР в Москву главы государств подписали совместное заявление и объявили 2020 и 2021 годы Годами российско-китайского научно-технического сотрудничества.",
			"During the Chinese president's state visit to Moscow the two heads of state signed the joint statement and designated 2020 and 2021 as the China–Russia Years of Scientific and Technological Innovation."),
		sources: []amur.Source{src("Report on the signing of the joint statement during the state visit to Moscow", "Xinhua", "2019-06-05")}},
	{key: "2019-06-05-fund-memorandum", date: "2019-06-05", kind: amur.AgreementEntry,
		orgs: []string{"most", "mineconomy"}, flagship: "sti-fund", activity: "sti-fund-launch",
		title: en3("签署设立中俄科技创新基金的谅解备忘录", "Подписан меморандум о создании российско-китайского фонда научно-технических инноваций",
			"Memorandum of understanding on the China–Russia science and technology innovation fund"),
		summary: en3("中国科学技术部与俄罗斯联邦经济发展部签署谅解备忘录，设立支持新技术开发和联合科技成果转化的基金。",
			"Министерство науки и технологий КНР и Минэкономразвития России подписали меморандум о создании фонда для поддержки новых технологий и коммерциализации совместных разработок.",
			"China's Ministry of Science and Technology and Russia's Ministry of Economic Development signed a memorandum to set up a fund supporting new technologies and the commercialisation of joint results."),
		sources: []amur.Source{{Title: "China-Russia Signed MOU on Technology Innovation Fund — SAFEA, Ministry of Science and Technology of China",
			URL: "https://en.safea.gov.cn/pressroom/201907/t20190719_147854.htm", Published: amur.MustDate("2019-07-19")}}},
	{key: "2020-06-29-math-center", date: "2020-06-29", kind: amur.Launch,
		people: []string{"zhang-pingwen"}, orgs: []string{"pku", "msu", "math-center"},
		flagship: "math-center", activity: "math-center-founding",
		title: en3("中俄数学中心成立", "Основан Российско-китайский математический центр", "Russian–Chinese Mathematical Center founded"),
		summary: en3("由北京大学和莫斯科大学牵头的中俄数学中心在北京大学举行成立仪式，两国多所高校远程参加。",
			"Российско-китайский математический центр, созданный по инициативе Пекинского университета и МГУ, открылся на церемонии в Пекинском университете; университеты двух стран участвовали по видеосвязи.",
			"The Russian–Chinese Mathematical Center, led by Peking University and Lomonosov Moscow State University, was launched at a ceremony at Peking University, with universities of both countries joining by video link."),
		sources: []amur.Source{
			{Title: "China-Russia Mathematics Center promotes bilateral sci-tech innovation and cooperation — Peking University News",
				URL: "http://newsen.pku.edu.cn/news_events/news/global/10125.htm", Published: amur.MustDate("2020-09-11")},
			{Title: "PKU and HSE sign cooperation agreements in conjunction with the China-Russia Year of Innovation — Peking University News",
				URL: "https://oldnewsen.pku.edu.cn/news_events/news/global/11425.htm", Published: amur.MustDate("2021-12-08")}}},
	{key: "2020-08-26-opening", date: "2020-08-26", kind: amur.CeremonyEntry,
		people: []string{"sun-chunlan", "tatyana-golikova"}, orgs: []string{"most", "minobrnauki"}, activity: "opening-ceremony",
		title: en3("中俄科技创新年开幕", "Открытие Годов российско-китайского научно-технического сотрудничества",
			"Opening of the China–Russia Years of Scientific and Technological Innovation"),
		summary: en3("科技创新年以视频连线方式开幕。孙春兰和戈利科娃出席开幕式，计划开展的活动超过1000项。",
			"Годы открылись по видеосвязи. На церемонии присутствовали Сунь Чуньлань и Татьяна Голикова; запланировано более 1000 мероприятий.",
			"The Years opened by video link. Sun Chunlan and Tatyana Golikova attended; more than 1,000 activities were planned."),
		sources: []amur.Source{{Title: "China, Russia launch Year of Scientific and Technological Innovation — Xinhua via People's Daily Online",
			URL: "http://en.people.cn/n3/2020/0827/c90000-9739023.html", Published: amur.MustDate("2020-08-27")}}},
	{key: "2020-08-26-letter-xi", date: "2020-08-26", kind: amur.Letter, people: []string{"xi-jinping"}, activity: "opening-ceremony",
		title: en3("习近平向中俄科技创新年开幕式致贺信", "Поздравительное послание Си Цзиньпина к открытию Годов",
			"Xi Jinping's congratulatory letter to the opening of the Years"),
		summary: en3("习近平指出，在疫情肆虐之际如期举办科技创新年，体现了中俄关系的高水平，呼吁两国科技界开展全方位、多层次、宽领域交流合作。",
			"Си Цзиньпин отметил, что проведение Годов в срок в разгар пандемии показывает высокий уровень отношений, и призвал научные сообщества двух стран к всестороннему многоуровневому сотрудничеству.",
			"Xi said that holding the Years on schedule amid the pandemic showed the high level of the relationship and called on the scientific communities of both countries to cooperate at all levels and in all fields."),
		sources: []amur.Source{src("习近平同普京向中俄科技创新年开幕式致贺信", "Xinhua", "2020-08-26")}},
	{key: "2020-08-26-letter-putin", date: "2020-08-26", kind: amur.Letter, people: []string{"vladimir-putin"}, activity: "opening-ceremony",
		title: en3("普京向中俄科技创新年开幕式致贺信", "Поздравительное послание Владимира Путина к открытию Годов",
			"Vladimir Putin's congratulatory letter to the opening of the Years"),
		summary: en3("普京表示，科技创新是两国最富前景的合作领域之一，并提到两国在抗击新冠疫情方面的密切合作。",
			"Владимир Путин назвал научно-техническое сотрудничество одним из самых перспективных направлений и отметил тесное взаимодействие двух стран в борьбе с COVID-19.",
			"Putin called science and innovation one of the most promising areas of cooperation and noted the two countries' close cooperation against COVID-19."),
		sources: []amur.Source{src("习近平同普京向中俄科技创新年开幕式致贺信", "Xinhua", "2020-08-26")}},
	{key: "2020-09-07-ciep", date: "2020-09-07", kind: amur.ForumEntry, activity: "ciep-2020-shenzhen",
		people: []string{"chen-linhao", "liang-yongsheng", "zhang-pingwen", "chen-xi", "alexey-semin", "sergey-shakhray", "alexei-maslov"},
		orgs:   []string{"most", "sz-stic", "pku", "spic", "minobrnauki", "msu", "icca"},
		title: en3("第十八届中国国际人才交流大会深圳论坛聚焦中俄科技创新合作",
			"Шэньчжэньский форум 18-й CIEP о российско-китайском научно-техническом сотрудничестве",
			"CIEP 2020 Shenzhen forum on China–Russia scientific and technological innovation cooperation"),
		summary: en3("第十八届中国国际人才交流大会在北京、深圳和俄罗斯开幕，深圳论坛全体会议以视频方式举行，七位中俄嘉宾发言。",
			"18-я CIEP открылась в Пекине, Шэньчжэне и России; пленарное заседание Шэньчжэньского форума прошло по видеосвязи, выступили семь гостей из Китая и России.",
			"The 18th CIEP opened in Beijing, Shenzhen and Russia; the Shenzhen forum plenary was held by video, with seven Chinese and Russian guests."),
		sources: []amur.Source{{Title: "Focusing on China-Russia Scientific and Technological Innovation Cooperation - Shenzhen Forum Based on the Cloud — CIEP",
			URL: "http://ciep.gov.cn/content/2023-03/12/content_30114729.htm"}}},
	{key: "2020-12-28-call", date: "2020-12-28", kind: amur.Call, people: heads,
		title: en3("两国元首互致新年贺词并通电话", "Телефонный разговор глав государств с новогодними поздравлениями",
			"New Year telephone call of the two heads of state"),
		summary: en3("两国元首同意继续推进科技创新年，并于2021年共同庆祝《中俄睦邻友好合作条约》签署20周年。",
			"Главы государств договорились продолжить Годы и отметить в 2021 году 20-летие Договора о добрососедстве, дружбе и сотрудничестве 2001 года.",
			"The heads of state agreed to carry the Years forward and to mark in 2021 the 20th anniversary of the 2001 Treaty of Good-Neighborliness and Friendly Cooperation."),
		sources: []amur.Source{src("Report on the telephone call of the heads of state", "Xinhua", "2020-12-28")}},
}
