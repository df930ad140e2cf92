package amur

import (
	"regexp"
	"strings"
)

// Person is a researcher, official, engineer or other person taking part in
// a program.
type Person struct {
	Meta
	// Native is the name in the person's own script (Han characters,
	// Cyrillic); Latin is its romanised form.
	Native PersonName `json:"native"`
	Latin  PersonName `json:"latin"`
	// Aliases holds other spellings seen in sources (Alexei Semin, A. A. Semin).
	Aliases []string `json:"aliases"`
	// Country is the ISO 3166-1 alpha-2 code of the person's side.
	Country      string        `json:"country"`
	Affiliations []Affiliation `json:"affiliations"`
	// ORCID is the ORCID iD in the form 0000-0002-1825-0097; it is unique.
	ORCID     string   `json:"orcid,omitempty"`
	Expertise Text     `json:"expertise"`
	Keywords  []string `json:"keywords"`
	// Contact is private: only authorised users may see it.
	Contact    Contact    `json:"contact"`
	Provenance Provenance `json:"provenance"`
	Synthetic  bool       `json:"synthetic"`
}

// PersonName is a name in one script, split into its parts.
type PersonName struct {
	Family     string `json:"family,omitempty"`
	Given      string `json:"given,omitempty"`
	Patronymic string `json:"patronymic,omitempty"`
}

// IsZero reports whether no part of the name is known.
func (n PersonName) IsZero() bool { return n.Family == "" && n.Given == "" && n.Patronymic == "" }

// Full returns the name as usually written: Chinese names family first with
// no space (张平文), Latin forms of Chinese names family first (Zhang
// Pingwen), other names given, patronymic, family (Сергей Михайлович Шахрай).
func (n PersonName) Full() string {
	if isHan(n.Family) {
		return n.Family + n.Given
	}
	return strings.Join(nonEmpty(n.Given, n.Patronymic, n.Family), " ")
}

// FamilyFirst returns the name with the family name first, as lists sort it
// (Шахрай Сергей Михайлович, Zhang Pingwen).
func (n PersonName) FamilyFirst() string {
	if isHan(n.Family) {
		return n.Family + n.Given
	}
	return strings.Join(nonEmpty(n.Family, n.Given, n.Patronymic), " ")
}

// nonEmpty returns the non-empty strings among s.
func nonEmpty(s ...string) []string {
	out := s[:0:0]
	for _, v := range s {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// isHan reports whether s starts with a Han character.
func isHan(s string) bool {
	for _, r := range s {
		return r >= 0x3400 && r <= 0x9FFF || r >= 0x20000 && r <= 0x2FFFF
	}
	return false
}

// DisplayName returns the person's name for a reader of language l: the
// native form for a reader of the person's own script, the Latin form
// otherwise (Chinese readers see Chinese names natively, Russian readers
// see Cyrillic names natively).
func (p *Person) DisplayName(l Lang) string {
	native, latin := p.Native.Full(), p.Latin.Full()
	if isHan(p.Native.Family) {
		// Chinese names keep family-first order in Latin script too (Zhang Pingwen).
		latin = p.Latin.FamilyFirst()
	}
	switch {
	case native == "":
		return latin
	case latin == "":
		return native
	case l == ZH && isHan(p.Native.Family), l == RU && !isHan(p.Native.Family):
		return native
	}
	return latin
}

// Affiliation is a person's position at an organisation over a period.
type Affiliation struct {
	OrgID string `json:"org_id"`
	Title Text   `json:"title"`
	From  Date   `json:"from"`
	To    Date   `json:"to"`
}

// Contact is a person's private contact data.
type Contact struct {
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// orcidRE matches the form of an ORCID iD.
var orcidRE = regexp.MustCompile(`^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$`)

// NormalizeORCID strips the https://orcid.org/ prefix and upper-cases X.
func NormalizeORCID(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "HTTPS://ORCID.ORG/")
	return strings.TrimPrefix(s, "ORCID.ORG/")
}

// ValidORCID reports whether s is a well-formed ORCID iD with a correct
// ISO 7064 11,2 check character.
func ValidORCID(s string) bool {
	if !orcidRE.MatchString(s) {
		return false
	}
	digits := strings.ReplaceAll(s, "-", "")
	total := 0
	for _, c := range digits[:15] {
		total = (total + int(c-'0')) * 2
	}
	r := (12 - total%11) % 11
	want := byte('0' + r)
	if r == 10 {
		want = 'X'
	}
	return digits[15] == want
}

// emailRE is a deliberately loose check of an e-mail address.
var emailRE = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// Normalize puts the person in canonical form.
func (p *Person) Normalize() {
	for _, n := range []*PersonName{&p.Native, &p.Latin} {
		n.Family, n.Given, n.Patronymic = strings.TrimSpace(n.Family), strings.TrimSpace(n.Given), strings.TrimSpace(n.Patronymic)
	}
	p.Country = NormalizeSide(p.Country)
	p.ORCID = NormalizeORCID(p.ORCID)
	p.Aliases = trimAll(p.Aliases)
	p.Keywords = trimAll(p.Keywords)
	p.Expertise.Normalize()
	p.Contact.Email = strings.TrimSpace(p.Contact.Email)
	p.Contact.Phone = strings.TrimSpace(p.Contact.Phone)
	for i := range p.Affiliations {
		p.Affiliations[i].Title.Normalize()
	}
	if p.Affiliations == nil {
		p.Affiliations = []Affiliation{}
	}
}

// Validate checks the person; the error names the offending field.
func (p *Person) Validate() error {
	if p.Native.IsZero() && p.Latin.IsZero() {
		return Invalid("native", "err.name_required")
	}
	for f, n := range map[string]PersonName{"native": p.Native, "latin": p.Latin} {
		for part, v := range map[string]string{"family": n.Family, "given": n.Given, "patronymic": n.Patronymic} {
			if err := ValidString(f+"."+part, v, 200); err != nil {
				return err
			}
		}
	}
	if !ValidSide(p.Country) {
		return Invalid("country", "err.side", "value", p.Country)
	}
	if p.ORCID != "" && !ValidORCID(p.ORCID) {
		return Invalid("orcid", "err.orcid", "value", p.ORCID)
	}
	if err := p.Expertise.Validate("expertise", false); err != nil {
		return err
	}
	if err := validateStrings("aliases", p.Aliases); err != nil {
		return err
	}
	if err := validateStrings("keywords", p.Keywords); err != nil {
		return err
	}
	if p.Contact.Email != "" && !emailRE.MatchString(p.Contact.Email) {
		return Invalid("contact.email", "err.email", "value", p.Contact.Email)
	}
	if err := ValidString("contact.phone", p.Contact.Phone, 64); err != nil {
		return err
	}
	if len(p.Affiliations) > MaxListLen {
		return Invalid("affiliations", "err.too_many", "max", MaxListLen)
	}
	for i, a := range p.Affiliations {
		f := "affiliations[" + itoa(i) + "]"
		if !ValidID(a.OrgID) {
			return Invalid(f+".org_id", "err.id")
		}
		if err := a.Title.Validate(f+".title", false); err != nil {
			return err
		}
		if !a.From.IsZero() && !a.To.IsZero() && a.To.Before(a.From) {
			return Invalid(f+".to", "err.end_before_start")
		}
	}
	return p.Provenance.validate()
}
