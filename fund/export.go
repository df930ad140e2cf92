package fund

import (
	"cmp"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"amur"
	"amur/i18n"
)

// Decision is one decided proposal as the funding list and the decision
// letters show it.
type Decision struct {
	Rank       int               `json:"rank"`
	ProposalID string            `json:"proposal_id"`
	Title      amur.Text         `json:"title"`
	Score      float64           `json:"score"`
	Funded     bool              `json:"funded"`
	Awards     []amur.Award      `json:"awards"`
	Team       []amur.TeamMember `json:"-"`
	Budget     map[string]int64  `json:"budget"`
}

// Decisions lists the decided proposals of a call, funded first, each
// group by score, for the offices.
func (s *Service) Decisions(ctx context.Context, callID string) (*amur.FundCall, []Decision, error) {
	if err := s.offices(ctx); err != nil {
		return nil, nil, err
	}
	var c *amur.FundCall
	var out []Decision
	err := s.store.FundRead(ctx, func(tx amur.FundTx) error {
		var err error
		if c, err = getCall(tx, callID); err != nil {
			return err
		}
		props, err := amur.FundList[amur.Proposal](tx, amur.KindProposal, amur.FundFilter{CallID: callID})
		if err != nil {
			return err
		}
		for _, funded := range []bool{true, false} {
			out = append(out, decided(props, funded)...)
		}
		return nil
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return c, out, err
}

// decided returns the proposals funded (or declined), best score first.
func decided(props []*amur.Proposal, funded bool) []Decision {
	want := amur.Declined
	if funded {
		want = amur.Funded
	}
	var out []Decision
	for _, p := range props {
		if p.Status != want {
			continue
		}
		d := Decision{ProposalID: p.ID, Title: p.Title, Score: score(p), Funded: funded, Awards: p.Awards,
			Team: p.Team, Budget: map[string]int64{}}
		for _, side := range amur.FundSides {
			d.Budget[side] = p.Total(side)
		}
		out = append(out, d)
	}
	sortByScore(out)
	return out
}

// sortByScore orders decisions by score, best first, stably.
func sortByScore(ds []Decision) {
	slices.SortStableFunc(ds, func(a, b Decision) int { return cmp.Compare(b.Score, a.Score) })
}

// listHeader is the header of the funding list, as message keys.
var listHeader = []string{"fund.col.rank", "fund.col.proposal", "fund.col.title", "fund.col.lead_cn",
	"fund.col.lead_ru", "fund.col.score", "fund.col.cny", "fund.col.rub", "fund.col.decision"}

// listRows renders the funding list in language l, header first.
func listRows(l amur.Lang, ds []Decision) [][]string {
	rows := [][]string{make([]string, len(listHeader))}
	for i, k := range listHeader {
		rows[0][i] = i18n.T(l, k)
	}
	for _, d := range ds {
		title, _, _ := d.Title.In(l)
		decision := i18n.T(l, "fund.decision.declined")
		if d.Funded {
			decision = i18n.T(l, "fund.decision.funded")
		}
		rows = append(rows, []string{strconv.Itoa(d.Rank), d.ProposalID, title, lead(d, amur.SideCN), lead(d, amur.SideRU),
			strconv.FormatFloat(d.Score, 'f', 2, 64), strconv.FormatInt(award(d, amur.SideCN), 10),
			strconv.FormatInt(award(d, amur.SideRU), 10), decision})
	}
	return rows
}

// lead returns the name of side's lead of a decision.
func lead(d Decision, side string) string {
	for _, m := range d.Team {
		if m.Side == side && m.Role == amur.LeadRole {
			return m.Name
		}
	}
	return ""
}

// award returns what side pays a decision, 0 when nothing.
func award(d Decision, side string) int64 {
	for _, a := range d.Awards {
		if a.Side == side {
			return a.Amount
		}
	}
	return 0
}

// letterRows renders one decision letter per side's lead of every
// decision: each agency writes to its own team, in its own currency.
func letterRows(l amur.Lang, c *amur.FundCall, ds []Decision) [][]string {
	rows := [][]string{{i18n.T(l, "fund.col.proposal"), i18n.T(l, "fund.col.side"), i18n.T(l, "fund.col.addressee"), i18n.T(l, "fund.col.letter")}}
	callTitle, _, _ := c.Title.In(l)
	for _, d := range ds {
		title, _, _ := d.Title.In(l)
		for _, side := range amur.FundSides {
			name := lead(d, side)
			if name == "" {
				continue
			}
			var text string
			if d.Funded {
				text = i18n.T(l, "fund.letter.funded", "lead", name, "title", title, "call", callTitle,
					"amount", i18n.Number(l, int(award(d, side))), "currency", amur.Currency(side))
			} else {
				text = i18n.T(l, "fund.letter.declined", "lead", name, "title", title, "call", callTitle)
			}
			rows = append(rows, []string{d.ProposalID, side, name, text})
		}
	}
	return rows
}

// WriteCSV writes the funding list of a call's decisions as CSV.
func WriteCSV(w io.Writer, l amur.Lang, ds []Decision) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(listRows(l, ds)); err != nil {
		return fmt.Errorf("fund: csv: %w", err)
	}
	return nil
}

// WriteLettersCSV writes the decision letters as CSV.
func WriteLettersCSV(w io.Writer, l amur.Lang, c *amur.FundCall, ds []Decision) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(letterRows(l, c, ds)); err != nil {
		return fmt.Errorf("fund: csv: %w", err)
	}
	return nil
}

// Sheet names of the XLSX export.
const (
	SheetList    = "funding"
	SheetLetters = "letters"
)

// WriteXLSX writes the funding list and the decision letters as a
// workbook of two sheets.
func WriteXLSX(w io.Writer, l amur.Lang, c *amur.FundCall, ds []Decision) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	if err := f.SetSheetName("Sheet1", SheetList); err != nil {
		return err
	}
	if _, err := f.NewSheet(SheetLetters); err != nil {
		return err
	}
	for sheet, rows := range map[string][][]string{SheetList: listRows(l, ds), SheetLetters: letterRows(l, c, ds)} {
		for i, row := range rows {
			cell, err := excelize.CoordinatesToCellName(1, i+1)
			if err != nil {
				return err
			}
			vals := make([]any, len(row))
			for j, v := range row {
				vals[j] = v
				if n, perr := strconv.ParseFloat(v, 64); perr == nil && i > 0 && sheet == SheetList && j != 1 {
					vals[j] = n
				}
			}
			if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
				return err
			}
		}
	}
	_, err = f.WriteTo(w)
	return err
}
