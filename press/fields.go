package press

import "regexp"

// fieldTerms are the program's priority fields and the words in English,
// Chinese and Russian by which news text names them; the codes are the
// registry's FORD codes and program sub-fields.
var fieldTerms = []struct {
	code string
	re   *regexp.Regexp
}{
	{"3.3.pandemic", lx(`covid|coronavirus|pandemic|epidemic|vaccin\w*|疫情|新冠|疫苗|防疫|пандеми\p{L}*|коронавирус\p{L}*|covid|вакцин\p{L}*|эпидеми\p{L}*`)},
	{"2.3.aerospace", lx(`aerospace|spaceflight|outer space|satellite|lunar|aviation|aircraft|航天|航空|卫星|探月|月球|космо\p{L}*|космич\p{L}*|авиац\p{L}*|спутник\p{L}*|луна|лунн\p{L}*`)},
	{"2.7.nuclear-energy", lx(`nuclear|reactor|tianwan|xudapu|核电|核能|田湾|徐大堡|атомн\p{L}*|ядерн\p{L}*|аэс|реактор\p{L}*`)},
	{"1.2.digital-economy", lx(`digital economy|artificial intelligence|big data|5g|数字经济|人工智能|大数据|цифров\p{L}* эконом\p{L}*|искусственн\p{L}* интеллект\p{L}*`)},
	{"2.7.renewable-energy", lx(`renewable|solar power|wind power|hydrogen|new energy|新能源|可再生|氢能|возобновляем\p{L}*|водород\p{L}*`)},
	{"1.3.high-energy-physics", lx(`nica|collider|particle accelerator|对撞机|коллайдер\p{L}*`)},
	{"1.1", lx(`mathemati\w*|数学|математи\p{L}*`)},
}

// fieldsOf returns the codes of the fields a sentence names.
func fieldsOf(orig string) []string {
	var out []string
	s := lower(orig)
	for _, f := range fieldTerms {
		if loc := f.re.FindStringIndex(s); loc != nil && boundary(s, loc[0], loc[0]) {
			out = append(out, f.code)
		}
	}
	return out
}
