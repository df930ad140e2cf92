package transfer

import (
	"context"
	"errors"
	"strings"
	"testing"

	"amur"
)

// badCase is an import that must fail with the given code, message key,
// line and field, storing nothing.
type badCase struct {
	name   string
	kind   amur.Kind
	format Format
	input  string
	max    int64
	code   string
	key    string
	line   int
	field  string
}

// csvCases are the bad CSV files.
func csvCases() []badCase {
	A := amur.KindActivity
	orgCSV := "id,name_en,kind,country,ror,parent_id\n"
	return []badCase{
		{"column count", A, CSV, actCSV(row(101), row(102)[:3], row(103)), 0, amur.EInvalid, "err.csv_columns", 3, ""},
		{"unknown column", A, CSV, "id,title_en,colour\n1,2,3\n", 0, amur.EInvalid, "err.csv_header", 1, ""},
		{"repeated column", A, CSV, "id,title_en,Title_EN\n1,2,3\n", 0, amur.EInvalid, "err.csv_header_duplicate", 1, ""},
		{"bad quoting", A, CSV, actCSV(row(101)) + fid(102) + `,x,"Forum "quoted" badly",forum` + "\n" + csvLine(row(103)), 0, amur.EInvalid, "err.csv_syntax", 3, ""},
		{"impossible start", A, CSV, actCSV(row(101), row(102, "start=2021-02-30"), row(103)), 0, amur.EInvalid, "err.moment", 3, "start"},
		{"impossible date", amur.KindTimeline, CSV, "id,date,kind,title_en\n" + fid(101) + ",2021-01-01,call,A\n" + fid(102) + ",2021-02-30,call,B\n", 0, amur.EInvalid, "err.date", 3, "date"},
		{"unknown type", A, CSV, actCSV(row(101), row(102, "type=party")), 0, amur.EInvalid, "err.enum", 3, "type"},
		{"no title", A, CSV, actCSV(row(101), row(102, "title_en=  ")), 0, amur.EInvalid, "err.text_empty", 3, "title"},
		{"invalid UTF-8", A, CSV, actCSV(row(101), row(102, "title_en=caf\xe9")), 0, amur.EInvalid, "err.utf8", 3, "title.en"},
		{"control character", A, CSV, actCSV(row(101), row(102, "title_en=a\x07b")), 0, amur.EInvalid, "err.control_chars", 3, "title.en"},
		{"empty input", A, CSV, "", 0, amur.EInvalid, "err.empty_input", 0, ""},
		{"header only", A, CSV, strings.Join(actHeader, ",") + "\n", 0, amur.EInvalid, "err.empty_input", 0, ""},
		{"too large", A, CSV, actCSV(row(101), row(102), row(103)), 400, amur.ETooLarge, "err.file_too_large", 0, ""},
		{"id repeated in the file", A, CSV, actCSV(row(101), row(101)), 0, amur.EConflict, "err.duplicate", 3, "id"},
		{"id already stored", A, CSV, actCSV(row(101), row(50)), 0, amur.EConflict, "err.duplicate", 3, "id"},
		{"unknown field code", A, CSV, actCSV(row(101), row(102, "fields=1.1;2.3")), 0, amur.EInvalid, "err.ref", 3, "fields"},
		{"unknown participant", A, CSV, actCSV(row(101), row(102, "participants=org:"+fid(20)+":CN:organiser;org:"+fid(999)+":RU:partner")), 0, amur.EInvalid, "err.ref", 3, "participants[1].org_id"},
		{"unknown program", A, CSV, actCSV(row(101), row(102, "program_id="+fid(998))), 0, amur.EInvalid, "err.ref", 3, "program_id"},
		{"participant syntax", A, CSV, actCSV(row(101), row(102, "participants=boss:1")), 0, amur.EInvalid, "err.participant_format", 3, "participants[0]"},
		{"outcome date", A, CSV, actCSV(row(101), row(102, `outcomes=[{"kind":"agreement","title":{"en":"x"},"date":"2021-02-30"}]`)), 0, amur.EInvalid, "err.date", 3, "outcomes[0].date"},
		{"outcome field", A, CSV, actCSV(row(101), row(102, `outcomes=[{"kind":"patent","title":{"en":"x"}},{"colour":1}]`)), 0, amur.EInvalid, "err.json_unknown", 3, "outcomes[1].colour"},
		{"version", A, CSV, actCSV(row(101), row(102, "version=two")), 0, amur.EInvalid, "err.integer", 3, "version"},
		{"synthetic", A, CSV, actCSV(row(101), row(102, "synthetic=maybe")), 0, amur.EInvalid, "err.boolean", 3, "synthetic"},
		{"created_at", A, CSV, actCSV(row(101), row(102, "created_at=yesterday")), 0, amur.EInvalid, "err.timestamp", 3, "created_at"},
		{"ROR repeated in the file", amur.KindOrganization, CSV, orgCSV + fid(101) + ",A,fund,CN,010pmpe69,\n" + fid(102) + ",B,fund,RU,https://ror.org/010PMPE69,\n", 0, amur.EConflict, "err.duplicate", 3, "ror"},
		{"ROR already stored", amur.KindOrganization, CSV, orgCSV + fid(101) + ",A,fund,CN,010pmpe69,\n" + fid(102) + ",B,fund,RU,02v51f717,\n", 0, amur.EConflict, "err.duplicate", 3, "ror"},
		{"parent later in the file", amur.KindOrganization, CSV, orgCSV + fid(101) + ",A,fund,CN,," + fid(102) + "\n" + fid(102) + ",B,fund,RU,,\n", 0, amur.EInvalid, "err.ref", 2, "parent_id"},
		{"ORCID repeated in the file", amur.KindPerson, CSV, "latin_family,country,orcid\nA,CN,0000-0001-5109-3700\nB,RU,0000-0001-5109-3700\n", 0, amur.EConflict, "err.duplicate", 3, "orcid"},
		{"field code repeated", amur.KindField, CSV, "id,label_en\n2,Engineering\n2,Again\n", 0, amur.EConflict, "err.duplicate", 3, "id"},
		{"field code stored", amur.KindField, CSV, "id,label_en\n2,Engineering\n1.1,Again\n", 0, amur.EConflict, "err.duplicate", 3, "id"},
		{"unknown parent field", amur.KindField, CSV, "id,label_en,parent\n2,Engineering,\n2.3,Mechanical,4\n", 0, amur.EInvalid, "err.ref", 3, "parent"},
	}
}

// jsonCases are the bad JSON and JSON Lines files.
func jsonCases(t *testing.T) []badCase {
	A := amur.KindActivity
	good := func(n int) string { return jsonLine(t, n, nil) }
	edit := func(n int, f func(map[string]any)) string { return jsonLine(t, n, f) }
	bad := strings.Replace(good(102), `"en":"Activity"`, "\"ru\":\"\xff\"", 1)
	return []badCase{
		{"syntax", A, JSONL, lines(good(101), `{"title": }`, good(103)), 0, amur.EInvalid, "err.json", 2, "title"},
		{"not an object", A, JSONL, lines(good(101), good(102), `[1]`), 0, amur.EInvalid, "err.json", 3, ""},
		{"unknown field", A, JSONL, lines(good(101), edit(102, func(o map[string]any) { o["colour"] = "red" })), 0, amur.EInvalid, "err.json_unknown", 2, "colour"},
		{"unknown language", A, JSONL, lines(good(101), edit(102, func(o map[string]any) { o["title"] = map[string]any{"fr": "x"} })), 0, amur.EInvalid, "err.json_unknown", 2, "title.fr"},
		{"wrong type", A, JSONL, lines(good(101), edit(102, func(o map[string]any) { o["fields"] = "1.1" })), 0, amur.EInvalid, "err.json_type", 2, "fields"},
		{"wrong nested type", A, JSONL, lines(good(101), edit(102, func(o map[string]any) {
			o["participants"].([]any)[1].(map[string]any)["side"] = 7
		})), 0, amur.EInvalid, "err.json_type", 2, "participants[1].side"},
		{"impossible start", A, JSONL, lines(good(101), good(102), edit(103, func(o map[string]any) { o["start"] = "2021-02-30" })), 0, amur.EInvalid, "err.moment", 3, "start"},
		{"invalid UTF-8", A, JSONL, lines(good(101), bad), 0, amur.EInvalid, "err.utf8", 2, "title.ru"},
		{"control character", A, JSONL, lines(good(101), edit(102, func(o map[string]any) { o["title"] = map[string]any{"en": "a\u0001"} })), 0, amur.EInvalid, "err.control_chars", 2, "title.en"},
		{"unknown person", A, JSONL, lines(good(101), edit(102, func(o map[string]any) {
			o["participants"].([]any)[1].(map[string]any)["person_id"] = fid(997)
		})), 0, amur.EInvalid, "err.ref", 2, "participants[1].person_id"},
		{"too large", A, JSONL, lines(good(101), good(102), good(103)), 500, amur.ETooLarge, "err.file_too_large", 0, ""},
		{"empty", A, JSONL, "\n  \n", 0, amur.EInvalid, "err.empty_input", 0, ""},
		{"unterminated", A, JSONL, good(101) + "\n" + good(102)[:40], 0, amur.EInvalid, "err.json", 2, ""},
		{"array: object on line 4", A, JSON, "[\n" + good(101) + ",\n" + good(102) + ",\n{\n\"title\": {\"en\": \"x\"},\n\"start\": \"2021-02-30\"\n}\n]\n", 0, amur.EInvalid, "err.moment", 4, "start"},
		{"array: not an array", A, JSON, good(101), 0, amur.EInvalid, "err.json", 1, ""},
		{"array: no closing bracket", A, JSON, "[\n" + good(101) + "\n", 0, amur.EInvalid, "err.json", 3, ""},
		{"array: trailing data", A, JSON, "[\n" + good(101) + "\n]\n{}\n", 0, amur.EInvalid, "err.json", 4, ""},
		{"array: missing comma", A, JSON, "[\n" + good(101) + "\n" + good(102) + "\n]\n", 0, amur.EInvalid, "err.json", 3, ""},
		{"array: empty", A, JSON, "[]", 0, amur.EInvalid, "err.empty_input", 0, ""},
		{"array: id repeated", A, JSON, "[" + good(101) + ",\n" + good(101) + "]", 0, amur.EConflict, "err.duplicate", 2, "id"},
	}
}

// counts returns the number of stored records of every kind.
func counts(t *testing.T, s amur.Store) map[amur.Kind]int {
	t.Helper()
	out := map[amur.Kind]int{}
	for _, k := range amur.Kinds {
		n, err := s.Count(context.Background(), k)
		if err != nil {
			t.Fatal(err)
		}
		out[k] = n
	}
	return out
}

func TestImportRejects(t *testing.T) {
	for name, open := range dialects() {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			load(t, s, fixtures())
			for _, tc := range append(csvCases(), jsonCases(t)...) {
				t.Run(string(tc.format)+"/"+tc.name, func(t *testing.T) { expectReject(t, s, tc) })
			}
		})
	}
}

// expectReject imports the file of tc into s and checks the error and
// that s still holds what it held before.
func expectReject(t *testing.T, s amur.Store, tc badCase) {
	t.Helper()
	before := counts(t, s)
	n, err := Import(context.Background(), s, tc.kind, tc.format, strings.NewReader(tc.input), ImportOptions{MaxBytes: tc.max})
	var e *amur.Error
	if !errors.As(err, &e) {
		t.Fatalf("Import = %d, %v; want an *amur.Error", n, err)
	}
	if e.Code != tc.code || e.Key != tc.key || e.Line != tc.line || e.Field != tc.field {
		t.Errorf("error = %s\nwant code %s, key %s, line %d, field %q", e, tc.code, tc.key, tc.line, tc.field)
	}
	if n != 0 {
		t.Errorf("Import returned %d stored records with an error", n)
	}
	for k, got := range counts(t, s) {
		if got != before[k] {
			t.Errorf("%s: %d records stored, want %d", k, got, before[k])
		}
	}
}
