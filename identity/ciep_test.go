package identity

import (
	"testing"

	"amur"
	"amur/demo"
)

// TestCIEPGuests checks that the seven guests of the CIEP 2020 Shenzhen
// forum plenary are recognised among all the demo program's people from
// their names in Latin letters, Cyrillic and Chinese characters, written
// otherwise than the registry writes them.
func TestCIEPGuests(t *testing.T) {
	recs, err := demo.Build(demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex()
	byLatin := map[string]string{}
	for _, r := range recs {
		p, ok := r.(*amur.Person)
		if !ok {
			continue
		}
		byLatin[p.Latin.Family+" "+p.Latin.Given] = p.ID
		if err := ix.Add(PersonEntity(p)); err != nil {
			t.Fatal(err)
		}
	}
	if ix.Len() < 50 {
		t.Fatalf("only %d people in the demo", ix.Len())
	}
	guests := []struct {
		latin string // the registry's Latin family and given name
		forms []string
	}{
		{"Chen Linhao", []string{"Linhao Chen", "CHEN Linhao", "Чэнь Линьхао", "陈林浩"}},
		{"Liang Yongsheng", []string{"Yongsheng Liang", "Лян Юншэн", "梁永生"}},
		{"Zhang Pingwen", []string{"Ping-wen Zhang", "P. Zhang", "Чжан Пинвэнь", "张平文"}},
		{"Chen Xi", []string{"Xi Chen", "Чэнь Си", "陈曦"}},
		{"Semin Alexey", []string{"Aleksei Semin", "Semin A.A.", "Алексей Алексеевич Семин", "Сёмин А. А.", "阿列克谢·谢明"}},
		{"Shakhray Sergey", []string{"Sergei Shakhrai", "Serguei Chakhrai", "Шахрай Сергей Михайлович", "С. М. Шахрай", "沙赫赖"}},
		{"Maslov Alexei", []string{"Aleksey Maslov", "A. A. Maslov", "Алексей Александрович Маслов", "马斯洛夫"}},
	}
	for _, g := range guests {
		id, ok := byLatin[g.latin]
		if !ok {
			t.Fatalf("no %s in the demo", g.latin)
		}
		for _, f := range g.forms {
			hits := ix.Search(Entity{Kind: amur.KindPerson, Names: []string{f}}, 1)
			if len(hits) == 0 || hits[0].ID != id {
				t.Errorf("%q: got %+v, want %s", f, hits, g.latin)
			}
		}
	}
}
