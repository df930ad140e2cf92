// Package i18n holds Amur's message catalogs in Chinese, Russian and English
// and the helpers that render translated messages, plural forms, numbers,
// dates and coded errors for a reader of one language.
//
// The catalogs are embedded JSON files with flat dotted keys. Placeholders
// are written {name}. Plural messages have one key per CLDR category with the
// suffix .one, .few, .many or .other. Both the web adapter and the CLI use
// this package, so an error reads the same wherever it is met.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"amur"
)

//go:embed locales/*.json
var files embed.FS

// catalogs maps each language to its messages.
var catalogs = mustLoad()

// mustLoad reads the embedded catalogs; a broken catalog is a build defect.
// Each language's messages may be spread over several files: {lang}.json
// holds the shared ones and {area}.{lang}.json those of one capability
// (fund.ru.json, press.zh.json…). A key defined in two files panics.
func mustLoad() map[amur.Lang]map[string]string {
	out := map[amur.Lang]map[string]string{}
	for _, l := range amur.Langs {
		out[l] = map[string]string{}
	}
	entries, err := files.ReadDir("locales")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		name := e.Name()
		stem := strings.TrimSuffix(name, ".json")
		l := amur.Lang(stem[strings.LastIndexByte(stem, '.')+1:])
		dst, ok := out[l]
		if !ok {
			panic(fmt.Sprintf("i18n: locales/%s: no language %q", name, l))
		}
		b, err := files.ReadFile("locales/" + name)
		if err != nil {
			panic(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			panic(fmt.Sprintf("i18n: locales/%s: %v", name, err))
		}
		for k, v := range m {
			if _, dup := dst[k]; dup {
				panic(fmt.Sprintf("i18n: locales/%s: key %q is defined twice", name, k))
			}
			dst[k] = v
		}
	}
	return out
}

// Keys returns the sorted keys of the catalog of language l.
func Keys(l amur.Lang) []string {
	keys := make([]string, 0, len(catalogs[l]))
	for k := range catalogs[l] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Lookup returns the raw message for key in language l.
func Lookup(l amur.Lang, key string) (string, bool) {
	m, ok := catalogs[l][key]
	return m, ok
}

// T returns the message for key in language l with its placeholders filled
// from args, given as alternating name and value pairs. A missing key falls
// back to English and then to the key itself, so a defect shows rather than
// hides; the catalog test keeps the three catalogs complete.
func T(l amur.Lang, key string, args ...any) string {
	return render(l, key, pairs(args))
}

// pairs turns alternating name and value arguments into a map.
func pairs(args []any) map[string]any {
	m := make(map[string]any, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		m[fmt.Sprint(args[i])] = args[i+1]
	}
	return m
}

// render looks key up and fills its placeholders.
func render(l amur.Lang, key string, args map[string]any) string {
	msg, ok := catalogs[l][key]
	if !ok {
		if msg, ok = catalogs[amur.EN][key]; !ok {
			return key
		}
	}
	return fill(l, msg, args)
}

// fill replaces {name} placeholders. Integers are formatted for the
// language; a "kind" argument naming a record kind is translated.
func fill(l amur.Lang, msg string, args map[string]any) string {
	if !strings.Contains(msg, "{") {
		return msg
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(msg, '{')
		if i < 0 {
			b.WriteString(msg)
			return b.String()
		}
		j := strings.IndexByte(msg[i:], '}')
		if j < 0 {
			b.WriteString(msg)
			return b.String()
		}
		b.WriteString(msg[:i])
		name := msg[i+1 : i+j]
		b.WriteString(argString(l, name, args[name]))
		msg = msg[i+j+1:]
	}
}

// argLabels are the placeholders whose string values are names with a
// label of their own: a record kind, the reason of a conflict of interest.
var argLabels = map[string]string{"kind": "kind.", "reason": "fund.conflict."}

// argString formats one placeholder value.
func argString(l amur.Lang, name string, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case interface{ MessageKey() string }:
		// An enumeration value (a workflow status…) names its own label.
		if m, ok := catalogs[l][x.MessageKey()]; ok {
			return m
		}
		return fmt.Sprint(v)
	case int:
		return Number(l, x)
	case int64:
		return Number(l, int(x))
	case string:
		if prefix, ok := argLabels[name]; ok {
			if k, ok := catalogs[l][prefix+x]; ok {
				return k
			}
		}
		return x
	}
	return fmt.Sprint(v)
}

// N returns the plural message for key and count n in language l: it picks
// key.one, key.few, key.many or key.other by the CLDR rules of the language
// and fills {n} with the formatted count.
func N(l amur.Lang, key string, n int, args ...any) string {
	m := pairs(args)
	m["n"] = n
	k := key + "." + PluralCategory(l, n)
	if _, ok := catalogs[l][k]; !ok {
		k = key + ".other"
	}
	return render(l, k, m)
}

// PluralCategory returns the CLDR plural category of the integer n in
// language l: Russian has one, few and many (1 проект, 3 проекта, 5
// проектов), English one and other, Chinese only other.
func PluralCategory(l amur.Lang, n int) string {
	if n < 0 {
		n = -n
	}
	switch l {
	case amur.RU:
		switch m10, m100 := n%10, n%100; {
		case m10 == 1 && m100 != 11:
			return "one"
		case m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14):
			return "few"
		}
		return "many"
	case amur.EN:
		if n == 1 {
			return "one"
		}
	}
	return "other"
}

// Number formats an integer with the language's digit grouping: 1,000 in
// English and Chinese, 1 000 (with a narrow no-break space) in Russian.
func Number(l amur.Lang, n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := ","
	if l == amur.RU {
		sep = "\u202f"
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
