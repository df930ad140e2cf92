package demo

import (
	"strings"

	"amur"
)

// fieldRow is one field of science: its code and its label in Chinese,
// Russian and English.
type fieldRow struct {
	code, zh, ru, en string
}

// fordFields is the OECD Fields of Science and Technology (FORD)
// classification of the Frascati Manual: the six top-level fields and their
// second-level fields. The labels are first written in English.
var fordFields = []fieldRow{
	{"1", "自然科学", "Естественные науки", "Natural sciences"},
	{"1.1", "数学", "Математика", "Mathematics"},
	{"1.2", "计算机与信息科学", "Компьютерные и информационные науки", "Computer and information sciences"},
	{"1.3", "物理学", "Физические науки", "Physical sciences"},
	{"1.4", "化学", "Химические науки", "Chemical sciences"},
	{"1.5", "地球科学及相关环境科学", "Науки о Земле и смежные экологические науки", "Earth and related environmental sciences"},
	{"1.6", "生物学", "Биологические науки", "Biological sciences"},
	{"1.7", "其他自然科学", "Другие естественные науки", "Other natural sciences"},
	{"2", "工程与技术", "Техника и технологии", "Engineering and technology"},
	{"2.1", "土木工程", "Гражданское строительство", "Civil engineering"},
	{"2.2", "电气工程、电子工程与信息工程", "Электротехника, электронная техника, информационные технологии", "Electrical engineering, electronic engineering, information engineering"},
	{"2.3", "机械工程", "Механика и машиностроение", "Mechanical engineering"},
	{"2.4", "化学工程", "Химические технологии", "Chemical engineering"},
	{"2.5", "材料工程", "Технологии материалов", "Materials engineering"},
	{"2.6", "医学工程", "Медицинская техника", "Medical engineering"},
	{"2.7", "环境工程", "Энергетика и рациональное природопользование", "Environmental engineering"},
	{"2.8", "环境生物技术", "Экологические биотехнологии", "Environmental biotechnology"},
	{"2.9", "工业生物技术", "Промышленные биотехнологии", "Industrial biotechnology"},
	{"2.10", "纳米技术", "Нанотехнологии", "Nano-technology"},
	{"2.11", "其他工程与技术", "Другие инженерные науки и технологии", "Other engineering and technologies"},
	{"3", "医学与健康科学", "Медицинские науки и науки о здоровье", "Medical and health sciences"},
	{"3.1", "基础医学", "Фундаментальная медицина", "Basic medicine"},
	{"3.2", "临床医学", "Клиническая медицина", "Clinical medicine"},
	{"3.3", "健康科学", "Науки о здоровье", "Health sciences"},
	{"3.4", "医学生物技术", "Медицинские биотехнологии", "Medical biotechnology"},
	{"3.5", "其他医学科学", "Другие медицинские науки", "Other medical sciences"},
	{"4", "农业科学", "Сельскохозяйственные науки", "Agricultural sciences"},
	{"4.1", "农业、林业与渔业", "Сельское, лесное и рыбное хозяйство", "Agriculture, forestry, and fisheries"},
	{"4.2", "动物与乳品科学", "Животноводство и молочное дело", "Animal and dairy science"},
	{"4.3", "兽医学", "Ветеринарные науки", "Veterinary science"},
	{"4.4", "农业生物技术", "Сельскохозяйственные биотехнологии", "Agricultural biotechnology"},
	{"4.5", "其他农业科学", "Другие сельскохозяйственные науки", "Other agricultural sciences"},
	{"5", "社会科学", "Социальные науки", "Social sciences"},
	{"5.1", "心理学", "Психологические науки", "Psychology"},
	{"5.2", "经济学与商学", "Экономика и бизнес", "Economics and business"},
	{"5.3", "教育学", "Науки об образовании", "Educational sciences"},
	{"5.4", "社会学", "Социологические науки", "Sociology"},
	{"5.5", "法学", "Юридические науки", "Law"},
	{"5.6", "政治学", "Политологические науки", "Political science"},
	{"5.7", "社会与经济地理学", "Социальная и экономическая география", "Social and economic geography"},
	{"5.8", "媒体与传播", "СМИ и массовые коммуникации", "Media and communications"},
	{"5.9", "其他社会科学", "Другие социальные науки", "Other social sciences"},
	{"6", "人文科学", "Гуманитарные науки", "Humanities"},
	{"6.1", "历史与考古学", "История и археология", "History and archaeology"},
	{"6.2", "语言与文学", "Языки и литература", "Languages and literature"},
	{"6.3", "哲学、伦理学与宗教", "Философия, этика и религиоведение", "Philosophy, ethics and religion"},
	{"6.4", "艺术（艺术、艺术史、表演艺术、音乐）", "Искусствоведение (искусство, история искусства, исполнительское искусство, музыка)", "Arts (arts, history of arts, performing arts, music)"},
	{"6.5", "其他人文科学", "Другие гуманитарные науки", "Other humanities"},
}

// The program sub-fields: the priority areas of the Years where FORD is too
// coarse, each below the FORD field that holds it.
const (
	fPandemic   = "3.3.pandemic"
	fAerospace  = "2.3.aerospace"
	fNuclear    = "2.7.nuclear-energy"
	fRenewable  = "2.7.renewable-energy"
	fDigital    = "1.2.digital-economy"
	fHighEnergy = "1.3.high-energy-physics"
)

// programFields are the program sub-fields. Aerospace sits under mechanical
// engineering and the energy fields under 2.7, as FORD places aerospace
// engineering and energy and fuels.
var programFields = []fieldRow{
	{fDigital, "数字经济（人工智能、大数据、通信）", "Цифровая экономика (искусственный интеллект, большие данные, связь)", "Digital economy (artificial intelligence, big data, communications)"},
	{fHighEnergy, "高能物理与核物理（NICA）", "Физика высоких энергий и ядерная физика (NICA)", "High-energy and nuclear physics (NICA)"},
	{fAerospace, "航空航天", "Авиация и космонавтика", "Aerospace and aviation"},
	{fNuclear, "核能", "Атомная энергетика", "Nuclear energy"},
	{fRenewable, "新能源与可再生能源", "Новая и возобновляемая энергетика", "New and renewable energy"},
	{fPandemic, "疫情防控（检测、疫苗、药物研发）", "Профилактика и контроль пандемии (тестирование, вакцины, разработка лекарств)", "Pandemic prevention and control (testing, vaccines, drug R&D)"},
}

// priorityFields are the fields the Years named as priorities: the program
// sub-fields and mathematics among the basic sciences.
var priorityFields = []string{"1.1", fDigital, fHighEnergy, fAerospace, fNuclear, fRenewable, fPandemic}

// fieldParent returns the code of the broader field of code, or "" for a
// top-level field.
func fieldParent(code string) string {
	i := strings.LastIndexByte(code, '.')
	if i < 0 {
		return ""
	}
	return code[:i]
}

// addFields emits the FORD fields and the program sub-fields, parents first.
func (b *builder) addFields() {
	rows := append(append([]fieldRow{}, fordFields...), programFields...)
	for _, r := range rows {
		f := &amur.Field{
			Meta:   b.meta(amur.KindField, r.code),
			Label:  en3(r.zh, r.ru, r.en),
			Parent: fieldParent(r.code),
		}
		f.ID = r.code
		b.add(r.code, f)
	}
}
