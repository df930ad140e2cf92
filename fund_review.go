package amur

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
)

// Reviewer is an expert one side's office keeps for the fund's reviews.
// Each side reviews with its own experts, so a reviewer belongs to one side.
type Reviewer struct {
	Meta
	Side string `json:"side"`
	// UserID is the reviewer's account, through which it reads the
	// proposals assigned to it and writes its reviews.
	UserID    string `json:"user_id,omitempty"`
	PersonID  string `json:"person_id,omitempty"`
	Name      string `json:"name"`
	OrgID     string `json:"org_id,omitempty"`
	Expertise Text   `json:"expertise"`
	// Load is the most proposals the reviewer takes in one call.
	Load int `json:"load"`
	// Conflicts are the proposals, people and organisations the reviewer
	// declared a conflict of interest with, by id.
	Conflicts []string `json:"conflicts,omitempty"`
	// Bids are the reviewer's wishes by proposal id, from -2 (please not)
	// to +2 (eager); they adjust the affinity.
	Bids map[string]int `json:"bids,omitempty"`
}

// Normalize puts the reviewer in canonical form.
func (r *Reviewer) Normalize() {
	r.Side = NormalizeSide(r.Side)
	r.Name = strings.TrimSpace(r.Name)
	r.Expertise.Normalize()
	slices.Sort(r.Conflicts)
	r.Conflicts = slices.Compact(r.Conflicts)
}

// Validate checks the reviewer on its own.
func (r *Reviewer) Validate() error {
	switch {
	case checkSide("side", r.Side) != nil:
		return checkSide("side", r.Side)
	case r.Name == "":
		return Invalid("name", "err.required")
	case ValidString("name", r.Name, 200) != nil:
		return ValidString("name", r.Name, 200)
	case r.UserID != "" && !ValidID(r.UserID):
		return Invalid("user_id", "err.id")
	case r.PersonID != "" && !ValidID(r.PersonID):
		return Invalid("person_id", "err.id")
	case r.OrgID != "" && !ValidID(r.OrgID):
		return Invalid("org_id", "err.id")
	case r.Load < 1 || r.Load > 100:
		return Invalid("load", "err.range", "min", 1, "max", 100)
	case len(r.Conflicts) > 1000:
		return Invalid("conflicts", "err.too_many", "max", 1000)
	case len(r.Bids) > 10000:
		return Invalid("bids", "err.too_many", "max", 10000)
	}
	for _, c := range r.Conflicts {
		if !ValidID(c) {
			return Invalid("conflicts", "err.id")
		}
	}
	for id, b := range r.Bids {
		if !ValidID(id) || b < -2 || b > 2 {
			return Invalid("bids."+id, "err.range", "min", -2, "max", 2)
		}
	}
	return r.Expertise.Validate("expertise", true)
}

// Assignment gives one proposal to one reviewer of one side.
type Assignment struct {
	Meta
	CallID     string  `json:"call_id"`
	Side       string  `json:"side"`
	ProposalID string  `json:"proposal_id"`
	ReviewerID string  `json:"reviewer_id"`
	Affinity   float64 `json:"affinity"`
	// Forced tells that an office chose the reviewer by hand.
	Forced bool `json:"forced,omitempty"`
}

// Normalize puts the assignment in canonical form.
func (a *Assignment) Normalize() { a.Side = NormalizeSide(a.Side) }

// Validate checks the assignment on its own.
func (a *Assignment) Validate() error {
	switch {
	case !ValidID(a.CallID):
		return Invalid("call_id", "err.id")
	case !ValidID(a.ProposalID):
		return Invalid("proposal_id", "err.id")
	case !ValidID(a.ReviewerID):
		return Invalid("reviewer_id", "err.id")
	}
	return checkSide("side", a.Side)
}

// Review is one reviewer's scores and comments on one proposal. Its
// comments may be in any language.
type Review struct {
	Meta
	CallID     string             `json:"call_id"`
	Side       string             `json:"side"`
	ProposalID string             `json:"proposal_id"`
	ReviewerID string             `json:"reviewer_id"`
	Scores     map[string]float64 `json:"scores"`
	Comment    Text               `json:"comment"`
	// Total is the weighted mean of the scores, set by the fund service.
	Total float64 `json:"total"`
}

// Normalize puts the review in canonical form.
func (r *Review) Normalize() {
	r.Side = NormalizeSide(r.Side)
	r.Comment.Normalize()
}

// Validate checks the review on its own; the call's criteria are checked
// by the fund service.
func (r *Review) Validate() error {
	switch {
	case !ValidID(r.CallID):
		return Invalid("call_id", "err.id")
	case !ValidID(r.ProposalID):
		return Invalid("proposal_id", "err.id")
	case !ValidID(r.ReviewerID):
		return Invalid("reviewer_id", "err.id")
	}
	for k, v := range r.Scores {
		if v < 0 || v > ScoreMax {
			return Invalid("scores."+k, "err.range", "min", 0, "max", ScoreMax)
		}
	}
	if err := checkSide("side", r.Side); err != nil {
		return err
	}
	return r.Comment.Validate("comment", false)
}

// FundRecord is a stored record of the joint fund.
type FundRecord interface {
	Base() *Meta
	Normalize()
	Validate() error
}

// FundKeys are the values of a fund record that lists select by.
type FundKeys struct {
	CallID, ProposalID, Side, OwnerID, Status string
}

// KeysOf returns the kind of a fund record and the values lists select it
// by; the store keeps them in columns beside the record's JSON.
func KeysOf(r FundRecord) (Kind, FundKeys) {
	switch v := r.(type) {
	case *FundCall:
		return KindCall, FundKeys{}
	case *HostOffer:
		return KindHostOffer, FundKeys{CallID: v.CallID, Side: v.Side, OwnerID: v.OwnerID}
	case *Proposal:
		return KindProposal, FundKeys{CallID: v.CallID, OwnerID: v.OwnerID, Status: string(v.Status)}
	case *Snapshot:
		return KindSnapshot, FundKeys{CallID: v.CallID, ProposalID: v.ProposalID}
	case *Reviewer:
		return KindReviewer, FundKeys{Side: v.Side, OwnerID: v.UserID}
	case *Assignment:
		return KindAssignment, FundKeys{CallID: v.CallID, ProposalID: v.ProposalID, Side: v.Side, OwnerID: v.ReviewerID}
	case *Review:
		return KindReview, FundKeys{CallID: v.CallID, ProposalID: v.ProposalID, Side: v.Side, OwnerID: v.ReviewerID}
	}
	return "", FundKeys{}
}

// FundFilter selects fund records of one kind; empty parts select
// everything. Records come in creation order.
type FundFilter = FundKeys

// FundTx reads and writes the fund's records inside one transaction. Every
// write is audited in that transaction from the actor of its context.
type FundTx interface {
	// Get reads the record of r's kind with id into r, or ENotFound.
	Get(id string, r FundRecord) error
	// List returns the stored JSON of the records of kind k matching f.
	List(k Kind, f FundFilter) ([]json.RawMessage, error)
	// Create stores a new record, assigning its id and times.
	Create(r FundRecord) error
	// Update replaces the record when its Version is the stored one (else
	// EStale) and increments it; action names the change in the audit log
	// ("update", or "decision" for a funding decision).
	Update(r FundRecord, action string) error
	// Delete removes the record of kind k with id.
	Delete(k Kind, id string) error
	// PutFile stores the bytes of an attachment of a proposal.
	PutFile(id, proposalID string, data []byte) error
	// File returns the bytes of an attachment, or ENotFound.
	File(id string) ([]byte, error)
}

// FundStore keeps the joint fund's records.
type FundStore interface {
	// FundWrite runs fn in one write transaction: all its writes are kept,
	// or none when fn or a write fails.
	FundWrite(ctx context.Context, fn func(tx FundTx) error) error
	// FundRead runs fn in one read transaction, a consistent snapshot.
	FundRead(ctx context.Context, fn func(tx FundTx) error) error
}

// FundList decodes the records of kind k matching f.
func FundList[T any](tx FundTx, k Kind, f FundFilter) ([]*T, error) {
	docs, err := tx.List(k, f)
	if err != nil {
		return nil, err
	}
	out := make([]*T, len(docs))
	for i, d := range docs {
		out[i] = new(T)
		if err := json.Unmarshal(d, out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}
