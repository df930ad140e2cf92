package press

import (
	"encoding/json"

	"amur"
)

// eventJSON is the wire form of an event.
type eventJSON struct {
	Date          string         `json:"date"`
	Precision     string         `json:"precision"`
	Kind          amur.EntryKind `json:"kind"`
	Title         amur.Text      `json:"title"`
	People        []string       `json:"people"`
	Organizations []string       `json:"organizations"`
	Fields        []string       `json:"fields"`
	Flagships     []string       `json:"flagships,omitempty"`
	Sources       []Source       `json:"sources"`
}

// MarshalJSON writes the event with its date ("2020-08-26", "2020-08" or
// "2020") and precision.
func (e *Event) MarshalJSON() ([]byte, error) {
	return json.Marshal(eventJSON{
		Date: e.Date.String(), Precision: e.Precision(), Kind: e.Kind, Title: e.Title,
		People: nonNil(e.People), Organizations: nonNil(e.Organizations), Fields: nonNil(e.Fields),
		Flagships: e.Flagships, Sources: e.Sources,
	})
}

// UnmarshalJSON reads the wire form back.
func (e *Event) UnmarshalJSON(b []byte) error {
	var w eventJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	d, err := amur.ParseDate(w.Date)
	if err != nil {
		return amur.Invalid("date", "err.date", "value", w.Date)
	}
	*e = Event{Date: d, Kind: w.Kind, Title: w.Title, People: w.People, Organizations: w.Organizations,
		Fields: w.Fields, Flagships: w.Flagships, Sources: w.Sources}
	return nil
}

// nonNil returns s, or an empty list for nil, so JSON shows [] not null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
