package demo

import "amur"

// openingCeremony is the opening of the Years on 26 August 2020.
func openingCeremony() realActivity {
	return realActivity{key: "opening-ceremony",
		act: amur.Activity{
			Title: en3("中俄科技创新年开幕式", "Церемония открытия Годов российско-китайского научно-технического сотрудничества",
				"Opening ceremony of the China–Russia Years of Scientific and Technological Innovation"),
			Description: en3(
				"尽管疫情肆虐，科技创新年如期以视频连线方式在北京和莫斯科之间开幕。国务院副总理孙春兰和俄罗斯副总理戈利科娃出席，两国元首习近平和普京分别致贺信。双方计划开展科研、展览、学术交流等1000多项合作与交流活动。",
				"Несмотря на пандемию, Годы открылись в срок по видеосвязи между Пекином и Москвой. Участвовали вице-премьер Госсовета КНР Сунь Чуньлань и заместитель Председателя Правительства России Татьяна Голикова; главы государств Си Цзиньпин и Владимир Путин направили поздравительные послания. Запланировано более 1000 мероприятий: научные проекты, выставки, академические обмены.",
				"Despite the pandemic, the Years opened on schedule by video link between Beijing and Moscow. Chinese Vice Premier Sun Chunlan and Russian Deputy Prime Minister Tatyana Golikova attended; the heads of state Xi Jinping and Vladimir Putin sent congratulatory letters. More than 1,000 cooperation and exchange activities were planned: research projects, exhibitions and academic exchanges."),
			Type: amur.Ceremony, Status: amur.Held,
			Start: amur.MustMoment("2020-08-26"), Zone: zoneBeijing, Format: amur.Online,
			Location: videoLink, Sides: both,
		},
		orgs: [][2]string{{"most", "organiser"}, {"minobrnauki", "organiser"}},
		people: [][2]string{{"sun-chunlan", "speaker"}, {"tatyana-golikova", "speaker"},
			{"xi-jinping", "guest"}, {"vladimir-putin", "guest"}},
	}
}

// closingCeremony is the closing of the Years on 26 November 2021.
func closingCeremony() realActivity {
	return realActivity{key: "closing-ceremony",
		act: amur.Activity{
			Title: en3("中俄科技创新年闭幕式", "Церемония закрытия Годов российско-китайского научно-технического сотрудничества",
				"Closing ceremony of the China–Russia Years of Scientific and Technological Innovation"),
			Description: en3(
				"两国元首习近平和普京分别向闭幕式致贺信。双方开展了1000多项合作与交流活动，在疫情防控、航空航天、核能和数字经济等领域取得丰硕成果，中俄科技创新基金成功启动，重大战略性项目取得重要进展。",
				"Главы государств Си Цзиньпин и Владимир Путин направили поздравительные послания. Проведено более 1000 мероприятий сотрудничества и обменов, достигнуты результаты в борьбе с пандемией, авиации и космонавтике, атомной энергетике и цифровой экономике, запущен российско-китайский фонд научно-технических инноваций, продвинулись крупные стратегические проекты.",
				"The heads of state Xi Jinping and Vladimir Putin sent congratulatory letters. More than 1,000 cooperation and exchange activities had been carried out, with results in pandemic prevention and control, aerospace and aviation, nuclear energy and the digital economy; the China–Russia science and technology innovation fund was launched and major strategic projects progressed."),
			Type: amur.Ceremony, Status: amur.Held,
			Start: amur.MustMoment("2021-11-26"), Zone: zoneBeijing, Format: amur.Online,
			Location: videoLink, Sides: both,
			Outcomes: []amur.Outcome{{Kind: amur.OtherResult, Date: amur.MustDate("2021-11-26"),
				Title: en3("开展1000多项合作与交流活动", "Проведено более 1000 мероприятий сотрудничества и обменов",
					"More than 1,000 cooperation and exchange activities carried out")}},
		},
		orgs:   [][2]string{{"most", "organiser"}, {"minobrnauki", "organiser"}},
		people: [][2]string{{"xi-jinping", "guest"}, {"vladimir-putin", "guest"}},
	}
}

// ciepForum is the plenary of the Shenzhen forum of the 18th CIEP.
func ciepForum() realActivity {
	return realActivity{key: "ciep-2020-shenzhen",
		act: amur.Activity{
			Title: en3("第十八届中国国际人才交流大会深圳论坛全体会议：中俄科技创新合作",
				"Пленарное заседание Шэньчжэньского форума 18-й Китайской международной конференции по обмену специалистами: российско-китайское научно-техническое инновационное сотрудничество",
				"CIEP 2020 Shenzhen forum plenary: China–Russia Scientific and Technological Innovation Cooperation"),
			Description: en3(
				"第十八届中国国际人才交流大会在北京、深圳和俄罗斯同时开幕，深圳论坛全体会议以“中俄科技创新合作”为主题“云上”举行。嘉宾围绕创新合作政策与机制、中俄高校联合科研与人才培养平台、企业务实合作，以及俄罗斯基础科学优势与中国应用科学和产业能力相结合等议题交流。",
				"18-я Китайская международная конференция по обмену специалистами (CIEP) открылась в Пекине, Шэньчжэне и России; пленарное заседание Шэньчжэньского форума на тему «Российско-китайское научно-техническое инновационное сотрудничество» прошло по видеосвязи. Обсуждались политика и механизмы инновационного сотрудничества, платформа совместных исследований и подготовки кадров университетов двух стран, практическое сотрудничество предприятий и сочетание сильных сторон России в фундаментальной науке с прикладной наукой и промышленностью Китая.",
				"The 18th Conference on International Exchange of Professionals (CIEP) opened in Beijing, Shenzhen and Russia; the plenary of its Shenzhen forum, themed \"China–Russia Scientific and Technological Innovation Cooperation\", was held by video (\"on the cloud\"). Themes: policies and mechanisms for innovation cooperation; a platform for joint research and talent cultivation between Chinese and Russian universities; practical cooperation between enterprises; combining Russia's strengths in basic science with China's applied science and industrial capacity."),
			Type: amur.Forum, Status: amur.Held,
			Start: amur.MustMoment("2020-09-07"), Zone: zoneBeijing, Format: amur.Online,
			Location: en3("深圳（线上）", "Шэньчжэнь (онлайн)", "Shenzhen (online)"), Sides: both,
		},
		orgs: [][2]string{{"most", "participant"}, {"sz-stic", "participant"}, {"pku", "participant"},
			{"spic", "participant"}, {"minobrnauki", "participant"}, {"msu", "participant"}, {"icca", "participant"}},
		people: [][2]string{{"chen-linhao", "speaker"}, {"liang-yongsheng", "speaker"}, {"zhang-pingwen", "speaker"},
			{"chen-xi", "speaker"}, {"alexey-semin", "speaker"}, {"sergey-shakhray", "speaker"}, {"alexei-maslov", "speaker"}},
	}
}

// groundBreaking is the ground-breaking of a joint nuclear power project on
// 19 May 2021, witnessed by the heads of state by video link.
func groundBreaking(flagship, operator string, title, location amur.Text) realActivity {
	orgs := [][2]string{{"cnnc", "organiser"}, {"rosatom", "partner"}}
	if operator != "" {
		orgs = append(orgs, [2]string{operator, "co_organiser"})
	}
	return realActivity{key: flagship + "-ground-breaking", flagship: flagship,
		act: amur.Activity{
			Title: title,
			Description: en3(
				"中俄核能合作项目开工。两国元首通过视频连线共同见证田湾核电站7、8号机组和徐大堡核电站3、4号机组开工仪式。",
				"Начало строительства в рамках российско-китайского сотрудничества в атомной энергетике. Главы государств по видеосвязи дали старт строительству энергоблоков № 7 и 8 Тяньваньской АЭС и № 3 и 4 АЭС «Сюйдапу».",
				"Ground-breaking of a joint China–Russia nuclear energy project. The two heads of state witnessed by video link the start of construction of Tianwan units 7 and 8 and Xudapu units 3 and 4."),
			Type: amur.Ceremony, Status: amur.Held, Fields: []string{fNuclear},
			Start: amur.MustMoment("2021-05-19"), Zone: zoneBeijing, Format: amur.Hybrid,
			Location: location, Sides: both,
		},
		orgs:   orgs,
		people: [][2]string{{"xi-jinping", "guest"}, {"vladimir-putin", "guest"}},
	}
}

// fundActivity is the setting up of the joint fund, from its memorandum of
// 5 June 2019 to the launch reported by November 2021.
func fundActivity() realActivity {
	return realActivity{key: "sti-fund-launch", flagship: "sti-fund",
		act: amur.Activity{
			Title: en3("中俄科技创新基金的设立与启动", "Создание и запуск российско-китайского фонда научно-технических инноваций",
				"Setting up and launch of the China–Russia science and technology innovation fund"),
			Description: en3(
				"2019年6月5日中国科学技术部与俄罗斯联邦经济发展部签署设立基金的谅解备忘录；2021年11月26日闭幕式贺信称基金已成功启动。",
				"5 июня 2019 года Министерство науки и технологий КНР и Минэкономразвития России подписали меморандум о создании фонда; в послании к закрытию Годов 26 ноября 2021 года его запуск назван успешным.",
				"China's Ministry of Science and Technology and Russia's Ministry of Economic Development signed a memorandum on setting up the fund on 5 June 2019; the letter to the closing on 26 November 2021 named its launch a success."),
			Type: amur.OtherActivityType, Status: amur.Held, Fields: []string{"2", "5.2"},
			Start: amur.MustMoment("2019-06-05"), End: amur.MustMoment("2021-11"), Zone: zoneBeijing,
			Format: amur.InPerson, Sides: both,
			Outcomes: []amur.Outcome{{Kind: amur.Agreement, Date: amur.MustDate("2019-06-05"),
				Title: en3("设立中俄科技创新基金的谅解备忘录", "Меморандум о создании российско-китайского фонда научно-технических инноваций",
					"Memorandum of understanding on the China–Russia science and technology innovation fund")}},
		},
		orgs: [][2]string{{"most", "organiser"}, {"mineconomy", "organiser"}},
	}
}

// nicaActivity is China's participation in building the NICA collider,
// still under way when the Years closed.
func nicaActivity() realActivity {
	return realActivity{key: "nica-participation", flagship: "nica",
		act: amur.Activity{
			Title: en3("中国参与NICA对撞机建设", "Участие Китая в создании коллайдера NICA",
				"China's participation in building the NICA collider"),
			Description: en3(
				"中方参与杜布纳联合核子研究所NICA大科学装置的建设。俄方将其列为科技创新年的主要成果之一。",
				"Китайская сторона участвует в создании установки класса мегасайенс NICA в ОИЯИ (Дубна). Российская сторона назвала это одним из главных итогов Годов.",
				"The Chinese side takes part in building the NICA megascience facility at JINR, Dubna. The Russian side named this one of the principal results of the Years."),
			Type: amur.JointResearch, Status: amur.InProgress, Fields: []string{fHighEnergy},
			Start: amur.MustMoment("2020"), Zone: zoneMoscow, Format: amur.InPerson,
			Location: en3("杜布纳", "Дубна", "Dubna"), Sides: both,
		},
		orgs: [][2]string{{"jinr", "lead"}},
	}
}

// jointCallActivity is the first joint call of RSF and NSFC, in which each
// agency reviewed and funded its own teams.
func jointCallActivity() realActivity {
	return realActivity{key: "rsf-nsfc-joint-call-2020",
		act: amur.Activity{
			Title: en3("俄罗斯科学基金会与国家自然科学基金委员会首轮联合项目征集", "Первый совместный конкурс РНФ и ГФЕН Китая",
				"First joint call of the Russian Science Foundation and NSFC"),
			Description: en3(
				"双方团队分别向本国机构同步申请，各自独立评审，只有双方均建议资助的项目才获资助，各方以本国货币资助本国团队。首轮联合征集资助了30个项目。",
				"Команды подают заявки каждая в своё агентство параллельно, каждая сторона проводит независимую экспертизу; проект поддерживается, только если обе стороны рекомендуют его, и каждая сторона финансирует свою команду в своей валюте. Первый совместный конкурс поддержал 30 проектов.",
				"Each team applies to its own agency in parallel, each side reviews independently with its own experts, and a project is funded only when both sides rate it for funding; each side pays its own team in its own currency. The first joint call funded 30 projects."),
			Type: amur.JointResearch, Status: amur.Held,
			Start: amur.MustMoment("2020"), Zone: zoneMoscow, Format: amur.Online,
			Location: en3("北京、莫斯科", "Пекин, Москва", "Beijing and Moscow"), Sides: both,
			Outcomes: []amur.Outcome{{Kind: amur.OtherResult, Date: amur.MustDate("2020"),
				Title: en3("资助30个联合项目", "Поддержано 30 совместных проектов", "30 joint projects funded")}},
		},
		orgs: [][2]string{{"nsfc", "funder"}, {"rsf", "funder"}},
	}
}
