package press

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"amur"
)

// trigger is a kind of happening and the words that name it; rank says
// which kind wins when one happening is reported with several (a letter
// read at a ceremony is a letter).
type trigger struct {
	kind  amur.EntryKind
	rank  int
	words []string
}

// triggers in the order of their rank. A word is matched in lower case as
// a whole word; a trailing * lets any letters follow (a stem with its
// endings: письм* for письмо, письма, письмом). Han words need no
// boundary.
var triggers = []trigger{
	{amur.Letter, 90, strings.Fields("congratulatory letter* congratulatory message* letter* message* of congratulation* message* of condolence* 贺信 致信 复信 回信 贺电 慰问电 唁电 书信 信函 письм* послани* телеграмм* поздравительн* приветстви*")},
	{amur.Call, 85, strings.Fields("phone call* telephone call* phone conversation* telephone conversation* phone talks telephone talks over the phone by phone by telephone on the phone over the telephone video call* 通电话 通话 电话会谈 телефонн* разговор* телефонн* переговор* по телефону созвонил*")},
	{amur.Meeting, 80, strings.Fields("held talks hold talks holds talks talks met with meets with met meeting* summit* video conference 会谈 会见 会晤 峰会 举行会议 переговор* встреч* встретил* саммит* заседани*")},
	{amur.Visit, 70, strings.Fields("state visit official visit visit visits visited visiting 访问 到访 出访 визит* посетил* посещени*")},
	{amur.AgreementEntry, 65, strings.Fields("signed signing agreement* memorand* 签署 签订 签约 协议 协定 备忘录 подписал* подписани* соглашени* меморандум*")},
	{amur.Statement, 60, strings.Fields("joint statement* declaration* communique* statement* 联合声明 声明 宣言 公报 заявлени* декларац* коммюнике")},
	{amur.ForumEntry, 55, strings.Fields("forum* conference* symposi* expo exhibition* congress* 论坛 研讨会 博览会 展览会 大会 交流会 洽谈会 форум* конференци* симпозиум* выставк* конгресс*")},
	{amur.CeremonyEntry, 50, strings.Fields("ceremon* inaugurat* kicked off kicks off opened opening closing closed ground-breaking groundbreaking unveil* 仪式 开幕 闭幕 开工 揭牌 церемони* открыти* закрыти* торжествен* открыл* закрыл*")},
	{amur.Launch, 45, strings.Fields("launch* 启动 发射 上线 启用 запуск* запустил* стартовал* дан старт")},
	{amur.OtherEntry, 25, strings.Fields("attended attending witnessed took part participated 出席 参加 见证 принял* участие участвовал* присутствовал*")},
	{amur.Statement, 20, strings.Fields("said says noted stressed announced stated told pointed out 表示 指出 强调 宣布 заявил* сообщил* отметил* подчеркнул* сказал* объявил*")},
}

// phrase words: the lists above hold words; a phrase of several words is
// written with its words in a row and joined here, by the rule that a word
// without * or Han that is followed by a word continues a phrase when the
// pair is listed in phrasePairs.
var triggerPhrases = func() [][]keyword {
	out := make([][]keyword, len(triggers))
	for i, t := range triggers {
		out[i] = joinPhrases(t.words)
	}
	return out
}()

// keyword is one word or phrase of a trigger, as its parts.
type keyword struct {
	parts []string // each may end in *
	han   bool
}

// joinPhrases groups the fields of a trigger's list into phrases: a
// phrase continues while the next field is a function word or the
// previous one is known to start a phrase.
func joinPhrases(fields []string) []keyword {
	var out []keyword
	for i := 0; i < len(fields); i++ {
		k := keyword{parts: []string{fields[i]}, han: hasHan(fields[i])}
		for i+1 < len(fields) && continues(k.parts[len(k.parts)-1], fields[i+1]) {
			i++
			k.parts = append(k.parts, fields[i])
		}
		out = append(out, k)
	}
	return out
}

// phraseStarts are the words that begin a phrase in the trigger lists,
// with the words that may follow them.
var phraseStarts = map[string][]string{
	"congratulatory": {"letter*", "message*"}, "message*": {"of"}, "of": {"congratulation*", "condolence*"},
	"phone": {"call*", "conversation*", "talks"}, "telephone": {"call*", "conversation*", "talks"},
	"over": {"the"}, "the": {"phone", "telephone"}, "by": {"phone", "telephone"}, "on": {"the"},
	"video": {"call*", "conference"}, "телефонн*": {"разговор*", "переговор*"}, "по": {"телефону"},
	"held": {"talks"}, "hold": {"talks"}, "holds": {"talks"}, "met": {"with"}, "meets": {"with"},
	"state": {"visit"}, "official": {"visit"}, "joint": {"statement*"}, "kicked": {"off"}, "kicks": {"off"},
	"дан": {"старт"}, "took": {"part"}, "принял*": {"участие"}, "pointed": {"out"},
}

// continues reports whether next continues a phrase ending in prev.
func continues(prev, next string) bool {
	for _, w := range phraseStarts[prev] {
		if w == next {
			return true
		}
	}
	return false
}

// hit is one trigger found in a sentence.
type hit struct {
	pos  int
	kind amur.EntryKind
	rank int
}

// findTriggers returns the triggers of s that stand as words. It looks up
// literal words rather than running patterns, which keeps a thousand pages
// within a second or two.
func findTriggers(orig string) []hit {
	var out []hit
	s := lower(orig)
	for i, t := range triggers {
		for _, k := range triggerPhrases[i] {
			for from := 0; from < len(s); {
				at := findKeyword(s[from:], k)
				if at < 0 {
					break
				}
				out = append(out, hit{pos: from + at, kind: t.kind, rank: t.rank})
				from += at + 1
			}
		}
	}
	return out
}

// findKeyword returns where the keyword k stands as a whole word in the
// lowered text s, or -1.
func findKeyword(s string, k keyword) int {
	first := strings.TrimSuffix(k.parts[0], "*")
	for from := 0; from < len(s); {
		j := strings.Index(s[from:], first)
		if j < 0 {
			return -1
		}
		at := from + j
		from = at + len(first)
		if !k.han && at > 0 && letterBefore(s, at) {
			continue
		}
		end, ok := matchKeyword(s, at, k)
		if !ok || strings.HasPrefix(s[end:], "-up") {
			continue // opening-up is a policy, not an opening
		}
		return at
	}
	return -1
}

// matchKeyword matches the keyword's parts at s[at:], separated by single
// spaces, and returns where the match ends.
func matchKeyword(s string, at int, k keyword) (int, bool) {
	p := at
	for n, part := range k.parts {
		if n > 0 {
			if p >= len(s) || s[p] != ' ' {
				return 0, false
			}
			p++
		}
		stem, star := strings.CutSuffix(part, "*")
		if !strings.HasPrefix(s[p:], stem) {
			return 0, false
		}
		p += len(stem)
		if k.han {
			continue
		}
		if star {
			for p < len(s) {
				r, size := utf8.DecodeRuneInString(s[p:])
				if !unicode.IsLetter(r) || r >= 0x2E80 {
					break
				}
				p += size
			}
		} else if p < len(s) && letterAt(s, p) {
			return 0, false
		}
	}
	return p, true
}

// letterBefore reports whether a Latin or Cyrillic letter ends at s[i].
func letterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) && r < 0x2E80
}

// letterAt reports whether a Latin or Cyrillic letter starts at s[i].
func letterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) && r < 0x2E80
}

// futureRE marks a sentence about something still to come.
var futureRE = lx(`\bwill\b|\bto be held\b|\bis scheduled\b|\bare scheduled\b|\bplans? to\b|将于|将在|拟于|即将|будет|будут|состоится|планируется|пройд[её]т`)
