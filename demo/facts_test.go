package demo

import (
	"slices"
	"strings"
	"testing"

	"amur"
)

// index holds the default demo's records by kind.
type index struct {
	fields    map[string]*amur.Field
	program   *amur.Program
	orgs      map[string]*amur.Organization // by English name
	people    map[string]*amur.Person       // by Latin full name
	flagships map[string]*amur.Flagship     // by slug
	acts      []*amur.Activity
	timeline  []*amur.TimelineEntry
}

// indexOf sorts recs into an index.
func indexOf(recs []amur.Record) *index {
	x := &index{fields: map[string]*amur.Field{}, orgs: map[string]*amur.Organization{},
		people: map[string]*amur.Person{}, flagships: map[string]*amur.Flagship{}}
	for _, r := range recs {
		switch v := r.(type) {
		case *amur.Field:
			x.fields[v.ID] = v
		case *amur.Program:
			x.program = v
		case *amur.Organization:
			x.orgs[v.Name.EN] = v
		case *amur.Person:
			x.people[v.Latin.Full()] = v
		case *amur.Flagship:
			x.flagships[v.Slug] = v
		case *amur.Activity:
			x.acts = append(x.acts, v)
		case *amur.TimelineEntry:
			x.timeline = append(x.timeline, v)
		}
	}
	return x
}

// trilingual reports whether t holds all three languages and an original.
func trilingual(t amur.Text) bool {
	return t.ZH != "" && t.RU != "" && t.EN != "" && t.Orig.Valid()
}

// TestFields checks the FORD classification and the program sub-fields:
// counts, parents and labels.
func TestFields(t *testing.T) {
	x := indexOf(defaults(t))
	top, second := 0, 0
	for code, f := range x.fields {
		if !trilingual(f.Label) {
			t.Errorf("field %s label %+v is not trilingual", code, f.Label)
		}
		switch strings.Count(code, ".") {
		case 0:
			top++
		case 1:
			second++
			if f.Parent != code[:1] {
				t.Errorf("field %s has parent %q", code, f.Parent)
			}
		case 2:
			if x.fields[f.Parent] == nil || !strings.HasPrefix(code, f.Parent+".") {
				t.Errorf("program field %s has parent %q", code, f.Parent)
			}
		}
	}
	if top != 6 || second != 42 {
		t.Errorf("FORD has %d top-level and %d second-level fields, want 6 and 42", top, second)
	}
	labels := []struct{ code, zh, ru, en string }{
		{"1.1", "数学", "Математика", "Mathematics"},
		{"2.3", "机械工程", "Механика и машиностроение", "Mechanical engineering"},
		{"2.10", "纳米技术", "Нанотехнологии", "Nano-technology"},
		{"3.3", "健康科学", "Науки о здоровье", "Health sciences"},
		{"6.5", "其他人文科学", "Другие гуманитарные науки", "Other humanities"},
	}
	for _, l := range labels {
		f := x.fields[l.code]
		if f == nil || f.Label.ZH != l.zh || f.Label.RU != l.ru || f.Label.EN != l.en {
			t.Errorf("field %s = %+v, want %s / %s / %s", l.code, f, l.zh, l.ru, l.en)
		}
	}
	for _, code := range x.program.PriorityFields {
		if x.fields[code] == nil {
			t.Errorf("priority field %s is not a field", code)
		}
	}
}

// TestProgram checks the program's names, years, sides, goals and priority
// fields.
func TestProgram(t *testing.T) {
	p := indexOf(defaults(t)).program
	if p.Slug != "cn-ru-sti-2020-2021" || p.Name.ZH != "中俄科技创新年" ||
		p.Name.RU != "Годы российско-китайского научно-технического сотрудничества" ||
		p.Name.EN != "China–Russia Years of Scientific and Technological Innovation" {
		t.Errorf("program %q named %+v", p.Slug, p.Name)
	}
	if p.Start.String() != "2020" || p.End.String() != "2021" || !slices.Equal(p.Sides, []string{"CN", "RU"}) {
		t.Errorf("program runs %s–%s for %v, want 2020–2021 for CN and RU", p.Start, p.End, p.Sides)
	}
	i := slices.IndexFunc(p.Goals, func(g amur.Goal) bool { return g.Metric == "activities" })
	if i < 0 || p.Goals[i].Target != 1000 {
		t.Errorf("goals %+v lack 1,000 activities", p.Goals)
	}
	for _, g := range p.Goals {
		if !trilingual(g.Label) {
			t.Errorf("goal %s label %+v is not trilingual", g.Metric, g.Label)
		}
	}
	for _, f := range []string{"3.3.pandemic", "2.3.aerospace", "2.7.nuclear-energy", "1.2.digital-economy", "2.7.renewable-energy", "1.3.high-energy-physics"} {
		if !slices.Contains(p.PriorityFields, f) {
			t.Errorf("priority fields %v lack %s", p.PriorityFields, f)
		}
	}
}

// TestOrganizations checks the organisations of the facts: country, ROR id,
// trilingual names and former names.
func TestOrganizations(t *testing.T) {
	x := indexOf(defaults(t))
	tests := []struct{ en, country, ror string }{
		{"Ministry of Science and Technology of the People's Republic of China", "CN", ""},
		{"Ministry of Science and Higher Education of the Russian Federation", "RU", ""},
		{"Peking University", "CN", "02v51f717"},
		{"Lomonosov Moscow State University", "RU", "010pmpe69"},
		{"Joint Institute for Nuclear Research", "RU", "044yd9t77"},
		{"Institute of China and Contemporary Asia of the Russian Academy of Sciences", "RU", ""},
		{"State Power Investment Corporation", "CN", ""},
		{"Shenzhen Science and Technology Innovation Committee", "CN", ""},
		{"Russian–Chinese Mathematical Center", "CN", ""},
		{"Rosatom State Atomic Energy Corporation", "RU", ""},
		{"China National Nuclear Corporation", "CN", ""},
		{"Jiangsu Nuclear Power Corporation", "CN", ""},
		{"National Natural Science Foundation of China", "CN", ""},
		{"Russian Science Foundation", "RU", ""},
	}
	for _, tt := range tests {
		o := x.orgs[tt.en]
		if o == nil {
			t.Errorf("no organisation %q", tt.en)
			continue
		}
		if o.Country != tt.country || o.ROR != tt.ror || !trilingual(o.Name) || o.Synthetic {
			t.Errorf("%s: country %s, ROR %q, name %+v, synthetic %v", tt.en, o.Country, o.ROR, o.Name, o.Synthetic)
		}
	}
	if o := x.orgs["Institute of China and Contemporary Asia of the Russian Academy of Sciences"]; o != nil &&
		!slices.Contains(o.Aliases, "Institute of Far Eastern Studies, Russian Academy of Sciences") {
		t.Errorf("the institute's aliases %v lack its former name", o.Aliases)
	}
}

// TestRealPeople checks the people of the facts: names in both scripts,
// affiliations and variant spellings.
func TestRealPeople(t *testing.T) {
	x := indexOf(defaults(t))
	tests := []struct {
		latin, native, org string
	}{
		{"Jinping Xi", "习近平", ""},
		{"Vladimir Vladimirovich Putin", "Владимир Владимирович Путин", ""},
		{"Chunlan Sun", "孙春兰", "State Council of the People's Republic of China"},
		{"Tatyana Alekseevna Golikova", "Татьяна Алексеевна Голикова", "Government of the Russian Federation"},
		{"Linhao Chen", "", "Ministry of Science and Technology of the People's Republic of China"},
		{"Yongsheng Liang", "梁永生", "Shenzhen Science and Technology Innovation Committee"},
		{"Pingwen Zhang", "张平文", "Peking University"},
		{"Xi Chen", "", "State Power Investment Corporation"},
		{"Alexey Alekseevich Semin", "Алексей Алексеевич Семин", "Ministry of Science and Higher Education of the Russian Federation"},
		{"Sergey Mikhailovich Shakhray", "Сергей Михайлович Шахрай", "Lomonosov Moscow State University"},
		{"Alexei Alexandrovich Maslov", "Алексей Александрович Маслов", "Institute of China and Contemporary Asia of the Russian Academy of Sciences"},
	}
	for _, tt := range tests {
		p := x.people[tt.latin]
		if p == nil {
			t.Errorf("no person %q", tt.latin)
			continue
		}
		if p.Native.Full() != tt.native || p.Synthetic {
			t.Errorf("%s: native %q, synthetic %v; want %q", tt.latin, p.Native.Full(), p.Synthetic, tt.native)
		}
		if tt.org == "" {
			continue
		}
		o := x.orgs[tt.org]
		if len(p.Affiliations) != 1 || o == nil || p.Affiliations[0].OrgID != o.ID || !trilingual(p.Affiliations[0].Title) {
			t.Errorf("%s: affiliations %+v, want a trilingual title at %s", tt.latin, p.Affiliations, tt.org)
		}
	}
	if p := x.people["Alexey Alekseevich Semin"]; p != nil && !slices.Contains(p.Aliases, "A. A. Semin") {
		t.Errorf("Semin's aliases %v lack A. A. Semin", p.Aliases)
	}
}

// TestFlagships checks that the five flagship projects are complete.
func TestFlagships(t *testing.T) {
	x := indexOf(defaults(t))
	for _, slug := range []string{"nica", "math-center", "tianwan-7-8", "xudapu-3-4", "sti-fund"} {
		f := x.flagships[slug]
		if f == nil {
			t.Errorf("no flagship %s", slug)
			continue
		}
		if !trilingual(f.Name) || !trilingual(f.Description) || len(f.Fields) == 0 || len(f.OrgIDs) == 0 || f.ProgramID != x.program.ID {
			t.Errorf("flagship %s is incomplete: %+v", slug, f)
		}
	}
}

// TestSyntheticPeople checks that the synthetic researchers come from both
// sides with names in both scripts, trilingual expertise, keywords and an
// affiliation, and are marked synthetic.
func TestSyntheticPeople(t *testing.T) {
	x := indexOf(defaults(t))
	sides := map[string]int{}
	for _, p := range x.people {
		if p.Provenance.Source != "demo: synthetic" {
			continue
		}
		sides[p.Country]++
		if !p.Synthetic || p.Native.IsZero() || p.Latin.IsZero() || !trilingual(p.Expertise) ||
			len(p.Keywords) == 0 || len(p.Affiliations) != 1 || p.ORCID != "" {
			t.Errorf("synthetic person %s is incomplete: %+v", p.ID, p)
		}
		if p.Country == "RU" && (p.Native.Patronymic == "" || p.Latin.Patronymic == "") {
			t.Errorf("%s has no patronymic", p.Latin.Full())
		}
	}
	if sides["CN"] < 20 || sides["RU"] < 20 {
		t.Errorf("synthetic people by side: %v, want researchers of both sides", sides)
	}
}
