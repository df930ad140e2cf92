package transfer

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"amur"
)

// benchN is the number of activities of an import benchmark, from
// AMUR_BENCH_N (default 20,000).
func benchN(b *testing.B) int {
	if v := os.Getenv("AMUR_BENCH_N"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			b.Fatalf("AMUR_BENCH_N=%q is not a positive number", v)
		}
		return n
	}
	return 20_000
}

// benchBase returns the records an activity benchmark refers to: the
// fixtures plus 500 organisations and 500 people.
func benchBase() []amur.Record {
	recs := fixtures()
	for i := range 500 {
		recs = append(recs, &amur.Organization{Meta: amur.Meta{ID: fid(100_000 + i)}, Name: amur.T("ru", "Институт №"+strconv.Itoa(i)),
			Kind: amur.Institute, Country: []string{"CN", "RU"}[i%2]})
	}
	for i := range 500 {
		recs = append(recs, &amur.Person{Meta: amur.Meta{ID: fid(200_000 + i)}, Latin: amur.PersonName{Family: "Li", Given: strconv.Itoa(i)},
			Country: []string{"CN", "RU"}[i%2]})
	}
	return recs
}

// benchActivity returns the i-th synthetic activity of a benchmark file.
func benchActivity(r *rand.Rand, i int) *amur.Activity {
	n := strconv.Itoa(i)
	a := &amur.Activity{
		Meta:        amur.Meta{ID: fid(1_000_000 + i), Version: 1, CreatedAt: at(i), UpdatedAt: at(i)},
		Title:       amur.Text{ZH: "中俄联合研究项目第" + n + "号", RU: "Совместный проект №" + n + ", «ёмкость»", EN: "Joint project No. " + n, Orig: amur.ZH, Machine: []amur.Lang{amur.EN}},
		Description: amur.T("ru", "Описание проекта: сотрудничество в области науки, \"кавычки\" и запятые, строка "+n),
		Type:        amur.ActivityTypes[r.IntN(len(amur.ActivityTypes))], Status: amur.ActivityStatuses[r.IntN(len(amur.ActivityStatuses))],
		Fields: []string{[]string{"1", "1.1", "1.1.vaccines"}[r.IntN(3)]},
		Start:  amur.Moment{Date: amur.Date{Y: 2020 + r.IntN(2), M: 1 + r.IntN(12), D: 1 + r.IntN(28)}},
		Zone:   []string{"Asia/Shanghai", "Europe/Moscow"}[r.IntN(2)], Format: amur.Formats[r.IntN(len(amur.Formats))],
		Location: amur.T("zh", "北京"),
		Participants: []amur.Participant{
			{OrgID: fid(100_000 + r.IntN(500)), Side: "CN", Role: amur.Organiser},
			{OrgID: fid(100_000 + r.IntN(500)), Side: "RU", Role: amur.Partner},
			{PersonID: fid(200_000 + r.IntN(500)), Side: "RU", Role: amur.Speaker},
		},
		Provenance: amur.Provenance{Source: "bench", Line: i + 2},
	}
	a.Normalize()
	return a
}

// benchFile writes n synthetic activities in format f to a temporary file
// and returns its path and size.
func benchFile(b *testing.B, f Format, n int) (string, int64) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "activities."+string(f))
	file, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	sink, err := newSink(f, amur.KindActivity, file)
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		if err := sink.write(benchActivity(r, i)); err != nil {
			b.Fatal(err)
		}
	}
	if err := sink.close(); err != nil {
		b.Fatal(err)
	}
	st, _ := file.Stat()
	file.Close()
	return path, st.Size()
}

// timed runs fn on the opened file at path and returns how long fn took.
func timed(b *testing.B, path string, fn func(io.Reader) error) time.Duration {
	b.Helper()
	file, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer file.Close()
	start := time.Now()
	if err := fn(bufio.NewReaderSize(file, 1<<20)); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// baseline is the plain parse of a file with the standard library and no
// checks or storing: encoding/csv rows, or one json.Unmarshal a line.
func baseline(f Format) func(io.Reader) error {
	if f == CSV {
		return func(r io.Reader) error {
			cr := csv.NewReader(r)
			cr.ReuseRecord = true
			for {
				if _, err := cr.Read(); err != nil {
					if errors.Is(err, io.EOF) {
						return nil
					}
					return err
				}
			}
		}
	}
	return func(r io.Reader) error {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<20), MaxRecordBytes)
		for sc.Scan() {
			var a amur.Activity
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				return err
			}
		}
		return sc.Err()
	}
}

// decodeOnly reads and prepares every record as an import does, without
// a store: what the import costs before the database.
func decodeOnly(f Format) func(io.Reader) error {
	return func(r io.Reader) error {
		src, err := newSource(f, amur.KindActivity, r, 0)
		if err != nil {
			return err
		}
		for {
			rec, line, err := src.next()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			if err := amur.Prepare(rec); err != nil {
				return amur.AtLine(err, line)
			}
		}
	}
}

// benchImport imports n activities in format f into a fresh SQLite store
// per iteration and reports activities a second for the import, for the
// decode alone and for the standard-library baseline, and their ratios.
func benchImport(b *testing.B, f Format) {
	n := benchN(b)
	path, size := benchFile(b, f, n)
	ctx := context.Background()
	var parse, decode, imp time.Duration
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		parse += timed(b, path, baseline(f))
		decode += timed(b, path, decodeOnly(f))
		s := freshStore(b)
		load(b, s, benchBase())
		b.StartTimer()
		imp += timed(b, path, func(r io.Reader) error {
			got, err := Import(ctx, s, amur.KindActivity, f, r, ImportOptions{Source: "bench"})
			if err == nil && got != n {
				err = fmt.Errorf("imported %d activities, want %d", got, n)
			}
			return err
		})
	}
	rate := func(d time.Duration) float64 { return float64(n*b.N) / d.Seconds() }
	b.ReportMetric(rate(imp), "activities/s")
	b.ReportMetric(rate(decode), "decode-only/s")
	b.ReportMetric(rate(parse), "stdlib-parse/s")
	b.ReportMetric(parse.Seconds()/imp.Seconds(), "import/parse-speed")
	b.ReportMetric(float64(size)/float64(n), "bytes/activity")
}

func BenchmarkImportActivitiesCSV(b *testing.B)   { benchImport(b, CSV) }
func BenchmarkImportActivitiesJSONL(b *testing.B) { benchImport(b, JSONL) }
