// Package amur is the domain language of Amur, a platform for running a
// science-and-technology cooperation program between countries.
//
// It holds the entity types (programs, activities, organisations, people,
// fields, flagship projects, timeline entries), the filters used to list them,
// the storage interfaces implemented by the adapters, the trilingual Text type
// and the coded Error. It imports no storage, no HTTP and no capability
// package, so every other package can depend on it.
package amur

import (
	"regexp"
	"strings"
	"time"

	"github.com/google/uuid"
)

// NewID returns a new UUIDv7 identifier. UUIDv7 identifiers sort by creation
// time, which keeps B-tree inserts local and is safe for distributed SQL.
func NewID() string {
	return uuid.Must(uuid.NewV7()).String()
}

// ValidID reports whether s is a well-formed UUID string in canonical form.
func ValidID(s string) bool {
	if len(s) != 36 {
		return false
	}
	_, err := uuid.Parse(s)
	return err == nil
}

// Lang is one of the languages Amur keeps text in.
type Lang string

// The languages of the platform.
const (
	ZH Lang = "zh"
	RU Lang = "ru"
	EN Lang = "en"
)

// Langs lists the platform languages in their canonical order.
var Langs = []Lang{ZH, RU, EN}

// Valid reports whether l is one of the platform languages.
func (l Lang) Valid() bool { return l == ZH || l == RU || l == EN }

// sideRE matches an ISO 3166-1 alpha-2 country code.
var sideRE = regexp.MustCompile(`^[A-Z]{2}$`)

// ValidSide reports whether s is an ISO 3166-1 alpha-2 code such as CN or RU.
func ValidSide(s string) bool { return sideRE.MatchString(s) }

// NormalizeSide upper-cases and trims a country code.
func NormalizeSide(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// Provenance records who entered a record and from which file or source.
type Provenance struct {
	// EnteredBy names the user or process that created the record.
	EnteredBy string `json:"entered_by,omitempty"`
	// Source is a file name, URL or other origin of the data.
	Source string `json:"source,omitempty"`
	// Line is the line of Source the record came from, when it came from a file.
	Line int `json:"line,omitempty"`
}

// Meta holds the bookkeeping fields every stored entity carries.
type Meta struct {
	// ID is the record's UUIDv7.
	ID string `json:"id"`
	// Version increases by one on every update; it drives optimistic concurrency.
	Version int `json:"version"`
	// CreatedAt is when the record was first stored, in UTC.
	CreatedAt time.Time `json:"created_at"`
	// UpdatedAt is when the record was last changed, in UTC.
	UpdatedAt time.Time `json:"updated_at"`
}

// Touch prepares m for insertion at now: it assigns an ID when there is none
// and fills missing timestamps and version, keeping values that were given
// (imports preserve them so that export and import round-trip).
func (m *Meta) Touch(now time.Time) {
	if m.ID == "" {
		m.ID = NewID()
	}
	if m.Version == 0 {
		m.Version = 1
	}
	now = now.UTC().Truncate(time.Millisecond)
	if m.CreatedAt.IsZero() {
		m.CreatedAt = now
	}
	if m.UpdatedAt.IsZero() {
		m.UpdatedAt = m.CreatedAt
	}
}
