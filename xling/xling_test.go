package xling

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"amur"
)

// fixture is a small trilingual collection written for these tests: each
// subject appears in one language only, so every hit across languages
// needs a bridge.
var fixture = []struct {
	id   string
	lang amur.Lang
	text string
}{
	{"zh-nuclear", amur.ZH, "中俄两国在核能领域开展合作，共同建设田湾核电站的新机组，并研究快中子反应堆的核燃料。"},
	{"zh-vaccine", amur.ZH, "一家俄罗斯实验室与中国企业联合研发新冠肺炎疫苗，并开展临床试验。"},
	{"zh-math", amur.ZH, "北京大学与莫斯科大学共同举办数学研讨会，讨论代数几何的新成果。"},
	{"zh-name", amur.ZH, "张平文院士出席开幕式并致辞。"},
	{"zh-session", amur.ZH, "第六十九届会议的议程草案。"},
	{"ru-space", amur.RU, "Российские и китайские учёные обсудили сотрудничество в области спутниковой навигации."},
	{"ru-region", amur.RU, "Регион развивает цифровую экономику и поддерживает стартапы."},
	{"en-ai", amur.EN, "A joint laboratory for artificial intelligence and big data opened in Harbin."},
	{"en-water", amur.EN, "The company treats industrial waste water with new membrane filters."},
	{"en-crypto", amur.EN, "A cryptographer from Novosibirsk joined the laboratory."},
	{"en-golikova", amur.EN, "Deputy Prime Minister Golikova sent greetings to the youth forum."},
}

var (
	fixtureOnce sync.Once
	fixtureIx   [2]*Index
)

// fixtureIndex returns the fixture indexed with bridges, or without them
// (the baseline); both are built once for all tests.
func fixtureIndex(t testing.TB, bridges bool) *Index {
	t.Helper()
	fixtureOnce.Do(func() {
		for i, opts := range [][]Option{nil, {WithoutBridges()}} {
			ix := NewIndex(opts...)
			for _, f := range fixture {
				if err := ix.Add(f.id, f.text, f.lang); err != nil {
					panic(err)
				}
			}
			ix.Freeze()
			fixtureIx[i] = ix
		}
	})
	if bridges {
		return fixtureIx[0]
	}
	return fixtureIx[1]
}

func TestSearchAcrossLanguages(t *testing.T) {
	ix := fixtureIndex(t, true)
	for _, tc := range []struct {
		query  string
		lang   amur.Lang
		want   string
		bridge Bridge
		doc    string // a document word the explanation must name
	}{
		{"Лаборатория предлагает технологии для атомной энергетики и ядерного топлива", amur.RU, "zh-nuclear", Dictionary, "核燃料"},
		{"Нужна вакцина против коронавируса", amur.RU, "zh-vaccine", Dictionary, "疫苗"},
		{"семинар по математике в Пекинском университете", amur.RU, "zh-math", Dictionary, "数学"},
		{"Чжан Пинвэнь", amur.RU, "zh-name", Name, "张平文"},
		{"Zhang Pingwen", amur.EN, "zh-name", Name, "张平文"},
		{"шестьдесят девятая сессия", amur.RU, "zh-session", Number, "六十九"},
		{"卫星导航合作", amur.ZH, "ru-space", Dictionary, "навигации"},
		{"region digital economy", amur.EN, "ru-region", Dictionary, "Регион"},
		{"криптография", amur.RU, "en-crypto", Transliteration, "cryptographer"},
		{"Приветствие Голиковой", amur.RU, "en-golikova", Transliteration, "Golikova"},
		{"人工智能实验室", amur.ZH, "en-ai", Dictionary, "intelligence"},
		{"очистка сточных вод", amur.RU, "en-water", Dictionary, "water"},
	} {
		hits := ix.Search(tc.query, tc.lang, 3)
		if len(hits) == 0 || hits[0].ID != tc.want {
			t.Errorf("Search(%q) = %v, want %s first", tc.query, ids(hits), tc.want)
			continue
		}
		if !hasMatch(hits[0].Explain, tc.bridge, tc.doc) {
			t.Errorf("Search(%q): explanation %+v names no %s match with %q", tc.query, hits[0].Explain, tc.bridge, tc.doc)
		}
	}
}

func ids(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

func hasMatch(ms []Match, b Bridge, doc string) bool {
	for _, m := range ms {
		if m.Bridge == b && strings.Contains(m.Doc, doc) && m.Query != "" && m.Share > 0 {
			return true
		}
	}
	return false
}

// TestBaseline checks that the baseline really lacks the bridges: the
// Russian query cannot reach the Chinese text, while numbers still meet.
func TestBaseline(t *testing.T) {
	ix := fixtureIndex(t, false)
	if hits := ix.Search("ядерное топливо для реактора", amur.RU, 3); slices.Contains(ids(hits), "zh-nuclear") {
		t.Errorf("baseline found zh-nuclear: %+v", hits)
	}
	if hits := ix.Search("69 session", amur.EN, 1); len(hits) == 0 || hits[0].ID != "zh-session" {
		t.Errorf("baseline Search(69 session) = %v, want zh-session", ids(hits))
	}
}

func TestSameLanguageOutranksTranslation(t *testing.T) {
	ix := NewIndex()
	ix.Add("ru", "ядерное топливо", amur.RU)
	ix.Add("zh", "核燃料", amur.ZH)
	ix.Add("other", "морская биология", amur.RU)
	ix.Freeze()
	hits := ix.Search("ядерное топливо", amur.RU, 3)
	if got := ids(hits); len(got) < 2 || got[0] != "ru" || got[1] != "zh" {
		t.Errorf("Search = %v, want the Russian text, then its Chinese translation", got)
	}
	if hits[0].Explain[0].Bridge != Same {
		t.Errorf("the same-language hit is explained by %v", hits[0].Explain)
	}
}

func TestRankAgreesWithSearch(t *testing.T) {
	ix := fixtureIndex(t, true)
	for _, tc := range []struct {
		q string
		l amur.Lang
	}{{"сотрудничество учёных России и Китая", amur.RU}, {"new laboratory", amur.EN}, {"核能合作", amur.ZH}} {
		q, l := tc.q, tc.l
		all := ix.Search(q, l, len(fixture))
		for i, h := range all {
			if r := ix.Rank(q, l, h.ID); r != i+1 {
				t.Errorf("Rank(%q, %s) = %d, Search puts it at %d", q, h.ID, r, i+1)
			}
		}
		if top := ids(ix.Search(q, l, 2)); !slices.Equal(top, ids(all)[:min(2, len(all))]) {
			t.Errorf("Search(%q, k=2) = %v, the full list starts %v", q, top, ids(all))
		}
	}
	if r := ix.Rank("совершенно другое", amur.RU, "no-such-id"); r != 0 {
		t.Errorf("Rank of an unknown id = %d, want 0", r)
	}
}

func TestAddErrors(t *testing.T) {
	ix := NewIndex()
	if err := ix.Add("a", "текст", amur.RU); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id, lang, code string
	}{
		{"a", "ru", amur.EConflict},
		{"", "ru", amur.EInvalid},
		{"b", "fr", amur.EInvalid},
	} {
		if err := ix.Add(tc.id, "текст", amur.Lang(tc.lang)); amur.ErrorCode(err) != tc.code {
			t.Errorf("Add(%q, %q) = %v, want %s", tc.id, tc.lang, err, tc.code)
		}
	}
	ix.Freeze()
	if err := ix.Add("c", "текст", amur.RU); amur.ErrorCode(err) != amur.EInvalid {
		t.Errorf("Add after Freeze = %v, want invalid", err)
	}
	if ix.Len() != 1 {
		t.Errorf("Len = %d, want 1", ix.Len())
	}
}

// TestBadQueries feeds queries that must give a sane result, never a
// panic: nothing to match, control characters, binary, mixed scripts.
func TestBadQueries(t *testing.T) {
	ix := fixtureIndex(t, true)
	for _, q := range []string{"", "   ", "\x00\x01\x02", "\xff\xfe核能", "AND OR NOT *:* \"", strings.Repeat("ядерный ", 5000), "Рoссия nuclear 核能 69"} {
		hits := ix.Search(q, amur.RU, 5)
		if len(hits) > 5 {
			t.Errorf("Search(%.20q) returned %d hits", q, len(hits))
		}
	}
	if hits := ix.Search("核能", amur.ZH, 0); hits != nil {
		t.Errorf("k=0 gave %v", hits)
	}
	if hits := NewIndex().Search("核能", amur.ZH, 3); hits != nil {
		t.Errorf("an unfrozen index answered %v", hits)
	}
}

// TestConcurrentSearch runs searches from several goroutines, as the eval
// command and the server do, and expects the sequential answers.
func TestConcurrentSearch(t *testing.T) {
	ix := fixtureIndex(t, true)
	queries := []string{"ядерное топливо", "вакцина", "математика", "спутник", "лаборатория"}
	want := make([][]string, len(queries))
	for i, q := range queries {
		want[i] = ids(ix.Search(q, amur.RU, 3))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				q := (g + i) % len(queries)
				if got := ids(ix.Search(queries[q], amur.RU, 3)); !slices.Equal(got, want[q]) {
					t.Errorf("concurrent Search(%q) = %v, want %v", queries[q], got, want[q])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestTraditionalChinese checks that traditional characters meet the
// simplified collection and that explanations quote what was written.
func TestTraditionalChinese(t *testing.T) {
	ix := fixtureIndex(t, true)
	hits := ix.Search("新冠疫苗研發", amur.ZH, 1)
	if len(hits) == 0 || hits[0].ID != "zh-vaccine" {
		t.Fatalf("Search(新冠疫苗研發) = %v, want zh-vaccine", ids(hits))
	}
	for _, m := range hits[0].Explain {
		if strings.Contains(m.Query, "研發") && m.Doc == "研发" {
			return
		}
	}
	t.Errorf("no match of 研發 with 研发 in %+v", hits[0].Explain)
}
