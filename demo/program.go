package demo

import "amur"

// programSlug is the readable key of the demo program.
const programSlug = "cn-ru-sti-2020-2021"

// addProgram emits the China–Russia Years of Scientific and Technological
// Innovation 2020–2021.
func (b *builder) addProgram() {
	p := &amur.Program{
		Meta: b.meta(amur.KindProgram, programSlug),
		Slug: programSlug,
		Name: en3("中俄科技创新年",
			"Годы российско-китайского научно-технического сотрудничества",
			"China–Russia Years of Scientific and Technological Innovation"),
		Description:    programDescription,
		Sides:          []string{"CN", "RU"},
		Languages:      []amur.Lang{amur.ZH, amur.RU, amur.EN},
		Start:          amur.MustDate("2020"),
		End:            amur.MustDate("2021"),
		Goals:          programGoals,
		PriorityFields: priorityFields,
	}
	b.programID = p.ID
	b.add(programSlug, p)
}

// programDescription summarises the public facts of the Years.
var programDescription = en3(
	"2019年6月5日，两国元首签署《中华人民共和国和俄罗斯联邦关于发展新时代全面战略协作伙伴关系的联合声明》，"+
		"决定2020年、2021年互办中俄科技创新年。这是两国首次以科技创新为主题举办国家年。"+
		"2020年8月26日，科技创新年克服疫情影响以视频连线方式开幕，计划开展科研、展览、学术交流等1000多项合作与交流活动，2020年举办约500项，多数在线上进行。"+
		"2021年11月26日闭幕时，双方已开展1000多项活动，在疫情防控、航空航天、核能、数字经济等领域取得丰硕成果，"+
		"启动中俄科技创新基金，重大战略性项目取得进展，包括中方参与NICA对撞机建设和成立中俄数学中心。"+
		"科技创新年是两国系列主题年之一，此前曾互办国家年、语言年、旅游年、青年友好交流年、媒体交流年和地方合作交流年。",
	"5 июня 2019 года главы двух государств подписали Совместное заявление о развитии отношений всеобъемлющего партнёрства "+
		"и стратегического взаимодействия, вступающих в новую эпоху, и объявили 2020 и 2021 годы Годами российско-китайского "+
		"научно-технического сотрудничества — первыми перекрёстными годами, посвящёнными науке и инновациям. "+
		"Годы открылись 26 августа 2020 года по видеосвязи, несмотря на пандемию. Было запланировано более 1000 мероприятий: "+
		"научные проекты, выставки, академические обмены; в 2020 году прошло около 500, в основном онлайн. "+
		"На закрытии 26 ноября 2021 года подвели итоги: проведено более 1000 мероприятий, достигнуты результаты в борьбе с пандемией, "+
		"авиации и космонавтике, атомной энергетике и цифровой экономике, запущен российско-китайский фонд научно-технических инноваций, "+
		"продвинулись крупные стратегические проекты — участие Китая в создании коллайдера NICA и основание Российско-китайского "+
		"математического центра. Годы продолжили серию тематических перекрёстных годов: национальных, языков, туризма, "+
		"молодёжных обменов, СМИ и межрегионального сотрудничества.",
	"On 5 June 2019 the two heads of state signed the Joint Statement on the Comprehensive Strategic Partnership of "+
		"Coordination for a New Era and designated 2020 and 2021 as the China–Russia Years of Scientific and Technological "+
		"Innovation, the first themed years of the two countries devoted to science and innovation. "+
		"The Years opened on 26 August 2020 by video link despite the pandemic, with more than 1,000 cooperation and exchange "+
		"activities planned: research projects, exhibitions and academic exchanges; about 500 were held in 2020, mostly online. "+
		"At the closing on 26 November 2021 more than 1,000 activities had been carried out, with results in pandemic prevention "+
		"and control, aerospace and aviation, nuclear energy and the digital economy, the launch of the China–Russia science and "+
		"technology innovation fund and progress in major strategic projects: China's participation in building the NICA collider "+
		"and the founding of the Russian–Chinese Mathematical Center. The Years followed earlier themed years of national years, "+
		"languages, tourism, youth exchange, media and sub-national cooperation.",
)

// programGoals are the figures the Years reported against.
var programGoals = []amur.Goal{
	{Metric: "activities", Target: 1000, Label: en3(
		"开展1000多项合作与交流活动",
		"Более 1000 мероприятий сотрудничества и обменов",
		"More than 1,000 cooperation and exchange activities")},
	{Metric: "activities-held", Target: 1000, Label: en3(
		"闭幕前举办1000项以上活动",
		"Не менее 1000 мероприятий, проведённых до закрытия Годов",
		"At least 1,000 activities held by the closing")},
	{Metric: "activities-held-2020", Target: 500, Label: en3(
		"2020年举办约500项活动",
		"Около 500 мероприятий, проведённых в 2020 году",
		"About 500 activities held in 2020")},
	{Metric: "flagships", Target: 5, Label: en3(
		"推进战略性旗舰项目",
		"Развитие стратегических флагманских проектов",
		"Strategic flagship projects under way")},
	{Metric: "joint-projects", Target: 30, Label: en3(
		"首轮联合征集资助的联合研究项目",
		"Совместные проекты, поддержанные первым совместным конкурсом",
		"Joint research projects funded by the first joint call")},
}
