package demo

import "amur"

// timeline2021 holds the entries of 2021.
var timeline2021 = []entryRow{
	groundBreakingEntry("tianwan-7-8", "jnpc", en3("田湾核电站7、8号机组开工", "Начало строительства энергоблоков № 7 и 8 Тяньваньской АЭС",
		"Ground-breaking of Tianwan NPP units 7 and 8")),
	groundBreakingEntry("xudapu-3-4", "", en3("徐大堡核电站3、4号机组开工", "Начало строительства энергоблоков № 3 и 4 АЭС «Сюйдапу»",
		"Ground-breaking of Xudapu NPP units 3 and 4")),
	{key: "2021-06-28-talks", date: "2021-06-28", kind: amur.Meeting, people: heads,
		title: en3("两国元首举行视频会晤", "Переговоры глав государств по видеосвязи", "Talks of the heads of state by video link"),
		summary: en3("两国元首通过视频方式举行会谈。", "Главы государств провели переговоры по видеосвязи.",
			"The heads of state held talks by video link."),
		sources: []amur.Source{src("Report on the video talks of the heads of state", "Xinhua", "2021-06-28")}},
	{key: "2021-06-28-treaty-statement", date: "2021-06-28", kind: amur.Statement, people: heads,
		title: en3("中俄关于《中俄睦邻友好合作条约》签署20周年的联合声明",
			"Совместное заявление к 20-летию Договора о добрососедстве, дружбе и сотрудничестве",
			"Joint statement on the 20th anniversary of the Treaty of Good-Neighborliness and Friendly Cooperation"),
		summary: en3("两国元首发表联合声明，宣布2001年《中俄睦邻友好合作条约》延期。",
			"Главы государств приняли совместное заявление о продлении Договора 2001 года.",
			"The heads of state issued a joint statement extending the 2001 Treaty."),
		sources: []amur.Source{src("Report on the joint statement extending the 2001 Treaty", "Xinhua", "2021-06-28")}},
	{key: "2021-08-17-railway-bridge", date: "2021-08-17", kind: amur.OtherEntry,
		title: en3("同江—下列宁斯阔耶跨境铁路桥", "Трансграничный железнодорожный мост Нижнеленинское — Тунцзян",
			"Tongjiang–Nizhneleninskoye cross-border railway bridge"),
		summary: en3("同江—下列宁斯阔耶跨境铁路桥建设取得进展。",
			"Этап строительства трансграничного железнодорожного моста Нижнеленинское — Тунцзян.",
			"A milestone in the construction of the Tongjiang–Nizhneleninskoye cross-border railway bridge."),
		sources: []amur.Source{src("Report on the Tongjiang–Nizhneleninskoye railway bridge", "press coverage", "2021-08-17")}},
	{key: "2021-08-25-call", date: "2021-08-25", kind: amur.Call, people: heads,
		title:   en3("两国元首通电话", "Телефонный разговор глав государств", "Telephone call of the two heads of state"),
		summary: en3("两国元首通电话。", "Главы государств провели телефонный разговор.", "The two heads of state spoke by telephone."),
		sources: []amur.Source{src("Report on the telephone call of the heads of state", "Xinhua", "2021-08-25")}},
	{key: "2021-11-26-closing", date: "2021-11-26", kind: amur.CeremonyEntry,
		orgs: []string{"most", "minobrnauki"}, activity: "closing-ceremony",
		title: en3("中俄科技创新年闭幕", "Закрытие Годов российско-китайского научно-технического сотрудничества",
			"Closing of the China–Russia Years of Scientific and Technological Innovation"),
		summary: en3("科技创新年闭幕。双方开展了1000多项合作与交流活动。",
			"Годы закрылись; проведено более 1000 мероприятий сотрудничества и обменов.",
			"The Years closed after more than 1,000 cooperation and exchange activities."),
		sources: []amur.Source{{Title: "Xi, Putin send congratulatory letters to closing ceremony of China-Russia Year of Scientific and Technological Innovation — Xinhua via China Military Online",
			URL: "http://eng.chinamil.com.cn/view/2021-11/26/content_10111068.htm", Published: amur.MustDate("2021-11-26")}}},
	{key: "2021-11-26-letter-xi", date: "2021-11-26", kind: amur.Letter, people: []string{"xi-jinping"},
		activity: "closing-ceremony", flagship: "sti-fund",
		title: en3("习近平向中俄科技创新年闭幕式致贺信", "Поздравительное послание Си Цзиньпина к закрытию Годов",
			"Xi Jinping's congratulatory letter to the closing of the Years"),
		summary: en3("习近平赞许两国在疫情防控、航空航天、核能、数字经济等领域取得的合作成果，中俄科技创新基金成功启动，重大战略性项目取得重要进展。",
			"Си Цзиньпин высоко оценил результаты в борьбе с пандемией, авиации и космонавтике, атомной энергетике и цифровой экономике, успешный запуск российско-китайского фонда научно-технических инноваций и продвижение крупных стратегических проектов.",
			"Xi praised the results in pandemic prevention and control, aerospace and aviation, nuclear energy and the digital economy, the successful launch of the China–Russia science and technology innovation fund and progress in major strategic projects."),
		sources: []amur.Source{src("Xi, Putin congratulate closing of China-Russia Year of Sci-tech Innovation", "Science and Technology Daily", "2021-12-02")}},
	{key: "2021-11-26-letter-putin", date: "2021-11-26", kind: amur.Letter, people: []string{"vladimir-putin"},
		activity: "closing-ceremony", flagship: "nica",
		title: en3("普京向中俄科技创新年闭幕式致贺信", "Поздравительное послание Владимира Путина к закрытию Годов",
			"Vladimir Putin's congratulatory letter to the closing of the Years"),
		summary: en3("普京将中国参与NICA对撞机建设和中俄数学中心的成立列为科技创新年的主要成果。",
			"Владимир Путин назвал главными итогами Годов участие Китая в создании коллайдера NICA и основание Российско-китайского математического центра.",
			"Putin named China's participation in building the NICA collider and the founding of the Russian–Chinese Mathematical Center among the principal results of the Years."),
		sources: []amur.Source{src("Report on the Russian president's message to the closing ceremony", "Russian press coverage", "2021-11-26")}},
	{key: "2021-11-29-energy-forum", date: "2021-11-29", kind: amur.Letter, people: heads,
		title: en3("两国元首向第三届中俄能源商务论坛致贺信", "Поздравительные послания глав государств третьему Российско-китайскому энергетическому бизнес-форуму",
			"Congratulatory letters of the heads of state to the third China–Russia Energy Business Forum"),
		summary: en3("两国元首分别向第三届中俄能源商务论坛致贺信。", "Главы государств направили поздравительные послания участникам третьего Российско-китайского энергетического бизнес-форума.",
			"The two heads of state sent congratulatory letters to the third China–Russia Energy Business Forum."),
		sources: []amur.Source{src("Report on the letters to the third China–Russia Energy Business Forum", "Xinhua", "2021-11-29")}},
	{key: "2021-12-15-virtual-meeting", date: "2021-12-15", kind: amur.Meeting, people: heads,
		title: en3("两国元首举行视频会晤", "Встреча глав государств в формате видеоконференции", "Virtual meeting of the two heads of state"),
		summary: en3("两国元首举行2013年以来的第37次会晤，议题包括共同抗疫（检测、疫苗、药物研发）以及传统能源、新能源、可再生能源和核能合作。",
			"37-я встреча глав государств с 2013 года; обсуждались совместная борьба с пандемией (тестирование, вакцины, разработка лекарств) и энергетика: традиционная, новая и возобновляемая, атомная.",
			"The heads of state held their 37th meeting since 2013; topics included the joint pandemic response (testing, vaccines, drug R&D) and energy: traditional, new and renewable, and nuclear."),
		sources: []amur.Source{src("Report on the virtual meeting of the heads of state", "Xinhua", "2021-12-15")}},
}

// groundBreakingEntry is the ground-breaking of a joint nuclear project on
// 19 May 2021, a milestone of its flagship.
func groundBreakingEntry(flagship, operator string, title amur.Text) entryRow {
	orgs := []string{"rosatom", "cnnc"}
	if operator != "" {
		orgs = append(orgs, operator)
	}
	return entryRow{key: "2021-05-19-" + flagship, date: "2021-05-19", kind: amur.CeremonyEntry,
		people: heads, orgs: orgs, flagship: flagship, activity: flagship + "-ground-breaking",
		title: title,
		summary: en3("两国元首通过视频连线共同见证田湾核电站7、8号机组和徐大堡核电站3、4号机组开工。",
			"Главы государств по видеосвязи дали старт строительству энергоблоков № 7 и 8 Тяньваньской АЭС и № 3 и 4 АЭС «Сюйдапу».",
			"The two heads of state witnessed by video link the ground-breaking of Tianwan units 7 and 8 and Xudapu units 3 and 4."),
		sources: []amur.Source{src("Report on the ground-breaking of joint nuclear energy projects", "Xinhua", "2021-05-19")},
	}
}
