package amur

import (
	"regexp"
	"strconv"
)

// Field is a field of science and technology. Its ID is its code: an OECD
// Fields of Science and Technology (FORD) code such as "1" (natural
// sciences) or "2.3" (mechanical engineering), or a program-specific
// sub-field below a FORD code such as "3.3.vaccines".
type Field struct {
	Meta
	Label Text `json:"label"`
	// Parent is the code of the broader field, or "" for a top-level one.
	Parent string `json:"parent,omitempty"`
}

// fieldCodeRE matches a FORD code with an optional program sub-field.
var fieldCodeRE = regexp.MustCompile(`^[1-6](\.[0-9]{1,2}(\.[a-z0-9][a-z0-9-]{0,40})?)?$`)

// ValidFieldCode reports whether s is a well-formed field code.
func ValidFieldCode(s string) bool { return fieldCodeRE.MatchString(s) }

// validateFieldCodes checks a list of field codes.
func validateFieldCodes(field string, codes []string) error {
	if len(codes) > MaxFieldsPerRec {
		return Invalid(field, "err.too_many", "max", MaxFieldsPerRec)
	}
	for _, c := range codes {
		if !ValidFieldCode(c) {
			return Invalid(field, "err.field_code", "value", c)
		}
	}
	return nil
}

// Normalize puts the field in canonical form.
func (f *Field) Normalize() { f.Label.Normalize() }

// Validate checks the field; the error names the offending field.
func (f *Field) Validate() error {
	if !ValidFieldCode(f.ID) {
		return Invalid("id", "err.field_code", "value", f.ID)
	}
	if err := f.Label.Validate("label", true); err != nil {
		return err
	}
	if f.Parent != "" && (!ValidFieldCode(f.Parent) || f.Parent == f.ID) {
		return Invalid("parent", "err.field_code", "value", f.Parent)
	}
	return nil
}

// itoa formats an int; it keeps index paths in field names short to write.
func itoa(i int) string { return strconv.Itoa(i) }
