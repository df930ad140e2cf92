package demo

import (
	"amur"
)

// listingRow is one synthetic offer or request of the demo: made up to
// show matching at work (a Russian laboratory's offer in Russian meeting a
// Chinese firm's request in Chinese), and marked synthetic like the
// generated activities. The organisations are real; what they offer or
// ask here is not a fact.
type listingRow struct {
	key      string
	request  bool
	owner    string // organisation key
	side     string
	lang     amur.Lang
	title    string
	desc     string
	keywords []string
	fields   []string
	trl      int
	trlMax   int // requests only
	kind     amur.OfferKind
	ip       amur.IPStatus
	coop     []amur.CoopType
	status   amur.ListingStatus
	anon     bool
	expires  string
}

// Short names of the cooperation types in the rows below.
const (
	cLic   = amur.CoopLicence
	cJoint = amur.CoopJointRD
	cContr = amur.CoopContract
	cEquip = amur.CoopEquipmentAccess
	cTal   = amur.CoopTalentExchange
)

// listingRows are the demo's offers and requests.
var listingRows = []listingRow{
	{key: "mephi-radhard", owner: "mephi", side: "RU", lang: amur.RU,
		title: "Испытания электронной компонентной базы на радиационную стойкость",
		desc: "Лаборатория проводит испытания микросхем и электронных модулей космического назначения на стойкость к " +
			"воздействию тяжёлых заряженных частиц, протонов и гамма-излучения: одиночные сбои и эффекты полной дозы, " +
			"моделирование радиационной обстановки на орбите, протоколы испытаний для сертификации аппаратуры.",
		keywords: []string{"радиационная стойкость", "микросхемы", "космическая электроника", "испытания"},
		fields:   []string{"2.2", fAerospace}, trl: 7, kind: amur.OfferEquipment, ip: amur.IPKnowHow,
		coop: []amur.CoopType{cContr, cEquip}, status: amur.ListingPublished, expires: "2027-12"},
	{key: "binp-ebeam", owner: "binp", side: "RU", lang: amur.RU,
		title: "Промышленные ускорители электронов для стерилизации медицинских изделий",
		desc: "Институт предлагает компактные ускорители электронов с энергией до 10 МэВ для радиационной стерилизации " +
			"медицинских изделий и обработки пищевых продуктов, а также поставку, монтаж и обучение персонала.",
		keywords: []string{"ускоритель", "стерилизация", "электронный пучок"},
		fields:   []string{"1.3", "2.2"}, trl: 9, kind: amur.OfferTechnology, ip: amur.IPPatented,
		coop: []amur.CoopType{cLic, cContr}, status: amur.ListingPublished, expires: "2027-06-30"},
	{key: "skoltech-cathode", owner: "skoltech", side: "RU", lang: amur.RU,
		title: "Катодные материалы для литий-ионных аккумуляторов высокой энергоёмкости",
		desc: "Разработаны катодные материалы на основе никеля с повышенной удельной энергией и ресурсом; лабораторная " +
			"технология синтеза, опытные партии, испытания аккумуляторных ячеек.",
		keywords: []string{"аккумулятор", "катод", "литий"},
		fields:   []string{"2.5", fRenewable}, trl: 5, kind: amur.OfferTechnology, ip: amur.IPPatentPending,
		coop: []amur.CoopType{cJoint, cLic}, status: amur.ListingPublished, expires: "2027-12"},
	{key: "tpu-ndt", owner: "tpu", side: "RU", lang: amur.RU,
		title: "Неразрушающий контроль сварных швов трубопроводов",
		desc: "Ультразвуковой и рентгеновский контроль сварных соединений магистральных трубопроводов, автоматическая " +
			"расшифровка дефектов, обучение дефектоскопистов.",
		keywords: []string{"неразрушающий контроль", "сварка", "трубопровод"},
		fields:   []string{"2.3", "2.7"}, trl: 8, kind: amur.OfferExpertise, ip: amur.IPKnowHow,
		coop: []amur.CoopType{cContr, cTal}, status: amur.ListingPublished, expires: "2027-12"},
	{key: "itmo-fiber", owner: "itmo", side: "RU", lang: amur.RU,
		title: "Волоконно-оптические датчики температуры и деформации",
		desc: "Распределённые волоконно-оптические датчики для мониторинга температуры силовых кабелей, трансформаторов " +
			"и конструкций.",
		keywords: []string{"волоконная оптика", "датчик", "мониторинг"},
		fields:   []string{"2.2", "1.3"}, trl: 6, kind: amur.OfferTechnology, ip: amur.IPPatented,
		coop: []amur.CoopType{cLic, cJoint}, status: amur.ListingPublished, expires: "2027-12"},
	{key: "vector-vaccine", owner: "vector", side: "RU", lang: amur.RU, anon: true,
		title: "Платформа векторных вакцин на основе аденовируса",
		desc: "Технологическая платформа для быстрой разработки вакцин на основе аденовирусного вектора; доклинические " +
			"исследования, масштабирование производства.",
		keywords: []string{"вакцина", "аденовирус"},
		fields:   []string{fPandemic}, trl: 6, kind: amur.OfferTechnology, ip: amur.IPPatented,
		coop: []amur.CoopType{cJoint, cLic}, status: amur.ListingPublished, expires: "2027-12"},
	{key: "steklov-crypto", owner: "steklov", side: "RU", lang: amur.RU,
		title: "Экспертиза в теории чисел и криптографии",
		desc: "Консультации и совместные исследования в области теории чисел, постквантовой криптографии и анализа " +
			"криптографических протоколов.",
		fields: []string{"1.1"}, kind: amur.OfferExpertise, ip: amur.IPOpen,
		coop: []amur.CoopType{cJoint, cTal}, status: amur.ListingPublished},
	{key: "nsu-hydrogen", owner: "nsu", side: "RU", lang: amur.EN,
		title:    "Catalysts for hydrogen production from natural gas",
		desc:     "Nickel catalysts for steam reforming of methane with long service life; laboratory and pilot-scale tests.",
		keywords: []string{"hydrogen", "catalyst", "methane reforming"},
		fields:   []string{"1.4", fRenewable}, trl: 5, kind: amur.OfferResult, ip: amur.IPPatentPending,
		coop: []amur.CoopType{cJoint, cContr}, status: amur.ListingPublished, expires: "2027-12"},
	{key: "mai-draft", owner: "mai", side: "RU", lang: amur.RU,
		title:  "Композитные конструкции для беспилотных летательных аппаратов",
		desc:   "Черновик предложения: проектирование и изготовление композитных конструкций планера.",
		fields: []string{fAerospace}, trl: 6, kind: amur.OfferTechnology, ip: amur.IPKnowHow,
		coop: []amur.CoopType{cContr}, status: amur.ListingDraft},
	{key: "buaa-windtunnel", owner: "buaa", side: "CN", lang: amur.ZH,
		title:    "高超声速风洞试验服务",
		desc:     "提供高超声速风洞气动力试验、热防护材料考核及数值模拟服务，可开展联合研究。",
		keywords: []string{"风洞", "高超声速", "气动"},
		fields:   []string{fAerospace}, trl: 7, kind: amur.OfferEquipment, ip: amur.IPKnowHow,
		coop: []amur.CoopType{cEquip, cContr, cJoint}, status: amur.ListingPublished, expires: "2027-12"},
	{key: "ustc-qkd", owner: "ustc", side: "CN", lang: amur.ZH,
		title:  "量子密钥分发设备及组网技术",
		desc:   "成熟的量子密钥分发设备和城域量子保密通信网络组网技术，可许可转让。",
		fields: []string{"1.3", "2.2"}, trl: 8, kind: amur.OfferTechnology, ip: amur.IPPatented,
		coop: []amur.CoopType{cLic}, status: amur.ListingPublished, expires: "2027-12"},

	{key: "casc-radhard", request: true, owner: "casc", side: "CN", lang: amur.ZH,
		title: "宇航电子元器件抗辐射测试服务",
		desc: "我公司需要对宇航级集成电路和电子模块进行重离子、质子和伽马射线辐照试验，评估单粒子效应和总剂量效应，" +
			"并出具可用于航天器鉴定的试验报告。",
		keywords: []string{"抗辐射", "集成电路", "辐照试验", "航天"},
		fields:   []string{"2.2", fAerospace}, trl: 6, ip: amur.IPNone,
		coop: []amur.CoopType{cContr, cEquip}, status: amur.ListingPublished, expires: "2027-12"},
	{key: "spic-battery", request: true, owner: "spic", side: "CN", lang: amur.ZH,
		title:    "寻求高能量密度锂离子电池正极材料技术",
		desc:     "用于储能电站的锂离子电池，需要高能量密度、长循环寿命的正极材料，希望联合研发或技术许可。",
		keywords: []string{"电池", "正极材料", "储能"},
		fields:   []string{fRenewable}, trl: 4, trlMax: 7, ip: amur.IPNone,
		coop: []amur.CoopType{cJoint, cLic}, status: amur.ListingPublished, expires: "2027-12"},
	{key: "sinopharm-sterile", request: true, owner: "sinopharm", side: "CN", lang: amur.ZH,
		title:    "医疗器械电子束辐照灭菌设备",
		desc:     "采购或许可电子加速器辐照灭菌设备，用于一次性医疗器械的灭菌。",
		keywords: []string{"灭菌", "电子加速器", "医疗器械"},
		fields:   []string{"2.2", "3.2"}, trl: 8, ip: amur.IPNone,
		coop: []amur.CoopType{cLic}, status: amur.ListingPublished, expires: "2027-12"},
	{key: "cnnc-pipeline", request: true, owner: "cnnc", side: "CN", lang: amur.ZH, anon: true,
		title:    "管道焊缝无损检测技术",
		desc:     "核电站管道焊缝的超声波和射线无损检测，需要自动缺陷识别技术和检测人员培训。",
		keywords: []string{"无损检测", "焊缝", "管道"},
		fields:   []string{"2.7"}, trl: 7, ip: amur.IPNone,
		coop: []amur.CoopType{cContr, cTal}, status: amur.ListingPublished, expires: "2027-12"},
	{key: "hit-fiber", request: true, owner: "hit", side: "CN", lang: amur.ZH,
		title:  "电力设备光纤温度传感器",
		desc:   "需要分布式光纤温度传感器监测电缆和变压器温度。",
		fields: []string{"2.2"}, trl: 5, ip: amur.IPNone,
		coop: []amur.CoopType{cJoint}, status: amur.ListingPublished, expires: "2027-12"},
	{key: "dut-hydrogen", request: true, owner: "dut", side: "CN", lang: amur.EN,
		title:  "Hydrogen production catalyst for a pilot plant",
		desc:   "We look for a partner with steam methane reforming catalysts to test in our pilot plant.",
		fields: []string{"1.4"}, trl: 4, trlMax: 6, ip: amur.IPNone,
		coop: []amur.CoopType{cJoint}, status: amur.ListingPublished, expires: "2027-12"},
	{key: "uac-windtunnel", request: true, owner: "uac", side: "RU", lang: amur.RU,
		title:  "Требуются испытания в гиперзвуковой аэродинамической трубе",
		desc:   "Аэродинамические испытания моделей и проверка теплозащитных материалов при гиперзвуковых скоростях.",
		fields: []string{fAerospace}, trl: 5, ip: amur.IPNone,
		coop: []amur.CoopType{cEquip, cContr}, status: amur.ListingPublished, expires: "2027-12"},
}

// addListings emits the synthetic offers and requests.
func (b *builder) addListings() {
	for _, r := range listingRows {
		l := amur.Listing{
			Title:       amur.T(string(r.lang), r.title),
			Description: amur.T(string(r.lang), r.desc),
			Fields:      r.fields,
			TRL:         r.trl,
			IP:          r.ip,
			Coop:        r.coop,
			Side:        r.side,
			OwnerID:     b.orgID(r.owner),
			Anonymous:   r.anon,
			Status:      r.status,
			Keywords:    r.keywords,
			Provenance:  prov(synthSource),
			Synthetic:   true,
		}
		if r.expires != "" {
			l.Expires = amur.MustDate(r.expires)
		}
		if r.request {
			l.Meta = b.meta(amur.KindRequest, r.key)
			b.add(r.key, &amur.Request{Listing: l, TRLMax: r.trlMax})
		} else {
			l.Meta = b.meta(amur.KindOffer, r.key)
			b.add(r.key, &amur.Offer{Listing: l, Kind: r.kind})
		}
	}
}

// interestRow is one synthetic expression of interest of the demo.
type interestRow struct {
	key     string
	offer   string // listing key of an offer, or
	request string // of a request
	org     string
	lang    amur.Lang
	message string
	status  amur.InterestStatus
}

// interestRows are the demo's expressions of interest.
var interestRows = []interestRow{
	{key: "spic-skoltech", offer: "skoltech-cathode", org: "spic", lang: amur.ZH,
		message: "我们对贵方正极材料技术感兴趣，希望商谈联合研发。", status: amur.InterestSent},
	{key: "casc-mephi", offer: "mephi-radhard", org: "casc", lang: amur.ZH,
		message: "希望了解辐照试验的排期和费用。", status: amur.InterestAccepted},
	{key: "binp-sinopharm", request: "sinopharm-sterile", org: "binp", lang: amur.RU,
		message: "Готовы предложить ускоритель для стерилизации и обучение персонала.", status: amur.InterestSent},
}

// addInterests emits the synthetic expressions of interest, after the
// listings they refer to.
func (b *builder) addInterests() {
	for _, r := range interestRows {
		i := &amur.Interest{Meta: b.meta(amur.KindInterest, r.key), OrgID: b.orgID(r.org),
			Message: amur.T(string(r.lang), r.message), Status: r.status, Synthetic: true}
		if r.offer != "" {
			i.OfferID = b.id(amur.KindOffer, r.offer)
		} else {
			i.RequestID = b.id(amur.KindRequest, r.request)
		}
		b.add(r.key, i)
	}
}
