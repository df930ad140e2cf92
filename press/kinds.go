package press

import (
	"regexp"

	"amur"
)

// trigger is a word or phrase that names a kind of happening; rank says
// which kind wins when one happening is reported with several (a letter
// read at a ceremony is a letter).
type trigger struct {
	kind amur.EntryKind
	rank int
	re   *regexp.Regexp
}

// triggers in the order of their rank.
var triggers = []trigger{
	{amur.Letter, 90, rx(`congratulatory (?:letter|message)s?|letters?|message of (?:congratulation|condolence)s?|messages? of congratulations|贺信|致信|复信|回信|贺电|慰问电|唁电|书信|信函|письм\p{L}*|послани\p{L}*|телеграмм\p{L}*|поздравительн\p{L}*`)},
	{amur.Call, 85, rx(`(?:tele)?phone (?:call|conversation|talks)s?|(?:talked|spoke|held talks|talk) (?:over|on|by) (?:the )?(?:tele)?phone|通电话|通话|电话会谈|телефонн\p{L}* (?:разговор|переговор)\p{L}*|по телефону|созвонил\p{L}*`)},
	{amur.Meeting, 80, rx(`held talks|hold talks|holds talks|talks|met with|meets with|met|meeting|summit|video conference|会谈|会见|会晤|峰会|举行会议|переговор\p{L}*|встреч\p{L}*|встретил\p{L}*|саммит\p{L}*|заседани\p{L}*`)},
	{amur.Visit, 70, rx(`state visit|official visit|visit(?:ed|s|ing)?|访问|到访|出访|визит\p{L}*|посетил\p{L}*|посещени\p{L}*`)},
	{amur.AgreementEntry, 65, rx(`signed|signing|agreements?|memorandum|memorandums|memoranda|签署|签订|签约|协议|协定|备忘录|подписал\p{L}*|подписани\p{L}*|соглашени\p{L}*|меморандум\p{L}*`)},
	{amur.Statement, 60, rx(`joint statement|declaration|communique|statement|联合声明|声明|宣言|公报|заявлени\p{L}*|декларац\p{L}*|коммюнике`)},
	{amur.ForumEntry, 55, rx(`forum|conference|symposium|expo|exhibition|congress|论坛|研讨会|博览会|展览会|大会|交流会|洽谈会|форум\p{L}*|конференци\p{L}*|симпозиум\p{L}*|выставк\p{L}*|конгресс\p{L}*`)},
	{amur.CeremonyEntry, 50, rx(`ceremony|ceremonies|inaugurat\w*|kicked off|kicks off|opened|opening|closing|closed|ground-?breaking|unveil\w*|仪式|开幕|闭幕|开工|揭牌|启动仪式|церемони\p{L}*|открыти\p{L}*|закрыти\p{L}*|торжествен\p{L}*|открыл\p{L}*|закрыл\p{L}*`)},
	{amur.Launch, 45, rx(`launch(?:ed|es|ing)?|启动|发射|上线|启用|запуск\p{L}*|запустил\p{L}*|стартовал\p{L}*|дан старт`)},
	{amur.OtherEntry, 25, rx(`attended|attending|witnessed|took part|participated|出席|参加|见证|出席了|принял\p{L}* участие|участвовал\p{L}*|присутствовал\p{L}*`)},
	{amur.Statement, 20, rx(`said|says|noted|stressed|announced|stated|told|pointed out|表示|指出|强调|宣布|заявил\p{L}*|сообщил\p{L}*|отметил\p{L}*|подчеркнул\p{L}*|сказал\p{L}*|объявил\p{L}*`)},
}

// hit is one trigger found in a sentence.
type hit struct {
	pos  int
	kind amur.EntryKind
	rank int
}

// findTriggers returns the triggers of s that stand as words.
func findTriggers(s string) []hit {
	var out []hit
	for _, t := range triggers {
		for _, loc := range t.re.FindAllStringIndex(s, -1) {
			if !boundary(s, loc[0], loc[1]) && !startBoundary(s, loc[0]) {
				continue
			}
			if loc[1]+3 <= len(s) && s[loc[1]:loc[1]+3] == "-up" {
				continue // opening-up is a policy, not an opening
			}
			out = append(out, hit{pos: loc[0], kind: t.kind, rank: t.rank})
		}
	}
	return out
}

// startBoundary reports whether a Cyrillic stem match starts a word; its
// end runs on through the case ending.
func startBoundary(s string, a int) bool {
	if !boundary(s, a, a) {
		return false
	}
	return a < len(s) && s[a] >= 0x80
}

// futureRE marks a sentence about something still to come.
var futureRE = rx(`\bwill\b|\bto be held\b|\bis scheduled\b|\bare scheduled\b|\bplans? to\b|将于|将在|拟于|即将|будет|будут|состоится|планируется|пройд[её]т`)
