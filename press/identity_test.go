package press

import (
	"testing"

	"amur"
	"amur/demo"
)

// TestIdentityResolver checks that registry people written in Chinese or
// Cyrillic forms the Registry does not hold are found and shown in their
// Latin form, that the Registry's own finds stay, and that a namesake
// sharing only a family name is not taken for a registry person.
func TestIdentityResolver(t *testing.T) {
	recs, err := demo.Build(demo.Options{Activities: 1})
	if err != nil {
		t.Fatal(err)
	}
	ir, err := NewIdentityResolver(recs)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		l    amur.Lang
		want string // the name found in text and its Latin form
		name string
	}{
		{"科技部国际合作司副司长陈林浩出席了开幕式。", amur.ZH, "陈林浩", "Chen Linhao"},
		{"北京大学副校长张平文致辞。", amur.ZH, "张平文", "Zhang Pingwen"},
		{"С приветствием выступил Алексей Сёмин из Минобрнауки.", amur.RU, "Алексей Сёмин", "Alexey Semin"},
		{"Заместитель директора Чень Линхао выступил на форуме.", amur.RU, "Чень Линхао", "Chen Linhao"},
		{"陈伟教授出席了会议。", amur.ZH, "", ""},
		{"Выступил Андрей Семин из Томска.", amur.RU, "", ""},
	}
	for _, tc := range tests {
		ms := ir.People(tc.text, tc.l)
		got, name := "", ""
		for _, m := range ms {
			if m.ID != "" {
				got, name = tc.text[m.Start:m.End], m.Name
			}
		}
		if got != tc.want || name != tc.name {
			t.Errorf("%s: found %q as %q, want %q as %q (%+v)", tc.text, got, name, tc.want, tc.name, ms)
		}
	}
}
