package i18n

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"

	"amur"
)

// matcher picks the best platform language for a list of BCP 47 tags.
var matcher = language.NewMatcher([]language.Tag{language.English, language.SimplifiedChinese, language.Russian})

// Match returns the platform language that best fits an Accept-Language
// header value, or English when nothing fits.
func Match(accept string) amur.Lang {
	tags, _, err := language.ParseAcceptLanguage(accept)
	if err != nil || len(tags) == 0 {
		return amur.EN
	}
	_, i, conf := matcher.Match(tags...)
	if conf == language.No {
		return amur.EN
	}
	return []amur.Lang{amur.EN, amur.ZH, amur.RU}[i]
}

// Parse reads a language code such as "zh", "ru-RU" or "zh-Hans-CN".
func Parse(s string) (amur.Lang, bool) {
	t, err := language.Parse(strings.TrimSpace(s))
	if err != nil {
		return "", false
	}
	base, _ := t.Base()
	l := amur.Lang(base.String())
	return l, l.Valid()
}

// monthsRU holds Russian month names in the genitive case, as dates need.
var monthsRU = [...]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}

// monthsRUNom holds Russian month names in the nominative case, for a date
// known only to the month (август 2020 г.).
var monthsRUNom = [...]string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}

// Date formats a date with its precision the way readers of l write it:
// 2020年8月26日, 26 августа 2020 г., 26 Aug 2020; 2020年8月, август 2020 г.,
// Aug 2020; 2020年, 2020 г., 2020.
func Date(l amur.Lang, d amur.Date) string {
	if d.IsZero() {
		return ""
	}
	p := d.Precision()
	switch l {
	case amur.ZH:
		switch p {
		case amur.Year:
			return fmt.Sprintf("%d年", d.Y)
		case amur.Month:
			return fmt.Sprintf("%d年%d月", d.Y, d.M)
		}
		return fmt.Sprintf("%d年%d月%d日", d.Y, d.M, d.D)
	case amur.RU:
		switch p {
		case amur.Year:
			return fmt.Sprintf("%d г.", d.Y)
		case amur.Month:
			return fmt.Sprintf("%s %d г.", monthsRUNom[d.M-1], d.Y)
		}
		return fmt.Sprintf("%d %s %d г.", d.D, monthsRU[d.M-1], d.Y)
	}
	switch p {
	case amur.Year:
		return fmt.Sprint(d.Y)
	case amur.Month:
		return time.Month(d.M).String()[:3] + " " + fmt.Sprint(d.Y)
	}
	return fmt.Sprintf("%d %s %d", d.D, time.Month(d.M).String()[:3], d.Y)
}

// Time formats the local date and clock time of t for a reader of l.
func Time(l amur.Lang, t time.Time) string {
	d := amur.Date{Y: t.Year(), M: int(t.Month()), D: t.Day()}
	return fmt.Sprintf("%s %02d:%02d", Date(l, d), t.Hour(), t.Minute())
}
