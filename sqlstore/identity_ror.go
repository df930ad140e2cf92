package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"amur"
)

// RORImport is one organisation of a ROR file to create or update, the
// ROR id of its parent and its line in the file.
type RORImport struct {
	Org       *amur.Organization
	ParentROR string
	Line      int
}

// ImportROR creates the organisations whose ROR id the registry does not
// know and updates those it does, then links each to its parent when the
// parent is stored, all in one transaction: every record is stored or
// none is, and an error names the record's line. An update takes the ROR
// names for the languages ROR gives and adds its aliases and acronyms to
// the stored ones; the names it replaces stay as aliases.
func (db *DB) ImportROR(ctx context.Context, recs []RORImport) (created, updated int, err error) {
	err = db.write(ctx, func(tx *sql.Tx) error {
		created, updated = 0, 0
		for _, r := range recs {
			id, err := db.orgByROR(ctx, tx, r.Org.ROR)
			if err != nil {
				return err
			}
			if id == "" {
				err = db.createIn(ctx, tx, r.Org)
				created++
			} else {
				_, err = db.rewrite(ctx, tx, amur.KindOrganization, id, func(rec amur.Record) { updateFromROR(rec.(*amur.Organization), r.Org) })
				r.Org.ID = id
				updated++
			}
			if err != nil {
				return atLine(err, r.Line)
			}
		}
		for _, r := range recs {
			if r.ParentROR == "" {
				continue
			}
			parent, err := db.orgByROR(ctx, tx, r.ParentROR)
			if err != nil {
				return err
			}
			var cur sql.NullString
			if err := tx.QueryRowContext(ctx, db.q("SELECT parent_id FROM organizations WHERE id = ?"), r.Org.ID).Scan(&cur); err != nil {
				return fmt.Errorf("sqlstore: read parent: %w", err)
			}
			if parent == "" || parent == r.Org.ID || cur.String == parent {
				continue
			}
			if _, err := db.rewrite(ctx, tx, amur.KindOrganization, r.Org.ID, func(rec amur.Record) {
				rec.(*amur.Organization).ParentID = parent
			}); err != nil {
				return atLine(err, r.Line)
			}
		}
		return nil
	})
	return created, updated, err
}

// atLine puts a line on a domain error.
func atLine(err error, line int) error {
	var e *amur.Error
	if errors.As(err, &e) && e.Line == 0 {
		e.Line = line
	}
	return err
}

// orgByROR returns the id of the organisation with a ROR id, or "".
func (db *DB) orgByROR(ctx context.Context, tx *sql.Tx, ror string) (string, error) {
	var id string
	err := tx.QueryRowContext(ctx, db.q("SELECT id FROM organizations WHERE ror = ?"), ror).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("sqlstore: find ROR id: %w", err)
	}
	return id, nil
}

// updateFromROR updates a stored organisation from its ROR record.
func updateFromROR(o, ror *amur.Organization) {
	for _, l := range []amur.Lang{amur.ZH, amur.RU, amur.EN} {
		if v := ror.Name.Get(l); v != "" {
			if old := o.Name.Get(l); old != "" && old != v {
				o.Aliases = append(o.Aliases, old)
			}
			o.Name.Set(l, v)
		}
	}
	for _, a := range ror.Aliases {
		if !slices.Contains(o.Aliases, a) {
			o.Aliases = append(o.Aliases, a)
		}
	}
	for _, a := range ror.Acronyms {
		if !slices.Contains(o.Acronyms, a) {
			o.Acronyms = append(o.Acronyms, a)
		}
	}
	if ror.Country != "" {
		o.Country = ror.Country
	}
	if o.City.IsZero() {
		o.City = ror.City
	}
	if o.Website == "" {
		o.Website = ror.Website
	}
	if o.Kind == amur.OtherOrgKind || o.Kind == "" {
		o.Kind = ror.Kind
	}
}
