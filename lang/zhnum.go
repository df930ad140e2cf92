package lang

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// zhDigits maps the Chinese digit characters to their values.
var zhDigits = map[rune]uint64{
	'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

// zhMultipliers maps the Chinese positional characters to their values.
var zhMultipliers = map[rune]uint64{'十': 10, '百': 100, '千': 1000, '万': 1e4, '亿': 1e8}

// zhCounters holds the measure words and calendar characters after which a
// lone Chinese numeral is a number: 三年, 十月, 五个. Without one, 三 in 三峡
// or 四 in 四川 is part of a name.
var zhCounters = map[rune]bool{
	'年': true, '月': true, '日': true, '号': true, '届': true, '次': true, '个': true,
	'位': true, '名': true, '项': true, '家': true, '所': true, '倍': true, '周': true,
	'岁': true, '批': true, '人': true, '件': true, '台': true, '座': true, '条': true,
	'种': true, '场': true, '轮': true, '天': true, '期': true, '章': true, '节': true,
	'款': true, '篇': true, '份': true, '架': true, '艘': true, '颗': true, '枚': true,
	'套': true, '国': true,
}

func isZhNumeral(r rune) bool {
	_, d := zhDigits[r]
	_, m := zhMultipliers[r]
	return d || m
}

// zhNumberAt reads the Chinese numeral at byte k of s, inside the Han run
// s[start:end]. It returns the end of the numeral characters there and,
// when they safely form a number, its digits. A numeral counts when it
// follows 第 (an ordinal), or is a well-formed positional number of two or
// more characters (六十九, 一千零五, 二十国), or a digit string with 〇 or
// before 年 (二〇二〇, 一九四九年), or a single numeral before a measure word
// (三年, 两个); 一 alone only as 第一 or before 月, 日 and 号, because it
// starts countless words (一些, 统一, 一起).
func zhNumberAt(s string, start, k, end int) (int, string, bool) {
	e := k
	for e < end {
		r, n := utf8.DecodeRuneInString(s[e:])
		if !isZhNumeral(r) {
			break
		}
		e += n
	}
	if e == k {
		return k, "", false
	}
	seq := s[k:e]
	text, positional, ok := parseZhNumeral(seq)
	if !ok {
		return e, "", false
	}
	next := rune(0)
	if e < end {
		next, _ = utf8.DecodeRuneInString(s[e:])
	}
	_, unitLen := zhUnitAt(s[:end], e)
	counter := zhCounters[next] || unitLen > 0
	ordinal := k-start >= len("第") && s[k-len("第"):k] == "第"
	single := utf8.RuneCountInString(seq) == 1
	switch {
	case ordinal:
	case single && seq == "一":
		ok = next == '月' || next == '日' || next == '号'
	case single:
		ok = counter
	case !positional:
		ok = strings.ContainsAny(seq, "〇零") || (utf8.RuneCountInString(seq) == 4 && next == '年')
	}
	return e, text, ok
}

// parseZhNumeral returns the value of a Chinese numeral in digits and
// whether it uses positional characters (十百千万亿). A numeral without
// them is a digit string, 二〇二〇 → 2020. A positional numeral must be
// well formed: no two digits in a row (十四五 is a name, not a number),
// multipliers falling within each 万 section, and a final digit after 千 or
// 万 read colloquially (三千五 → 3500, 一万五 → 15000).
func parseZhNumeral(seq string) (string, bool, bool) {
	if !strings.ContainsAny(seq, "十百千万亿") {
		var b strings.Builder
		for _, r := range seq {
			b.WriteByte(byte('0' + zhDigits[r]))
		}
		return b.String(), false, true
	}
	var total, wan, section uint64
	digit, small, last := int64(-1), uint64(1e4), uint64(1)
	zero := false
	for _, r := range seq {
		if d, ok := zhDigits[r]; ok {
			if digit >= 0 {
				return "", true, false
			}
			if d == 0 {
				zero = true
				continue
			}
			digit = int64(d)
			continue
		}
		m := zhMultipliers[r]
		switch {
		case m < 1e4:
			if m >= small {
				return "", true, false
			}
			if digit < 0 {
				if m != 10 || section != 0 {
					return "", true, false
				}
				digit = 1
			}
			section += uint64(digit) * m
			small = m
		case m == 1e4:
			n := section + uint64(max(digit, 0))
			if n == 0 || wan != 0 {
				return "", true, false
			}
			wan, section, small = n*m, 0, 1e4
		default:
			n := wan + section + uint64(max(digit, 0))
			if n == 0 || total != 0 {
				return "", true, false
			}
			total, wan, section, small = n*m, 0, 0, 1e4
		}
		digit, last, zero = -1, m, false
	}
	if digit > 0 {
		if !zero && last > 10 {
			section += uint64(digit) * last / 10
		} else {
			section += uint64(digit)
		}
	}
	return strconv.FormatUint(total+wan+section, 10), true, true
}
