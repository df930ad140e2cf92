package identity

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"

	"amur"
)

// MaxRORBytes bounds a ROR file: the whole registry dump (about 120,000
// records) is under 300 MB.
const MaxRORBytes = 512 << 20

// rorRecord is the part of a ROR schema v2 record the registry keeps.
type rorRecord struct {
	ID    string `json:"id"`
	Names []struct {
		Value string   `json:"value"`
		Types []string `json:"types"`
		Lang  *string  `json:"lang"`
	} `json:"names"`
	Types     []string `json:"types"`
	Status    string   `json:"status"`
	Locations []struct {
		Details struct {
			CountryCode string `json:"country_code"`
			Name        string `json:"name"`
		} `json:"geonames_details"`
	} `json:"locations"`
	Links []struct {
		Type  string `json:"type"`
		Value string `json:"value"`
	} `json:"links"`
	Relationships []struct {
		Type string `json:"type"`
		ID   string `json:"id"`
	} `json:"relationships"`
}

// RORRecord is one organisation read from a ROR file, with the ROR id of
// its parent, which the importer resolves.
type RORRecord struct {
	Org       *amur.Organization
	ParentROR string
	// Line is the line of the record in a JSONL file, or its position
	// (from 1) in a JSON array.
	Line int
}

// ParseROR reads ROR schema v2 records from a JSON array or from JSON
// lines. Every record needs an id and a name; an error names the line (or
// the position in the array) and the field.
func ParseROR(r io.Reader) ([]RORRecord, error) {
	br := bufio.NewReaderSize(io.LimitReader(r, MaxRORBytes+1), 1<<20)
	first, skipped, err := firstByte(br)
	if err != nil {
		return nil, err
	}
	var out []RORRecord
	add := func(raw []byte, line int) error {
		var rec rorRecord
		dec := json.NewDecoder(bytes.NewReader(raw))
		if err := dec.Decode(&rec); err != nil {
			e := amur.Errorf(amur.EInvalid, "err.json", "detail", err.Error())
			e.Line = line
			return e
		}
		o, parent, err := rec.organization()
		if err != nil {
			var ae *amur.Error
			if errors.As(err, &ae) {
				ae.Line = line
			}
			return err
		}
		out = append(out, RORRecord{Org: o, ParentROR: parent, Line: line})
		return nil
	}
	if first == '[' {
		var raws []json.RawMessage
		if err := json.NewDecoder(br).Decode(&raws); err != nil {
			return nil, amur.Errorf(amur.EInvalid, "err.json", "detail", err.Error())
		}
		for i, raw := range raws {
			if err := add(raw, i+1); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	line := skipped
	for {
		s, err := br.ReadBytes('\n')
		if len(s) > 0 {
			line++
			if len(bytes.TrimSpace(s)) > 0 {
				if err := add(s, line); err != nil {
					return nil, err
				}
			}
		}
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// firstByte returns the first byte that is no white space, unread, and
// how many lines it skipped.
func firstByte(br *bufio.Reader) (byte, int, error) {
	lines := 0
	for {
		b, err := br.ReadByte()
		if err != nil {
			return 0, 0, amur.Errorf(amur.EInvalid, "identity.err.ror_empty")
		}
		if b == '\n' {
			lines++
		}
		if b != ' ' && b != '\n' && b != '\r' && b != '\t' {
			return b, lines, br.UnreadByte()
		}
	}
}

// rorKinds maps ROR organisation types to the registry's kinds.
var rorKinds = map[string]amur.OrgKind{
	"education": amur.University, "facility": amur.Institute, "healthcare": amur.Institute,
	"company": amur.Enterprise, "government": amur.Government, "funder": amur.Fund,
	"nonprofit": amur.OtherOrgKind, "archive": amur.Institute, "other": amur.OtherOrgKind,
}

// organization turns a ROR record into an organisation: the display name
// and the labels in Chinese, Russian and English as its name, labels in
// other languages and aliases as aliases, acronyms as acronyms, the
// country and city of its first location, its website and ROR id.
func (rec rorRecord) organization() (*amur.Organization, string, error) {
	ror := amur.NormalizeROR(rec.ID)
	if !amur.ValidROR(ror) {
		return nil, "", amur.Invalid("id", "err.ror", "value", rec.ID)
	}
	o := &amur.Organization{ROR: ror, Kind: amur.OtherOrgKind}
	for _, t := range rec.Types {
		if k, ok := rorKinds[t]; ok {
			o.Kind = k
			break
		}
	}
	for _, n := range rec.Names {
		lang := ""
		if n.Lang != nil {
			lang = strings.ToLower(*n.Lang)
		}
		addRORName(o, strings.TrimSpace(n.Value), lang, n.Types)
	}
	if o.Name.IsZero() {
		return nil, "", amur.Invalid("names", "err.required")
	}
	if len(rec.Locations) > 0 {
		d := rec.Locations[0].Details
		o.Country = strings.ToUpper(d.CountryCode)
		if d.Name != "" {
			o.City.Set(amur.EN, d.Name)
		}
	}
	if o.Country == "" {
		return nil, "", amur.Invalid("locations", "err.required")
	}
	for _, l := range rec.Links {
		if l.Type == "website" && o.Website == "" {
			o.Website = l.Value
		}
	}
	o.Provenance.Source = "https://ror.org/" + ror
	parent := ""
	for _, r := range rec.Relationships {
		if strings.EqualFold(r.Type, "parent") {
			parent = amur.NormalizeROR(r.ID)
			break
		}
	}
	return o, parent, nil
}

// addRORName files one name of a ROR record where the registry keeps it:
// the display name and labels in the three languages as the name, the
// other labels and the aliases as aliases, acronyms as acronyms.
func addRORName(o *amur.Organization, value, lang string, types []string) {
	if value == "" {
		return
	}
	has := func(t string) bool { return slices.Contains(types, t) }
	l := amur.Lang(strings.SplitN(lang, "-", 2)[0])
	switch {
	case has("acronym"):
		o.Acronyms = append(o.Acronyms, value)
		return
	case has("ror_display") && (l == "" || l.Valid()):
		if l == "" {
			l = amur.EN
		}
		if o.Name.Get(l) != "" {
			o.Aliases = append(o.Aliases, o.Name.Get(l))
		}
		o.Name.Set(l, value)
		return
	case has("label") && l.Valid() && o.Name.Get(l) == "":
		o.Name.Set(l, value)
		return
	}
	o.Aliases = append(o.Aliases, value)
}
