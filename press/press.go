package press

import (
	"runtime"
	"sync"
	"sync/atomic"

	"amur"
)

// MaxBytes is the largest page Ingest reads: 5 MiB, far above any news
// article, so that a wrongly chosen file fails at once instead of filling
// memory.
const MaxBytes = 5 << 20

// Event is one happening read from one or more pages.
type Event struct {
	Date          amur.Date      `json:"-"`
	Kind          amur.EntryKind `json:"kind"`
	Title         amur.Text      `json:"title"`
	People        []string       `json:"people"`
	Organizations []string       `json:"organizations"`
	Fields        []string       `json:"fields"`
	Flagships     []string       `json:"flagships,omitempty"`
	Sources       []Source       `json:"sources"`

	// PersonIDs and OrgIDs are the registry records the names matched.
	PersonIDs []string `json:"-"`
	OrgIDs    []string `json:"-"`
	// weak marks an event seen only in weak evidence (a photo caption);
	// such an event is dropped unless body text reports it too.
	weak bool
	// rank orders the strength of the kind's evidence; merges keep the
	// strongest kind.
	rank int
	// future marks an event every report speaks of as still to come.
	future bool
	// cited holds the sources, for adding more without scanning them.
	cited map[Source]bool
}

// Source is where an event was read: the file and the character span
// (in runes, end exclusive) of the sentence in the original text.
type Source struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Weak marks evidence from a photo caption.
	Weak bool `json:"weak,omitempty"`
}

// Precision returns "day", "month" or "year".
func (e *Event) Precision() string { return string(e.Date.Precision()) }

// Page is one input file.
type Page struct {
	// Name identifies the page in sources and messages.
	Name string
	// Data is the page's bytes as read.
	Data []byte
}

// Options steer extraction.
type Options struct {
	// Published, when set, is the publication date of every page and
	// overrides what a page says about itself.
	Published amur.Date
	// Registry holds the program's records: names, flagship projects and
	// the timeline that dates republished pages. It may be nil.
	Registry *Registry
	// Resolver matches names to registry records; nil uses Registry, and
	// without one the names introduced by a title, as written.
	Resolver Resolver
}

// FileError is the failure of one page; the others go on.
type FileError struct {
	File string
	Err  error
}

// Result is what Ingest returns: the merged events of the good pages and
// one error for each page that failed.
type Result struct {
	Events []*Event
	Errors []FileError
}

// Ingest reads every page, extracts its events and merges the reports of
// the same happening. A page that fails is reported in Result.Errors and
// does not stop the others. Pages are read in parallel, one worker per
// processor; the result does not depend on their order of completion.
func Ingest(pages []Page, opts Options) *Result {
	type out struct {
		evs []*Event
		err error
	}
	outs := make([]out, len(pages))
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range min(runtime.GOMAXPROCS(0), len(pages)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(pages); i = int(next.Add(1) - 1) {
				outs[i].evs, outs[i].err = ExtractPage(pages[i], opts)
			}
		})
	}
	wg.Wait()
	res := &Result{}
	var all []*Event
	for i, o := range outs {
		if o.err != nil {
			res.Errors = append(res.Errors, FileError{File: pages[i].Name, Err: o.err})
			continue
		}
		all = append(all, o.evs...)
	}
	res.Events = Merge(all)
	return res
}

// ExtractPage decodes, cleans and reads one page.
func ExtractPage(p Page, opts Options) ([]*Event, error) {
	text, err := Decode(p.Name, p.Data)
	if err != nil {
		return nil, err
	}
	doc := Clean(p.Name, text)
	return Extract(doc, opts)
}
