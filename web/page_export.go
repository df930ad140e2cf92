package web

import (
	"context"
	"net/http"
	"strings"

	"amur"
	"amur/report"
	"amur/transfer"
)

// maxExportRows bounds one export, so that a download of a huge registry
// through the web stays a bounded job; `amur export` has no such limit.
const maxExportRows = 100_000

// exportFormats are the formats of list exports, by file extension.
var exportFormats = []string{"csv", "xlsx", "json"}

// exportLink is one download link of a list.
type exportLink struct {
	Name, Href string
}

// exportLinks are the download links of a list view.
type exportLinks struct {
	Label string
	Links []exportLink
}

// exportLinks returns the download links of the list at path with query.
func (p *page) exportLinks(path, query string) exportLinks {
	out := exportLinks{Label: p.T("web.export.label")}
	for _, f := range exportFormats {
		out.Links = append(out.Links, exportLink{Name: strings.ToUpper(f), Href: p.Href(path+"."+f) + query})
	}
	return out
}

// batchFunc returns the records of a list from offset on, at most
// amur.MaxLimit of them, and whether more follow.
type batchFunc func(ctx context.Context, offset int) ([]amur.Record, bool, error)

// writeExport answers a download of the records batches yields, of kind k,
// in the format named by ext, under the file name base.
func (s *Server) writeExport(w http.ResponseWriter, r *http.Request, k amur.Kind, ext, base string, batches batchFunc) {
	ctx := r.Context()
	var recs []amur.Record
	more, offset, done := true, 0, 0
	// next yields the records one at a time, fetching batch after batch.
	next := func() (amur.Record, bool, error) {
		for len(recs) == 0 {
			if !more || done >= maxExportRows {
				return nil, false, nil
			}
			var err error
			recs, more, err = batches(ctx, offset)
			if err != nil {
				return nil, false, err
			}
			offset += len(recs)
			if len(recs) == 0 {
				return nil, false, nil
			}
		}
		rec := recs[0]
		recs = recs[1:]
		done++
		return rec, true, nil
	}
	h := w.Header()
	h.Set("Content-Disposition", `attachment; filename="`+base+"."+ext+`"`)
	noStore(w)
	var err error
	switch ext {
	case "xlsx":
		h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		err = report.WriteXLSX(w, base, transfer.Columns(k), func() ([]string, bool, error) {
			rec, ok, err := next()
			if !ok || err != nil {
				return nil, false, err
			}
			return transfer.Row(rec), true, nil
		})
	default:
		f := transfer.CSV
		h.Set("Content-Type", "text/csv; charset=utf-8")
		if ext == "json" {
			f = transfer.JSON
			h.Set("Content-Type", jsonType)
		}
		err = s.streamRecords(w, k, f, next)
	}
	if err != nil {
		s.log.ErrorContext(ctx, "export failed", "path", r.URL.Path, "error", err)
	}
}

// streamRecords writes the records next yields with the transfer layout.
func (s *Server) streamRecords(w http.ResponseWriter, k amur.Kind, f transfer.Format, next func() (amur.Record, bool, error)) error {
	tw, err := transfer.NewWriter(k, f, w)
	if err != nil {
		return err
	}
	for {
		rec, ok, err := next()
		if err != nil {
			return err
		}
		if !ok {
			return tw.Close()
		}
		if err := tw.Write(rec); err != nil {
			return err
		}
	}
}

// records turns a typed list into records.
func records[T amur.Record](items []T) []amur.Record {
	out := make([]amur.Record, len(items))
	for i, it := range items {
		out[i] = it
	}
	return out
}

// exportActivities answers GET /{lang}/activities.{csv,xlsx,json}: the
// activities of the list with the same filters, in list order.
func (s *Server) exportActivities(ext string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		lp, err := readListParams(r)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		s.writeExport(w, r, amur.KindActivity, ext, "activities", func(ctx context.Context, offset int) ([]amur.Record, bool, error) {
			q := *lp
			q.PageNo = offset/amur.MaxLimit + 1
			l, _, err := s.activityPage(ctx, &q, amur.MaxLimit)
			if err != nil {
				return nil, false, err
			}
			return records(l.Items), l.More, nil
		})
	}
}
