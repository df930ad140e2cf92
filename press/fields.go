package press

import "strings"

// fieldTerms are the program's priority fields and the words in English,
// Chinese and Russian by which news text names them, in lower case; a
// trailing * lets endings follow. The codes are the registry's FORD codes
// and program sub-fields.
var fieldTerms = []struct {
	code  string
	words []keyword
}{
	{"3.3.pandemic", terms("covid* coronavirus* pandemic* epidemic* vaccin* 疫情 新冠 疫苗 防疫 пандеми* коронавирус* вакцин* эпидеми*")},
	{"2.3.aerospace", terms("aerospace spaceflight* satellite* lunar aviation aircraft* 航天 航空 卫星 探月 月球 космо* космич* авиац* спутник* лунн*")},
	{"2.7.nuclear-energy", terms("nuclear reactor* tianwan xudapu 核电 核能 田湾 徐大堡 атомн* ядерн* аэс реактор*")},
	{"1.2.digital-economy", terms("digital artificial intelligence big data 5g 数字经济 人工智能 大数据 цифров* искусственн*")},
	{"2.7.renewable-energy", terms("renewable* solar wind power hydrogen new energy 新能源 可再生 氢能 возобновляем* водород*")},
	{"1.3.high-energy-physics", terms("nica collider* accelerator* 对撞机 коллайдер*")},
	{"1.1", terms("mathemati* 数学 математи*")},
}

// terms reads a list of field words; words in a row that form a known
// phrase stay together (artificial intelligence, big data).
func terms(s string) []keyword {
	fields := strings.Fields(s)
	var out []keyword
	for i := 0; i < len(fields); i++ {
		k := keyword{parts: []string{fields[i]}, han: hasHan(fields[i])}
		for i+1 < len(fields) && fieldPhrases[fields[i]+" "+fields[i+1]] {
			i++
			k.parts = append(k.parts, fields[i])
		}
		out = append(out, k)
	}
	return out
}

// fieldPhrases are the two-word phrases of the field lists.
var fieldPhrases = map[string]bool{"artificial intelligence": true, "big data": true, "wind power": true, "new energy": true}

// fieldsOf returns the codes of the fields a sentence names.
func fieldsOf(orig string) []string {
	var out []string
	s := lower(orig)
	for _, f := range fieldTerms {
		for _, k := range f.words {
			if findKeyword(s, k) >= 0 {
				out = append(out, f.code)
				break
			}
		}
	}
	return out
}
