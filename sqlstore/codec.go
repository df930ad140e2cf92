package sqlstore

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"amur"
)

// ms returns t as unix milliseconds, the store's time column form.
func ms(t time.Time) int64 { return t.UnixMilli() }

// fromMS returns unix milliseconds as a UTC time.
func fromMS(v int64) time.Time { return time.UnixMilli(v).UTC() }

// truncMeta puts the timestamps of m in the form the store keeps them: UTC
// and whole milliseconds, so that what a caller holds after a write equals
// what a later read returns.
func truncMeta(m *amur.Meta) {
	m.CreatedAt = m.CreatedAt.UTC().Truncate(time.Millisecond)
	m.UpdatedAt = m.UpdatedAt.UTC().Truncate(time.Millisecond)
}

// null returns nil for the empty string so that optional references and
// unique keys are stored as NULL.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// fold puts s in the form the search columns keep: lower case with ё read
// as е, since Russian text writes ё and е interchangeably. Folding happens
// in Go because SQLite's LIKE folds only ASCII.
func fold(s string) string {
	s = strings.ToLower(s)
	return strings.ReplaceAll(s, "ё", "е")
}

// likeEscaper escapes LIKE wildcards in user input; the store's LIKE
// clauses declare \ as the escape character.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// containsPattern returns a LIKE pattern matching values that contain the
// folded form of q.
func containsPattern(q string) string {
	return "%" + likeEscaper.Replace(fold(strings.TrimSpace(q))) + "%"
}

// searchText joins the folded values that a record's search column holds.
// A newline separates them so that a query cannot match across two names.
func searchText(values ...string) string {
	var b strings.Builder
	for _, v := range values {
		if v == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(fold(v))
	}
	return b.String()
}

// textValues returns the languages of t that hold text.
func textValues(t amur.Text) []string { return []string{t.ZH, t.RU, t.EN} }

// encode returns the JSON document of r.
func encode(r amur.Record) (string, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return "", fmt.Errorf("sqlstore: encode %s: %w", r.RecordKind(), err)
	}
	return string(b), nil
}

// decode fills r from its JSON document.
func decode(doc []byte, r amur.Record) error {
	if err := json.Unmarshal(doc, r); err != nil {
		return fmt.Errorf("sqlstore: decode %s: %w", r.RecordKind(), err)
	}
	return nil
}

// monthKey returns the local month an activity starts in ("2020-08"), or
// the year alone ("2020") when its start is known only to the year.
func monthKey(m amur.Moment) string {
	if m.M == 0 {
		return fmt.Sprintf("%04d", m.Y)
	}
	return fmt.Sprintf("%04d-%02d", m.Y, m.M)
}

// dateKey returns a date as the integer YYYYMMDD with unknown parts zero,
// so that a year sorts before its months and a month before its days.
func dateKey(d amur.Date) int { return d.Y*10000 + d.M*100 + d.D }

// dateKeyEnd returns the largest key a date stands for: unknown parts are
// 99 so that a filter up to 2020-08 includes 2020-08-31.
func dateKeyEnd(d amur.Date) int {
	m, day := d.M, d.D
	if m == 0 {
		m = 99
	}
	if day == 0 {
		day = 99
	}
	return d.Y*10000 + m*100 + day
}

// zones caches time zones by name: time.LoadLocation reads the zone file
// on every call, which costs more than the rest of an activity's row in a
// bulk import.
var zones sync.Map

// zone returns the location of an IANA zone name, or UTC when the name is
// not a zone, as amur.Activity.StartTime does.
func zone(name string) *time.Location {
	if v, ok := zones.Load(name); ok {
		return v.(*time.Location)
	}
	loc, err := amur.LoadZone(name)
	if err != nil {
		loc = time.UTC
	}
	zones.Store(name, loc)
	return loc
}

// startTime returns a.StartTime() through the zone cache.
func startTime(a *amur.Activity) time.Time { return a.Start.Start(zone(a.Zone)).UTC() }
