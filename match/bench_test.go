package match

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"amur"
	"amur/internal/testkit"
	"amur/xling"
)

// benchOffers is the number of offers matched against, AMUR_BENCH_OFFERS
// or 10,000.
func benchOffers() int {
	if n, err := strconv.Atoi(os.Getenv("AMUR_BENCH_OFFERS")); err == nil && n > 0 {
		return n
	}
	return 10_000
}

// Phrases the generated offers are made of, in the three languages, so
// that a collection of any size holds texts of realistic length on many
// subjects, each in the language of its side.
var (
	benchActions = map[amur.Lang][]string{
		amur.RU: {"Испытания", "Разработка", "Технология производства", "Моделирование", "Оборудование для исследования", "Экспертиза в области"},
		amur.ZH: {"测试", "研发", "生产技术", "数值模拟", "研究设备", "专业咨询"},
		amur.EN: {"Testing of", "Development of", "Manufacturing technology for", "Modelling of", "Equipment for studying", "Expertise in"},
	}
	benchObjects = map[amur.Lang][]string{
		amur.RU: {"литий-ионных аккумуляторов", "микросхем космического назначения", "сварных швов трубопроводов", "волоконно-оптических датчиков",
			"вакцин и диагностических тестов", "катализаторов получения водорода", "композитных конструкций самолётов", "ядерного топлива",
			"солнечных элементов", "систем машинного обучения", "сверхпроводящих магнитов", "ускорителей заряженных частиц"},
		amur.ZH: {"锂离子电池", "航天集成电路", "管道焊缝", "光纤传感器", "疫苗和诊断试剂", "制氢催化剂", "飞机复合材料结构", "核燃料",
			"太阳能电池", "机器学习系统", "超导磁体", "粒子加速器"},
		amur.EN: {"lithium-ion batteries", "space-grade integrated circuits", "pipeline welds", "fibre-optic sensors", "vaccines and diagnostic tests",
			"hydrogen production catalysts", "composite aircraft structures", "nuclear fuel", "solar cells", "machine learning systems",
			"superconducting magnets", "particle accelerators"},
	}
	benchDetails = map[amur.Lang][]string{
		amur.RU: {"Лабораторные и стендовые испытания, протоколы для сертификации.", "Опытные партии, масштабирование и обучение персонала.",
			"Совместные исследования с промышленными партнёрами.", "Численное моделирование и проверка на реальных образцах."},
		amur.ZH: {"实验室和台架试验，出具认证报告。", "小批量试制、放大生产和人员培训。", "与产业伙伴联合研究。", "数值模拟并在实物样品上验证。"},
		amur.EN: {"Laboratory and bench tests with certification reports.", "Pilot batches, scale-up and staff training.",
			"Joint research with industrial partners.", "Numerical modelling verified on real samples."},
	}
)

// benchStore stores n generated offers, three in four Russian (half of
// them in English), the rest Chinese, and one Chinese request.
func benchStore(b *testing.B, n int) (amur.Store, string) {
	b.Helper()
	ctx := context.Background()
	s := testkit.MustOpenStore(b)
	rng := rand.New(rand.NewPCG(1, 2))
	var orgs []*amur.Organization
	err := s.Bulk(ctx, func(w amur.BulkWriter) error {
		recs := []amur.Record{testkit.Field("2", "Engineering"), testkit.Field("2.2", "Electrical"), testkit.Field("2.3", "Mechanical"),
			testkit.Field("2.5", "Materials")}
		for i := range 40 {
			side := []string{"RU", "CN"}[i%2]
			o := testkit.Org(fmt.Sprintf("Organisation %d", i), side)
			o.ID = amur.NewID()
			orgs = append(orgs, o)
			recs = append(recs, o)
		}
		for i := range n {
			recs = append(recs, benchOffer(rng, orgs, i))
		}
		for _, r := range recs {
			if err := amur.Prepare(r); err != nil {
				return err
			}
			if err := w.Put(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	req := &amur.Request{TRLMax: 9, Listing: amur.Listing{Title: amur.T("zh", "宇航电子元器件抗辐射测试服务"),
		Description: amur.T("zh", "我公司需要对宇航级集成电路和电子模块进行重离子、质子和伽马射线辐照试验，评估单粒子效应和总剂量效应。"),
		Side:        "CN", OwnerID: orgs[1].ID, Status: amur.ListingPublished, TRL: 6, Fields: []string{"2.2"},
		Coop: []amur.CoopType{amur.CoopContract}}}
	if err := s.CreateRequest(ctx, req); err != nil {
		b.Fatal(err)
	}
	return s, req.ID
}

// benchOffer returns the i-th generated offer.
func benchOffer(rng *rand.Rand, orgs []*amur.Organization, i int) *amur.Offer {
	l := []amur.Lang{amur.RU, amur.RU, amur.EN, amur.ZH}[i%4]
	side := "RU"
	if l == amur.ZH {
		side = "CN"
	}
	org := orgs[rng.IntN(len(orgs)/2)*2+map[string]int{"RU": 0, "CN": 1}[side]]
	pick := func(m map[amur.Lang][]string) string { return m[l][rng.IntN(len(m[l]))] }
	title := pick(benchActions) + " " + pick(benchObjects)
	return &amur.Offer{Kind: amur.OfferTechnology, Listing: amur.Listing{
		Title: amur.T(string(l), title), Description: amur.T(string(l), pick(benchDetails)+" "+pick(benchDetails)),
		Side: side, OwnerID: org.ID, Status: amur.ListingPublished, TRL: 1 + rng.IntN(9),
		Fields: []string{[]string{"2.2", "2.3", "2.5"}[rng.IntN(3)]}, Coop: []amur.CoopType{amur.CoopTypes[rng.IntN(5)]}}}
}

// BenchmarkMatchRequest measures ranking the offers for one request
// among benchOffers offers, with the indexes built (as a running server
// has them): cross-lingual scoring against the baseline of same-language
// scoring (no bridges) in the same run.
func BenchmarkMatchRequest(b *testing.B) {
	s, req := benchStore(b, benchOffers())
	for _, v := range []struct {
		name string
		opts []Option
	}{{"bridged", nil}, {"same-language", []Option{SameLanguageOnly()}}} {
		b.Run(v.name, func(b *testing.B) {
			e := New(s, v.opts...)
			ctx := context.Background()
			m, err := e.ForRequest(ctx, req, DefaultLimit) // builds the indexes
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			cpu := cpuTime()
			for b.Loop() {
				if _, err := e.ForRequest(ctx, req, DefaultLimit); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
			b.ReportMetric(float64(len(m.Items)), "results")
		})
	}
}

// BenchmarkMatchBuild measures building the indexes from the store, which
// a server does once and again after a change: the listings part after a
// change of an offer or request, the partners part after a change of an
// offer, organisation, person, activity or field.
func BenchmarkMatchBuild(b *testing.B) {
	s, _ := benchStore(b, benchOffers())
	lex := New(s)
	if _, err := lex.Partners(context.Background(), "x", "", 1); err != nil { // loads the lexicons once
		b.Fatal(err)
	}
	for _, v := range []struct {
		name  string
		build func(context.Context, amur.Store, []xling.Option) (*snapshot, error)
		opts  []Option
	}{{"listings/bridged", buildListings, nil}, {"listings/same-language", buildListings, []Option{SameLanguageOnly()}},
		{"partners/bridged", buildPartners, nil}} {
		b.Run(v.name, func(b *testing.B) {
			e := New(s, v.opts...)
			cpu := cpuTime()
			for b.Loop() {
				if _, err := v.build(context.Background(), e.store, e.xopts); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
		})
	}
}

// cpuTime returns the CPU time (user and system) the process has used.
// The machines benchmarks run on are shared, and wall time per operation
// varies tenfold with the load; CPU time per operation does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU milliseconds per operation since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}
