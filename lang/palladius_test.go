package lang

import (
	"slices"
	"testing"
)

func TestPalladius(t *testing.T) {
	for _, tc := range []struct{ py, want string }{
		{"zhang", "чжан"}, {"ping", "пин"}, {"wen", "вэнь"}, {"bei", "бэй"},
		{"jing", "цзин"}, {"xi", "си"}, {"shi", "ши"}, {"zi", "цзы"}, {"guo", "го"},
		{"lü", "люй"}, {"yue", "юэ"}, {"hui", "хуй"}, {"qu", "цюй"}, {"xyz", ""},
	} {
		if got := Palladius(tc.py); got != tc.want {
			t.Errorf("Palladius(%q) = %q, want %q", tc.py, got, tc.want)
		}
	}
}

func TestPinyinWord(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Pingwen", []string{"ping", "wen"}},
		{"Zhang", []string{"zhang"}},
		{"Xi'an", []string{"xi", "an"}},
		{"Beijing", []string{"bei", "jing"}},
		{"Moscow", nil},
		{"", nil},
	} {
		got, ok := PinyinWord(tc.in)
		if ok != (tc.want != nil) || !slices.Equal(got, tc.want) {
			t.Errorf("PinyinWord(%q) = %v, %v; want %v", tc.in, got, ok, tc.want)
		}
	}
}

func TestPinyinFromCyrillic(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Чжан", []string{"zhang"}},
		{"Пинвэнь", []string{"ping", "wen"}},
		{"Цзиньпин", []string{"jin", "ping"}},
		{"Пинвэн", []string{"ping", "weng"}}, // вэн is weng; only a free soft sign may be dropped
		{"Бэйцзин", []string{"bei", "jing"}},
		{"Си", []string{"xi"}},
		{"Москва", nil},
	} {
		got, ok := PinyinFromCyrillic(tc.in)
		if ok != (tc.want != nil) || !slices.Equal(got, tc.want) {
			t.Errorf("PinyinFromCyrillic(%q) = %v, %v; want %v", tc.in, got, ok, tc.want)
		}
	}
}
