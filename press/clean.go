package press

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"amur"
	"amur/lang"
)

// Doc is a cleaned page: its original text and its classified lines.
type Doc struct {
	Name string
	// Orig is the page's text as decoded, to which every span refers.
	Orig  string
	Lines []Line
	// Lang is the language of the body.
	Lang amur.Lang
	// TagDates are the dates an HTML page's meta and time tags announce.
	TagDates []string
}

// Clean splits a page into lines and classifies them, dropping page
// furniture and noise while keeping each line's span in the original.
func Clean(name, text string) *Doc {
	d := &Doc{Name: name, Orig: text}
	switch {
	case looksHTML(name, text):
		t, pos, dates := htmlText(text)
		d.Lines, d.TagDates = splitLines(t, pos), dates
	case looksMarkdown(name, text):
		d.Lines = markdownLines(splitLines(text, nil))
	default:
		d.Lines = unwrap(splitLines(text, nil))
	}
	classify(d.Lines)
	var body strings.Builder
	for _, l := range d.Lines {
		if l.Kind == Body || l.Kind == Title {
			body.WriteString(l.Text)
			body.WriteByte('\n')
		}
	}
	d.Lang = lang.DetectLang(body.String())
	return d
}

// The patterns of noise and furniture lines.
var (
	copyrightRE = lx(`copyright|©|\(c\)\s*\d{4}|all rights reserved|版权所有|未经.{0,12}(许可|授权|同意)|不得转载|все права защищены|перепечатк|без (письменного )?разрешения|reproduction .{0,40}prohibited|without permission`)
	labelRE     = regexp.MustCompile(`(?i)^(tags?|keywords?|editor|editors|source|author|reporter|photo|video|责任编辑|编辑|来源|关键词|关键字|标签|记者|作者|теги|ключевые слова|источник|автор|фото|редактор)\s*[:：]`)
	moreRE      = regexp.MustCompile(`(?i)^(read more|related|related news|related stories|see also|more on|延伸阅读|相关新闻|相关阅读|相关链接|推荐阅读|читайте также|смотрите также|по теме)\s*[:：]?$`)
	captionRE   = regexp.MustCompile(`(?i)(/\s*(xinhua|cgtn|tass|ria novosti|ria|sputnik|afp|reuters|ap|cfp|vcg|getty images|china daily|people's daily|kremlin\.ru|фото|тасс|риа новости)\s*\)?\s*$)|\((xinhua|photo|фото)[^)]*\)\s*$|\bphoto(graph)?\s*(by|:|courtesy)|新华社(记者|发)[^。]{0,20}摄|摄\s*[)）]?\s*$|图片来源|фото\s*[:：]|\(фото|^фото\s`)
	sepRE       = regexp.MustCompile(`[|｜,，、;；/·•]`)
)

// copyrightWords and captionWords are the words one of which a line must
// hold for the copyright and caption patterns to be tried.
var (
	copyrightWords = []string{"copyright", "©", "(c)", "rights", "版权", "未经", "转载", "права", "перепечат", "разрешени", "prohibited", "permission"}
	captionWords   = []string{"/", "(", "photo", "摄", "图片", "фото"}
)

// classify sets the kind of every line.
func classify(lines []Line) {
	seen := map[string]int{}
	for i := range lines {
		seen[dupKey(lines[i].Text)]++
	}
	first := map[string]bool{}
	bodySeen, titleSeen, afterMore := false, false, false
	for i := range lines {
		l := &lines[i]
		key := dupKey(l.Text)
		dup := seen[key] > 1
		repeat := dup && first[key]
		first[key] = true
		body := isBodyText(l.Text)
		ms := scanDates(l.Text)
		low := lower(l.Text)
		switch {
		case containsAny(low, copyrightWords) && copyrightRE.MatchString(low) && !(body && len(l.Text) > 400), noiseList(l.Text):
			l.Kind = Noise
		case repeat:
			l.Kind = Noise
		case labelRE.MatchString(low):
			l.Kind = Meta
		case moreRE.MatchString(low):
			l.Kind, afterMore = Noise, true
		case containsAny(low, captionWords) && captionRE.MatchString(low) || (dup && body):
			l.Kind = Caption
		case isDateOnly(l.Text, ms):
			l.Kind = Meta
			if bodySeen {
				l.Kind = Heading
			}
		case isDateLed(ms) && bodySeen && !body:
			l.Kind = Heading
		case body && !(afterMore && !endsSentence(l.Text)):
			l.Kind, bodySeen, afterMore = Body, true, false
		case !titleSeen && !bodySeen && titleLike(l.Text):
			l.Kind, titleSeen = Title, true
		case !bodySeen && hasDate(ms):
			l.Kind = Meta
		default:
			l.Kind = Noise
		}
	}
}

// dupKey is the form under which repeated lines are recognised.
func dupKey(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// words counts the words of a line: its Latin and Cyrillic words and half
// its Han characters.
func words(s string) (w, han int) {
	in := false
	for _, r := range s {
		switch {
		case r >= 0x4E00 && r <= 0x9FFF:
			han++
			in = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !in {
				w++
			}
			in = true
		default:
			in = false
		}
	}
	return w, han
}

// endsSentence reports whether s ends as a sentence does.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\"'”’»）)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".。!！?？;；…", r)
}

// isBodyText reports whether a line reads as a paragraph of the article.
func isBodyText(s string) bool {
	w, han := words(s)
	end := endsSentence(s)
	return han >= 10 && (end || han >= 40) || w-han/2 >= 5 && end || w-han/2 >= 25
}

// titleLike reports whether a line may be the headline.
func titleLike(s string) bool {
	w, han := words(s)
	return (w >= 4 || han >= 6) && !strings.HasSuffix(s, ":")
}

// noiseList reports whether a line is a list of many short items, such as
// the place names or keywords spam pages stuff into a footer.
func noiseList(s string) bool {
	parts := sepRE.Split(s, -1)
	if len(parts) < 8 {
		return false
	}
	short, total := 0, 0
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		total++
		if w, han := words(p); w <= 3 && han <= 6 {
			short++
		}
	}
	return total >= 8 && short*10 >= total*8
}

// looksMarkdown reports whether a page is Markdown.
func looksMarkdown(name, text string) bool {
	n := strings.ToLower(name)
	if strings.HasSuffix(n, ".md") || strings.HasSuffix(n, ".markdown") {
		return true
	}
	head := text[:min(len(text), 4096)]
	return strings.HasPrefix(head, "# ") || strings.Contains(head, "\n# ") || strings.Contains(head, "\n## ")
}

// The inline Markdown forms markdownLines undoes.
var (
	mdLead   = regexp.MustCompile(`^(#{1,6}\s+|>\s?|[-*+]\s+)`)
	mdInline = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|\*\*|__|` + "`")
)

// markdownLines strips Markdown marks from lines, keeping the map to the
// original.
func markdownLines(lines []Line) []Line {
	out := lines[:0]
	for _, l := range lines {
		var m mtext
		s, at := l.Text, l.Start
		if loc := mdLead.FindStringIndex(s); loc != nil {
			s, at = s[loc[1]:], at+loc[1]
		}
		for len(s) > 0 {
			loc := mdInline.FindStringSubmatchIndex(s)
			if loc == nil {
				m.copy(s, at)
				break
			}
			m.copy(s[:loc[0]], at)
			if loc[2] >= 0 {
				m.copy(s[loc[2]:loc[3]], at+loc[2])
			}
			s, at = s[loc[1]:], at+loc[1]
		}
		t := strings.TrimSpace(string(m.b))
		if t == "" {
			continue
		}
		k := strings.Index(string(m.b), t)
		nl := Line{Text: t, pos: m.pos[k : k+len(t)]}
		nl.Start, nl.End = int(nl.pos[0]), int(nl.pos[len(nl.pos)-1])+1
		out = append(out, nl)
	}
	return out
}
