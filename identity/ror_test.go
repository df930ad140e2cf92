package identity

import (
	"os"
	"strings"
	"testing"

	"amur"
)

func TestParseROR(t *testing.T) {
	f, err := os.Open("../cmd/amur/testdata/ror-tiny.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := ParseROR(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records", len(recs))
	}
	pku := recs[0].Org
	if pku.ROR != "02v51f717" || pku.Name.ZH != "北京大学" || pku.Name.RU != "Пекинский университет" || pku.Name.EN != "Peking University" ||
		pku.Acronyms[0] != "PKU" || pku.Aliases[0] != "Beijing University" || pku.Country != "CN" || pku.Kind != amur.University ||
		pku.Website != "https://english.pku.edu.cn" || pku.City.EN != "Beijing" {
		t.Errorf("Peking University: %+v", pku)
	}
	if recs[2].ParentROR != "034t30j35" || recs[2].Line != 3 {
		t.Errorf("UCAS: parent %q line %d", recs[2].ParentROR, recs[2].Line)
	}
	arr, err := ParseROR(strings.NewReader(` [{"id":"https://ror.org/034t30j35","names":[{"value":"CAS","types":["acronym"]},{"value":"中国科学院","types":["label"],"lang":"zh"}],"locations":[{"geonames_details":{"country_code":"cn"}}]}]`))
	if err != nil || len(arr) != 1 || arr[0].Org.Name.ZH != "中国科学院" || arr[0].Org.Country != "CN" {
		t.Errorf("array: %+v, %v", arr, err)
	}
	for _, tc := range []struct {
		in    string
		line  int
		field string
	}{
		{`{"id":"https://ror.org/034t30j35","names":[],"locations":[{"geonames_details":{"country_code":"CN"}}]}`, 1, "names"},
		{"\n" + `{"id":"nope","names":[{"value":"X","types":["label"],"lang":"en"}]}`, 2, "id"},
		{`{"id":"https://ror.org/034t30j35","names":[{"value":"X","types":["label"],"lang":"en"}]}`, 1, "locations"},
		{`{"id": 5}`, 1, ""},
		{`[{"id":"https://ror.org/034t30j35"},{"id":"x"}]`, 1, "names"},
		{``, 0, ""},
	} {
		_, err := ParseROR(strings.NewReader(tc.in))
		e, ok := err.(*amur.Error)
		if !ok || e.Line != tc.line || e.Field != tc.field {
			t.Errorf("ParseROR(%q) = %v, want line %d field %q", tc.in, err, tc.line, tc.field)
		}
	}
}
