package identity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"amur"
	"amur/lang"
)

// Role is the part of a person's name a token stands for.
type Role uint8

// The roles of name parts. RoleUnknown is a part whose role the written
// form does not tell (Alexei Semin or Semin Alexei).
const (
	RoleUnknown Role = iota
	RoleFamily
	RoleGiven
	RolePatronymic
)

// String returns the role's name as explanations show it.
func (r Role) String() string {
	return [...]string{"part", "family", "given", "patronymic"}[r]
}

// NamePart is one part of a person's name as written.
type NamePart struct {
	Text    string `json:"text"`
	Role    Role   `json:"role"`
	Initial bool   `json:"initial,omitempty"`
}

// PersonName is a person's name split into its parts, in the order written.
type PersonName struct {
	Parts []NamePart `json:"parts"`
	// Chinese tells a name written in Han characters.
	Chinese bool `json:"chinese,omitempty"`
}

// Part returns the first part with role r, or "".
func (n PersonName) Part(r Role) string {
	for _, p := range n.Parts {
		if p.Role == r {
			return p.Text
		}
	}
	return ""
}

// patronymicEndings are the endings of Russian patronymics in Cyrillic and
// in the usual romanisations.
var patronymicEndings = []string{
	"ович", "евич", "ьич", "ич", "овна", "евна", "ична", "инична",
	"ovich", "evich", "ovitch", "evitch", "ovic", "evic", "ich", "ovna", "evna", "ichna", "ovič", "evič",
}

// isPatronymic reports whether a word ends like a patronymic and is long
// enough not to be a surname ending in -ич (Бабич) by accident.
func isPatronymic(w string) bool {
	f := lang.Fold(w)
	if utf8.RuneCountInString(f) < 6 {
		return false
	}
	for _, e := range patronymicEndings {
		if strings.HasSuffix(f, e) {
			return true
		}
	}
	return false
}

// ParsePerson splits a person's name written in any script into its
// parts: "张平文" → 张 (family) 平文 (given); "Семин Алексей Алексеевич" and
// "Alexey Alekseevich Semin" → family Semin, given Alexey, patronymic
// Alekseevich; "A. A. Semin" → two initials and the family name; "Semin,
// Alexei" → family first because of the comma. Parts whose role the form
// does not tell are RoleUnknown.
func ParsePerson(s string) PersonName {
	s = lang.Normalize(strings.TrimSpace(s))
	if hasHan(s) && !hasLetters(s) {
		return splitChinese(s)
	}
	comma := strings.Contains(s, ",")
	parts := splitNameWords(s)
	assignRoles(parts, comma)
	return PersonName{Parts: parts}
}

// splitChinese splits a name in Han characters by lang.NamePinyin's
// reading of its family name (compound surnames included).
func splitChinese(s string) PersonName {
	s = strings.Join(strings.Fields(s), "")
	if strings.ContainsAny(s, "·•・‧") {
		f := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("·•・‧", r) })
		n := PersonName{Chinese: true}
		for i, p := range f {
			role := RoleGiven
			if i == len(f)-1 {
				role = RoleFamily
			}
			n.Parts = append(n.Parts, NamePart{Text: p, Role: role})
		}
		return n
	}
	fam := familyOf(s)
	n := PersonName{Chinese: true, Parts: []NamePart{{Text: fam, Role: RoleFamily}}}
	if rest := s[len(fam):]; rest != "" {
		n.Parts = append(n.Parts, NamePart{Text: rest, Role: RoleGiven})
	}
	return n
}

// familyOf returns the family name of a Chinese name: the characters whose
// pinyin lang.NamePinyin gives as the family name.
func familyOf(s string) string {
	n := max(1, countSyllables(lang.NamePinyin(s).FamilyNumbered))
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}

// countSyllables counts the tone digits of numbered pinyin, the syllables.
func countSyllables(numbered string) int {
	n := 0
	for i := 0; i < len(numbered); i++ {
		if numbered[i] >= '1' && numbered[i] <= '5' {
			n++
		}
	}
	return n
}

// splitNameWords cuts a Latin or Cyrillic name into words and initials:
// "A.A." is two initials, "Rimsky-Korsakov" one word.
func splitNameWords(s string) []NamePart {
	var out []NamePart
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' }) {
		if strings.Count(f, ".") >= 1 && isInitials(f) {
			for _, in := range strings.Split(strings.TrimSuffix(f, "."), ".") {
				if in = strings.TrimSpace(in); in != "" {
					out = append(out, NamePart{Text: in, Initial: true})
				}
			}
			continue
		}
		f = strings.Trim(f, ".;:()\"")
		if f == "" {
			continue
		}
		// A lone letter is an initial, except a Cyrillic vowel, which is a
		// syllable of a Chinese name in Palladius (Ли Ю, Ван И).
		one := utf8.RuneCountInString(f) == 1
		out = append(out, NamePart{Text: f, Initial: one && !strings.ContainsAny(f, "АЕЁИОУЭЮЯаеёиоуэюя")})
	}
	return out
}

// isInitials reports whether a word is one or more initials with dots:
// "A.", "A.A.", "Yu.", "Ю.А.".
func isInitials(w string) bool {
	for _, p := range strings.Split(strings.TrimSuffix(w, "."), ".") {
		n := utf8.RuneCountInString(p)
		if n == 0 || n > 2 {
			return false
		}
		if n == 2 && !(strings.EqualFold(p, "yu") || strings.EqualFold(p, "ya") || strings.EqualFold(p, "ye") ||
			strings.EqualFold(p, "zh") || strings.EqualFold(p, "sh") || strings.EqualFold(p, "ch") ||
			strings.EqualFold(p, "kh") || strings.EqualFold(p, "ts")) {
			return false
		}
	}
	return true
}

// assignRoles gives the parts their roles from what the form tells:
// a patronymic by its ending, the given name before it, the family name
// then at the other end; initials are given name and patronymic; a comma
// puts the family name first.
func assignRoles(parts []NamePart, comma bool) {
	pat := -1
	for i, p := range parts {
		if !p.Initial && isPatronymic(p.Text) && i > 0 {
			pat = i
		}
	}
	full := []int{}
	for i, p := range parts {
		if !p.Initial && i != pat {
			full = append(full, i)
		}
	}
	switch {
	case pat >= 0:
		parts[pat].Role = RolePatronymic
		parts[pat-1].Role = RoleGiven
		for _, i := range full {
			if parts[i].Role == RoleUnknown {
				parts[i].Role = RoleFamily
			}
		}
	case len(full) == 1:
		parts[full[0]].Role = RoleFamily
	case comma && len(full) > 0:
		parts[full[0]].Role = RoleFamily
		for _, i := range full[1:] {
			parts[i].Role = RoleGiven
		}
	}
	initials := 0
	for i := range parts {
		if parts[i].Initial && parts[i].Role == RoleUnknown {
			parts[i].Role = RoleGiven
			if initials > 0 {
				parts[i].Role = RolePatronymic
			}
			initials++
		}
	}
}

// PersonNames returns every name of a stored person: the native and Latin
// forms family first (the form that tells the roles) and the aliases.
func PersonNames(p *amur.Person) []string {
	var out []string
	for _, n := range []amur.PersonName{p.Native, p.Latin} {
		if n.IsZero() {
			continue
		}
		if hasHan(n.Family) {
			out = append(out, n.Family+n.Given)
			continue
		}
		out = append(out, familyFirst(n))
	}
	return append(out, p.Aliases...)
}

// familyFirst writes a name family first with a comma when given parts
// follow, so that ParsePerson knows the roles.
func familyFirst(n amur.PersonName) string {
	rest := strings.TrimSpace(n.Given + " " + n.Patronymic)
	if rest == "" {
		return n.Family
	}
	if n.Family == "" {
		return rest
	}
	return n.Family + ", " + rest
}

// hasHan reports whether s contains a Han character.
func hasHan(s string) bool {
	for _, r := range s {
		if lang.Script(r) == lang.Han {
			return true
		}
	}
	return false
}

// hasLetters reports whether s contains a Latin or Cyrillic letter.
func hasLetters(s string) bool {
	for _, r := range s {
		if k := lang.Script(r); k == lang.Latin || k == lang.Cyrillic {
			return true
		}
	}
	return false
}
