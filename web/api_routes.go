package web

// apiRoutes lists every route of the JSON API. Each collection answers the
// same five operations; the OpenAPI document (openapi.json) describes
// exactly these patterns, and a test keeps the two in step.
func (s *Server) apiRoutes() []route {
	programs, activities, organizations := s.programs(), s.activities(), s.organizations()
	people, fields, flagships, timeline := s.people(), s.fields(), s.flagships(), s.timeline()
	routes := []route{
		{"POST /api/v1/login", s.handleLogin},
		{"POST /api/v1/logout", s.handleLogout},
		{"GET /api/v1/me", s.handleMe},
		{"POST /api/v1/password", s.handlePassword},
		{"POST /api/v1/password/reset", s.handlePasswordReset},
		{"GET /api/v1/tokens", s.handleTokenList},
		{"POST /api/v1/tokens", s.handleTokenCreate},
		{"DELETE /api/v1/tokens/{id}", s.handleTokenDelete},

		{"GET /api/v1/programs", programs.handleList},
		{"POST /api/v1/programs", programs.handleCreate},
		{"GET /api/v1/programs/{id}", programs.handleGet},
		{"PATCH /api/v1/programs/{id}", programs.handlePatch},
		{"DELETE /api/v1/programs/{id}", programs.handleDelete},

		{"GET /api/v1/activities", activities.handleList},
		{"POST /api/v1/activities", activities.handleCreate},
		{"GET /api/v1/activities/{id}", activities.handleGet},
		{"PATCH /api/v1/activities/{id}", activities.handlePatch},
		{"DELETE /api/v1/activities/{id}", activities.handleDelete},

		{"GET /api/v1/organizations", organizations.handleList},
		{"POST /api/v1/organizations", organizations.handleCreate},
		{"GET /api/v1/organizations/{id}", organizations.handleGet},
		{"PATCH /api/v1/organizations/{id}", organizations.handlePatch},
		{"DELETE /api/v1/organizations/{id}", organizations.handleDelete},

		{"GET /api/v1/people", people.handleList},
		{"POST /api/v1/people", people.handleCreate},
		{"GET /api/v1/people/{id}", people.handleGet},
		{"PATCH /api/v1/people/{id}", people.handlePatch},
		{"DELETE /api/v1/people/{id}", people.handleDelete},

		{"GET /api/v1/fields", fields.handleList},
		{"POST /api/v1/fields", fields.handleCreate},
		{"GET /api/v1/fields/{id}", fields.handleGet},
		{"PATCH /api/v1/fields/{id}", fields.handlePatch},
		{"DELETE /api/v1/fields/{id}", fields.handleDelete},

		{"GET /api/v1/flagships", flagships.handleList},
		{"POST /api/v1/flagships", flagships.handleCreate},
		{"GET /api/v1/flagships/{id}", flagships.handleGet},
		{"PATCH /api/v1/flagships/{id}", flagships.handlePatch},
		{"DELETE /api/v1/flagships/{id}", flagships.handleDelete},

		{"GET /api/v1/timeline", timeline.handleList},
		{"POST /api/v1/timeline", timeline.handleCreate},
		{"GET /api/v1/timeline/{id}", timeline.handleGet},
		{"PATCH /api/v1/timeline/{id}", timeline.handlePatch},
		{"DELETE /api/v1/timeline/{id}", timeline.handleDelete},

		{"GET /api/v1/stats", s.handleStats},
		{"GET /api/v1/audit", s.handleAudit},
		{"GET /api/v1/openapi.json", s.handleOpenAPI},
		{"GET /healthz", s.handleHealth},
	}
	routes = append(routes, s.offersRoutes()...)
	routes = append(routes, s.eventsRoutes()...)
	routes = append(routes, s.pressRoutes()...)
	routes = append(routes, s.fundRoutes()...)
	routes = append(routes, s.identityRoutes()...)
	routes = append(routes, s.searchRoutes()...)
	return routes
}
