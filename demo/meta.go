package demo

import (
	"crypto/sha256"
	"slices"
	"time"

	"github.com/google/uuid"

	"amur"
)

// Provenance sources of the demo's records.
const (
	// factsSource marks records that state the program's public facts.
	factsSource = "demo: program-facts"
	// referenceSource marks real organisations that the facts do not name
	// but that synthetic activities refer to.
	referenceSource = "demo: reference"
	// synthSource marks records made up by the generator.
	synthSource = "demo: synthetic"
	// enteredBy names the process that enters every demo record.
	enteredBy = "amur demo"
)

// epoch is the creation time stamped on the demo's records: the program was
// entered after the Years closed. Each kind of record starts a day after the
// previous kind, and records of one kind follow one another a millisecond
// apart, so ids sort in dependency order and then in the order of the build.
var epoch = time.Date(2022, 1, 10, 9, 0, 0, 0, time.UTC)

// meta returns the bookkeeping fields of the next record of kind k, whose id
// is derived from key: the same key always gives the same id.
func (b *builder) meta(k amur.Kind, key string) amur.Meta {
	n := b.seq[k]
	b.seq[k]++
	day := time.Duration(slices.Index(amur.Kinds, k)) * 24 * time.Hour
	at := epoch.Add(day + time.Duration(n)*time.Millisecond)
	return amur.Meta{
		ID:        uuid7(at, "amur-demo/"+string(k)+"/"+key),
		Version:   1,
		CreatedAt: at,
		UpdatedAt: at,
	}
}

// uuid7 returns a UUIDv7 whose timestamp is at and whose other bits come
// from a hash of key.
func uuid7(at time.Time, key string) string {
	sum := sha256.Sum256([]byte(key))
	var u uuid.UUID
	ms := uint64(at.UnixMilli())
	for i := range 6 {
		u[i] = byte(ms >> (40 - 8*i))
	}
	copy(u[6:], sum[:10])
	u[6] = 0x70 | u[6]&0x0f // version 7
	u[8] = 0x80 | u[8]&0x3f // RFC 9562 variant
	return u.String()
}

// tri returns a Text in Chinese, Russian and English first written in orig;
// the other languages are human translations.
func tri(orig amur.Lang, zh, ru, en string) amur.Text {
	return amur.Text{ZH: zh, RU: ru, EN: en, Orig: orig}
}

// en3 returns a Text first written in English, as the program's facts were
// compiled, with human translations into Chinese and Russian.
func en3(zh, ru, en string) amur.Text { return tri(amur.EN, zh, ru, en) }

// prov returns the provenance of a demo record from source.
func prov(source string) amur.Provenance {
	return amur.Provenance{EnteredBy: enteredBy, Source: source}
}
