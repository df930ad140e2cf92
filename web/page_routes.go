package web

import (
	"net/http"

	"amur"
)

// pageRoutes lists the HTML pages: every page of the registry under each
// language prefix (/zh/, /ru/, /en/), the sign-in pages also at their
// unprefixed paths, the static assets, and / which picks a language.
func (s *Server) pageRoutes() []route {
	rs := []route{
		{"GET /{$}", s.handleRoot},
		{"GET /static/{file}", s.handleStatic},
		{"GET /login", s.pageLogin},
		{"POST /login", s.pageLoginPost},
		{"POST /logout", s.pageLogout},
		{"GET /password/reset", s.pageReset},
		{"POST /password/reset", s.pageResetPost},
	}
	for _, l := range amur.Langs {
		rs = append(rs, s.langRoutes("/"+string(l))...)
	}
	return rs
}

// langRoutes lists the pages under one language prefix.
func (s *Server) langRoutes(pre string) []route {
	rs := []route{
		{"GET " + pre + "/{$}", s.pageHome},
		{"GET " + pre + "/login", s.pageLogin},
		{"POST " + pre + "/login", s.pageLoginPost},
		{"GET " + pre + "/password/reset", s.pageReset},
		{"POST " + pre + "/password/reset", s.pageResetPost},
		{"GET " + pre + "/activities", s.pageActivities},
		{"GET " + pre + "/activities/new", s.pageActivityNew},
		{"POST " + pre + "/activities/new", s.pageActivityCreate},
		{"GET " + pre + "/activities/{id}", s.pageActivity},
		{"GET " + pre + "/activities/{id}/edit", s.pageActivityEdit},
		{"POST " + pre + "/activities/{id}/edit", s.pageActivityUpdate},
		{"GET " + pre + "/organizations", s.pageOrgs},
		{"GET " + pre + "/organizations/{id}", s.pageOrg},
		{"GET " + pre + "/people", s.pagePeople},
		{"GET " + pre + "/people/{id}", s.pagePerson},
		{"GET " + pre + "/flagships", s.pageFlagships},
		{"GET " + pre + "/flagships/{id}", s.pageFlagship},
		{"GET " + pre + "/timeline", s.pageTimeline},
		{"GET " + pre + "/calendar.ics", s.pageCalendar},
		{"GET " + pre + "/fields", s.pageFields},
		{"GET " + pre + "/report", s.pageReport},
	}
	rs = append(rs, s.capabilityRoutes(pre)...)
	rs = append(rs, s.fundPageRoutes(pre)...)
	for _, ext := range exportFormats {
		rs = append(rs,
			route{"GET " + pre + "/activities." + ext, s.exportActivities(ext)},
			route{"GET " + pre + "/organizations." + ext, s.exportOrgs(ext)},
			route{"GET " + pre + "/people." + ext, s.exportPeople(ext)},
			route{"GET " + pre + "/timeline." + ext, s.exportTimeline(ext)},
		)
	}
	return rs
}

// pageNotFound answers an unknown path under a language prefix with an
// HTML page rather than the API's JSON.
func (s *Server) pageNotFound(w http.ResponseWriter, r *http.Request) {
	s.pageError(w, r, amur.Errorf(amur.ENotFound, "web.error.not_found"))
}
