package lang

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPinyin(t *testing.T) {
	if diff := cmp.Diff([]string{"zhong", "e", "ke", "ji", "lü"}, Pinyin("中俄 NICA 科技，吕")); diff != "" {
		t.Errorf("Pinyin (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"zhōng", "guó", "lǚ"}, PinyinTones("中国吕", ToneMarks)); diff != "" {
		t.Errorf("PinyinTones marks (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"zhong1", "guo2", "de", "lü3"}, PinyinTones("中国的吕", ToneNumbers)); diff != "" {
		t.Errorf("PinyinTones numbers (-want +got):\n%s", diff)
	}
	if got := Pinyin(""); len(got) != 0 {
		t.Errorf("Pinyin(\"\") = %v", got)
	}
	if got := Pinyin("abc \xff"); len(got) != 0 {
		t.Errorf("Pinyin of no Han = %v", got)
	}
}

func TestNamePinyin(t *testing.T) {
	tests := []struct {
		in                                    string
		familyFirst, givenFirst, tone, number string
	}{
		{"张平文", "Zhang Pingwen", "Pingwen Zhang", "Zhāng Píngwén", "Zhang1 Ping2wen2"},
		{"孙春兰", "Sun Chunlan", "Chunlan Sun", "Sūn Chūnlán", "Sun1 Chun1lan2"},
		{"单田芳", "Shan Tianfang", "Tianfang Shan", "Shàn Tiánfāng", "Shan4 Tian2fang1"},
		{"曾国藩", "Zeng Guofan", "Guofan Zeng", "Zēng Guófān", "Zeng1 Guo2fan1"},
		{"解缙", "Xie Jin", "Jin Xie", "Xiè Jìn", "Xie4 Jin4"},
		{"仇英", "Qiu Ying", "Ying Qiu", "Qiú Yīng", "Qiu2 Ying1"},
		{"朴槿惠", "Piao Jinhui", "Jinhui Piao", "Piáo Jǐnhuì", "Piao2 Jin3hui4"},
		{"尉迟恭", "Yuchi Gong", "Gong Yuchi", "Yùchí Gōng", "Yu4chi2 Gong1"},
		{"欧阳修", "Ouyang Xiu", "Xiu Ouyang", "Ōuyáng Xiū", "Ou1yang2 Xiu1"},
		{"张平安", "Zhang Ping'an", "Ping'an Zhang", "Zhāng Píng'ān", "Zhang1 Ping2'an1"},
		{"吕布", "Lü Bu", "Bu Lü", "Lǚ Bù", "Lü3 Bu4"},
		{"埃胡德·乌尔", "Wu'er Aihude", "Aihude Wu'er", "Wū'ěr Āihúdé", "Wu1'er3 Ai1hu2de2"},
	}
	for _, tt := range tests {
		n := NamePinyin(tt.in)
		got := [4]string{n.FamilyFirst(), n.GivenFirst(), n.FamilyTone + " " + n.GivenTone, n.FamilyNumbered + " " + n.GivenNumbered}
		want := [4]string{tt.familyFirst, tt.givenFirst, tt.tone, tt.number}
		if got != want {
			t.Errorf("NamePinyin(%q) = %q, want %q", tt.in, got, want)
		}
	}
	forms := NamePinyin("张平文").Forms()
	if diff := cmp.Diff([]string{"Zhang Pingwen", "Pingwen Zhang", "Zhang Ping-wen", "Ping-wen Zhang"}, forms); diff != "" {
		t.Errorf("Forms (-want +got):\n%s", diff)
	}
	if f := NamePinyin("").Forms(); f != nil {
		t.Errorf("Forms of an empty name = %v", f)
	}
}
