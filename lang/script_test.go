package lang

import (
	"testing"

	"amur"
)

func TestScript(t *testing.T) {
	tests := []struct {
		r    rune
		want ScriptKind
	}{
		{'a', Latin}, {'Z', Latin}, {'é', Latin}, {'Ａ', Latin}, {'ж', Cyrillic}, {'Ё', Cyrillic},
		{'і', Cyrillic}, {'中', Han}, {'〇', Han}, {'𠀀', Han}, {'1', Common}, {'，', Common},
		{' ', Common}, {'\u0301', Common}, {'α', OtherScript}, {'あ', OtherScript}, {utf8RuneError, Common},
	}
	for _, tt := range tests {
		if got := Script(tt.r); got != tt.want {
			t.Errorf("Script(%q) = %v, want %v", tt.r, got, tt.want)
		}
	}
}

const utf8RuneError = '\uFFFD'

func TestDetectLang(t *testing.T) {
	tests := []struct {
		in   string
		want amur.Lang
	}{
		{"", ""},
		{"2020 — 1,000 !", ""},
		{"Годы науки и инноваций", amur.RU},
		{"Years of Science and Innovation", amur.EN},
		{"中俄科技创新年", amur.ZH},
		{"中俄联合研究NICA对撞机", amur.ZH},
		{"新冠病毒COVID-19疫苗", amur.ZH},
		{"Коллайдер NICA в Дубне", amur.RU},
		{"The collider (коллайдер) NICA at JINR in Dubna", amur.EN},
		{"与Joint Institute合作", amur.EN},
		{"ab 中", amur.ZH},
		{"Ёж", amur.RU},
		{"\xff\xfe", ""},
	}
	for _, tt := range tests {
		if got := DetectLang(tt.in); got != tt.want {
			t.Errorf("DetectLang(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
