package demo

import "amur"

// flagshipRow is one flagship project of the Years.
type flagshipRow struct {
	key         string
	name        amur.Text
	description amur.Text
	fields      []string
	orgs        []string
	location    amur.Text
	website     string
}

// flagshipRows are the major strategic projects named in the facts.
var flagshipRows = []flagshipRow{
	{key: "nica",
		name: en3("NICA对撞机", "Коллайдер NICA", "NICA collider"),
		description: en3(
			"NICA（基于核子加速器的离子对撞机装置）是位于杜布纳联合核子研究所的大科学装置。俄方将中国参与NICA建设列为科技创新年的主要成果之一。",
			"NICA (Nuclotron-based Ion Collider fAcility) — установка класса мегасайенс в Объединённом институте ядерных исследований в Дубне. Участие Китая в её создании российская сторона назвала одним из главных итогов Годов.",
			"NICA (Nuclotron-based Ion Collider fAcility) is a megascience facility at the Joint Institute for Nuclear Research in Dubna. The Russian side named China's participation in building it one of the principal results of the Years."),
		fields:   []string{fHighEnergy},
		orgs:     []string{"jinr"},
		location: en3("杜布纳", "Дубна", "Dubna"),
		website:  "https://nica.jinr.ru"},
	{key: "math-center",
		name: en3("中俄数学中心", "Российско-китайский математический центр", "Russian–Chinese Mathematical Center"),
		description: en3(
			"由北京大学和莫斯科大学牵头于2020年6月29日成立，汇聚两国高校和科研机构，开展数学研究和人才联合培养。俄方将其成立列为科技创新年的主要成果之一。",
			"Основан 29 июня 2020 года по инициативе Пекинского университета и МГУ имени М. В. Ломоносова; объединяет университеты и институты двух стран для исследований и совместной подготовки математиков. Российская сторона назвала его основание одним из главных итогов Годов.",
			"Founded on 29 June 2020, led by Peking University and Lomonosov Moscow State University, it brings together universities and institutes of both countries for research and the joint training of mathematicians. The Russian side named its founding one of the principal results of the Years."),
		fields:   []string{"1.1"},
		orgs:     []string{"math-center", "pku", "msu"},
		location: en3("北京、莫斯科", "Пекин, Москва", "Beijing and Moscow")},
	{key: "tianwan-7-8",
		name: en3("田湾核电站7、8号机组", "Энергоблоки № 7 и 8 Тяньваньской АЭС", "Tianwan NPP units 7 and 8"),
		description: en3(
			"中俄核能合作项目，采用VVER-1200机组，位于江苏省连云港。2021年5月19日两国元首通过视频连线见证开工。",
			"Совместный проект в атомной энергетике: энергоблоки ВВЭР-1200 в Ляньюньгане (провинция Цзянсу). 19 мая 2021 года главы государств по видеосвязи дали старт строительству.",
			"A joint nuclear energy project of two VVER-1200 units at Lianyungang, Jiangsu. Ground was broken on 19 May 2021, witnessed by the two heads of state by video link."),
		fields:   []string{fNuclear},
		orgs:     []string{"rosatom", "ase", "cnnc", "jnpc"},
		location: en3("江苏省连云港", "Ляньюньган, провинция Цзянсу", "Lianyungang, Jiangsu")},
	{key: "xudapu-3-4",
		name: en3("徐大堡核电站3、4号机组", "Энергоблоки № 3 и 4 АЭС «Сюйдапу»", "Xudapu NPP units 3 and 4"),
		description: en3(
			"中俄核能合作项目，采用VVER-1200机组，位于辽宁省。2021年5月19日两国元首通过视频连线见证开工。",
			"Совместный проект в атомной энергетике: энергоблоки ВВЭР-1200 в провинции Ляонин. 19 мая 2021 года главы государств по видеосвязи дали старт строительству.",
			"A joint nuclear energy project of two VVER-1200 units in Liaoning. Ground was broken on 19 May 2021, witnessed by the two heads of state by video link."),
		fields:   []string{fNuclear},
		orgs:     []string{"rosatom", "ase", "cnnc"},
		location: en3("辽宁省", "Провинция Ляонин", "Liaoning")},
	{key: "sti-fund",
		name: en3("中俄科技创新基金", "Российско-китайский фонд научно-технических инноваций",
			"China–Russia science and technology innovation fund"),
		description: en3(
			"2019年6月5日中国科学技术部与俄罗斯联邦经济发展部签署谅解备忘录，设立支持两国新技术开发及联合科技成果转移转化的基金，重点支持中小企业。闭幕时，基金的成功启动被列为科技创新年的成果之一。",
			"Меморандум о создании фонда подписали 5 июня 2019 года Министерство науки и технологий КНР и Минэкономразвития России. Фонд поддерживает новые технологии, передачу и коммерциализацию совместных разработок, прежде всего малых и средних предприятий. На закрытии Годов его успешный запуск был назван среди их итогов.",
			"Set up under a memorandum signed on 5 June 2019 by China's Ministry of Science and Technology and Russia's Ministry of Economic Development to support new technologies and the transfer and commercialisation of joint results, with an emphasis on small and medium-sized enterprises. Its successful launch was named among the results of the Years at the closing."),
		fields:   []string{"2", "5.2"},
		orgs:     []string{"most", "mineconomy"},
		location: en3("北京、莫斯科", "Пекин, Москва", "Beijing and Moscow")},
}

// addFlagships emits the flagship projects.
func (b *builder) addFlagships() {
	for _, r := range flagshipRows {
		f := &amur.Flagship{
			Meta:        b.meta(amur.KindFlagship, r.key),
			ProgramID:   b.programID,
			Slug:        r.key,
			Name:        r.name,
			Description: r.description,
			Fields:      r.fields,
			OrgIDs:      b.orgIDs(r.orgs...),
			Location:    r.location,
			Website:     r.website,
			Provenance:  prov(factsSource),
		}
		b.add(r.key, f)
	}
}

// flagshipID returns the id of the flagship project with key.
func (b *builder) flagshipID(key string) string { return b.id(amur.KindFlagship, key) }
