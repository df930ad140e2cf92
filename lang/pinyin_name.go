package lang

import (
	"strings"
	"unicode/utf8"
)

// surnameReadings holds the readings that surnames take where the common
// reading of the character differs (单 is dān but the surname Shàn), and
// the compound surnames, in numbered pinyin. Names are matched on these
// readings, so a wrong one splits a person in two.
var surnameReadings = map[string]string{
	"单": "shan4", "曾": "zeng1", "解": "xie4", "仇": "qiu2", "朴": "piao2", "区": "ou1",
	"查": "zha1", "盖": "ge3", "缪": "miao4", "覃": "qin2", "翟": "zhai2", "乐": "yue4",
	"员": "yun4", "秘": "bi4", "召": "shao4", "宓": "fu2", "折": "she2", "黑": "he4",
	"冼": "xian3", "隗": "wei3", "繁": "po2", "蕃": "pi2", "莘": "shen1", "祭": "zhai4",
	"逄": "pang2", "粘": "nian2", "句": "gou1", "能": "nai4", "重": "chong2", "种": "chong2",
	"都": "du1", "华": "hua4", "任": "ren2", "沈": "shen3", "柏": "bai3", "过": "guo1",
	"燕": "yan1", "纪": "ji3", "牟": "mou2", "薄": "bo2", "贾": "jia3", "曲": "qu1",
	"石": "shi2", "叶": "ye4", "长": "chang2", "藏": "zang4", "阚": "kan4", "眭": "sui1",
	"尉迟": "yu4 chi2", "万俟": "mo4 qi2", "单于": "chan2 yu2", "长孙": "zhang3 sun1",
	"令狐": "ling2 hu2", "澹台": "tan2 tai2", "欧阳": "ou1 yang2", "司马": "si1 ma3",
	"诸葛": "zhu1 ge3", "上官": "shang4 guan1", "东方": "dong1 fang1", "皇甫": "huang2 fu3",
	"公孙": "gong1 sun1", "慕容": "mu4 rong2", "宇文": "yu3 wen2", "司徒": "si1 tu2",
	"夏侯": "xia4 hou2", "端木": "duan1 mu4", "独孤": "du2 gu1", "南宫": "nan2 gong1",
	"呼延": "hu1 yan2", "轩辕": "xuan1 yuan2", "钟离": "zhong1 li2", "司空": "si1 kong1",
}

// ChineseName is a Chinese personal name in pinyin, in the forms used to
// write it in Latin letters.
type ChineseName struct {
	// Family and Given are capitalised, the given name's syllables joined
	// with an apostrophe before a syllable starting with a, o or e
	// (Ping'an): "Zhang", "Pingwen".
	Family, Given string
	// FamilyTone and GivenTone carry the tone marks: "Zhāng", "Píngwén".
	FamilyTone, GivenTone string
	// FamilyNumbered and GivenNumbered carry tone numbers: "Zhang1",
	// "Ping2wen2".
	FamilyNumbered, GivenNumbered string
}

// FamilyFirst returns the name in Chinese order, "Zhang Pingwen".
func (n ChineseName) FamilyFirst() string { return joinName(n.Family, n.Given) }

// GivenFirst returns the name in Western order, "Pingwen Zhang".
func (n ChineseName) GivenFirst() string { return joinName(n.Given, n.Family) }

// Forms returns the spellings of the name met in Latin text, for
// matching: both orders, and both with the given name's syllables
// hyphenated (Zhang Ping-wen) as older and Hong Kong or Taiwan usage has
// them.
func (n ChineseName) Forms() []string {
	if n.Family == "" && n.Given == "" {
		return nil
	}
	parts := splitNumbered(strings.ReplaceAll(n.GivenNumbered, "'", ""))
	hyphen := capitalize(strings.Join(parts, "-"))
	forms := []string{n.FamilyFirst(), n.GivenFirst()}
	if len(parts) > 1 {
		forms = append(forms, joinName(n.Family, hyphen), joinName(hyphen, n.Family))
	}
	return forms
}

// splitNumbered cuts numbered pinyin ("ping2wen2") into plain syllables
// ("ping", "wen") at its tone digits; a neutral syllable without a digit
// stays joined to the next.
func splitNumbered(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			out = append(out, strings.ToLower(s[start:i]))
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, strings.ToLower(s[start:]))
	}
	return out
}

func joinName(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// NamePinyin returns the pinyin forms of the Chinese personal name s. The
// family name is the first character, or the first two when they form a
// compound surname (欧阳, 尉迟); surnames take their surname readings (单
// Shan, 曾 Zeng, 解 Xie). A transcribed foreign name with a middle dot
// (埃胡德·乌尔) keeps its parts, the last one as the family name.
// Characters other than Han are ignored.
func NamePinyin(s string) ChineseName {
	s = strings.Map(func(r rune) rune {
		if r == '•' || r == '・' || r == '‧' {
			return '·'
		}
		return r
	}, strings.TrimSpace(s))
	if parts := strings.Split(s, "·"); len(parts) > 1 {
		fam := numberedSyllables(parts[len(parts)-1])
		var given []string
		for _, p := range parts[:len(parts)-1] {
			given = append(given, joinSyllables(numberedSyllables(p)))
		}
		return nameFrom(joinSyllables(fam), strings.Join(given, " "))
	}
	family, rest := splitSurname(s)
	var fam []string
	if reading, ok := surnameReadings[family]; ok {
		fam = strings.Fields(reading)
	} else {
		fam = numberedSyllables(family)
	}
	return nameFrom(joinSyllables(fam), joinSyllables(numberedSyllables(rest)))
}

// splitSurname cuts the family name off a Chinese name: two characters
// when they form a compound surname and a given name follows, else one.
func splitSurname(s string) (string, string) {
	_, n1 := utf8.DecodeRuneInString(s)
	_, n2 := utf8.DecodeRuneInString(s[n1:])
	if utf8.RuneCountInString(s) > 2 {
		if reading, ok := surnameReadings[s[:n1+n2]]; ok && strings.Contains(reading, " ") {
			return s[:n1+n2], s[n1+n2:]
		}
	}
	return s[:n1], s[n1:]
}

// numberedSyllables returns the numbered pinyin of the Han characters of s.
func numberedSyllables(s string) []string {
	return PinyinTones(s, ToneNumbers)
}

// joinSyllables joins numbered syllables into one word, with the
// apostrophe pinyin puts before a syllable that starts with a, o or e.
func joinSyllables(syls []string) string {
	var b strings.Builder
	for i, syl := range syls {
		if i > 0 && syl != "" && strings.ContainsRune("aoe", rune(syl[0])) {
			b.WriteByte('\'')
		}
		b.WriteString(syl)
	}
	return b.String()
}

// nameFrom builds the name's forms from its numbered family and given
// names ("zhang1", "ping2wen2").
func nameFrom(family, given string) ChineseName {
	return ChineseName{
		Family:         capitalize(stripTones(family)),
		Given:          capitalize(stripTones(given)),
		FamilyTone:     capitalize(markTones(family)),
		GivenTone:      capitalize(markTones(given)),
		FamilyNumbered: capitalize(family),
		GivenNumbered:  capitalize(given),
	}
}

// stripTones removes the tone digits of numbered pinyin.
func stripTones(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, s)
}

// markTones turns the tone digits of numbered pinyin ("ping2wen2", also
// "ping2 wen2") into tone marks ("píngwén").
func markTones(s string) string {
	var b strings.Builder
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '1' && c <= '4' {
			b.WriteString(markTone(s[start : i+1]))
			start = i + 1
		} else if c == '\'' || c == ' ' || c == '0' {
			b.WriteString(s[start : i+1])
			start = i + 1
		}
	}
	b.WriteString(s[start:])
	return b.String()
}
