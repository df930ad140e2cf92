package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"amur"
)

// flagshipsPage lists the flagship projects.
type flagshipsPage struct {
	page
	Flagships []*amur.Flagship
}

// pageFlagships answers GET /{lang}/flagships.
func (s *Server) pageFlagships(w http.ResponseWriter, r *http.Request) {
	p := &flagshipsPage{page: newPage(r, "web.flagships.title")}
	l, err := s.store.Flagships(r.Context(), amur.FlagshipFilter{Page: amur.Page{Limit: amur.MaxLimit, Sort: "slug"}})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Flagships = l.Items
	s.render(w, r, http.StatusOK, "flagships", &p.page, p)
}

// flagshipPage shows one flagship project with its milestones.
type flagshipPage struct {
	page
	F          *amur.Flagship
	Orgs       []*amur.Organization
	Milestones []*amur.TimelineEntry
	Activities []*amur.Activity
}

// pageFlagship answers GET /{lang}/flagships/{id}; id may be the slug.
func (s *Server) pageFlagship(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f, err := s.store.Flagship(ctx, r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := &flagshipPage{page: newPage(r, "web.flagships.title"), F: f}
	p.Title = p.Plain(f.Name)
	for _, id := range f.OrgIDs {
		o, err := s.store.Organization(ctx, id)
		if amur.ErrorCode(err) == amur.ENotFound {
			continue
		} else if err != nil {
			s.pageError(w, r, err)
			return
		}
		p.Orgs = append(p.Orgs, o)
	}
	tl, err := s.store.Timeline(ctx, amur.TimelineFilter{FlagshipID: f.ID, Page: amur.Page{Limit: amur.MaxLimit, Sort: "date"}})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Milestones = tl.Items
	acts, err := s.store.Activities(ctx, amur.ActivityFilter{FlagshipID: f.ID, Page: amur.Page{Limit: relatedItems, Sort: "start"}})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Activities = acts.Items
	s.render(w, r, http.StatusOK, "flagship", &p.page, p)
}

// timelinePageSize is the number of entries a timeline page shows.
const timelinePageSize = 40

// timelinePage is the chronological list of the program's events.
type timelinePage struct {
	page
	Entries []*amur.TimelineEntry
	Kinds   []facet
	Pager   pager
	Exports exportLinks
}

// timelineParams reads the timeline's kinds and page.
func timelineParams(r *http.Request) ([]amur.EntryKind, int, error) {
	q, err := parseQuery(r)
	if err != nil {
		return nil, 0, err
	}
	kinds := enums(q, "kind", amur.EntryKinds)
	n := max(1, q.integer("page", 1, 100_000))
	return kinds, n, q.finish()
}

// pageTimeline answers GET /{lang}/timeline, filtered by kind.
func (s *Server) pageTimeline(w http.ResponseWriter, r *http.Request) {
	kinds, n, err := timelineParams(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := &timelinePage{page: newPage(r, "web.timeline.title")}
	l, err := s.store.Timeline(r.Context(), amur.TimelineFilter{Kinds: kinds,
		Page: amur.Page{Limit: timelinePageSize, Offset: (n - 1) * timelinePageSize, Sort: "date"}})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Entries = l.Items
	v := url.Values{}
	for _, k := range amur.EntryKinds {
		on := slices.Contains(kinds, k)
		if on {
			v.Add("kind", string(k))
		}
		p.Kinds = append(p.Kinds, facet{Name: "kind", Value: string(k), Label: p.Enum("entry", k), Checked: on, ID: "k-" + string(k)})
	}
	link := func(page int) string {
		w := url.Values{}
		for k, vs := range v {
			w[k] = vs
		}
		if page > 1 {
			w.Set("page", strconv.Itoa(page))
		}
		if e := w.Encode(); e != "" {
			return p.Href("/timeline") + "?" + e
		}
		return p.Href("/timeline")
	}
	p.Pager = pager{Label: p.T("web.pager.label"), PrevLabel: p.T("web.pager.prev"), NextLabel: p.T("web.pager.next"),
		Where: p.T("web.pager.where", "page", n)}
	if n > 1 {
		p.Pager.Prev = link(n - 1)
	}
	if l.More {
		p.Pager.Next = link(n + 1)
	}
	query := ""
	if e := v.Encode(); e != "" {
		query = "?" + e
	}
	p.Exports = p.exportLinks("/timeline", query)
	s.render(w, r, http.StatusOK, "timeline", &p.page, p)
}

// exportTimeline answers GET /{lang}/timeline.{csv,xlsx,json}.
func (s *Server) exportTimeline(ext string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		kinds, _, err := timelineParams(r)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		s.writeExport(w, r, amur.KindTimeline, ext, "timeline", func(ctx context.Context, offset int) ([]amur.Record, bool, error) {
			l, err := s.store.Timeline(ctx, amur.TimelineFilter{Kinds: kinds, Page: amur.Page{Limit: amur.MaxLimit, Offset: offset, Sort: "date"}})
			if err != nil {
				return nil, false, err
			}
			return records(l.Items), l.More, nil
		})
	}
}

// fieldRow is one field of science with its activity count.
type fieldRow struct {
	F     *amur.Field
	Count int
	Depth int
}

// fieldsPage lists the fields of science.
type fieldsPage struct {
	page
	Rows  []fieldRow
	Chart chartView
	// Counted is false while the counts are computed for the first time.
	Counted bool
}

// pageFields answers GET /{lang}/fields: every field with the number of
// activities tagged with it.
func (s *Server) pageFields(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := &fieldsPage{page: newPage(r, "web.fields.title")}
	fields, list, err := s.fieldLabels(ctx)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	st, err := s.cachedStats(ctx, amur.ActivityFilter{})
	if counting(err) {
		st, err = nil, nil
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Counted = st != nil
	if st == nil {
		st = &amur.Stats{}
	}
	for _, f := range list {
		depth := 0
		for c := f; c.Parent != "" && depth < 4; depth++ {
			if c = fields[c.Parent]; c == nil {
				break
			}
		}
		p.Rows = append(p.Rows, fieldRow{F: f, Count: st.ByField[f.ID], Depth: depth})
	}
	if p.Counted {
		p.Chart = p.countChart("fields", "web.chart.fields", st.ByField, p.fieldName(fields), 20)
	}
	s.render(w, r, http.StatusOK, "fields", &p.page, p)
}
