package amur

import (
	"regexp"
	"strings"
)

// Organization is a university, research institute, enterprise, government
// body, fund or other organisation taking part in a program.
type Organization struct {
	Meta
	Name     Text     `json:"name"`
	Aliases  []string `json:"aliases"`
	Acronyms []string `json:"acronyms"`
	Kind     OrgKind  `json:"kind"`
	// Country is the ISO 3166-1 alpha-2 code of the organisation's side.
	Country string `json:"country"`
	City    Text   `json:"city"`
	// ROR is the Research Organization Registry id in its short form (for
	// example 02v51f717); it is unique.
	ROR        string     `json:"ror,omitempty"`
	Website    string     `json:"website,omitempty"`
	ParentID   string     `json:"parent_id,omitempty"`
	Provenance Provenance `json:"provenance"`
	Synthetic  bool       `json:"synthetic"`
}

// rorRE matches the short form of a ROR id: a leading 0, six Crockford
// base32 characters and a two-digit checksum.
var rorRE = regexp.MustCompile(`^0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}$`)

// NormalizeROR strips the https://ror.org/ prefix and lower-cases the id.
func NormalizeROR(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "https://ror.org/")
	return strings.TrimPrefix(s, "ror.org/")
}

// ValidROR reports whether s (in short form) is a well-formed ROR id with a
// correct ISO 7064 Mod 97-10 checksum.
func ValidROR(s string) bool {
	if !rorRE.MatchString(s) {
		return false
	}
	const alphabet = "0123456789abcdefghjkmnpqrstvwxyz"
	n := 0
	for _, c := range s[1:7] {
		n = n*32 + strings.IndexRune(alphabet, c)
	}
	check := int(s[7]-'0')*10 + int(s[8]-'0')
	return 98-(n*100%97) == check
}

// Normalize puts the organisation in canonical form.
func (o *Organization) Normalize() {
	o.Name.Normalize()
	o.City.Normalize()
	o.Country = NormalizeSide(o.Country)
	o.ROR = NormalizeROR(o.ROR)
	o.Aliases = trimAll(o.Aliases)
	o.Acronyms = trimAll(o.Acronyms)
}

// trimAll trims each string and drops empty ones and repeats, keeping
// order; the result is never nil.
func trimAll(s []string) []string {
	out := make([]string, 0, len(s))
	seen := map[string]bool{}
	for _, v := range s {
		v = strings.TrimSpace(v)
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// Validate checks the organisation; the error names the offending field.
func (o *Organization) Validate() error {
	if err := o.Name.Validate("name", true); err != nil {
		return err
	}
	if err := o.City.Validate("city", false); err != nil {
		return err
	}
	if err := checkEnum("kind", o.Kind, OrgKinds); err != nil {
		return err
	}
	if !ValidSide(o.Country) {
		return Invalid("country", "err.side", "value", o.Country)
	}
	if o.ROR != "" && !ValidROR(o.ROR) {
		return Invalid("ror", "err.ror", "value", o.ROR)
	}
	if o.Website != "" {
		if err := ValidURL("website", o.Website); err != nil {
			return err
		}
	}
	if o.ParentID != "" && (!ValidID(o.ParentID) || o.ParentID == o.ID) {
		return Invalid("parent_id", "err.id")
	}
	if err := validateStrings("aliases", o.Aliases); err != nil {
		return err
	}
	if err := validateStrings("acronyms", o.Acronyms); err != nil {
		return err
	}
	return o.Provenance.validate()
}

// MaxListLen bounds lists of short strings such as aliases and keywords.
const MaxListLen = 100

// validateStrings checks a list of short strings.
func validateStrings(field string, s []string) error {
	if len(s) > MaxListLen {
		return Invalid(field, "err.too_many", "max", MaxListLen)
	}
	for _, v := range s {
		if err := ValidString(field, v, MaxShortString); err != nil {
			return err
		}
	}
	return nil
}
