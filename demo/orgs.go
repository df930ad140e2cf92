package demo

import (
	"slices"
	"strings"

	"amur"
)

// orgRow is one real organisation of the demo.
type orgRow struct {
	key      string
	kind     amur.OrgKind
	country  string
	city     string // a key of cities, or "" when not recorded
	zh       string
	ru       string
	en       string
	aliases  []string
	acronyms []string
	ror      string
	website  string
	parent   string // key of the parent organisation, listed earlier
	// fields lists the field codes the organisation works in; nil means
	// every field (a comprehensive university).
	fields []string
	// fact tells that the program's facts name the organisation.
	fact bool
	// official marks bodies of the heads of government, which take part
	// only in the real events.
	official bool
}

// orgRows lists every real organisation, Chinese first.
var orgRows = slices.Concat(cnOrgs, ruOrgs)

// rowByKey returns the organisation row with key.
func rowByKey(key string) (orgRow, bool) {
	i := slices.IndexFunc(orgRows, func(r orgRow) bool { return r.key == key })
	if i < 0 {
		return orgRow{}, false
	}
	return orgRows[i], true
}

// addOrgs emits the real organisations. Their names are first written in
// the organisation's own language.
func (b *builder) addOrgs() {
	for _, r := range orgRows {
		o := &amur.Organization{
			Meta:       b.meta(amur.KindOrganization, r.key),
			Name:       tri(sideLang(r.country), r.zh, r.ru, r.en),
			Aliases:    r.aliases,
			Acronyms:   r.acronyms,
			Kind:       r.kind,
			Country:    r.country,
			ROR:        r.ror,
			Website:    r.website,
			Provenance: prov(referenceSource),
		}
		if r.fact {
			o.Provenance = prov(factsSource)
		}
		if c, ok := cities[r.city]; ok {
			o.City = c.text(r.country)
		}
		if r.parent != "" {
			o.ParentID = b.orgID(r.parent)
		}
		b.add(r.key, o)
	}
}

// worksIn reports whether the organisation of r works in the field code.
func (r orgRow) worksIn(code string) bool {
	if r.fields == nil {
		return true
	}
	for _, f := range r.fields {
		if code == f || strings.HasPrefix(code, f+".") {
			return true
		}
	}
	return false
}
