package amur

import (
	"context"
	"encoding/json"
	"time"
)

// The statuses of a proposed duplicate.
const (
	CandidateOpen     = "open"
	CandidateMerged   = "merged"
	CandidateRejected = "rejected"
)

// DuplicateCandidate is a pair of records of one kind that identity
// resolution proposes as the same person or organisation, with its score
// and the explanation of the match, until an office member merges or
// rejects it. A rejected pair is remembered and never proposed again.
type DuplicateCandidate struct {
	ID    string  `json:"id"`
	Kind  Kind    `json:"kind"`
	A     string  `json:"a"`
	B     string  `json:"b"`
	Score float64 `json:"score"`
	// Explanation is the match's explanation as identity resolution gives
	// it: which names met, part by part, through which bridge.
	Explanation json.RawMessage `json:"explanation"`
	Status      string          `json:"status"`
	CreatedAt   time.Time       `json:"created_at"`
	DecidedAt   *time.Time      `json:"decided_at,omitempty"`
	DecidedBy   string          `json:"decided_by,omitempty"`
	MergeID     string          `json:"merge_id,omitempty"`
}

// DuplicateFilter selects proposed duplicates.
type DuplicateFilter struct {
	Kind Kind
	// Status is one of the candidate statuses; "" means open.
	Status string
	Page
}

// Merge is the merge of one record (Drop) into another (Keep): every name
// of Drop became an alias of Keep, every reference to Drop points to Keep,
// and Drop is gone. The store keeps what undoing it needs.
type Merge struct {
	ID        string     `json:"id"`
	Kind      Kind       `json:"kind"`
	Keep      string     `json:"keep"`
	Drop      string     `json:"drop"`
	At        time.Time  `json:"at"`
	By        string     `json:"by,omitempty"`
	Changed   int        `json:"changed"`
	UndoneAt  *time.Time `json:"undone_at,omitempty"`
	Candidate string     `json:"candidate,omitempty"`
}

// IdentityStore keeps the review queue of identity resolution.
type IdentityStore interface {
	// ProposeDuplicates adds candidates not yet known: a pair already
	// proposed, merged or rejected is skipped. It returns how many it added.
	ProposeDuplicates(ctx context.Context, cands []DuplicateCandidate) (int, error)
	// DuplicateCandidates lists candidates, best score first.
	DuplicateCandidates(ctx context.Context, f DuplicateFilter) (*List[*DuplicateCandidate], error)
	// RejectDuplicate marks an open candidate rejected.
	RejectDuplicate(ctx context.Context, id string) (*DuplicateCandidate, error)
	// MergeRecords merges drop into keep in one transaction (see Merge);
	// candidate, when set, is the proposal it decides.
	MergeRecords(ctx context.Context, k Kind, keep, drop, candidate string) (*Merge, error)
	// UndoMerge restores every record a merge changed, as it was, in one
	// transaction; it fails with EStale when one changed since.
	UndoMerge(ctx context.Context, id string) (*Merge, error)
}
