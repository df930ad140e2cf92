package identity

import (
	"slices"
	"strings"
	"testing"

	"amur"
)

func TestParsePerson(t *testing.T) {
	tests := []struct {
		in                 string
		family, given, pat string
		chinese            bool
	}{
		{"张平文", "张", "平文", "", true},
		{"欧阳自远", "欧阳", "自远", "", true},
		{"Семин Алексей Алексеевич", "Семин", "Алексей", "Алексеевич", false},
		{"Alexey Alekseevich Semin", "Semin", "Alexey", "Alekseevich", false},
		{"A. A. Semin", "Semin", "A", "A", false},
		{"Семин А.А.", "Семин", "А", "А", false},
		{"Semin, Alexei", "Semin", "Alexei", "", false},
		{"Голикова Татьяна Алексеевна", "Голикова", "Татьяна", "Алексеевна", false},
		{"Yu. A. Gagarin", "Gagarin", "Yu", "A", false},
	}
	for _, tt := range tests {
		n := ParsePerson(tt.in)
		got := [3]string{n.Part(RoleFamily), n.Part(RoleGiven), n.Part(RolePatronymic)}
		if got != [3]string{tt.family, tt.given, tt.pat} || n.Chinese != tt.chinese {
			t.Errorf("ParsePerson(%q) = %q chinese=%v, want %q %q %q chinese=%v", tt.in, got, n.Chinese, tt.family, tt.given, tt.pat, tt.chinese)
		}
	}
}

// TestPersonMatches checks that the spellings of one person match through
// the bridge expected, and that different people do not.
func TestPersonMatches(t *testing.T) {
	tests := []struct {
		a, b     string
		min, max float64
		via      string // a bridge that must appear in the explanation
	}{
		{"Семин Алексей Алексеевич", "Alexey Alekseevich Semin", 0.97, 1, "romanization"},
		{"Семин Алексей Алексеевич", "Alexei Semin", 0.75, 1, "romanization"},
		{"Семин Алексей Алексеевич", "A. A. Semin", 0.85, 1, viaInitial},
		{"Семин Алексей Алексеевич", "Семин А. А.", 0.85, 1, viaInitial},
		{"Semin", "Syomin", 0.9, 1, ""},
		{"Семина", "Семин", 0.9, 0.95, viaGender},
		{"Yuri", "Iurii", 0.9, 1, ""},
		{"Yury", "Юрий", 0.9, 1, "romanization"},
		{"Serguei", "Сергей", 0.9, 1, viaSpelling},
		{"张平文", "Zhang Pingwen", 0.97, 1, viaPinyin},
		{"张平文", "Pingwen Zhang", 0.97, 1, viaPinyin},
		{"张平文", "Чжан Пинвэнь", 0.97, 1, viaPinyin + "+" + viaPalladio},
		{"马斯洛夫", "Maslov", 0.95, 1, viaTranscription},
		{"沙赫赖", "Shakhray", 0.95, 1, viaTranscription},
		{"Семин Алексей Алексеевич", "Маслов Алексей Александрович", 0, 0.75, ""},
		{"张平文", "Zhang Wei", 0, 0.7, ""},
		{"Alexei Semin", "Sergey Shakhray", 0, 0.3, ""},
	}
	for _, tt := range tests {
		r := Compare(Entity{Kind: amur.KindPerson, Names: []string{tt.a}}, Entity{Kind: amur.KindPerson, Names: []string{tt.b}})
		if r.Score < tt.min || r.Score > tt.max {
			t.Errorf("%s ~ %s = %.3f, want in [%.2f, %.2f]; %v", tt.a, tt.b, r.Score, tt.min, tt.max, r.Evidence)
		}
		if tt.via != "" && !hasVia(r.Evidence, tt.via) {
			t.Errorf("%s ~ %s: no %q in %v", tt.a, tt.b, tt.via, r.Evidence)
		}
	}
}

func hasVia(ev []Evidence, via string) bool {
	for _, e := range ev {
		if strings.HasPrefix(e.Via, via) {
			return true
		}
	}
	return false
}

func TestOrganizationMatches(t *testing.T) {
	tests := []struct {
		a, b     string
		min, max float64
		via      string
	}{
		{"北京大学", "Peking University", 1, 1, viaKnown},
		{"Пекинский университет", "PKU", 1, 1, viaKnown},
		{"中国科学院", "Chinese Academy of Sciences", 0.9, 1, ""},
		{"Китайская академия наук", "Chinese Academy of Sciences", 0.9, 1, viaKnown},
		{"Российская академия образования", "Russian Academy of Education", 0.9, 1, viaVocab},
		{"中国科学院高能物理研究所", "Institute of High Energy Physics, Chinese Academy of Sciences", 0.6, 1, viaVocab},
		{"ООО «Ромашка»", "Romashka LLC", 0.7, 1, viaCognate},
		{"Новосибирский государственный университет", "Novosibirsk State University", 0.9, 1, ""},
		{"Московский государственный университет", "MSU", 0.9, 1, ""},
		{"云南大学", "Yunnan University", 0.8, 1, viaCognate},
		{"清华大学", "Fudan University", 0, 0.5, ""},
		{"Институт ядерной физики", "Institute of Oriental Studies", 0, 0.5, ""},
	}
	for _, tt := range tests {
		r := Compare(Entity{Kind: amur.KindOrganization, Names: []string{tt.a}}, Entity{Kind: amur.KindOrganization, Names: []string{tt.b}})
		if r.Score < tt.min || r.Score > tt.max {
			t.Errorf("%s ~ %s = %.3f, want in [%.2f, %.2f]; %v", tt.a, tt.b, r.Score, tt.min, tt.max, r.Evidence)
		}
		if tt.via != "" && !hasVia(r.Evidence, tt.via) {
			t.Errorf("%s ~ %s: no %q in %v", tt.a, tt.b, tt.via, r.Evidence)
		}
	}
}

func TestIsOrganizationName(t *testing.T) {
	for s, want := range map[string]bool{
		"北京大学": true, "ООО Ромашка": true, "Peking University": true, "Институт Дальнего Востока": true,
		"张平文": false, "Alexei Semin": false, "Семин Алексей Алексеевич": false, "Zhang Pingwen": false,
	} {
		if got := IsOrganizationName(s); got != want {
			t.Errorf("IsOrganizationName(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestStrongIdentifiers checks that the same ROR id or ORCID iD decides a
// match and that different ones keep records apart, whatever the names.
func TestStrongIdentifiers(t *testing.T) {
	a := Entity{ID: "a", Kind: amur.KindOrganization, Names: []string{"Peking University"}, ROR: "02v51f717"}
	b := Entity{ID: "b", Kind: amur.KindOrganization, Names: []string{"北大"}, ROR: "https://ror.org/02v51f717"}
	c := Entity{ID: "c", Kind: amur.KindOrganization, Names: []string{"Peking University"}, ROR: "01an7q238"}
	if r := Compare(a, b); r.Score != 1 || r.Decided != "ror" {
		t.Errorf("same ROR: %+v", r)
	}
	if r := Compare(a, c); r.Conflict != "ror" {
		t.Errorf("different ROR: %+v", r)
	}
	p := Entity{ID: "p", Kind: amur.KindPerson, Names: []string{"Zhang Pingwen"}, ORCID: "0000-0002-1825-0097"}
	q := Entity{ID: "q", Kind: amur.KindPerson, Names: []string{"Li Wei"}, ORCID: "0000-0002-1825-0097"}
	if r := Compare(p, q); r.Decided != "orcid" || r.Score != 1 {
		t.Errorf("same ORCID: %+v", r)
	}
	ix := NewIndex()
	for _, e := range []Entity{b, c} {
		if err := ix.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	hits := ix.Search(a, 10)
	if len(hits) != 1 || hits[0].ID != "b" {
		t.Errorf("search with a conflicting ROR: %+v", hits)
	}
	var pairs []Pair
	ix.Duplicates(0.5, func(p Pair) { pairs = append(pairs, p) })
	if len(pairs) != 0 {
		t.Errorf("conflicting identifiers proposed: %+v", pairs)
	}
}

func TestPersonVariants(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Семин Алексей Алексеевич", []string{"Semin Aleksei Alekseevich", "Aleksey Alekseyevich Semin", "A. A. Semin",
			"Семин А. А.", "Alexey Semin", "Syomin", "Сёмин", "Семина"}},
		{"Юрий Гагарин", []string{"Yuri Gagarin", "Yury Gagarin", "Iurii Gagarin", "Yu. Gagarin"}},
		{"张平文", []string{"Zhang Pingwen", "Pingwen Zhang", "Zhāng Píngwén", "Zhang1 Ping2wen2", "Zhangpingwen", "Чжан Пинвэнь"}},
		{"Zhang Pingwen", []string{"张平文"}},
		{"Alexei Semin", []string{"Алексей Семин"}},
	}
	for _, tt := range tests {
		var got []string
		for _, v := range PersonVariants(tt.in) {
			got = append(got, v.Text)
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("PersonVariants(%q) lacks %q: %q", tt.in, w, got)
			}
		}
	}
}

func TestOrganizationVariants(t *testing.T) {
	var got []string
	for _, v := range OrganizationVariants("ФГБУ Институт ядерной физики СО РАН") {
		got = append(got, v.Text)
	}
	for _, w := range []string{"институт ядерной физики со ран", "institute nuclear physics russian academy sciences", "РАН"} {
		if !slices.Contains(got, w) {
			t.Errorf("OrganizationVariants lacks %q: %q", w, got)
		}
	}
}

func TestHanziCandidates(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Zhang Pingwen", "张平文"},
		{"Pingwen Zhang", "张平文"},
		{"Wang Wei", "王伟"},
		{"Sun Chunlan", "孙春兰"},
	}
	for _, tt := range tests {
		got := HanziCandidates(tt.in, 5)
		if !slices.Contains(got, tt.want) {
			t.Errorf("HanziCandidates(%q) = %q, want %q among them", tt.in, got, tt.want)
		}
	}
	if got := HanziCandidates("Semin Alexei", 5); got != nil {
		t.Errorf("HanziCandidates of a Russian name = %q, want none", got)
	}
}

func TestIndexSearchBlocks(t *testing.T) {
	ix := NewIndex()
	names := []string{"Семин Алексей Алексеевич", "Маслов Алексей Александрович", "Шахрай Сергей Михайлович", "张平文", "孙春兰"}
	for i, n := range names {
		if err := ix.Add(Entity{ID: string(rune('a' + i)), Kind: amur.KindPerson, Names: []string{n}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Add(Entity{ID: "a", Names: []string{"x"}}); amur.ErrorCode(err) != amur.EConflict {
		t.Errorf("duplicate id: %v", err)
	}
	for q, want := range map[string]string{"Alexei Semin": "a", "A. A. Maslov": "b", "Sergei Shakhrai": "c", "Pingwen Zhang": "d", "Сунь Чуньлань": "e"} {
		hits := ix.Search(Entity{Kind: amur.KindPerson, Names: []string{q}}, 1)
		if len(hits) == 0 || hits[0].ID != want {
			t.Errorf("Search(%q) = %+v, want %s", q, hits, want)
		}
	}
}
