package lang

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLatinKey(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"Alexei", "Aleksey", "Aleksei", "Alexey", "Aleksej", "Алексей", "ALEXEI"}, "aleksei"},
		{[]string{"Semin", "Syomin", "Семин", "Сёмин", "Sëmin"}, "semin"},
		{[]string{"Shakhray", "Shakhrai", "Шахрай", "Šahraj"}, "wahrai"},
		{[]string{"Yuri", "Yury", "Iurii", "Yuriy", "Jurij", "Юрий"}, "iuri"},
		{[]string{"Tchaikovsky", "Chaikovsky", "Tschaikowsky", "Чайковский", "Čajkovskij"}, "qaikovski"},
		{[]string{"Zhang Pingwen", "张平文", "Zhāng Píngwén"}, "xang pingven"},
		{[]string{"Vasilyev", "Vasiliev", "Vasil'ev", "Vasil`ev", "Васильев"}, "vasilev"},
		{[]string{"Smirnoff", "Smirnov", "Смирнов"}, "smirnov"},
		{[]string{"O'Neill", "ONeill"}, "oneil"},
		{[]string{"Yoshkar-Ola", "Ioshkar-Ola", "Joshkar-Ola", "Йошкар-Ола"}, "ewkar ola"},
		{[]string{"", "  ", "—", "'"}, ""},
	}
	for _, tt := range tests {
		for _, in := range tt.in {
			if got := LatinKey(in); got != tt.want {
				t.Errorf("LatinKey(%q) = %q, want %q", in, got, tt.want)
			}
		}
	}
	// Different names must keep different keys.
	for _, pair := range [][2]string{{"Ivanov", "Ivanova"}, {"Sergei", "Sergeev"}, {"Maslov", "Masllova"},
		{"Zhukov", "Sukov"}, {"Chen", "Shen"}, {"Petrov", "Petrova"}} {
		if LatinKey(pair[0]) == LatinKey(pair[1]) {
			t.Errorf("LatinKey(%q) = LatinKey(%q) = %q", pair[0], pair[1], LatinKey(pair[0]))
		}
	}
}

type namePair struct{ native, latin string }

func readNames(t testing.TB) []namePair {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "names.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []namePair
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		native, latin, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("names.tsv: no tab in %q", line)
		}
		out = append(out, namePair{native, latin})
	}
	return out
}

// TestLatinKeyNames measures the key on testdata/names.tsv: recall is the
// share of pairs whose Latin spelling has the key of the native name;
// precision is, over all Latin spellings, the share of the native names
// sharing its key that are the right one. The thresholds sit just under
// the measured values (see lang/README.md) so that a change that loses
// matches or merges names fails here.
func TestLatinKeyNames(t *testing.T) {
	pairs := readNames(t)
	byKey := map[string]map[string]bool{}
	for _, p := range pairs {
		k := LatinKey(p.native)
		if byKey[k] == nil {
			byKey[k] = map[string]bool{}
		}
		byKey[k][p.native] = true
	}
	var hits, retrieved, right int
	var misses []string
	for _, p := range pairs {
		k := LatinKey(p.latin)
		if LatinKey(p.native) == k {
			hits++
		} else {
			misses = append(misses, p.latin+"≠"+p.native)
		}
		retrieved += len(byKey[k])
		if byKey[k][p.native] {
			right++
		}
	}
	var shared []string
	for k, names := range byKey {
		if len(names) > 1 {
			shared = append(shared, k)
		}
	}
	t.Logf("keys shared by different native names: %q", shared)
	recall := float64(hits) / float64(len(pairs))
	precision := float64(right) / float64(max(retrieved, 1))
	t.Logf("%d pairs, %d native names: recall %.3f, precision %.3f; missed: %s",
		len(pairs), len(byKey), recall, precision, strings.Join(misses, ", "))
	if len(pairs) < 100 {
		t.Errorf("only %d pairs", len(pairs))
	}
	if recall < 0.90 || precision < 0.97 {
		t.Errorf("recall %.3f (want ≥ 0.90), precision %.3f (want ≥ 0.97)", recall, precision)
	}
}

// schemeAgreement is the least share of names whose romanisation in a
// scheme must key like the Cyrillic. GOST 7.79 is looser: system B writes
// х as x, which the key reads as кс (x in English spellings), and system A
// writes ц as c, which the key reads as к before a, o and u (Victor,
// Nicolai). ICAO's ъ as ie leaves a trace before я and ё.
var schemeAgreement = map[Scheme]float64{
	SchemeICAO: 0.99, SchemeGOST779B: 0.85, SchemeGOST779A: 0.9, SchemeBGNPCGN: 0.99,
	SchemeBGNPCGNDots: 0.99, SchemeWikipedia: 0.99, SchemeMVD782: 0.99, SchemeALALC: 1,
}

// TestLatinKeySchemes checks that the romanisations of the Russian names
// and of the romanisation samples, in every scheme, key like the Cyrillic
// itself, and so like each other.
func TestLatinKeySchemes(t *testing.T) {
	var names []string
	for _, p := range readNames(t) {
		if DetectLang(p.native) == "ru" {
			names = append(names, p.native)
		}
	}
	for _, v := range readVectors(t) {
		if _, ok := vectorSchemes[v.scheme]; ok {
			names = append(names, v.cyrillic)
		}
	}
	for _, sc := range Schemes {
		agree := 0
		var misses []string
		for _, n := range names {
			lat := Romanize(n, sc)
			if LatinKey(lat) == LatinKey(n) {
				agree++
			} else if len(misses) < 5 {
				misses = append(misses, lat)
			}
		}
		share := float64(agree) / float64(len(names))
		t.Logf("%-12s %d/%d agree (%.3f); e.g. missed %q", sc, agree, len(names), share, misses)
		if share < schemeAgreement[sc] {
			t.Errorf("%s: %.3f of keys agree, want ≥ %.2f", sc, share, schemeAgreement[sc])
		}
	}
}
