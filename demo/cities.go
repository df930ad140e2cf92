package demo

import "amur"

// city is a city where organisations sit and activities take place, with its
// IANA zone.
type city struct {
	zh, ru, en, zone string
}

// The zones of the two sides' capitals.
const (
	zoneBeijing = "Asia/Shanghai"
	zoneMoscow  = "Europe/Moscow"
)

// cities holds the cities of the demo's organisations by key. Russian
// cities east of the Urals keep their own zones.
var cities = map[string]city{
	"beijing":         {"北京", "Пекин", "Beijing", zoneBeijing},
	"shanghai":        {"上海", "Шанхай", "Shanghai", zoneBeijing},
	"shenzhen":        {"深圳", "Шэньчжэнь", "Shenzhen", zoneBeijing},
	"harbin":          {"哈尔滨", "Харбин", "Harbin", zoneBeijing},
	"hefei":           {"合肥", "Хэфэй", "Hefei", zoneBeijing},
	"hangzhou":        {"杭州", "Ханчжоу", "Hangzhou", zoneBeijing},
	"xian":            {"西安", "Сиань", "Xi'an", zoneBeijing},
	"changchun":       {"长春", "Чанчунь", "Changchun", zoneBeijing},
	"lanzhou":         {"兰州", "Ланьчжоу", "Lanzhou", zoneBeijing},
	"dalian":          {"大连", "Далянь", "Dalian", zoneBeijing},
	"lianyungang":     {"连云港", "Ляньюньган", "Lianyungang", zoneBeijing},
	"moscow":          {"莫斯科", "Москва", "Moscow", zoneMoscow},
	"spb":             {"圣彼得堡", "Санкт-Петербург", "Saint Petersburg", zoneMoscow},
	"dubna":           {"杜布纳", "Дубна", "Dubna", zoneMoscow},
	"dolgoprudny":     {"多尔戈普鲁德内", "Долгопрудный", "Dolgoprudny", zoneMoscow},
	"kazan":           {"喀山", "Казань", "Kazan", zoneMoscow},
	"yekaterinburg":   {"叶卡捷琳堡", "Екатеринбург", "Yekaterinburg", "Asia/Yekaterinburg"},
	"novosibirsk":     {"新西伯利亚", "Новосибирск", "Novosibirsk", "Asia/Novosibirsk"},
	"koltsovo":        {"科利佐沃", "Кольцово", "Koltsovo", "Asia/Novosibirsk"},
	"tomsk":           {"托木斯克", "Томск", "Tomsk", "Asia/Tomsk"},
	"blagoveshchensk": {"布拉戈维申斯克", "Благовещенск", "Blagoveshchensk", "Asia/Yakutsk"},
	"vladivostok":     {"符拉迪沃斯托克", "Владивосток", "Vladivostok", "Asia/Vladivostok"},
}

// text returns the city's name as a Text first written in the language of
// side.
func (c city) text(side string) amur.Text {
	return tri(sideLang(side), c.zh, c.ru, c.en)
}

// sideLang returns the language of a side: Chinese for CN, Russian for RU.
func sideLang(side string) amur.Lang {
	if side == "CN" {
		return amur.ZH
	}
	return amur.RU
}

// otherSide returns the other side of the program.
func otherSide(side string) string {
	if side == "CN" {
		return "RU"
	}
	return "CN"
}
