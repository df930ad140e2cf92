package transfer

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"amur"
	"amur/i18n"
)

func TestAllOrNothing(t *testing.T) {
	tests := []struct {
		name   string
		kind   amur.Kind
		format Format
		input  func(t *testing.T) string
		field  string
	}{
		{"fields csv", amur.KindField, CSV, func(*testing.T) string {
			return "id,label_en,label_ru\n2,Engineering,Техника\n2.1,,\n2.2,Electrical,\n2.3,Mechanical,Механика\n"
		}, "label"},
		{"activities jsonl", amur.KindActivity, JSONL, func(t *testing.T) string {
			bad := jsonLine(t, 103, func(o map[string]any) { o["type"] = "party" })
			return lines(jsonLine(t, 101, nil), jsonLine(t, 102, nil), bad, jsonLine(t, 104, nil), jsonLine(t, 105, nil))
		}, "type"},
		{"activities csv", amur.KindActivity, CSV, func(*testing.T) string {
			return actCSV(row(101), row(102, "start=2021-02-29"), row(103), row(104))
		}, "start"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := freshStore(t)
			// The store holds the fixtures of the kinds tt.kind may refer to.
			var base []amur.Record
			for _, r := range fixtures() {
				if slices.Index(amur.Kinds, r.RecordKind()) < slices.Index(amur.Kinds, tt.kind) {
					base = append(base, r)
				}
			}
			if len(base) > 0 {
				load(t, s, base)
			}
			input := tt.input(t)
			_, err := Import(context.Background(), s, tt.kind, tt.format, strings.NewReader(input), ImportOptions{})
			var e *amur.Error
			if !errors.As(err, &e) || e.Line != 3 || e.Field != tt.field {
				t.Fatalf("Import error = %v; want line 3, field %q", err, tt.field)
			}
			if n, err := s.Count(context.Background(), tt.kind); err != nil || n != 0 {
				t.Errorf("Count(%s) = %d, %v after a failed import; want 0", tt.kind, n, err)
			}
		})
	}
}

func TestErrorMessages(t *testing.T) {
	s := freshStore(t)
	load(t, s, fixtures())
	input := actCSV(row(101), row(102, "start=2021-02-30"))
	_, err := Import(context.Background(), s, amur.KindActivity, CSV, strings.NewReader(input), ImportOptions{})
	tests := []struct {
		lang amur.Lang
		want string
	}{
		{amur.EN, `line 3, field "start": "2021-02-30" is not a date or a local time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)`},
		{amur.RU, `строка 3, поле «start»: «2021-02-30» не является датой или местным временем (ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ)`},
		{amur.ZH, `第3行，字段“start”：“2021-02-30”不是日期或当地时间（YYYY-MM-DD或YYYY-MM-DDTHH:MM）`},
	}
	for _, tt := range tests {
		if got := i18n.Message(tt.lang, err); got != tt.want {
			t.Errorf("Message(%s) = %q\nwant %q", tt.lang, got, tt.want)
		}
	}
}

func TestProgress(t *testing.T) {
	s := freshStore(t)
	load(t, s, fixtures())
	const n = 1300
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = row(1000 + i)
	}
	input := actCSV(rows...)
	var calls []int
	var last int64
	got, err := Import(context.Background(), s, amur.KindActivity, CSV, strings.NewReader(input), ImportOptions{
		Progress: func(records int, bytes int64) {
			calls = append(calls, records)
			last = bytes
		},
	})
	if err != nil || got != n {
		t.Fatalf("Import = %d, %v; want %d", got, err, n)
	}
	if len(calls) < 3 || calls[len(calls)-1] != n {
		t.Fatalf("progress calls = %v; want several, ending at %d", calls, n)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i] < calls[i-1] {
			t.Errorf("progress went back from %d to %d", calls[i-1], calls[i])
		}
	}
	if last != int64(len(input)) {
		t.Errorf("last progress reported %d bytes; the input has %d", last, len(input))
	}
}

func TestProvenance(t *testing.T) {
	s := freshStore(t)
	load(t, s, fixtures())
	input := lines(
		jsonLine(t, 101, nil),
		jsonLine(t, 102, func(o map[string]any) { o["provenance"] = map[string]any{"source": "earlier.csv", "line": 9} }),
	)
	_, err := Import(context.Background(), s, amur.KindActivity, JSONL, strings.NewReader(input),
		ImportOptions{Source: "new.jsonl", EnteredBy: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]amur.Provenance{
		fid(101): {Source: "new.jsonl", Line: 1, EnteredBy: "tester"},
		fid(102): {Source: "earlier.csv", Line: 9},
	}
	for id, p := range want {
		a, err := s.Activity(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if a.Provenance != p {
			t.Errorf("%s provenance = %+v, want %+v", id, a.Provenance, p)
		}
	}
}

func TestImportAcceptsLooseCSV(t *testing.T) {
	s := freshStore(t)
	load(t, s, fixtures())
	// A byte order mark, columns in another order, spaces and capitals in
	// the header, most columns left out and CRLF line ends.
	input := "\uFEFFStart , TITLE_RU,type,status,format,sides,title_machine\r\n" +
		"2020-09-01,\"Семинар, «ёж»\",training,planned,online,CN;RU,\r\n" +
		"2020-09-02T10:00,Форум,forum,held,hybrid,RU,en\r\n"
	n, err := Import(context.Background(), s, amur.KindActivity, CSV, strings.NewReader(input), ImportOptions{})
	if err != nil || n != 2 {
		t.Fatalf("Import = %d, %v; want 2", n, err)
	}
	var b bytes.Buffer
	if _, err := Export(context.Background(), s, amur.KindActivity, JSONL, &b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"ru":"Семинар, «ёж»"`, `"start":"2020-09-02T10:00"`, `"sides":["CN","RU"]`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("export lacks %s:\n%s", want, b.String())
		}
	}
}

func TestFormatFromName(t *testing.T) {
	tests := []struct {
		name string
		want Format
		ok   bool
	}{
		{"acts.csv", CSV, true},
		{"/tmp/Acts.JSON", JSON, true},
		{"a.b.jsonl", JSONL, true},
		{"x.ndjson", JSONL, true},
		{"x.xlsx", "", false},
		{"csv", "", false},
	}
	for _, tt := range tests {
		got, err := FormatFromName(tt.name)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("FormatFromName(%q) = %q, %v; want %q, ok %v", tt.name, got, err, tt.want, tt.ok)
		}
		if err != nil && amur.ErrorCode(err) != amur.EInvalid {
			t.Errorf("FormatFromName(%q) error code = %s", tt.name, amur.ErrorCode(err))
		}
	}
}

func TestUnknownKindAndFormat(t *testing.T) {
	s := freshStore(t)
	if _, err := Import(context.Background(), s, "widgets", CSV, strings.NewReader("id\n"), ImportOptions{}); amur.ErrorCode(err) != amur.EInvalid {
		t.Errorf("Import of kind widgets: %v; want invalid", err)
	}
	if _, err := Export(context.Background(), s, amur.KindField, "xml", &bytes.Buffer{}); amur.ErrorCode(err) != amur.EInvalid {
		t.Errorf("Export as xml: %v; want invalid", err)
	}
}
