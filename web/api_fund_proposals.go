package web

import (
	"bytes"
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"

	"amur"
	"amur/fund"
)

// handleFundExport answers GET /api/v1/fund/calls/{id}/export: the funding
// list (part=list) or the decision letters (part=letters) of a decided
// call as CSV, or both as one XLSX workbook, in the reader's language.
func (s *Server) handleFundExport(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	format := enums(q, "format", []string{"csv", "xlsx"})
	part := enums(q, "part", []string{"list", "letters"})
	if err := q.finish(); err != nil {
		s.fail(w, r, err)
		return
	}
	c, ds, err := s.fund.Decisions(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	l := requestLang(r)
	var buf bytes.Buffer
	typ, name := "text/csv; charset=utf-8", "funding.csv"
	switch {
	case len(format) > 0 && format[0] == "xlsx":
		typ, name = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "funding.xlsx"
		err = fund.WriteXLSX(&buf, l, c, ds)
	case len(part) > 0 && part[0] == "letters":
		name = "letters.csv"
		err = fund.WriteLettersCSV(&buf, l, c, ds)
	default:
		err = fund.WriteCSV(&buf, l, ds)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Content-Language", string(l))
	w.WriteHeader(http.StatusOK)
	w.Write(buf.Bytes())
}

// handleFundProposalCreate answers POST /api/v1/fund/proposals: a new draft
// of the signed-in applicant.
func (s *Server) handleFundProposalCreate(w http.ResponseWriter, r *http.Request) {
	var p amur.Proposal
	if err := s.readInto(w, r, &p); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.fund.CreateProposal(r.Context(), &p); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/fund/proposals/"+url.PathEscape(p.ID))
	s.writeJSON(w, r, http.StatusCreated, &p)
}

// handleFundProposal answers GET /api/v1/fund/proposals/{id}.
func (s *Server) handleFundProposal(w http.ResponseWriter, r *http.Request) {
	if err := noQuery(r); err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.fund.Proposal(r.Context(), r.PathValue("id"))
	s.answer(w, r, http.StatusOK, p, err)
}

// handleFundSnapshot answers GET /api/v1/fund/proposals/{id}/snapshot: the
// proposal as it was submitted, to whoever may read the proposal.
func (s *Server) handleFundSnapshot(w http.ResponseWriter, r *http.Request) {
	if err := noQuery(r); err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.fund.Snapshot(r.Context(), r.PathValue("id"))
	s.answer(w, r, http.StatusOK, p, err)
}

// handleFundProposalUpdate answers PUT /api/v1/fund/proposals/{id}: the
// draft's new content, with the version the client read.
func (s *Server) handleFundProposalUpdate(w http.ResponseWriter, r *http.Request) {
	var p amur.Proposal
	if err := s.readInto(w, r, &p); err != nil {
		s.fail(w, r, err)
		return
	}
	p.ID = r.PathValue("id")
	err := s.fund.UpdateProposal(r.Context(), &p)
	s.answer(w, r, http.StatusOK, &p, err)
}

// handleFundSubmit answers POST /api/v1/fund/proposals/{id}/submit.
func (s *Server) handleFundSubmit(w http.ResponseWriter, r *http.Request) {
	if err := noQuery(r); err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.fund.Submit(r.Context(), r.PathValue("id"))
	s.answer(w, r, http.StatusOK, p, err)
}

// handleFundWithdraw answers POST /api/v1/fund/proposals/{id}/withdraw.
func (s *Server) handleFundWithdraw(w http.ResponseWriter, r *http.Request) {
	if err := noQuery(r); err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.fund.Withdraw(r.Context(), r.PathValue("id"))
	s.answer(w, r, http.StatusOK, p, err)
}

// bidBody is the body of POST /api/v1/fund/proposals/{id}/bid.
type bidBody struct {
	Bid int `json:"bid"`
}

// handleFundBid answers POST /api/v1/fund/proposals/{id}/bid: the signed-in
// reviewer's wish to review the proposal, from -2 to +2.
func (s *Server) handleFundBid(w http.ResponseWriter, r *http.Request) {
	var b bidBody
	if err := s.readInto(w, r, &b); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.fund.Bid(r.Context(), r.PathValue("id"), b.Bid); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleFundConflict answers POST /api/v1/fund/proposals/{id}/conflict: the
// signed-in reviewer declares a conflict of interest with the proposal.
func (s *Server) handleFundConflict(w http.ResponseWriter, r *http.Request) {
	if err := noQuery(r); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.fund.DeclareConflict(r.Context(), r.PathValue("id")); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// attachBody is the body of POST /api/v1/fund/proposals/{id}/attachments:
// the document's description and its bytes in base64 (within the body
// limit of the server).
type attachBody struct {
	Type  string `json:"type"`
	Name  string `json:"name"`
	Media string `json:"media"`
	Data  string `json:"data"`
}

// handleFundAttach answers POST /api/v1/fund/proposals/{id}/attachments.
func (s *Server) handleFundAttach(w http.ResponseWriter, r *http.Request) {
	var b attachBody
	if err := s.readInto(w, r, &b); err != nil {
		s.fail(w, r, err)
		return
	}
	data, err := base64.StdEncoding.DecodeString(b.Data)
	if err != nil {
		s.fail(w, r, amur.Invalid("data", "fund.err.base64"))
		return
	}
	a := &amur.Attachment{Type: b.Type, Name: b.Name, Media: b.Media}
	err = s.fund.Attach(r.Context(), r.PathValue("id"), a, data)
	s.answer(w, r, http.StatusCreated, a, err)
}

// handleFundFile answers GET /api/v1/fund/proposals/{id}/attachments/{file}
// with the document's bytes.
func (s *Server) handleFundFile(w http.ResponseWriter, r *http.Request) {
	if err := noQuery(r); err != nil {
		s.fail(w, r, err)
		return
	}
	a, data, err := s.fund.File(r.Context(), r.PathValue("id"), r.PathValue("file"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", a.Media)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(a.Name))
	w.WriteHeader(http.StatusOK)
	w.Write(data)
}

// handleFundReviewers answers GET /api/v1/fund/reviewers?side=: one side's
// reviewers, for that side's office.
func (s *Server) handleFundReviewers(w http.ResponseWriter, r *http.Request) {
	side, err := sideQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.fund.Reviewers(r.Context(), side)
	s.answer(w, r, http.StatusOK, items(list), err)
}

// handleFundReviewerCreate answers POST /api/v1/fund/reviewers.
func (s *Server) handleFundReviewerCreate(w http.ResponseWriter, r *http.Request) {
	var rv amur.Reviewer
	if err := s.readInto(w, r, &rv); err != nil {
		s.fail(w, r, err)
		return
	}
	err := s.fund.CreateReviewer(r.Context(), &rv)
	s.answer(w, r, http.StatusCreated, &rv, err)
}

// handleFundReviewerUpdate answers PUT /api/v1/fund/reviewers/{id}: the
// reviewer's new record (load, expertise, declared conflicts) with the
// version the office read.
func (s *Server) handleFundReviewerUpdate(w http.ResponseWriter, r *http.Request) {
	var rv amur.Reviewer
	if err := s.readInto(w, r, &rv); err != nil {
		s.fail(w, r, err)
		return
	}
	rv.ID = r.PathValue("id")
	err := s.fund.UpdateReviewer(r.Context(), &rv)
	s.answer(w, r, http.StatusOK, &rv, err)
}

// handleFundReview answers POST /api/v1/fund/reviews: the signed-in
// reviewer's review of a proposal assigned to it.
func (s *Server) handleFundReview(w http.ResponseWriter, r *http.Request) {
	var rv amur.Review
	if err := s.readInto(w, r, &rv); err != nil {
		s.fail(w, r, err)
		return
	}
	err := s.fund.SubmitReview(r.Context(), &rv)
	s.answer(w, r, http.StatusOK, &rv, err)
}
