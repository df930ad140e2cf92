package search

import (
	"strings"
	"testing"

	"amur"
	"amur/xling"
)

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"physics", "physics", false},
		{"physics", "phyiscs", true},  // swap
		{"physics", "physic", true},   // deletion
		{"physics", "physicss", true}, // insertion
		{"physics", "phisics", true},  // substitution
		{"physics", "fisics", false},  // two edits
		{"химия", "химиа", true},
		{"химия", "хими", true},
		{"ab", "ba", true},
		{"abcdef", "badcef", false},
	}
	for _, tt := range tests {
		if got := oneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestCorrect(t *testing.T) {
	v := newVocabulary()
	for _, w := range []string{"physics", "physics", "physical", "chemistry", "энергетика", "энергетики"} {
		v.add(w)
	}
	tests := []struct{ in, want string }{
		{"physics", ""}, // known
		{"phyiscs", "physics"},
		{"physcs", "physics"},
		{"chemistyr", "chemistry"},
		{"энергетиках", "энергетика"}, // both one edit away; first in order of count, then spelling
		{"biology", ""},
	}
	for _, tt := range tests {
		if got := v.correct(tt.in); got != tt.want {
			t.Errorf("correct(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBridgeName(t *testing.T) {
	tests := []struct {
		b      xling.Bridge
		ql, dl amur.Lang
		want   string
	}{
		{xling.Same, amur.RU, amur.RU, "same-language"},
		{xling.Latin, amur.EN, amur.EN, "same-language"},
		{xling.Latin, amur.RU, amur.EN, "latin"},
		{xling.Dictionary, amur.RU, amur.ZH, "pivot zh-en-ru"},
		{xling.Dictionary, amur.ZH, amur.EN, "lexicon zh-en"},
		{xling.Dictionary, amur.EN, amur.RU, "lexicon en-ru"},
		{xling.Transliteration, amur.RU, amur.EN, "transliteration"},
		{xling.Name, amur.RU, amur.ZH, "name"},
		{xling.Number, amur.ZH, amur.RU, "number"},
	}
	for _, tt := range tests {
		if got := bridgeName(tt.b, tt.ql, tt.dl); got != tt.want {
			t.Errorf("bridgeName(%s, %s, %s) = %q, want %q", tt.b, tt.ql, tt.dl, got, tt.want)
		}
	}
	if rank("same-language") >= rank("pivot zh-en-ru") || rank("name") >= rank("typo, same-language") {
		t.Error("bridge ranks are out of order")
	}
}

// TestValidate checks bad queries: each is a coded invalid error naming
// the parameter, never a panic.
func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		q     Query
		field string
		key   string
	}{
		{"empty", Query{Text: ""}, "q", "err.required"},
		{"blank", Query{Text: "  \u3000 "}, "q", "err.required"},
		{"100 KB", Query{Text: strings.Repeat("科技 ", 20_000)}, "q", "err.too_long"},
		{"binary", Query{Text: "\xff\xfe\x00abc"}, "q", "err.utf8"},
		{"control characters", Query{Text: "nuclear\x07\x1b[2J"}, "q", "err.control_chars"},
		{"kind", Query{Text: "x", Kinds: []amur.Kind{amur.KindTimeline}}, "kind", "err.enum"},
		{"lang", Query{Text: "x", Lang: "de"}, "lang", "err.enum"},
		{"limit", Query{Text: "x", Limit: 101}, "limit", "err.range"},
		{"offset", Query{Text: "x", Offset: -1}, "offset", "err.range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.q.Validate()
			e := amur.AsError(err)
			if e == nil || e.Code != amur.EInvalid || e.Field != tt.field || e.Key != tt.key {
				t.Errorf("got %v, want invalid %s %s", err, tt.field, tt.key)
			}
		})
	}
}

// TestOddQueries checks that queries with syntax, mixed scripts or no
// words give a sane answer: no error, and no more hits than matches.
func TestOddQueries(t *testing.T) {
	ix := New()
	ix.Put(Doc{Kind: amur.KindActivity, ID: "a", Texts: []FieldText{{"title", amur.T("en", "Title of a nuclear physics forum")}}})
	ix.Put(Doc{Kind: amur.KindPerson, ID: "p", Texts: []FieldText{{"name", amur.T("zh", "张平文")}}})
	tests := []struct {
		text string
		want []string
	}{
		{`title:"x" OR 1=1 AND (`, []string{"a"}},
		{`'; DROP TABLE activities; --`, nil},
		{"*?[]{}()<>!", nil},
		{"nuclear 核 ядерной", []string{"a"}},
		{"Чжан Пинвэнь", []string{"p"}},
		{"zhang pingwen", []string{"p"}},
	}
	for _, tt := range tests {
		q := Query{Text: tt.text}
		if err := q.Validate(); err != nil {
			t.Errorf("%q: %v", tt.text, err)
			continue
		}
		r := ix.run(q)
		var got []string
		for _, m := range r.matches {
			got = append(got, m.id)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") || r.total != len(got) {
			t.Errorf("%q finds %v (total %d), want %v", tt.text, got, r.total, tt.want)
		}
	}
}

func TestDocOf(t *testing.T) {
	p := &amur.Person{Meta: amur.Meta{ID: "p"}, Native: amur.PersonName{Family: "张", Given: "平文"},
		Latin: amur.PersonName{Family: "Zhang", Given: "Pingwen"}, Country: "CN",
		Contact: amur.Contact{Email: "secret@example.org", Phone: "+86 10 1234"}}
	d, ok := DocOf(p)
	if !ok || d.Kind != amur.KindPerson || d.Title.ZH != "张平文" || d.Title.EN != "Zhang Pingwen" {
		t.Fatalf("DocOf(person) = %+v, %v", d, ok)
	}
	for _, ft := range d.Texts {
		for _, l := range languages {
			if v := ft.Text.Get(l); strings.Contains(v, "secret") || strings.Contains(v, "1234") {
				t.Errorf("contact data in %s: %q", ft.Name, v)
			}
		}
	}
	if _, ok := DocOf(&amur.Field{}); ok {
		t.Error("fields are not searched")
	}
	a := &amur.Activity{Meta: amur.Meta{ID: "a"}, Draft: true, Start: amur.MustMoment("2021-05-19"),
		Participants: []amur.Participant{{OrgID: "o1"}, {PersonID: "p1"}}}
	if d, _ := DocOf(a); d.Year != 2021 || !d.Draft || len(d.Orgs) != 1 || d.Orgs[0] != "o1" {
		t.Errorf("DocOf(activity) = %+v", d)
	}
}

// FuzzSearchQuery feeds arbitrary queries to validation and the index:
// either a coded invalid error or a result, never a panic.
func FuzzSearchQuery(f *testing.F) {
	for _, s := range []string{"", "核电站", "атомная электростанция", `title:"x" OR 1=1 AND (`, "\xff\x00", "phyiscs 物理 физика", strings.Repeat("a", 1001)} {
		f.Add(s)
	}
	ix := New()
	ix.Put(Doc{Kind: amur.KindActivity, ID: "a", Texts: []FieldText{{"title", amur.T("en", "Nuclear physics forum")}, {"description", amur.T("ru", "Форум по ядерной физике в Москве")}}})
	ix.Put(Doc{Kind: amur.KindOrganization, ID: "o", Texts: []FieldText{{"name", amur.T("zh", "北京大学")}}})
	f.Fuzz(func(t *testing.T, s string) {
		q := Query{Text: s}
		if err := q.Validate(); err != nil {
			if e := amur.AsError(err); e == nil || e.Code != amur.EInvalid || e.Field != "q" {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		r := ix.run(q)
		if r.total < len(r.matches) || r.total > 2 {
			t.Fatalf("%q: total %d, %d matches", s, r.total, len(r.matches))
		}
		for _, m := range r.matches {
			hs, _ := ix.explain(r.terms, Doc{Texts: []FieldText{{"title", amur.T("en", "Nuclear physics forum")}}}, r.lang)
			for _, h := range hs {
				if h.Start < 0 || h.End > len("Nuclear physics forum") || h.Start > h.End {
					t.Fatalf("%q: highlight %+v out of range for %s", s, h, m.id)
				}
			}
		}
	})
}

// TestConcurrentPutAndSearch runs writers and searchers at once, as the
// follower and the API do; run with -race it checks the locking.
func TestConcurrentPutAndSearch(t *testing.T) {
	ix := New()
	texts := []string{"Nuclear physics forum", "Форум по ядерной физике", "核物理论坛", "Quantum optics laboratory"}
	done := make(chan bool)
	go func() {
		defer close(done)
		for i := range 300 {
			ix.Put(Doc{Kind: amur.KindActivity, ID: string(rune('a' + i%40)), Texts: []FieldText{{"title", amur.T("en", texts[i%len(texts)])}}})
			if i%7 == 0 {
				ix.Delete(amur.KindActivity, string(rune('a'+i%40)))
			}
		}
	}()
	for _, s := range []string{"physiks", "физика", "物理", "optics"} {
		for range 50 {
			q := Query{Text: s}
			if err := q.Validate(); err != nil {
				t.Fatal(err)
			}
			if r := ix.run(q); r.total < len(r.matches) {
				t.Fatalf("total %d < %d matches", r.total, len(r.matches))
			}
		}
	}
	<-done
	if n := ix.Len(); n == 0 || n > 40 {
		t.Errorf("%d documents, want between 1 and 40", n)
	}
}

func TestPostingList(t *testing.T) {
	var p postingList
	in := []struct {
		slot int32
		tf   float32
	}{{0, 1}, {1, 0.3}, {200, 2.5}, {70_000, 100}, {70_001, 0.001}}
	for _, e := range in {
		p.add(e.slot, e.tf)
	}
	want := []struct {
		slot int32
		tf   float32
	}{{0, 1}, {1, 0.3125}, {200, 2.5}, {70_000, 255.0 / 16}, {70_001, 1.0 / 16}}
	i := 0
	for slot, tf := range p.all() {
		if slot != want[i].slot || tf != want[i].tf {
			t.Errorf("posting %d = (%d, %g), want %+v", i, slot, tf, want[i])
		}
		i++
	}
	if i != len(want) || p.len() != len(want) {
		t.Fatalf("%d postings, len %d", i, p.len())
	}
	to := make([]int32, 70_002)
	for i := range to {
		to[i] = -1
	}
	to[1], to[200], to[70_001] = 0, 5, 6
	p.renumber(to)
	var got []int32
	for slot := range p.all() {
		got = append(got, slot)
	}
	if len(got) != 3 || got[0] != 0 || got[1] != 5 || got[2] != 6 {
		t.Errorf("renumbered %v", got)
	}
}
