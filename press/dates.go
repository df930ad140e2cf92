package press

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// relKind says how a date expression depends on the reference date.
type relKind uint8

const (
	relNone      relKind = iota // explicit parts only
	relWeekday                  // on Wednesday, в среду, 周三
	relDays                     // yesterday, вчера, 昨天 (off days)
	relYear                     // this year, last year (off years), with an optional month
	relMonthNear                // last June: the latest June before the reference
	relMonth                    // this month, last month (off months)
	relDayOnly                  // 26日: the month comes from the context
)

// mention is one date expression found in a sentence: its byte span and
// what it says.
type mention struct {
	start, end int
	y, m, d    int
	// d2 ends a range of days ("19日至21日"); only the start dates an event.
	d2      int
	rel     relKind
	off     int // days, months or years for relDays, relMonth, relYear
	weekday int // 0 Sunday … 6 Saturday, for relWeekday
	// background marks expressions such as "since 2013" that date no
	// happening of their own.
	background bool
}

// dateRule is one pattern of date expressions and what its groups mean.
type dateRule struct {
	re   *regexp.Regexp
	read func(g []string) (mention, bool)
	// need lists words one of which the lowered text must hold for the
	// rule to be tried; digits says it needs a digit. Both only save time.
	need   []string
	digits bool
}

// Pattern pieces. D is a digit, ASCII or full-width.
const (
	pD    = `[0-9０-９]`
	pMon  = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	pMonR = `(январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])`
	pWd   = `(monday|tuesday|wednesday|thursday|friday|saturday|sunday)`
	pWdR  = `(понедельник|вторник|сред[ау]|четверг|пятниц[ау]|суббот[ау]|воскресенье)`
	pOrd  = `(?:st|nd|rd|th)?`
	pTo   = `\s*(?:-|–|—|to|and|through|till)\s*`
)

// dateRules are tried in order; a later match overlapping an earlier one is
// ignored, so longer, more explicit forms come first.
var dateRules = []dateRule{
	{re: lx(`(` + pD + `{4})[-/.](` + pD + `{1,2})[-/.](` + pD + `{1,2})`), read: func(g []string) (mention, bool) {
		return mention{y: num(g[1]), m: num(g[2]), d: num(g[3])}, true
	}, digits: true},
	{re: lx(`(` + pD + `{1,2})\.(` + pD + `{1,2})\.(` + pD + `{4})`), read: func(g []string) (mention, bool) {
		return mention{y: num(g[3]), m: num(g[2]), d: num(g[1])}, true
	}, digits: true},
	{re: lx(`(` + pD + `{1,2})-` + pMon + `-(` + pD + `{2,4})`), read: func(g []string) (mention, bool) {
		return mention{y: year(g[3]), m: enMonth(g[2]), d: num(g[1])}, true
	}, need: needEnMonth, digits: true},
	{re: lx(pMon + `\s+(\d{1,2})` + pOrd + `(?:` + pTo + `(?:` + pMon + `\s+)?(\d{1,2})` + pOrd + `)?(?:,?\s+(\d{4}))?`), read: func(g []string) (mention, bool) {
		return mention{y: num(g[5]), m: enMonth(g[1]), d: num(g[2]), d2: num(g[4])}, true
	}, need: needEnMonth, digits: true},
	{re: lx(`(\d{1,2})` + pOrd + `(?:` + pTo + `(\d{1,2})` + pOrd + `)?\s+(?:of\s+)?` + pMon + `(?:,?\s+(\d{4}))?`), read: func(g []string) (mention, bool) {
		return mention{y: num(g[4]), m: enMonth(g[3]), d: num(g[1]), d2: num(g[2])}, true
	}, need: needEnMonth, digits: true},
	{re: lx(pMon + `\s+(last|this|next)\s+year`), read: func(g []string) (mention, bool) {
		return mention{m: enMonth(g[1]), rel: relYear, off: relOff(g[2])}, true
	}, need: []string{"year"}},
	{re: lx(`(?:in\s+|of\s+)?` + pMon + `,?\s+(\d{4})`), read: func(g []string) (mention, bool) {
		return mention{y: num(g[2]), m: enMonth(g[1])}, true
	}, need: needEnMonth, digits: true},
	{re: lx(`(last|this|next)\s+` + pMon), read: func(g []string) (mention, bool) {
		if strings.ToLower(g[1]) == "this" {
			return mention{m: enMonth(g[2]), rel: relYear}, true
		}
		return mention{m: enMonth(g[2]), rel: relMonthNear, off: relOff(g[1])}, true
	}, need: []string{"last", "this", "next"}},
	{re: lx(`(?:(last|this|next)\s+|on\s+)?` + pWd + `(?:\s+(?:morning|afternoon|evening|night))?`), read: func(g []string) (mention, bool) {
		return mention{rel: relWeekday, weekday: enWeekday(g[2]), off: relOff(g[1])}, true
	}, need: []string{"day"}},
	{re: lx(`(yesterday|today|tomorrow|tonight)`), read: func(g []string) (mention, bool) {
		return mention{rel: relDays, off: map[string]int{"yesterday": -1, "tomorrow": 1}[strings.ToLower(g[1])]}, true
	}, need: []string{"yesterday", "today", "tomorrow", "tonight"}},
	{re: lx(`(?:earlier\s+|later\s+)?(last|this|next)\s+(year|month)`), read: func(g []string) (mention, bool) {
		if strings.ToLower(g[2]) == "month" {
			return mention{rel: relMonth, off: relOff(g[1])}, true
		}
		return mention{rel: relYear, off: relOff(g[1])}, true
	}, need: []string{"year", "month"}},
	{re: lx(`(?:in|since|by|from|until|during)\s+(\d{4})`), read: func(g []string) (mention, bool) {
		return mention{y: num(g[1])}, true
	}, digits: true},
	// Chinese.
	{re: lx(`(` + pD + `{4})\s*年\s*(` + pD + `{1,2})\s*月\s*(` + pD + `{1,2})\s*[日号](?:\s*(?:至|到|-|－|—|～|~)\s*(?:` + pD + `{1,2}月)?(` + pD + `{1,2})[日号])?`), read: func(g []string) (mention, bool) {
		return mention{y: num(g[1]), m: num(g[2]), d: num(g[3]), d2: num(g[4])}, true
	}, need: []string{"年"}, digits: true},
	{re: lx(`(今年|去年|明年|前年)\s*(` + pD + `{1,2})\s*月(?:\s*(` + pD + `{1,2})\s*[日号])?`), read: func(g []string) (mention, bool) {
		return mention{rel: relYear, off: zhYearOff(g[1]), m: num(g[2]), d: num(g[3])}, true
	}, need: []string{"年"}},
	{re: lx(`(` + pD + `{4})\s*年\s*(` + pD + `{1,2})\s*月`), read: func(g []string) (mention, bool) {
		return mention{y: num(g[1]), m: num(g[2])}, true
	}, need: []string{"年"}, digits: true},
	{re: lx(`(` + pD + `{1,2})\s*月\s*(` + pD + `{1,2})\s*[日号](?:\s*(?:至|到|-|－|—|～|~)\s*(?:` + pD + `{1,2}月)?(` + pD + `{1,2})[日号])?`), read: func(g []string) (mention, bool) {
		return mention{m: num(g[1]), d: num(g[2]), d2: num(g[3])}, true
	}, need: []string{"月"}, digits: true},
	{re: lx(`(` + pD + `{1,2})\s*日(?:\s*(?:至|到|-|－|—|～|~)\s*(` + pD + `{1,2})日)?`), read: func(g []string) (mention, bool) {
		return mention{d: num(g[1]), d2: num(g[2]), rel: relDayOnly}, true
	}, need: []string{"日"}, digits: true},
	{re: lx(`(今年|去年|明年|前年)`), read: func(g []string) (mention, bool) {
		return mention{rel: relYear, off: zhYearOff(g[1])}, true
	}, need: []string{"年"}},
	{re: lx(`(` + pD + `{4})\s*年`), read: func(g []string) (mention, bool) {
		return mention{y: num(g[1])}, true
	}, need: []string{"年"}, digits: true},
	{re: lx(`(今天|今日|昨天|昨日|明天|明日|前天|前日)`), read: func(g []string) (mention, bool) {
		return mention{rel: relDays, off: map[string]int{"昨天": -1, "昨日": -1, "明天": 1, "明日": 1, "前天": -2, "前日": -2}[g[1]]}, true
	}, need: []string{"天", "日"}},
	{re: lx(`(上|本|下)?(?:周|星期|礼拜)([一二三四五六日天])`), read: func(g []string) (mention, bool) {
		return mention{rel: relWeekday, weekday: strings.Index("日一二三四五六", g[2]) / 3, off: map[string]int{"上": -1, "下": 1}[g[1]]}, true
	}, need: []string{"周", "星期", "礼拜"}},
	// Russian.
	{re: lx(`(\d{1,2})(?:\s*[-–—]\s*(\d{1,2}))?\s+` + pMonR + `(?:\s+(\d{4})(?:\s*(?:года|году|г\.|г))?)?`), read: func(g []string) (mention, bool) {
		return mention{y: num(g[4]), m: ruMonth(g[3]), d: num(g[1]), d2: num(g[2])}, true
	}, need: needRuMonth, digits: true},
	{re: lx(pMonR + `\s+(прошлого|этого|текущего|следующего|будущего)\s+года`), read: func(g []string) (mention, bool) {
		return mention{m: ruMonth(g[1]), rel: relYear, off: ruOff(g[2])}, true
	}, need: []string{"года"}},
	{re: lx(pMonR + `\s+(\d{4})(?:\s*(?:года|году|г\.|г))?`), read: func(g []string) (mention, bool) {
		return mention{y: num(g[2]), m: ruMonth(g[1])}, true
	}, need: needRuMonth, digits: true},
	{re: lx(`(?:в|во)\s+` + pWdR), read: func(g []string) (mention, bool) {
		return mention{rel: relWeekday, weekday: ruWeekday(g[1])}, true
	}, need: []string{"понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень"}},
	{re: lx(`(позавчера|вчера|сегодня|завтра)`), read: func(g []string) (mention, bool) {
		return mention{rel: relDays, off: map[string]int{"вчера": -1, "завтра": 1, "позавчера": -2}[strings.ToLower(g[1])]}, true
	}, need: []string{"вчера", "сегодня", "завтра"}},
	{re: lx(`в\s+(прошлом|этом|текущем|следующем|будущем)\s+(году|месяце)`), read: func(g []string) (mention, bool) {
		if strings.HasPrefix(strings.ToLower(g[2]), "мес") {
			return mention{rel: relMonth, off: ruOff(g[1])}, true
		}
		return mention{rel: relYear, off: ruOff(g[1])}, true
	}, need: []string{"году", "месяце"}},
	{re: lx(`(?:в|с|до|к)\s+(\d{4})\s*(?:году|года|г\.|г)`), read: func(g []string) (mention, bool) {
		return mention{y: num(g[1])}, true
	}, need: []string{"год"}, digits: true},
}

// rx compiles a case-insensitive pattern.
func rx(p string) *regexp.Regexp { return regexp.MustCompile(`(?i)` + p) }

// lx compiles a pattern matched against lowered text (see lower), which is
// much faster than case folding in the matcher.
func lx(p string) *regexp.Regexp { return regexp.MustCompile(p) }

// lower returns s with ASCII and Russian capitals in lower case and every
// other byte unchanged, so that offsets in the result are offsets in s.
func lower(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			if b == nil {
				b = []byte(s)
			}
			b[i] = c + 32
		case c == 0xD0 && i+1 < len(s):
			d := s[i+1]
			switch {
			case d >= 0x90 && d <= 0x9F: // А–П → а–п
				if b == nil {
					b = []byte(s)
				}
				b[i+1] = d + 0x20
			case d >= 0xA0 && d <= 0xAF: // Р–Я → р–я (D1 80–8F)
				if b == nil {
					b = []byte(s)
				}
				b[i], b[i+1] = 0xD1, d-0x20
			case d == 0x81: // Ё → ё
				if b == nil {
					b = []byte(s)
				}
				b[i], b[i+1] = 0xD1, 0x91
			}
			i++
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// Words that rules need, by group.
var (
	needEnMonth = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	needRuMonth = []string{"янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"}
)

// scanDates returns the date expressions of s in order.
func scanDates(orig string) []mention {
	var out []mention
	var taken []([2]int)
	s := lower(orig)
	digit := strings.ContainsAny(s, "0123456789") || strings.Contains(s, "０") || strings.ContainsAny(s, "１２３４５６７８９")
	for _, r := range dateRules {
		if r.digits && !digit || len(r.need) > 0 && !containsAny(s, r.need) {
			continue
		}
		for _, loc := range r.re.FindAllStringSubmatchIndex(s, -1) {
			a, b := loc[0], loc[1]
			if !boundary(s, a, b) || overlaps(taken, a, b) {
				continue
			}
			g := make([]string, len(loc)/2)
			for i := range g {
				if loc[2*i] >= 0 {
					g[i] = s[loc[2*i]:loc[2*i+1]]
				}
			}
			m, ok := r.read(g)
			if !ok || !m.valid() {
				continue
			}
			m.start, m.end = a, b
			m.background = background(s, a, b)
			out = append(out, m)
			taken = append(taken, [2]int{a, b})
		}
	}
	sortMentions(out)
	return out
}

// containsAny reports whether s holds one of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// valid rejects impossible parts, such as "the 37th" read as a day.
func (m mention) valid() bool {
	if m.y != 0 && (m.y < 1900 || m.y > 2100) {
		return false
	}
	if m.m < 0 || m.m > 12 || m.d < 0 || m.d > 31 || m.d2 > 31 {
		return false
	}
	return m.y != 0 || m.m != 0 || m.d != 0 || m.rel != relNone
}

// boundary reports whether s[a:b] stands as a whole: no letter or digit
// of a Latin or Cyrillic word runs into it. Han text has no spaces, so a
// Han neighbour is a boundary.
func boundary(s string, a, b int) bool {
	if a > 0 && a < len(s) {
		r, _ := utf8.DecodeLastRuneInString(s[:a])
		first, _ := utf8.DecodeRuneInString(s[a:])
		if joined(r, first) {
			return false
		}
	}
	if b < len(s) && b > 0 {
		r, _ := utf8.DecodeRuneInString(s[b:])
		last, _ := utf8.DecodeLastRuneInString(s[:b])
		if joined(last, r) {
			return false
		}
	}
	return true
}

// joined reports whether two neighbouring runes belong to one word: two
// letters or two digits of a Latin or Cyrillic text. A number running into
// a word ("2020-12-29T14:05", "00:29:06Xinhua") is still two tokens.
func joined(a, b rune) bool {
	if !wordRune(a) || !wordRune(b) {
		return false
	}
	return unicode.IsLetter(a) == unicode.IsLetter(b)
}

// wordRune reports whether r belongs to a Latin or Cyrillic word or a number.
func wordRune(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// overlaps reports whether [a,b) meets a taken span.
func overlaps(taken [][2]int, a, b int) bool {
	for _, t := range taken {
		if a < t[1] && t[0] < b {
			return true
		}
	}
	return false
}

// sortMentions orders mentions by position.
func sortMentions(ms []mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// backgroundRE finds the words before a date that make it background: a
// starting point (since 2013, с 2013 года) or the date of something a
// count or an anniversary refers to.
var (
	backBefore = regexp.MustCompile(`(?i)(since|anniversary of|founded in|established in|自|从|с|начиная с|годовщин\p{L}*)\s*$`)
	backAfter  = regexp.MustCompile(`^\s*(以来|年来|来|起|以后|之后)`)
)

// background reports whether the date at s[a:b] only sets a background.
func background(s string, a, b int) bool {
	before := s[max(0, a-40):a]
	low := strings.ToLower(s[a:b])
	return backBefore.MatchString(before) || backAfter.MatchString(s[b:]) ||
		strings.HasPrefix(low, "since") || strings.HasPrefix(low, "с ")
}

// num reads a decimal number of ASCII or full-width digits; "" is 0.
func num(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		}
	}
	return n
}

// year reads a two- or four-digit year.
func year(s string) int {
	y := num(s)
	if y < 100 {
		y += 2000
	}
	return y
}

// enMonth returns the number of an English month name or abbreviation.
func enMonth(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	for i, p := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(s, p) {
			return i + 1
		}
	}
	return 0
}

// ruMonth returns the number of a Russian month name in any case.
func ruMonth(s string) int {
	s = strings.ToLower(s)
	for i, p := range []string{"янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"} {
		if strings.HasPrefix(s, p) {
			return i + 1
		}
	}
	return 0
}

// enWeekday returns 0 for Sunday to 6 for Saturday.
func enWeekday(s string) int {
	s = strings.ToLower(s)
	for i, p := range []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"} {
		if strings.HasPrefix(s, p) {
			return i
		}
	}
	return 0
}

// ruWeekday returns 0 for Sunday to 6 for Saturday.
func ruWeekday(s string) int {
	s = strings.ToLower(s)
	for i, p := range []string{"воск", "пон", "вт", "ср", "чет", "пят", "суб"} {
		if strings.HasPrefix(s, p) {
			return i
		}
	}
	return 0
}

// relOff reads last, this and next as -1, 0 and 1.
func relOff(s string) int {
	switch strings.ToLower(s) {
	case "last":
		return -1
	case "next":
		return 1
	}
	return 0
}

// ruOff reads прошлый, этот/текущий and следующий/будущий as -1, 0 and 1.
func ruOff(s string) int {
	s = strings.ToLower(s)
	switch {
	case strings.HasPrefix(s, "прош"):
		return -1
	case strings.HasPrefix(s, "след"), strings.HasPrefix(s, "буд"):
		return 1
	}
	return 0
}

// zhYearOff reads 今年, 去年, 明年 and 前年.
func zhYearOff(s string) int {
	return map[string]int{"去年": -1, "明年": 1, "前年": -2}[s]
}
