package web

import (
	"encoding/json"
	"math"
	"net/http"
	"strings"

	"amur"
	"amur/i18n"
	"amur/identity"
)

// queuePageSize is the number of proposals a queue page shows.
const queuePageSize = 50

// queuePageRoutes lists the office's review queues under one language
// prefix. The press queue's decisions go to the same store calls as the
// API's; only offices and admins reach either queue.
func (s *Server) queuePageRoutes(pre string) []route {
	return []route{
		{"GET " + pre + "/office/press", s.pagePressQueue},
		{"POST " + pre + "/office/press/{id}/publish", s.pagePressDecide(true)},
		{"POST " + pre + "/office/press/{id}/reject", s.pagePressDecide(false)},
		{"GET " + pre + "/office/identity", s.pageIdentityQueue},
		{"POST " + pre + "/office/identity/{id}/merge", s.pageIdentityDecide("merge")},
		{"POST " + pre + "/office/identity/{id}/reject", s.pageIdentityDecide("reject")},
		{"POST " + pre + "/office/identity/merges/{id}/undo", s.pageIdentityDecide("undo")},
	}
}

// officeOnly sends a visitor to sign in and shows others than offices
// and admins the forbidden page; it reports whether the request may go on.
func (s *Server) officeOnly(w http.ResponseWriter, r *http.Request, p *page) bool {
	if signInFirst(w, r, p) {
		return false
	}
	if pr := amur.PrincipalFrom(r.Context()); !pr.Is(amur.RoleAdmin) && !pr.Is(amur.RoleOffice) {
		s.pageError(w, r, amur.Errorf(amur.EForbidden, "err.forbidden"))
		return false
	}
	return true
}

// pressQueuePage is the press review queue.
type pressQueuePage struct {
	page
	Items []*amur.PressEvent
	// Done says what the last decision was, for the status line.
	Done string
}

// Precision names how exactly a date is known.
func (p *pressQueuePage) Precision(d amur.Date) string {
	if d.IsZero() {
		return p.T("pages.precision.none")
	}
	return p.T("pages.precision." + string(d.Precision()))
}

// pagePressQueue answers GET /{lang}/office/press: the proposed events,
// by date.
func (s *Server) pagePressQueue(w http.ResponseWriter, r *http.Request) {
	p := &pressQueuePage{page: newPage(r, "pages.press.title")}
	if !s.officeOnly(w, r, &p.page) {
		return
	}
	queue, err := s.pressQueue(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	l, err := queue.PressEvents(r.Context(), amur.PressFilter{Statuses: []amur.PressStatus{amur.PressProposed},
		Page: amur.Page{Limit: queuePageSize, Sort: "date"}})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Items = l.Items
	if ra := authOf(r.Context()); ra.session != nil {
		p.CSRF = ra.session.CSRFToken
	}
	switch d := r.URL.Query().Get("done"); d {
	case "published", "rejected":
		p.Done = p.T("pages.press.done." + d)
	}
	s.render(w, r, http.StatusOK, "press_queue", &p.page, p)
}

// pagePressDecide answers the publish and reject buttons of the press
// queue: publishing makes the event a timeline entry of the program.
func (s *Server) pagePressDecide(publish bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p := newPage(r, "pages.press.title")
		if !s.officeOnly(w, r, &p) {
			return
		}
		queue, err := s.pressQueue(r.Context())
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		id, done := r.PathValue("id"), "rejected"
		if publish {
			done = "published"
			prog, perr := s.program(r.Context())
			if perr == nil && prog == nil {
				perr = amur.Invalid("program", "err.required")
			}
			if err = perr; err == nil {
				_, err = queue.PublishPressEvent(r.Context(), id, prog.ID)
			}
		} else {
			_, err = queue.RejectPressEvent(r.Context(), id)
		}
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		http.Redirect(w, r, p.Href("/office/press")+"?done="+done, http.StatusSeeOther)
	}
}

// identityStore returns the identity review queue, which a server
// without one lacks.
func (s *Server) identityStore() (amur.IdentityStore, error) {
	if s.identity == nil {
		return nil, amur.Errorf(amur.ENotFound, "err.route")
	}
	return s.identity, nil
}

// candidateView is a proposed pair as the queue shows it.
type candidateView struct {
	ID, Kind, A, B, AHref, BHref string
	AName, BName                 shown
	Score                        string
	// Explain is the explanation's parts: which name part met which,
	// through which bridge.
	Explain []evidenceView
}

// identityQueuePage is the identity review queue and the latest merges.
type identityQueuePage struct {
	page
	Items []candidateView
	// Undo is the merge just made, which the page offers to undo.
	Undo string
	Done string
}

// pageIdentityQueue answers GET /{lang}/office/identity: the open pairs,
// best score first.
func (s *Server) pageIdentityQueue(w http.ResponseWriter, r *http.Request) {
	p := &identityQueuePage{page: newPage(r, "pages.identity.title")}
	if !s.officeOnly(w, r, &p.page) {
		return
	}
	st, err := s.identityStore()
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	l, err := st.DuplicateCandidates(r.Context(), amur.DuplicateFilter{Page: amur.Page{Limit: queuePageSize}})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for _, c := range l.Items {
		v, err := s.candidateView(r, &p.page, c)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		p.Items = append(p.Items, v)
	}
	if ra := authOf(r.Context()); ra.session != nil {
		p.CSRF = ra.session.CSRFToken
	}
	q := r.URL.Query()
	if id := q.Get("merge"); amur.ValidID(id) {
		p.Undo = id
	}
	switch d := q.Get("done"); d {
	case "merge", "reject", "undo":
		p.Done = p.T("pages.identity.done." + d)
	}
	s.render(w, r, http.StatusOK, "identity_queue", &p.page, p)
}

// candidateView reads the names of a pair and puts its explanation into
// words.
func (s *Server) candidateView(r *http.Request, p *page, c *amur.DuplicateCandidate) (candidateView, error) {
	v := candidateView{ID: c.ID, Kind: string(c.Kind), A: c.A, B: c.B,
		Score: p.T("pages.match.score", "n", p.Num(int(math.Round(c.Score*100))))}
	for i, id := range []string{c.A, c.B} {
		var name shown
		href := p.Href("/" + string(c.Kind) + "/" + id)
		switch c.Kind {
		case amur.KindPerson:
			pe, err := s.store.Person(r.Context(), id)
			if err != nil && amur.ErrorCode(err) != amur.ENotFound {
				return v, err
			} else if err == nil {
				name = p.personName(pe)
			}
		case amur.KindOrganization:
			o, err := s.store.Organization(r.Context(), id)
			if err != nil && amur.ErrorCode(err) != amur.ENotFound {
				return v, err
			} else if err == nil {
				name = p.Txt(o.Name)
			}
		}
		if name.V == "" {
			name.V = id
		}
		if i == 0 {
			v.AName, v.AHref = name, href
		} else {
			v.BName, v.BHref = name, href
		}
	}
	v.Explain = explainWords(p, c.Explanation)
	return v, nil
}

// evidenceView is one step of a pair's explanation: a part of one name
// met a part of the other through a bridge. Raw is set when the bridge
// has no translated name and shows as identity resolution writes it.
type evidenceView struct {
	Query, Match, Via string
	Raw               bool
}

// explainWords reads identity resolution's explanation, a list of
// evidence (or a result holding one), and names each bridge in the page's
// language; bridges joined by "+" are named one by one.
func explainWords(p *page, raw json.RawMessage) []evidenceView {
	var ev []identity.Evidence
	if json.Unmarshal(raw, &ev) != nil {
		var res identity.Result
		if json.Unmarshal(raw, &res) != nil {
			return nil
		}
		ev = res.Evidence
	}
	out := make([]evidenceView, 0, len(ev))
	for _, e := range ev {
		v := evidenceView{Query: e.Query, Match: e.Match}
		var names []string
		for _, part := range strings.Split(e.Via, "+") {
			key := "pages.idbridge." + strings.ReplaceAll(strings.TrimSpace(part), " ", "_")
			if _, ok := i18n.Lookup(p.Lang, key); ok {
				names = append(names, p.T(key))
			} else if first, _, _ := strings.Cut(strings.TrimSpace(part), " "); first != "" && hasKey(p.Lang, "pages.idbridge."+first) {
				names = append(names, p.T("pages.idbridge."+first))
			} else {
				names, v.Raw = append(names, part), true
			}
		}
		v.Via = strings.Join(names, " + ")
		out = append(out, v)
	}
	return out
}

// hasKey reports whether the catalog of l has key.
func hasKey(l amur.Lang, key string) bool { _, ok := i18n.Lookup(l, key); return ok }

// pageIdentityDecide answers the merge, reject and undo buttons of the
// identity queue. A merge keeps the first record of the pair.
func (s *Server) pageIdentityDecide(act string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p := newPage(r, "pages.identity.title")
		if !s.officeOnly(w, r, &p) {
			return
		}
		st, err := s.identityStore()
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		ctx, id, q := r.Context(), r.PathValue("id"), "?done="+act
		switch act {
		case "reject":
			_, err = st.RejectDuplicate(ctx, id)
		case "undo":
			_, err = st.UndoMerge(ctx, id)
		default:
			var m *amur.Merge
			if m, err = s.mergeCandidate(r, st, id); err == nil {
				q += "&merge=" + m.ID
			}
		}
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		http.Redirect(w, r, p.Href("/office/identity")+q, http.StatusSeeOther)
	}
}

// mergeCandidate merges the open candidate id, keeping its first record.
func (s *Server) mergeCandidate(r *http.Request, st amur.IdentityStore, id string) (*amur.Merge, error) {
	for off := 0; ; off += amur.MaxLimit {
		l, err := st.DuplicateCandidates(r.Context(), amur.DuplicateFilter{Page: amur.Page{Limit: amur.MaxLimit, Offset: off}})
		if err != nil {
			return nil, err
		}
		for _, c := range l.Items {
			if c.ID == id {
				return st.MergeRecords(r.Context(), c.Kind, c.A, c.B, c.ID)
			}
		}
		if !l.More {
			return nil, amur.NotFound("duplicates", id)
		}
	}
}
