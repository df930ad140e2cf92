package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"amur"
)

// Program returns the program with the given id or slug.
func (db *DB) Program(ctx context.Context, idOrSlug string) (*amur.Program, error) {
	p := new(amur.Program)
	where := "slug = ?"
	if amur.ValidID(idOrSlug) {
		where = "id = ?"
	}
	if err := db.get(ctx, p, idOrSlug, where, idOrSlug); err != nil {
		return nil, err
	}
	return p, nil
}

// Programs returns every program ordered by slug; there are few.
func (db *DB) Programs(ctx context.Context) ([]*amur.Program, error) {
	out := []*amur.Program{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT doc FROM programs ORDER BY slug")
		if err != nil {
			return fmt.Errorf("sqlstore: list programs: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var doc []byte
			if err := rows.Scan(&doc); err != nil {
				return err
			}
			p := new(amur.Program)
			if err := decode(doc, p); err != nil {
				return err
			}
			out = append(out, p)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CreateProgram stores a new program.
func (db *DB) CreateProgram(ctx context.Context, p *amur.Program) error { return db.create(ctx, p) }

// UpdateProgram replaces a stored program.
func (db *DB) UpdateProgram(ctx context.Context, p *amur.Program) error { return db.update(ctx, p) }

// DeleteProgram deletes a program no record refers to.
func (db *DB) DeleteProgram(ctx context.Context, id string) error {
	return db.remove(ctx, amur.KindProgram, id)
}

// Field returns the field with the given code.
func (db *DB) Field(ctx context.Context, code string) (*amur.Field, error) {
	return getByID[amur.Field](ctx, db, code)
}

// Fields lists fields, by default in code order.
func (db *DB) Fields(ctx context.Context, f amur.FieldFilter) (*amur.List[*amur.Field], error) {
	q := listQuery{table: "fields", sorts: amur.FieldSorts, cols: map[string]string{"code": "x.id"}}
	switch f.Parent {
	case "":
	case "-":
		q.where.add("x.parent IS NULL")
	default:
		q.where.add("x.parent = ?", f.Parent)
	}
	return list[amur.Field](ctx, db, q, f.Page)
}

// CreateField stores a new field; its ID is its code.
func (db *DB) CreateField(ctx context.Context, f *amur.Field) error { return db.create(ctx, f) }

// UpdateField replaces a stored field.
func (db *DB) UpdateField(ctx context.Context, f *amur.Field) error { return db.update(ctx, f) }

// DeleteField deletes a field no record refers to.
func (db *DB) DeleteField(ctx context.Context, code string) error {
	return db.remove(ctx, amur.KindField, code)
}

// Flagship returns the flagship project with the given id or slug. Slugs
// are unique per program; when programs share one, the oldest project wins.
func (db *DB) Flagship(ctx context.Context, idOrSlug string) (*amur.Flagship, error) {
	f := new(amur.Flagship)
	where := "slug = ? ORDER BY created_at, id LIMIT 1"
	if amur.ValidID(idOrSlug) {
		where = "id = ?"
	}
	if err := db.get(ctx, f, idOrSlug, where, idOrSlug); err != nil {
		return nil, err
	}
	return f, nil
}

// Flagships lists flagship projects, by default in slug order.
func (db *DB) Flagships(ctx context.Context, f amur.FlagshipFilter) (*amur.List[*amur.Flagship], error) {
	q := listQuery{table: "flagships", sorts: amur.FlagshipSorts,
		cols: map[string]string{"slug": "x.slug", "created": "x.created_at"}}
	if f.ProgramID != "" {
		q.where.add("x.program_id = ?", f.ProgramID)
	}
	return list[amur.Flagship](ctx, db, q, f.Page)
}

// CreateFlagship stores a new flagship project.
func (db *DB) CreateFlagship(ctx context.Context, f *amur.Flagship) error { return db.create(ctx, f) }

// UpdateFlagship replaces a stored flagship project.
func (db *DB) UpdateFlagship(ctx context.Context, f *amur.Flagship) error { return db.update(ctx, f) }

// DeleteFlagship deletes a flagship project no record refers to.
func (db *DB) DeleteFlagship(ctx context.Context, id string) error {
	return db.remove(ctx, amur.KindFlagship, id)
}
