package lang_test

import (
	"fmt"

	"amur"
	"amur/lang"
)

func ExampleTokens() {
	s := "Шестьдесят девятая сессия: 1 000 проектов, 10 МВт"
	for _, t := range lang.Tokens(s, amur.RU) {
		fmt.Printf("%s %q → %s\n", t.Kind, s[t.Start:t.End], t.Stem)
	}
	// Output:
	// number "Шестьдесят девятая" → 69
	// word "сессия" → сесс
	// number "1 000" → 1000
	// word "проектов" → проект
	// number "10" → 10
	// unit "МВт" → mw
}

func ExampleRomanize() {
	for _, sc := range []lang.Scheme{lang.SchemeICAO, lang.SchemeBGNPCGN, lang.SchemeGOST779B} {
		fmt.Println(sc, lang.Romanize("Алексей Сёмин, Щукин", sc))
	}
	// Output:
	// icao Aleksei Semin, Shchukin
	// bgnpcgn Aleksey Sëmin, Shchukin
	// gost779b Aleksej Syomin, Shhukin
}

func ExampleLatinKey() {
	for _, s := range []string{"Alexei Semin", "Aleksey Syomin", "Алексей Сёмин", "张平文", "Zhang Pingwen"} {
		fmt.Printf("%s: %s\n", s, lang.LatinKey(s))
	}
	// Output:
	// Alexei Semin: aleksei semin
	// Aleksey Syomin: aleksei semin
	// Алексей Сёмин: aleksei semin
	// 张平文: xang pingven
	// Zhang Pingwen: xang pingven
}

func ExampleCyrillize() {
	fmt.Println(lang.Cyrillize("Shakhray")[0], lang.Cyrillize("Iurii")[0], lang.Cyrillize("Syomin")[0])
	// Output: Шахрай Юрий Сёмин
}

func ExampleNamePinyin() {
	n := lang.NamePinyin("张平文")
	fmt.Println(n.FamilyFirst(), "/", n.GivenFirst(), "/", n.FamilyTone, n.GivenTone)
	// Output: Zhang Pingwen / Pingwen Zhang / Zhāng Píngwén
}

func ExampleParseNumberWords() {
	for _, s := range []string{"sixty-ninth", "第六十九", "двадцать первого", "3万"} {
		n, _ := lang.ParseNumberWords(s)
		fmt.Println(s, n)
	}
	// Output:
	// sixty-ninth 69
	// 第六十九 69
	// двадцать первого 21
	// 3万 30000
}
