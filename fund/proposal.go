package fund

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"

	"amur"
)

// ProposalQuery selects proposals of a call; an empty Status selects all.
type ProposalQuery struct {
	CallID string
	Status amur.ProposalStatus
}

// CreateProposal stores a new draft. An applicant owns the drafts it
// creates; the call must still take applications.
func (s *Service) CreateProposal(ctx context.Context, p *amur.Proposal) error {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return err
	}
	if !w.all && !w.p.Is(amur.RoleApplicant) {
		return forbidden("fund.err.applicant_only")
	}
	if !w.all || p.OwnerID == "" {
		p.OwnerID = w.user()
	}
	p.Meta, p.Status, p.Attachments, p.Failed, p.Verdicts, p.Awards = amur.Meta{}, amur.Draft, nil, nil, nil, nil
	return s.store.FundWrite(ctx, func(tx amur.FundTx) error {
		c, err := getCall(tx, p.CallID)
		if err != nil {
			return err
		}
		if err := s.open(c); err != nil {
			return err
		}
		return tx.Create(p)
	})
}

// getCall reads a call named by a proposal's call_id.
func getCall(tx amur.FundTx, id string) (*amur.FundCall, error) {
	var c amur.FundCall
	if err := tx.Get(id, &c); err != nil {
		return nil, amur.WithField(err, "call_id")
	}
	return &c, nil
}

// open refuses work on a call whose deadline has passed or that has not
// opened yet, to the second in UTC; the message shows the deadline in
// Beijing and Moscow time.
func (s *Service) open(c *amur.FundCall) error {
	now := s.now().UTC()
	if now.Before(c.OpensUTC()) {
		return amur.Errorf(amur.EConflict, "fund.err.not_open", "opens_beijing", beijing(c.OpensUTC()), "opens_moscow", moscow(c.OpensUTC()))
	}
	if now.After(c.DeadlineUTC()) {
		e := amur.Errorf(amur.EConflict, "fund.err.deadline", "beijing", beijing(c.DeadlineUTC()), "moscow", moscow(c.DeadlineUTC()))
		e.Field = "deadline"
		return e
	}
	return nil
}

// UpdateProposal replaces the applicant's editable parts of a draft; the
// status, owner and attachments stay as stored.
func (s *Service) UpdateProposal(ctx context.Context, p *amur.Proposal) error {
	return s.ownDraft(ctx, p.ID, func(tx amur.FundTx, old *amur.Proposal, c *amur.FundCall) error {
		p.CallID, p.OwnerID, p.Status, p.Attachments = old.CallID, old.OwnerID, old.Status, old.Attachments
		p.Failed, p.Verdicts, p.Awards, p.SubmittedAt = nil, nil, nil, old.SubmittedAt
		p.CreatedAt = old.CreatedAt
		return tx.Update(p, "")
	})
}

// ownDraft runs fn on the draft id of the calling applicant, in one write
// transaction, after checking that its call is still open.
func (s *Service) ownDraft(ctx context.Context, id string, fn func(tx amur.FundTx, p *amur.Proposal, c *amur.FundCall) error) error {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return err
	}
	return s.store.FundWrite(ctx, func(tx amur.FundTx) error {
		var p amur.Proposal
		if err := tx.Get(id, &p); err != nil {
			return err
		}
		if !w.all && p.OwnerID != w.user() {
			return amur.NotFound(string(amur.KindProposal), id)
		}
		if p.Status != amur.Draft {
			return amur.MoveError(p.Status, amur.Draft)
		}
		c, err := getCall(tx, p.CallID)
		if err != nil {
			return err
		}
		if err := s.open(c); err != nil {
			return err
		}
		return fn(tx, &p, c)
	})
}

// Proposal returns a proposal to its applicant, to the offices and to the
// reviewers it is assigned to; to anyone else it does not exist.
func (s *Service) Proposal(ctx context.Context, id string) (*amur.Proposal, error) {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return nil, err
	}
	var p amur.Proposal
	err = s.store.FundRead(ctx, func(tx amur.FundTx) error {
		if err := tx.Get(id, &p); err != nil {
			return err
		}
		ok, err := s.mayRead(tx, w, &p)
		if err == nil && !ok {
			err = amur.NotFound(string(amur.KindProposal), id)
		}
		return err
	})
	return &p, err
}

// mayRead tells whether w may read p.
func (s *Service) mayRead(tx amur.FundTx, w who, p *amur.Proposal) (bool, error) {
	switch {
	case w.anyOffice(), w.p.UserID == p.OwnerID:
		return true, nil
	case w.p.Is(amur.RoleReviewer):
		as, err := s.reviewerAssignments(tx, w, p.CallID)
		if err != nil {
			return false, err
		}
		return slices.ContainsFunc(as, func(a *amur.Assignment) bool { return a.ProposalID == p.ID }), nil
	}
	return false, nil
}

// Proposals lists the proposals of a call the principal may see: all of
// them for the offices, its own for an applicant, those assigned to it
// for a reviewer.
func (s *Service) Proposals(ctx context.Context, q ProposalQuery) ([]*amur.Proposal, error) {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return nil, err
	}
	f := amur.FundFilter{CallID: q.CallID, Status: string(q.Status)}
	if !w.anyOffice() && !w.p.Is(amur.RoleReviewer) {
		f.OwnerID = w.user()
	}
	var out []*amur.Proposal
	err = s.store.FundRead(ctx, func(tx amur.FundTx) error {
		all, err := amur.FundList[amur.Proposal](tx, amur.KindProposal, f)
		if err != nil || w.anyOffice() || !w.p.Is(amur.RoleReviewer) {
			out = all
			return err
		}
		// A reviewer's assignments are read once, not once per proposal.
		as, err := s.reviewerAssignments(tx, w, q.CallID)
		for _, p := range all {
			if slices.ContainsFunc(as, func(a *amur.Assignment) bool { return a.ProposalID == p.ID }) {
				out = append(out, p)
			}
		}
		return err
	})
	return out, err
}

// Attach stores a document of a draft: its type must be one the call
// lists, within the type's size limit and media types.
func (s *Service) Attach(ctx context.Context, proposalID string, a *amur.Attachment, data []byte) error {
	return s.ownDraft(ctx, proposalID, func(tx amur.FundTx, p *amur.Proposal, c *amur.FundCall) error {
		i := slices.IndexFunc(c.Attachments, func(r amur.AttachmentRule) bool { return r.Type == a.Type })
		if i < 0 {
			return amur.Invalid("type", "err.enum", "value", a.Type, "allowed", attachmentTypes(c))
		}
		rule := c.Attachments[i]
		if int64(len(data)) > min(rule.MaxBytes, amur.MaxAttachmentBytes) {
			e := amur.Errorf(amur.ETooLarge, "fund.err.attachment_size", "max", min(rule.MaxBytes, amur.MaxAttachmentBytes))
			e.Field = "data"
			return e
		}
		if len(data) == 0 {
			return amur.Invalid("data", "err.required")
		}
		if len(rule.Media) > 0 && !slices.Contains(rule.Media, a.Media) {
			return amur.Invalid("media", "err.enum", "value", a.Media, "allowed", strings.Join(rule.Media, ", "))
		}
		if err := amur.ValidString("name", a.Name, 255); err != nil || a.Name == "" {
			return amur.Invalid("name", "err.required")
		}
		sum := sha256.Sum256(data)
		a.ID, a.Size, a.SHA256, a.At = amur.NewID(), int64(len(data)), hex.EncodeToString(sum[:]), s.now().UTC()
		if err := tx.PutFile(a.ID, p.ID, data); err != nil {
			return err
		}
		p.Attachments = append(p.Attachments, *a)
		return tx.Update(p, "")
	})
}

// attachmentTypes lists the attachment types of c for messages.
func attachmentTypes(c *amur.FundCall) string {
	names := make([]string, len(c.Attachments))
	for i, r := range c.Attachments {
		names[i] = r.Type
	}
	return strings.Join(names, ", ")
}

// File returns the bytes of an attachment to whoever may read its proposal.
func (s *Service) File(ctx context.Context, proposalID, fileID string) (*amur.Attachment, []byte, error) {
	p, err := s.Proposal(ctx, proposalID)
	if err != nil {
		return nil, nil, err
	}
	i := slices.IndexFunc(p.Attachments, func(a amur.Attachment) bool { return a.ID == fileID })
	if i < 0 {
		return nil, nil, amur.NotFound("attachment", fileID)
	}
	var data []byte
	err = s.store.FundRead(ctx, func(tx amur.FundTx) (err error) {
		data, err = tx.File(fileID)
		return err
	})
	return &p.Attachments[i], data, err
}

// Submit freezes a draft: it checks the call's rules an applicant can
// meet (deadline, sides, budget limits, duration, attachments, languages),
// keeps a snapshot and moves it to submitted. A failed rule is a coded
// error and nothing changes.
func (s *Service) Submit(ctx context.Context, id string) (*amur.Proposal, error) {
	var out *amur.Proposal
	err := s.ownDraft(ctx, id, func(tx amur.FundTx, p *amur.Proposal, c *amur.FundCall) error {
		if err := s.checkSubmit(tx, c, p); err != nil {
			return err
		}
		p.Status, p.SubmittedAt = amur.Submitted, s.now().UTC()
		if err := tx.Update(p, ""); err != nil {
			return err
		}
		doc, err := json.Marshal(p)
		if err != nil {
			return err
		}
		out = p
		return tx.Create(&amur.Snapshot{ProposalID: p.ID, CallID: p.CallID, Doc: doc})
	})
	return out, err
}

// Withdraw takes a proposal out of the call, at the applicant's wish,
// until the funding decision.
func (s *Service) Withdraw(ctx context.Context, id string) (*amur.Proposal, error) {
	w, err := s.whoOf(ctx, false)
	if err != nil {
		return nil, err
	}
	var p amur.Proposal
	err = s.store.FundWrite(ctx, func(tx amur.FundTx) error {
		if err := tx.Get(id, &p); err != nil {
			return err
		}
		if !w.all && p.OwnerID != w.user() {
			return amur.NotFound(string(amur.KindProposal), id)
		}
		if !amur.CanMove(p.Status, amur.Withdrawn) {
			return amur.MoveError(p.Status, amur.Withdrawn)
		}
		p.Status = amur.Withdrawn
		return tx.Update(&p, "")
	})
	return &p, err
}

// Snapshot returns the proposal as it was submitted.
func (s *Service) Snapshot(ctx context.Context, id string) (*amur.Proposal, error) {
	p, err := s.Proposal(ctx, id)
	if err != nil {
		return nil, err
	}
	var snap *amur.Proposal
	err = s.store.FundRead(ctx, func(tx amur.FundTx) error {
		list, err := amur.FundList[amur.Snapshot](tx, amur.KindSnapshot, amur.FundFilter{ProposalID: p.ID})
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return amur.NotFound(string(amur.KindSnapshot), id)
		}
		snap = new(amur.Proposal)
		return json.Unmarshal(list[len(list)-1].Doc, snap)
	})
	return snap, err
}
