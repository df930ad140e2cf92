package transfer

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"amur"
	"amur/internal/testkit"
)

// fid returns the n-th fixture id; fixture ids sort in the order of n, so
// a parent organisation (a lower n) comes before its child in an export.
func fid(n int) string { return fmt.Sprintf("01900000-0000-7000-8000-%012d", n) }

// at returns a fixture creation time n minutes into the program.
func at(n int) time.Time {
	return time.Date(2021, 3, 1, 9, 30, 0, 0, time.UTC).Add(time.Duration(n)*time.Minute + 123*time.Millisecond)
}

// meta returns fixture bookkeeping fields.
func meta(n int) amur.Meta {
	return amur.Meta{ID: fid(n), Version: n%3 + 1, CreatedAt: at(n), UpdatedAt: at(n + 7)}
}

// tricky is text that CSV and JSON must carry unchanged: three scripts,
// ё, quotes, commas, semicolons, backslashes and a line break.
const tricky = "Ёлка, \"ёж\" и 中文;\nвторая строка \\ R&D <b>"

// fixtures returns a set of records of every kind, in dependency order,
// with every optional field filled in some records and empty in others.
func fixtures() []amur.Record {
	full := amur.Text{ZH: "中俄科技创新年", RU: "Годы научно-технического сотрудничества, «ё»", EN: tricky, Orig: amur.RU, Machine: []amur.Lang{amur.EN, amur.ZH}}
	f1 := &amur.Field{Meta: meta(1), Label: amur.T("en", "Natural sciences", "ru", "Естественные науки", "zh", "自然科学")}
	f11 := &amur.Field{Meta: meta(2), Label: full, Parent: "1"}
	f11.ID = "1.1"
	f1.ID = "1"
	f3 := &amur.Field{Meta: meta(3), Label: amur.T("en", "Vaccines"), Parent: "1.1"}
	f3.ID = "1.1.vaccines"
	prog := &amur.Program{Meta: meta(10), Slug: "cn-ru-2020", Name: full, Description: amur.T("zh", tricky),
		Sides: []string{"CN", "RU"}, Languages: []amur.Lang{amur.ZH, amur.RU, amur.EN},
		Start: amur.MustDate("2020-08"), End: amur.MustDate("2021-12-31"),
		Goals:          []amur.Goal{{Metric: "activities", Target: 1000, Label: full}, {Metric: "joint-projects", Target: 5}},
		PriorityFields: []string{"1", "1.1"}}
	prog2 := &amur.Program{Meta: meta(11), Slug: "bare", Name: amur.T("en", "Bare"), Sides: []string{"CN", "RU"}, Start: amur.MustDate("2022")}
	parent := &amur.Organization{Meta: meta(20), Name: full, Aliases: []string{"Alias; with semicolon", `back\slash`, "Пекинский университет"},
		Acronyms: []string{"PKU", "北大"}, Kind: amur.University, Country: "CN", City: amur.T("zh", "北京", "en", "Beijing"),
		ROR: "02v51f717", Website: "https://www.pku.edu.cn/", Synthetic: true,
		Provenance: amur.Provenance{Source: "orgs.csv", Line: 7, EnteredBy: "Иван Ёжиков"}}
	child := &amur.Organization{Meta: meta(21), Name: amur.T("ru", "Объединённый институт, \"ОИЯИ\""), Kind: amur.Institute,
		Country: "RU", ParentID: fid(20)}
	bare := &amur.Organization{Meta: meta(22), Name: amur.T("en", "Bare"), Kind: amur.OtherOrgKind, Country: "KZ"}
	zhang := &amur.Person{Meta: meta(30), Native: amur.PersonName{Family: "张", Given: "平文"}, Latin: amur.PersonName{Family: "Zhang", Given: "Pingwen"},
		Aliases: []string{"P. Zhang", "Zhang;P"}, Country: "CN", ORCID: "0000-0002-1825-0097", Expertise: full,
		Keywords: []string{"mathematics", "数学", "математика"}, Contact: amur.Contact{Email: "zhang@example.org", Phone: "+86 10 6275 1234"},
		Affiliations: []amur.Affiliation{{OrgID: fid(20), Title: full, From: amur.MustDate("2015"), To: amur.MustDate("2021-06")}, {OrgID: fid(21)}},
		Provenance:   amur.Provenance{Source: "people.jsonl", Line: 2}}
	semin := &amur.Person{Meta: meta(31), Native: amur.PersonName{Family: "Сёмин", Given: "Алексей", Patronymic: "Алексеевич"}, Country: "RU", Synthetic: true}
	lat := &amur.Person{Meta: meta(32), Latin: amur.PersonName{Given: "Ann"}, Country: "RU"}
	nica := &amur.Flagship{Meta: meta(40), ProgramID: fid(10), Slug: "nica", Name: full, Description: amur.T("en", tricky),
		Fields: []string{"1.1"}, OrgIDs: []string{fid(20), fid(21)}, Location: amur.T("ru", "Дубна"), Website: "https://nica.jinr.ru/",
		Provenance: amur.Provenance{EnteredBy: "editor"}}
	flag2 := &amur.Flagship{Meta: meta(41), Slug: "bare", Name: amur.T("zh", "空")}
	act := &amur.Activity{Meta: meta(50), ProgramID: fid(10), Title: full, Description: amur.T("ru", tricky, "en", "Second, \"quoted\""),
		Type: amur.Forum, Status: amur.Held, Fields: []string{"1.1", "1.1.vaccines"},
		Start: amur.MustMoment("2020-08-26T15:00"), End: amur.MustMoment("2020-08-27"), Zone: "Europe/Moscow", Format: amur.Hybrid,
		VideoURL: "https://example.org/v?a=1&b=2", Location: amur.T("zh", "北京", "ru", "Пекин"), Sides: []string{"CN", "RU", "KZ"},
		Participants: []amur.Participant{{OrgID: fid(20), Side: "CN", Role: amur.Organiser}, {PersonID: fid(31), Side: "RU", Role: amur.Speaker}},
		Outcomes: []amur.Outcome{{Kind: amur.Agreement, Title: full, Ref: "10.1000/xyz;1", Date: amur.MustDate("2020-09")},
			{Kind: amur.OtherResult, Title: amur.T("en", "x")}},
		FlagshipID: fid(40), Provenance: amur.Provenance{Source: "acts.csv", Line: 12, EnteredBy: "import"}, Synthetic: true}
	act2 := &amur.Activity{Meta: meta(51), Title: amur.T("en", "Bare"), Type: amur.OtherActivityType, Status: amur.Planned,
		Start: amur.MustMoment("2021"), Format: amur.Online, Sides: []string{"CN"}, Draft: true}
	entry := &amur.TimelineEntry{Meta: meta(60), ProgramID: fid(10), Date: amur.MustDate("2020-08-26"), Kind: amur.CeremonyEntry,
		Title: full, Summary: amur.T("ru", tricky), PersonIDs: []string{fid(30), fid(31)}, OrgIDs: []string{fid(21)},
		FlagshipID: fid(40), ActivityID: fid(50),
		Sources:    []amur.Source{{Title: tricky, URL: "https://example.org/news/1", File: "news.txt", Start: 10, End: 20, Published: amur.MustDate("2020-08-27")}, {File: "a.pdf"}},
		Provenance: amur.Provenance{Source: "press"}}
	entry2 := &amur.TimelineEntry{Meta: meta(61), Date: amur.MustDate("2021"), Kind: amur.OtherEntry, Title: amur.T("en", "Bare")}
	return []amur.Record{f1, f11, f3, prog, prog2, parent, child, bare, zhang, semin, lat, nica, flag2, act, act2, entry, entry2}
}

// load puts recs into s in one bulk, preparing each first.
func load(tb testing.TB, s amur.Store, recs []amur.Record) {
	tb.Helper()
	err := s.Bulk(context.Background(), func(w amur.BulkWriter) error {
		for _, r := range recs {
			if err := amur.Prepare(r); err != nil {
				return fmt.Errorf("%s %s: %w", r.RecordKind(), r.Base().ID, err)
			}
			if err := w.Put(r); err != nil {
				return fmt.Errorf("%s %s: %w", r.RecordKind(), r.Base().ID, err)
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("load: %v", err)
	}
}

// dialects returns an opener of fresh stores for every database the tests
// can reach: SQLite always, PostgreSQL when AMUR_TEST_POSTGRES is set.
func dialects() map[string]func(testing.TB) amur.Store {
	out := map[string]func(testing.TB) amur.Store{"sqlite": freshStore}
	if os.Getenv(testkit.PostgresEnv) != "" {
		out["postgres"] = func(tb testing.TB) amur.Store { return testkit.MustOpenPostgres(tb) }
	}
	return out
}

// freshStore returns an empty migrated SQLite store.
func freshStore(tb testing.TB) amur.Store {
	tb.Helper()
	return testkit.MustOpenStore(tb)
}
