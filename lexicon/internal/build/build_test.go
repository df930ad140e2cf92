package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestCleanSense(t *testing.T) {
	for _, tc := range []struct {
		in     string
		want   []string
		abbrOf string
	}{
		{"to research; to study", []string{"research", "study"}, ""},
		{"nuclear energy", []string{"nuclear energy"}, ""},
		{"variant of 擧|举[ju3]", nil, ""},
		{"surname Zhang", nil, ""},
		{"CL:個|个[ge4]", nil, ""},
		{"region; area (informal or geographical term)", []string{"region", "area"}, ""},
		{"abbr. for 新型冠狀病毒|新型冠状病毒[xin1 xing2 guan1 zhuang4 bing4 du2]", nil, "新型冠状病毒"},
		{"a very long explanation of what the word might mean in context", nil, ""},
	} {
		got, of := cleanSense(tc.in)
		if !slices.Equal(got, tc.want) || of != tc.abbrOf {
			t.Errorf("cleanSense(%q) = %q, %q; want %q, %q", tc.in, got, of, tc.want, tc.abbrOf)
		}
	}
}

func TestCEDICTLines(t *testing.T) {
	got := cedictLines([]cedictEntry{
		{"張", "张", "Zhang1", []string{"surname Zhang"}},
		{"張", "张", "zhang1", []string{"to open up; to spread", "sheet of paper"}},
		{"新冠", "新冠", "xin1 guan1", []string{"abbr. for 新型冠狀病毒|新型冠状病毒[xin1 xing2 guan1 zhuang4 bing4 du2]"}},
		{"新型冠狀病毒", "新型冠状病毒", "xin1 xing2 guan1 zhuang4 bing4 du2", []string{"novel coronavirus"}},
	})
	want := []string{"张\topen up;spread|sheet of paper", "新冠\tnovel coronavirus", "新型冠状病毒\tnovel coronavirus"}
	if !slices.Equal(got, want) {
		t.Errorf("cedictLines = %q, want %q", got, want)
	}
	if t2s := tradToSimp([]cedictEntry{{"張", "张", "", nil}, {"新型冠狀病毒", "新型冠状病毒", "", nil}}); !slices.Equal(t2s, []string{"張\t张", "狀\t状"}) {
		t.Errorf("tradToSimp = %q", t2s)
	}
}

func TestMuellerLines(t *testing.T) {
	dict := strings.Join([]string{
		"00-database-short",
		"   Mueller English-Russian Dictionary",
		"government",
		"   [ˈgʌvnmənt] _n.",
		"   1) правительство; organs of government органы государственного",
		"   управления",
		"   2) форма правления",
		"   3) _грам. управление",
		"children",
		"   _pl. от child",
	}, "\n")
	got := muellerLines(strings.Split(dict, "\n"))
	want := []string{"government\tправительство|форма правления|управление"}
	if !slices.Equal(got, want) {
		t.Errorf("muellerLines = %q, want %q", got, want)
	}
}

func TestFormStems(t *testing.T) {
	dir := t.TempDir()
	aff := filepath.Join(dir, "ru.aff")
	dic := filepath.Join(dir, "ru.dic")
	os.WriteFile(aff, []byte("SET UTF-8\nSFX K Y 3\nSFX K 0 ы [^аеиоуыэюя]\nSFX K 0 ами [^аеиоуыэюя]\nSFX K 0 ов [^аеиоуыэюя]\n"), 0o644)
	os.WriteFile(dic, []byte("2\nсимптом/K\nстол/K\n"), 0o644)
	got, err := formStems(aff, dic, map[string]bool{"симптом": true})
	if err != nil {
		t.Fatal(err)
	}
	// симптом stems to симпт, its forms to симптом; стол is not wanted.
	if want := []string{"симптом\tсимптом"}; !slices.Equal(got, want) {
		t.Errorf("formStems = %q, want %q", got, want)
	}
}
