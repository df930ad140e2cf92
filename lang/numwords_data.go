package lang

import (
	"strings"
	"sync"
)

// numWordList lists English and Russian number words by value and class.
// Russian cardinals are listed in their case forms (folded: ё as е);
// forms that mostly mean something else are left out: семью (family),
// одни and одних (alone, some). Scale forms marked with * need a count
// before them: "тысяч" alone means "thousands", not 1000.
const numWordList = `
1 unit one один одна одно одного одной одному одним одном одну
2 unit two два две двух двум двумя
3 unit three три трех трем тремя
4 unit four четыре четырех четырем четырьмя
5 unit five пять пяти пятью
6 unit six шесть шести шестью
7 unit seven семь семи
8 unit eight восемь восьми восемью восьмью
9 unit nine девять девяти девятью
10 teen ten десять десяти десятью
11 teen eleven одиннадцать одиннадцати одиннадцатью
12 teen twelve двенадцать двенадцати двенадцатью
13 teen thirteen тринадцать тринадцати тринадцатью
14 teen fourteen четырнадцать четырнадцати четырнадцатью
15 teen fifteen пятнадцать пятнадцати пятнадцатью
16 teen sixteen шестнадцать шестнадцати шестнадцатью
17 teen seventeen семнадцать семнадцати семнадцатью
18 teen eighteen восемнадцать восемнадцати восемнадцатью
19 teen nineteen девятнадцать девятнадцати девятнадцатью
20 ten twenty двадцать двадцати двадцатью
30 ten thirty тридцать тридцати тридцатью
40 ten forty сорок сорока
50 ten fifty пятьдесят пятидесяти пятьюдесятью
60 ten sixty шестьдесят шестидесяти шестьюдесятью
70 ten seventy семьдесят семидесяти семьюдесятью
80 ten eighty восемьдесят восьмидесяти восемьюдесятью
90 ten ninety девяносто девяноста
100 hundred сто ста
200 hundred двести двухсот двумстам двумястами двухстах
300 hundred триста трехсот тремстам тремястами трехстах
400 hundred четыреста четырехсот четыремстам четырьмястами четырехстах
500 hundred пятьсот пятисот пятистам пятьюстами пятистах
600 hundred шестьсот шестисот шестистам шестьюстами шестистах
700 hundred семьсот семисот семистам семьюстами семистах
800 hundred восемьсот восьмисот восьмистам восемьюстами восьмистах
900 hundred девятьсот девятисот девятистам девятьюстами девятистах
100 times100 hundred
1000 scale thousand тысяча тысячу тысячей тысяче *тысячи *тысяч *тысячам *тысячами *тысячах *тыс
1000000 scale million миллион миллиона *миллионов *миллионы *миллионам *миллионами *миллионах *млн
1000000000 scale billion миллиард миллиарда *миллиардов *миллиарды *миллиардам *миллиардами *млрд
1000000000000 scale trillion триллион триллиона *триллионов *триллионы *трлн
0 and and
`

// enOrdinals lists the English ordinals by value.
const enOrdinals = `
1 first 2 second 3 third 4 fourth 5 fifth 6 sixth 7 seventh 8 eighth 9 ninth 10 tenth
11 eleventh 12 twelfth 13 thirteenth 14 fourteenth 15 fifteenth 16 sixteenth
17 seventeenth 18 eighteenth 19 nineteenth 20 twentieth 30 thirtieth 40 fortieth
50 fiftieth 60 sixtieth 70 seventieth 80 eightieth 90 ninetieth 100 hundredth
1000 thousandth 1000000 millionth`

// numWords returns the table of number words, built on first use.
var numWords = sync.OnceValue(func() map[string]numWord {
	classes := map[string]numClass{"unit": numUnit, "teen": numTeen, "ten": numTen,
		"hundred": numHundred, "times100": numTimes100, "scale": numScale, "and": numAnd}
	m := make(map[string]numWord, 400)
	for _, line := range strings.Split(numWordList, "\n") {
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		v := parseUint(f[0])
		for _, w := range f[2:] {
			bare := strings.HasPrefix(w, "*")
			m[strings.TrimPrefix(w, "*")] = numWord{value: v, class: classes[f[1]], bare: bare}
		}
	}
	f := strings.Fields(enOrdinals)
	for i := 0; i+1 < len(f); i += 2 {
		card := m[numeralName(parseUint(f[i]))]
		card.ordinal = true
		if card.class == numTimes100 || card.class == numScale {
			card.bare = false
		}
		m[f[i+1]] = card
	}
	return m
})

// numeralName returns the English cardinal word of v, for the values that
// have ordinals in enOrdinals.
func numeralName(v uint64) string {
	names := map[uint64]string{1: "one", 2: "two", 3: "three", 4: "four", 5: "five",
		6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten", 11: "eleven",
		12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen",
		17: "seventeen", 18: "eighteen", 19: "nineteen", 20: "twenty", 30: "thirty",
		40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety",
		100: "hundred", 1000: "thousand", 1000000: "million"}
	return names[v]
}

func parseUint(s string) uint64 {
	var v uint64
	for _, c := range s {
		v = v*10 + uint64(c-'0')
	}
	return v
}

// ruOrdinalStems maps the stems of Russian ordinals to their values and
// classes; ruOrdinal adds the adjective endings.
var ruOrdinalStems = []struct {
	stem  string
	value uint64
	class numClass
}{
	{"перв", 1, numUnit}, {"втор", 2, numUnit}, {"четверт", 4, numUnit}, {"пят", 5, numUnit},
	{"шест", 6, numUnit}, {"седьм", 7, numUnit}, {"восьм", 8, numUnit}, {"девят", 9, numUnit},
	{"десят", 10, numTeen}, {"одиннадцат", 11, numTeen}, {"двенадцат", 12, numTeen},
	{"тринадцат", 13, numTeen}, {"четырнадцат", 14, numTeen}, {"пятнадцат", 15, numTeen},
	{"шестнадцат", 16, numTeen}, {"семнадцат", 17, numTeen}, {"восемнадцат", 18, numTeen},
	{"девятнадцат", 19, numTeen}, {"двадцат", 20, numTen}, {"тридцат", 30, numTen},
	{"сороков", 40, numTen}, {"пятидесят", 50, numTen}, {"шестидесят", 60, numTen},
	{"семидесят", 70, numTen}, {"восьмидесят", 80, numTen}, {"девяност", 90, numTen},
	{"сот", 100, numHundred}, {"двухсот", 200, numHundred}, {"трехсот", 300, numHundred},
	{"четырехсот", 400, numHundred}, {"пятисот", 500, numHundred}, {"шестисот", 600, numHundred},
	{"семисот", 700, numHundred}, {"восьмисот", 800, numHundred}, {"девятисот", 900, numHundred},
	{"тысячн", 1000, numScale}, {"миллионн", 1000000, numScale},
}

// ruHardEndings are the endings of Russian adjectives on a hard stem, and
// ruThirdEndings those of третий, the one ordinal on a soft stem.
var (
	ruHardEndings  = wordSet("ый ой ий ая ое ые ого ому ым ом ую ых ыми ей")
	ruThirdEndings = wordSet("ий ья ье ьи ьего ьему ьим ьем ью ьей ьих ьими")
)

// ruOrdinal returns the meaning of a folded Russian ordinal in any gender,
// number and case: девятая, двадцатого, третьей.
func ruOrdinal(w string) (numWord, bool) {
	if rest, ok := strings.CutPrefix(w, "трет"); ok && ruThirdEndings[rest] {
		return numWord{value: 3, class: numUnit, ordinal: true}, true
	}
	if len(w) < 2 || w[0] != 0xd0 && w[0] != 0xd1 {
		return numWord{}, false
	}
	for _, o := range ruOrdinalStems {
		if o.stem[:2] != w[:2] {
			continue
		}
		if rest, ok := strings.CutPrefix(w, o.stem); ok && ruHardEndings[rest] {
			return numWord{value: o.value, class: o.class, ordinal: true}, true
		}
	}
	return numWord{}, false
}
