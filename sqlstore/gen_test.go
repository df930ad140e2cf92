package sqlstore_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"amur"
)

// gen makes realistic synthetic activities for benchmarks: trilingual
// titles of 60–200 bytes per language, one to three fields, two to four
// participants drawn from stored organisations, starts spread over the
// program's two years in Beijing or Moscow time.
type gen struct {
	rnd    *rand.Rand
	orgs   []string
	sides  []string
	fields []string
}

// Word pools of the titles; real titles mix such terms.
var (
	zhWords = strings.Fields("中俄 科技 创新 合作 联合 研究 人工智能 量子 计算 材料 能源 航天 生物 医学 数学 物理 化学 论坛 展览 交流 培训 项目 实验室 大学 研讨会 技术 转移 数字 经济 农业 生态 环境 极地 北极 卫星 导航 核能 超导")
	ruWords = strings.Fields("российско-китайский научный технологический форум совместное исследование искусственный интеллект квантовые вычисления материалы энергетика космос биология медицина математика физика химия выставка обмен обучение проект лаборатория университет семинар трансфер цифровая экономика сельское хозяйство экология Арктика спутниковая навигация ядерная сверхпроводимость ёмкость")
	enWords = strings.Fields("China Russia joint research forum on artificial intelligence quantum computing advanced materials energy space biology medicine mathematics physics chemistry exhibition exchange training project laboratory university seminar technology transfer digital economy agriculture ecology Arctic satellite navigation nuclear superconductivity")
	zones   = []string{"Asia/Shanghai", "Europe/Moscow"}
)

// newGen returns a generator over the stored organisations and fields.
func newGen(seed uint64, orgs, fields []string) *gen {
	return &gen{rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), orgs: orgs, fields: fields, sides: []string{"CN", "RU"}}
}

// phrase returns words of pool joined by sep, between lo and hi bytes long.
func (g *gen) phrase(pool []string, sep string, lo, hi int) string {
	want := lo + g.rnd.IntN(hi-lo+1)
	var b strings.Builder
	for b.Len() < want {
		w := pool[g.rnd.IntN(len(pool))]
		if b.Len()+len(sep)+len(w) > hi {
			break
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(w)
	}
	return b.String()
}

// activity returns the next activity. It is built in the canonical form
// amur.Prepare would give it (sorted fields, empty lists not nil), which
// TestGenPrepared checks, so that benchmarks time the store rather than the
// zone-file reads of Prepare's validation.
func (g *gen) activity(programID string) *amur.Activity {
	a := &amur.Activity{
		ProgramID: programID,
		Title: amur.Text{ZH: g.phrase(zhWords, "", 60, 200), RU: g.phrase(ruWords, " ", 60, 200),
			EN: g.phrase(enWords, " ", 60, 200), Orig: amur.Langs[g.rnd.IntN(3)]},
		Type:      amur.ActivityTypes[g.rnd.IntN(len(amur.ActivityTypes))],
		Status:    amur.ActivityStatuses[g.rnd.IntN(len(amur.ActivityStatuses))],
		Zone:      zones[g.rnd.IntN(2)],
		Format:    amur.Formats[g.rnd.IntN(len(amur.Formats))],
		Sides:     []string{"CN", "RU"},
		Outcomes:  []amur.Outcome{},
		Synthetic: true,
	}
	day := time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.rnd.IntN(730))
	a.Start = amur.Moment{Date: amur.Date{Y: day.Year(), M: int(day.Month()), D: day.Day()},
		H: 9 + g.rnd.IntN(9), Min: 15 * g.rnd.IntN(4), HasTime: true}
	for range 1 + g.rnd.IntN(3) {
		a.Fields = append(a.Fields, g.fields[g.rnd.IntN(len(g.fields))])
	}
	slices.Sort(a.Fields)
	a.Fields = slices.Compact(a.Fields)
	a.Participants = make([]amur.Participant, 2+g.rnd.IntN(3))
	for i := range a.Participants {
		a.Participants[i] = amur.Participant{OrgID: g.orgs[g.rnd.IntN(len(g.orgs))],
			Side: g.sides[i%2], Role: amur.Roles[g.rnd.IntN(4)]}
	}
	return a
}

// benchFields are the field codes of the benchmark registry: the six FORD
// areas, their sub-fields and a few program sub-fields.
func benchFields() []*amur.Field {
	var out []*amur.Field
	add := func(code, parent string) {
		f := &amur.Field{Label: amur.T("en", "Field "+code, "ru", "Область "+code, "zh", "领域 "+code), Parent: parent}
		f.ID = code
		out = append(out, f)
	}
	for top := 1; top <= 6; top++ {
		add(fmt.Sprint(top), "")
		for sub := 1; sub <= 5; sub++ {
			add(fmt.Sprintf("%d.%d", top, sub), fmt.Sprint(top))
		}
	}
	for _, c := range []string{"1.1.quantum", "1.2.ai", "2.3.space", "3.1.vaccines"} {
		add(c, c[:3])
	}
	return out
}

// benchRegistry stores a program, the benchmark fields and nOrgs
// organisations, and returns the program id, org ids and field codes.
func benchRegistry(tb testing.TB, s amur.Store, nOrgs int) (string, []string, []string) {
	tb.Helper()
	ctx := context.Background()
	p := &amur.Program{Slug: "bench", Name: amur.T("en", "Bench"), Sides: []string{"CN", "RU"}, Start: amur.MustDate("2020")}
	must(tb, s.CreateProgram(ctx, p))
	var orgs, codes []string
	err := s.Bulk(ctx, func(w amur.BulkWriter) error {
		for _, f := range benchFields() {
			must(tb, amur.Prepare(f))
			codes = append(codes, f.ID)
			if err := w.Put(f); err != nil {
				return err
			}
		}
		for i := range nOrgs {
			side := []string{"CN", "RU"}[i%2]
			o := &amur.Organization{Name: amur.T("en", fmt.Sprintf("Organisation %d", i)), Kind: amur.OrgKinds[i%6], Country: side}
			must(tb, amur.Prepare(o))
			if err := w.Put(o); err != nil {
				return err
			}
			orgs = append(orgs, o.ID)
		}
		return nil
	})
	must(tb, err)
	return p.ID, orgs, codes
}

// TestGenPrepared checks that generated activities are valid and already
// in the form amur.Prepare gives, as BulkWriter.Put requires.
func TestGenPrepared(t *testing.T) {
	orgs := []string{amur.NewID(), amur.NewID(), amur.NewID()}
	g := newGen(1, orgs, []string{"1", "1.1", "2.3", "3.1.vaccines"})
	for range 500 {
		a := g.activity(amur.NewID())
		b, err := json.Marshal(a)
		must(t, err)
		var c amur.Activity
		must(t, json.Unmarshal(b, &c))
		if err := amur.Prepare(&c); err != nil {
			t.Fatalf("generated activity is invalid: %v", err)
		}
		if d := cmp.Diff(a, &c); d != "" {
			t.Fatalf("Prepare changes a generated activity (-gen +prepared):\n%s", d)
		}
		if n := len(a.Title.RU); n < 40 || n > 200 {
			t.Errorf("Russian title of %d bytes", n)
		}
	}
}

// decodeJSON decodes a stored document, as the store does.
func decodeJSON(doc []byte, r amur.Record) error { return json.Unmarshal(doc, r) }
