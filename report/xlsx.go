package report

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// MaxSheetRows bounds the rows of one sheet: the XLSX format itself stops
// at 1,048,576.
const MaxSheetRows = 1_048_575

// WriteXLSX writes one sheet named sheet with a bold header row and the
// rows next yields until it returns false, streaming so that a long list
// is never a whole document in memory.
func WriteXLSX(w io.Writer, sheet string, header []string, next func() ([]string, bool, error)) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	if err := sw.SetRow("A1", cells(header, bold), excelize.RowOpts{StyleID: bold}); err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	for row := 2; row <= MaxSheetRows; row++ {
		vals, ok, err := next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		axis, _ := excelize.CoordinatesToCellName(1, row)
		if err := sw.SetRow(axis, cells(vals, 0)); err != nil {
			return fmt.Errorf("report: xlsx: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	return nil
}

// cells turns strings into stream-writer cells with a style.
func cells(vals []string, style int) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		if style != 0 {
			out[i] = excelize.Cell{StyleID: style, Value: v}
		} else {
			out[i] = v
		}
	}
	return out
}
