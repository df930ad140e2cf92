package press

import (
	"html"
	"regexp"
	"strings"
)

// skipTags are elements whose content is never article text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "nav": true,
	"footer": true, "aside": true, "form": true, "button": true, "select": true, "iframe": true,
	"head": false,
}

// blockTags end a line.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "tr": true, "td": true, "th": true, "table": true,
	"section": true, "article": true, "header": true, "figure": true, "figcaption": true,
	"blockquote": true, "pre": true, "hr": true, "title": true, "dd": true, "dt": true, "dl": true,
	"main": true, "time": true, "span": false,
}

// noiseClass matches class and id values of navigation, sharing and other
// furniture around an article.
var noiseClass = regexp.MustCompile(`(?i)\b(nav|navbar|menu|share|sharing|social|footer|breadcrumbs?|related|comments?|sidebar|copyright|advert|ads|banner|toolbar|subscribe|recommend)\b`)

// tagRE reads a tag's name; attrRE reads class, id and meta attributes.
var (
	tagNameRE = regexp.MustCompile(`^</?([a-zA-Z][a-zA-Z0-9]*)`)
	attrRE    = regexp.MustCompile(`(?i)\b(class|id|name|property|itemprop|content|datetime)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	metaDate  = regexp.MustCompile(`(?i)(publish|pubdate|date|created|modified|time)`)
)

// htmlText returns the text of an HTML page with the original offset of
// every byte, and the dates its meta tags and <time> elements announce.
func htmlText(src string) (string, []int32, []string) {
	var m mtext
	var dates []string
	skip, skipName := 0, ""
	for i := 0; i < len(src); {
		if src[i] != '<' {
			j := strings.IndexByte(src[i:], '<')
			if j < 0 {
				j = len(src) - i
			}
			if skip == 0 {
				addEntities(&m, src[i:i+j], i)
			}
			i += j
			continue
		}
		if strings.HasPrefix(src[i:], "<!--") {
			end := strings.Index(src[i:], "-->")
			if end < 0 {
				break
			}
			i += end + 3
			continue
		}
		end := strings.IndexByte(src[i:], '>')
		if end < 0 {
			break
		}
		tag := src[i : i+end+1]
		at := i
		i += end + 1
		sm := tagNameRE.FindStringSubmatch(tag)
		if sm == nil {
			continue
		}
		name, closing := strings.ToLower(sm[1]), tag[1] == '/'
		if skip > 0 {
			if name == skipName {
				if closing {
					skip--
				} else if !strings.HasSuffix(tag, "/>") {
					skip++
				}
			}
			continue
		}
		if closing {
			if blockTags[name] {
				m.put("\n", at)
			}
			continue
		}
		attrs := attrRE.FindAllStringSubmatch(tag, -1)
		if d := tagDate(name, attrs); d != "" {
			dates = append(dates, d)
		}
		if skipTags[name] || hasNoiseClass(attrs) {
			if !strings.HasSuffix(tag, "/>") && name != "br" && name != "hr" && name != "img" && name != "input" {
				skip, skipName = 1, name
			}
			continue
		}
		if blockTags[name] {
			m.put("\n", at)
		}
	}
	return string(m.b), m.pos, dates
}

// addEntities appends text with its character references decoded. Line
// breaks inside HTML text are spaces: only tags end lines.
func addEntities(m *mtext, s string, at int) {
	if strings.ContainsAny(s, "\r\n\t") {
		s = strings.Map(func(r rune) rune {
			if r == '\r' || r == '\n' || r == '\t' {
				return ' '
			}
			return r
		}, s)
	}
	for len(s) > 0 {
		k := strings.IndexByte(s, '&')
		if k < 0 {
			m.copy(s, at)
			return
		}
		m.copy(s[:k], at)
		s, at = s[k:], at+k
		e := strings.IndexByte(s, ';')
		if e < 0 || e > 10 {
			m.copy("&", at)
			s, at = s[1:], at+1
			continue
		}
		m.put(html.UnescapeString(s[:e+1]), at)
		s, at = s[e+1:], at+e+1
	}
}

// hasNoiseClass reports whether a tag's class or id names page furniture.
func hasNoiseClass(attrs [][]string) bool {
	for _, a := range attrs {
		k := strings.ToLower(a[1])
		if (k == "class" || k == "id") && noiseClass.MatchString(strings.Trim(a[2], `"'`)) {
			return true
		}
	}
	return false
}

// tagDate returns the date a <meta> or <time> tag announces, or "".
func tagDate(name string, attrs [][]string) string {
	var key, content string
	for _, a := range attrs {
		v := strings.Trim(a[2], `"'`)
		switch strings.ToLower(a[1]) {
		case "name", "property", "itemprop":
			key = v
		case "content", "datetime":
			content = v
		}
	}
	switch {
	case name == "time" && content != "":
		return content
	case name == "meta" && metaDate.MatchString(key) && content != "":
		return content
	}
	return ""
}

// looksHTML reports whether a page is HTML rather than plain text.
func looksHTML(name, text string) bool {
	n := strings.ToLower(name)
	if strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".htm") || strings.HasSuffix(n, ".xhtml") {
		return true
	}
	head := strings.ToLower(text[:min(len(text), 4096)])
	return strings.Contains(head, "<html") || strings.Contains(head, "<body") ||
		strings.Contains(head, "<p>") || strings.Contains(head, "<div") || strings.Contains(head, "<!doctype html")
}
