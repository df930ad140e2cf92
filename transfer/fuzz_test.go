package transfer

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"amur"
)

// fuzzImport imports data as activities in format f into a store that
// holds the fixtures and checks that the import either stored every
// record it reported or nothing at all, with a coded error. The store is
// shared by the iterations of one fuzz process: a successful import grows
// it, which later iterations must cope with too.
func fuzzImport(f *testing.F, format Format) {
	s := freshStore(f)
	load(f, s, fixtures())
	f.Fuzz(func(t *testing.T, data []byte) {
		before := counts(t, s)
		n, err := Import(context.Background(), s, amur.KindActivity, format, bytes.NewReader(data), ImportOptions{Source: "fuzz"})
		after := counts(t, s)
		for k := range before {
			want := before[k]
			if k == amur.KindActivity && err == nil {
				want += n
			}
			if after[k] != want {
				t.Fatalf("%s: %d records after the import, want %d (import: %d, %v)", k, after[k], want, n, err)
			}
		}
		if err == nil {
			if n == 0 {
				t.Fatal("a successful import stored nothing")
			}
			return
		}
		var e *amur.Error
		if !errors.As(err, &e) || e.Code == amur.EInternal {
			t.Fatalf("Import error %v is not a coded user error", err)
		}
	})
}

func FuzzImportCSV(f *testing.F) {
	f.Add([]byte(actCSV(row(101), row(102, "participants=org:"+fid(20)+":CN:organiser;person:"+fid(31)+":RU:speaker"))))
	fuzzImport(f, CSV)
}

func FuzzImportJSONL(f *testing.F) {
	f.Add([]byte(lines(`{"title":{"en":"A"},"type":"forum","status":"held","start":"2020","format":"online","sides":["CN"]}`)))
	fuzzImport(f, JSONL)
}
