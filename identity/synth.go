package identity

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"

	"amur"
	"amur/lang"
	"amur/lexicon"
)

// Synthetic name material: common Russian surnames and given names, and
// the common Chinese family names and given-name characters of hanzi.go.
var (
	synthRuFamily = strings.Fields(`Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков
		Федоров Морозов Волков Алексеев Лебедев Семенов Егоров Павлов Козлов Степанов Николаев Орлов
		Андреев Макаров Никитин Захаров Зайцев Соловьев Борисов Яковлев Григорьев Романов Воробьев
		Сергеев Кузьмин Фролов Александров Дмитриев Королев Гусев Киселев Ильин Максимов Поляков
		Сорокин Виноградов Ковалев Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров
		Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов
		Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев
		Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышев Быков
		Маслов Родионов Коновалов Лазарев Воронин Климов Филатов Пономарев Голубев Кудрявцев Прохоров
		Наумов Потапов Журавлев Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов
		Никифоров Грачев Котов Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев
		Акимов Кондратьев Бирюков Горбунов Анисимов Еремин Тихомиров Галкин Лукьянов Михеев Скворцов
		Юдин Белоусов Нестеров Симонов Прокофьев Харитонов Князев Цветков Левин Митрофанов Воронов
		Аксенов Софронов Мальцев Логинов Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков Сафонов
		Плотников Демин Хохлов Фадеев Молчанов Игнатов Литвинов Ершов Ушаков Дементьев Рябов Мухин
		Калашников Леонтьев Лобанов Кузин Корнилов Евдокимов Бородин Платонов Некрасов Балашов Бобров
		Жданов Блинов Игнатьев Коротков Муравьев Крюков Беляков Богомолов Дроздов Лавров Зуев Петухов
		Ларин Никулин Серов Терентьев Зотов Устинов Фокин Самойлов Константинов Сахаров Шишкин Самсонов
		Черкасов Чистяков Носов Спиридонов Карасев Авдеев Воронцов Зверев Владимиров Селезнев Нечаев
		Кудрин Седов Фирсов Андрианов Панин Головин Терехов Ульянов Шестаков Агеев Никонов Селиванов
		Баженов Гордеев Кожевников Пахомов Зимин Костин Широков Филимонов Ларионов Овсянников Сазонов
		Суворов Нефедов Корнеев Трифонов Кулагин Шахрай Семин Голиков Чайковский Вернадский Ковалевский`)
	synthRuMale = strings.Fields(`Александр Алексей Андрей Антон Аркадий Артем Борис Вадим Валентин Валерий
		Василий Виктор Виталий Владимир Владислав Вячеслав Геннадий Георгий Григорий Даниил Денис Дмитрий
		Евгений Егор Иван Игорь Илья Кирилл Константин Леонид Максим Михаил Никита Николай Олег Павел
		Петр Роман Руслан Сергей Станислав Степан Тимофей Федор Эдуард Юрий Яков Ярослав Семен Матвей`)
	synthRuFemale = strings.Fields(`Александра Алина Алла Анастасия Анна Антонина Валентина Валерия Вера
		Виктория Галина Дарья Евгения Екатерина Елена Елизавета Жанна Зинаида Зоя Ирина Кристина Ксения
		Лариса Лидия Любовь Людмила Маргарита Марина Мария Надежда Наталья Нина Оксана Ольга Полина
		Раиса Светлана София Тамара Татьяна Ульяна Юлия Яна`)
)

// synthPools returns the name material: the Russian surnames above and
// surnames made from Russian dictionary words (Столов, Домин), and the
// given-name characters above and the two thousand commonest characters,
// so that different people share a name about as often as in life.
var synthPools = sync.OnceValues(func() (ruFamily []string, zhGiven []rune) {
	ruFamily = append(ruFamily, synthRuFamily...)
	for head := range lexicon.RuEn().All() {
		rs := []rune(head)
		if len(rs) < 4 || len(rs) > 8 || !isCyrillicWord(head) || strings.ContainsRune("аеёиоуыэюяйьъ", rs[len(rs)-1]) {
			continue
		}
		suffix := "ов"
		if len(ruFamily)%3 == 0 {
			suffix = "ин"
		}
		ruFamily = append(ruFamily, strings.ToUpper(string(rs[0]))+string(rs[1:])+suffix)
		if len(ruFamily) == 8000 {
			break
		}
	}
	zhGiven = []rune(commonGiven)
	type cf struct {
		r rune
		f float64
	}
	var all []cf
	for r, f := range hanzi().freq {
		all = append(all, cf{r, f})
	}
	slices.SortFunc(all, func(a, b cf) int { return cmp.Or(cmp.Compare(b.f, a.f), cmp.Compare(a.r, b.r)) })
	for _, c := range all[:min(2000, len(all))] {
		zhGiven = append(zhGiven, c.r)
	}
	return ruFamily, zhGiven
})

// isCyrillicWord reports whether s is one word of lower-case Russian letters.
func isCyrillicWord(s string) bool {
	for _, r := range s {
		if r < 'а' || r > 'я' {
			return false
		}
	}
	return s != ""
}

// SyntheticPerson is one generated record: its entity and the id of the
// person it stands for, the same for the duplicates of one person.
type SyntheticPerson struct {
	Entity
	Person int
}

// Synthetic generates n records of people, Russian and Chinese in equal
// shares, of which about dupShare are duplicates of another record written
// otherwise: in another script (a romanisation scheme picked at random,
// pinyin in either order, Palladius Cyrillic), with initials, without the
// patronymic, with a spelling variant (x for кс, ё, -y for -ий) or with a
// typing error. The same seed gives the same records.
func Synthetic(n int, dupShare float64, seed uint64) []SyntheticPerson {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]SyntheticPerson, 0, n)
	person := 0
	for len(out) < n {
		var base, variant func() string
		if rng.IntN(2) == 0 {
			fam, given, pat := russianName(rng)
			base = func() string { return fam + " " + given + " " + pat }
			variant = func() string { return russianVariant(rng, fam, given, pat) }
		} else {
			name := chineseName(rng)
			base = func() string { return name }
			variant = func() string { return chineseVariant(rng, name) }
		}
		out = append(out, SyntheticPerson{Entity{ID: strconv.Itoa(len(out)), Kind: amur.KindPerson, Names: []string{base()}}, person})
		if len(out) < n && rng.Float64() < dupShare/(1-dupShare) {
			out = append(out, SyntheticPerson{Entity{ID: strconv.Itoa(len(out)), Kind: amur.KindPerson, Names: []string{variant()}}, person})
		}
		person++
	}
	return out
}

// russianName draws a Russian name: family name (feminine for women),
// given name and patronymic.
func russianName(rng *rand.Rand) (fam, given, pat string) {
	pool, _ := synthPools()
	fam = pool[rng.IntN(len(pool))]
	father := synthRuMale[rng.IntN(len(synthRuMale))]
	pat = patronymic(father)
	if rng.IntN(2) == 0 {
		return fam, synthRuMale[rng.IntN(len(synthRuMale))], pat + "ич"
	}
	if f := feminineOf(fam); f != "" {
		fam = f
	}
	return fam, synthRuFemale[rng.IntN(len(synthRuFemale))], pat + "на"
}

// patronymic returns the stem of the patronymic of a father's name,
// without its ending -ич or -на.
func patronymic(father string) string {
	switch {
	case strings.HasSuffix(father, "ь"):
		return strings.TrimSuffix(father, "ь") + "ев"
	case strings.HasSuffix(father, "ий"):
		return strings.TrimSuffix(father, "ий") + "ьев"
	case strings.HasSuffix(father, "ей"), strings.HasSuffix(father, "ай"):
		return strings.TrimSuffix(father, "й") + "ев"
	case strings.HasSuffix(father, "а"):
		return strings.TrimSuffix(father, "а") + "ов"
	}
	return father + "ов"
}

// russianVariant writes a Russian name otherwise, as another source would.
func russianVariant(rng *rand.Rand, fam, given, pat string) string {
	if rng.IntN(4) == 0 {
		if yo := withYo(fam); yo != fam && rng.IntN(2) == 0 {
			fam = yo
		}
	}
	parts := []string{given, pat, fam}
	switch rng.IntN(4) {
	case 0:
		parts = []string{fam + ",", given, pat}
	case 1:
		parts = []string{initials(given, pat), fam}
	case 2:
		parts = []string{given, fam}
	}
	s := strings.Join(parts, " ")
	if rng.IntN(4) > 0 {
		sc := lang.Schemes[rng.IntN(len(lang.Schemes))]
		s = lang.Romanize(s, sc)
		if rng.IntN(3) == 0 {
			s = strings.ReplaceAll(s, "ks", "x")
		}
	}
	if rng.IntN(10) == 0 {
		s = typo(rng, s)
	}
	return s
}

// chineseName draws a Chinese name: a common family name and one or two
// given-name characters.
func chineseName(rng *rand.Rand) string {
	fam := []rune(commonSurnames)
	_, given := synthPools()
	s := string(fam[rng.IntN(len(fam))]) + string(given[rng.IntN(len(given))])
	if rng.IntN(5) > 0 {
		s += string(given[rng.IntN(len(given))])
	}
	return s
}

// chineseVariant writes a Chinese name in pinyin, in either order, or in
// Palladius Cyrillic.
func chineseVariant(rng *rand.Rand, name string) string {
	cn := lang.NamePinyin(name)
	switch rng.IntN(4) {
	case 0:
		return cn.FamilyFirst()
	case 1:
		return cn.GivenFirst()
	case 2:
		forms := cn.Forms()
		return forms[len(forms)-1]
	}
	n := ParsePerson(name)
	pal := func(p string) string {
		var b strings.Builder
		for _, syl := range lang.Pinyin(p) {
			b.WriteString(lang.Palladius(syl))
		}
		return capitalizeFirst(b.String())
	}
	return pal(n.Part(RoleFamily)) + " " + pal(n.Part(RoleGiven))
}

// typo swaps two neighbouring letters of a name, a typing error.
func typo(rng *rand.Rand, s string) string {
	rs := []rune(s)
	if len(rs) < 4 {
		return s
	}
	i := 1 + rng.IntN(len(rs)-2)
	if rs[i] == ' ' || rs[i+1] == ' ' {
		return s
	}
	rs[i], rs[i+1] = rs[i+1], rs[i]
	return string(rs)
}
