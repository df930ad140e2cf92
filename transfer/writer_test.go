package transfer

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"amur"
	"amur/demo"
	"amur/internal/testkit"
)

// TestWriterMatchesExport checks that records written one at a time give
// the file Export gives for the same records, in every format, and that
// Columns and Row give the CSV layout.
func TestWriterMatchesExport(t *testing.T) {
	ctx := context.Background()
	db := testkit.MustOpenStore(t)
	if err := demo.Load(ctx, db, demo.Options{Activities: 20}); err != nil {
		t.Fatal(err)
	}
	for _, f := range Formats {
		var want, got bytes.Buffer
		if _, err := Export(ctx, db, amur.KindOrganization, f, &want); err != nil {
			t.Fatal(err)
		}
		w, err := NewWriter(amur.KindOrganization, f, &got)
		if err != nil {
			t.Fatal(err)
		}
		var first amur.Record
		err = db.Each(ctx, amur.KindOrganization, func(r amur.Record) error {
			if first == nil {
				first = r
			}
			return w.Write(r)
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: the writer's file differs from Export's", f)
		}
		if f == CSV {
			lines := strings.SplitN(got.String(), "\n", 3)
			if lines[0] != strings.Join(Columns(amur.KindOrganization), ",") {
				t.Errorf("Columns = %v, header %q", Columns(amur.KindOrganization), lines[0])
			}
			if row := Row(first); len(row) != len(Columns(amur.KindOrganization)) || !slices.Contains(row, first.Base().ID) {
				t.Errorf("Row = %v", row)
			}
		}
	}
	if _, err := NewWriter("nothing", CSV, &bytes.Buffer{}); amur.ErrorCode(err) != amur.EInvalid {
		t.Errorf("unknown kind: %v", err)
	}
}
