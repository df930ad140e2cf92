package events

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"amur"
)

// exportRows returns the participant list of an event as rows: a header,
// then one row per registration that is not cancelled, oldest first.
func (s *Service) exportRows(ctx context.Context, eventID string) ([][]string, error) {
	if err := mustManage(ctx); err != nil {
		return nil, err
	}
	e, err := s.store.Event(ctx, eventID)
	if err != nil {
		return nil, err
	}
	regs, err := s.Registrations(ctx, eventID)
	if err != nil {
		return nil, err
	}
	head := []string{"ticket", "status", "name", "email", "org", "registered_at"}
	for _, q := range e.Registration.Questions {
		head = append(head, q.Key)
	}
	rows := [][]string{head}
	for _, r := range regs {
		if r.Status == amur.RegCancelled {
			continue
		}
		row := []string{r.Ticket, string(r.Status), r.Name, r.Email, r.Org, r.CreatedAt.UTC().Format("2006-01-02T15:04:05Z")}
		for _, q := range e.Registration.Questions {
			row = append(row, r.Answers[q.Key])
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// ExportCSV writes the participant list as CSV (RFC 4180, UTF-8).
func (s *Service) ExportCSV(ctx context.Context, eventID string, w io.Writer) error {
	rows, err := s.exportRows(ctx, eventID)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	for _, r := range rows {
		if err := cw.Write(safeCells(r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ExportXLSX writes the participant list as an Excel workbook.
func (s *Service) ExportXLSX(ctx context.Context, eventID string, w io.Writer) (err error) {
	rows, err := s.exportRows(ctx, eventID)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	const sheet = "Participants"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		vals := make([]any, len(r))
		for j, v := range r {
			vals[j] = v
		}
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return fmt.Errorf("events: xlsx row %d: %w", i+1, err)
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// safeCells defuses cells that a spreadsheet would read as a formula
// (=, +, -, @ first): a participant's name must never run in an office's
// spreadsheet.
func safeCells(r []string) []string {
	out := make([]string, len(r))
	for i, v := range r {
		if v != "" && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@') {
			v = "'" + v
		}
		out[i] = v
	}
	return out
}
